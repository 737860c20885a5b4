package peers_test

// Benchmarks of the three engines side by side, in one run: the guide's
// rules on one subject of each kind, and on a whole generated programme.
// Every subject complies, the common case in production. Run them, and
// print the table with ratios, with bench/peers.sh (see bench/README.md).

import (
	"context"
	"flag"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/bench/gen"
	"github.com/birgemiz/sabaqtastyq/bench/peers"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

var programmeN = flag.Int("programme", 10_000, "volunteers in BenchmarkProgramme's generated programme")

// subjectN is the size of the programme the single subjects come from;
// a look-up costs the same in a bigger one.
const subjectN = 800

type setup struct {
	prog    *mentoring.Programme
	engines []peers.Engine
}

var (
	setupMu sync.Mutex
	setups  = map[int]*setup{}
)

// compliant builds, once per size, a compliant generated programme of n
// volunteers and the three engines over it.
func compliant(b *testing.B, n int) *setup {
	b.Helper()
	setupMu.Lock()
	defer setupMu.Unlock()
	if s, ok := setups[n]; ok {
		return s
	}
	raw, err := gen.Programme(gen.Config{Volunteers: n, Seed: 1})
	require.NoError(b, err)
	prog := parse(b, raw)
	s := &setup{prog: prog, engines: engines(b, guide(b), prog)}
	setups[n] = s
	return s
}

// benchSubjects are the subjects timed, one of each kind, each from the
// middle of its list (a look-up that scans pays for it): an institution
// with 48 children in tandems (one rule), a volunteer who mentors a child
// (six rules), a child in an adaptation centre (every rule of the kind
// applies), a tandem with a visit every two weeks (nine rules), a group of
// 12, an agreement with eight monthly reports, an outing (two rules).
func benchSubjects(p *mentoring.Programme) [][2]string {
	adaptation := map[string]bool{}
	for _, in := range p.Institutions {
		adaptation[in.ID] = in.Kind == mentoring.AdaptationCentre
	}
	var children []string
	for _, c := range p.Children {
		if adaptation[c.Institution] {
			children = append(children, c.ID)
		}
	}
	return [][2]string{
		{"institution", "institution/" + p.Institutions[len(p.Institutions)/2].ID},
		{"volunteer", "volunteer/" + p.Volunteers[len(p.Volunteers)/2].ID},
		{"child", "child/" + children[len(children)/2]},
		{"tandem", "tandem/" + p.Tandems[len(p.Tandems)/2].ID},
		{"group", "group/" + p.Groups[len(p.Groups)/2].ID},
		{"agreement", "agreement/" + p.Agreements[len(p.Agreements)/2].ID},
		{"outing", "outing/" + p.Outings[len(p.Outings)/2].ID()},
	}
}

// BenchmarkSubject is one Evaluate of one subject: look it up, bind what
// its rules read, run them, collect the findings.
func BenchmarkSubject(b *testing.B) {
	s := compliant(b, subjectN)
	ctx := context.Background()
	for _, sub := range benchSubjects(s.prog) {
		for _, e := range s.engines {
			b.Run(fmt.Sprintf("kind=%s/engine=%s", sub[0], e.Name()), func(b *testing.B) {
				var out []peers.Finding
				var err error
				b.ReportAllocs()
				for b.Loop() {
					if out, err = e.Subject(ctx, sub[1], out[:0]); err != nil {
						b.Fatal(err)
					}
				}
				if len(out) > 0 {
					b.Fatalf("%s finds %v", e.Name(), out)
				}
			})
		}
	}
}

// BenchmarkProgramme evaluates every rule on every subject of a generated
// programme (-programme N volunteers, default 10,000: with N/2 children and
// tandems, N agreements, 8N reports, N/8 groups and about N/5 outings),
// reporting ns per subject beside ns per programme.
func BenchmarkProgramme(b *testing.B) {
	s := compliant(b, *programmeN)
	ctx := context.Background()
	p := s.prog
	subjects := float64(len(p.Institutions) + len(p.Volunteers) + len(p.Children) + len(p.Tandems) + len(p.Groups) +
		len(p.Agreements) + len(p.Outings) + 1)
	for _, e := range s.engines {
		b.Run(fmt.Sprintf("n=%d/engine=%s", *programmeN, e.Name()), func(b *testing.B) {
			var out []peers.Finding
			var err error
			b.ReportAllocs()
			for b.Loop() {
				if out, err = e.All(ctx, out[:0]); err != nil {
					b.Fatal(err)
				}
			}
			if len(out) > 0 {
				b.Fatalf("%s finds %v", e.Name(), out[0])
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/subjects, "ns/subject")
		})
	}
}
