package rules

// Benchmarks of the guide policy, each beside (a) hand-written Go of the
// same rules and (b) the straightforward cel-go way: one program per rule,
// a fresh map activation per call, the runtime cost limit on. Figures are in
// the package doc ("Performance").

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

var benchAsOf = civil.D(2026, 11, 24)

// benchProgramme builds n mentors, each with a tandem (n/2 of them), an
// agreement and eight monthly reports, and groups of 15. Everything
// complies, the common case in production: no messages are rendered.
func benchProgramme(n int) *mentoring.Programme {
	p := &mentoring.Programme{AsOf: benchAsOf, Institutions: []mentoring.Institution{
		{ID: "inst-1", Name: "Home", Kind: mentoring.Orphanage, City: "Almaty"},
	}}
	done := volunteer.Screening{Interview: civil.D(2026, 1, 10), PsychologicalTest: civil.D(2026, 1, 15),
		Training: civil.D(2026, 2, 1), Documents: civil.D(2026, 2, 10)}
	for i := range n {
		id := fmt.Sprintf("v-%d", i)
		p.Volunteers = append(p.Volunteers, volunteer.Volunteer{ID: id, FullName: "X", BirthDate: civil.D(1980+i%20, 3, 1),
			Role: volunteer.IndividualMentor, CommitmentMonths: 24, Screening: done})
		p.Agreements = append(p.Agreements, agreement.Agreement{ID: "a-" + id, Volunteer: id, SignedOn: civil.D(2026, 2, 15)})
		for mo := 3; mo <= 10; mo++ {
			p.Reports = append(p.Reports, agreement.Report{Volunteer: id, Month: civil.M(2026, time.Month(mo))})
		}
		if i%2 == 0 {
			cid := fmt.Sprintf("c-%d", i)
			p.Children = append(p.Children, mentoring.Child{ID: cid, BirthDate: civil.D(2012, 5, 1), Institution: "inst-1"})
			p.Tandems = append(p.Tandems, mentoring.Tandem{ID: "t-" + id, Mentor: id, Child: cid,
				StartedOn: civil.D(2026, 3, 1), Phase: mentoring.ActivePhase})
		}
	}
	// Groups of 8 mentors and their 4 children: 12 people.
	for i := 0; i+8 <= n; i += 8 {
		g := mentoring.Group{ID: fmt.Sprintf("g-%d", i), Institution: "inst-1", Date: civil.D(2026, 2, 20)}
		for j := range 8 {
			g.Mentors = append(g.Mentors, fmt.Sprintf("v-%d", i+j))
			if (i+j)%2 == 0 {
				g.Children = append(g.Children, fmt.Sprintf("c-%d", i+j))
			}
		}
		p.Groups = append(p.Groups, g)
	}
	p.Meetings = []mentoring.Meeting{{ID: "m-1", Kind: mentoring.General, Date: civil.D(2026, 10, 5)}}
	// Validated, as mentoring.Load leaves a programme: Evaluate would
	// otherwise validate it on its first call, inside the measurement.
	if err := p.Validated(); err != nil {
		panic(err)
	}
	return p
}

func mustGuide(b *testing.B) *Policy {
	b.Helper()
	p, err := Load(Policies(), "guide")
	if err != nil {
		b.Fatal(err)
	}
	return p
}

func BenchmarkVolunteer(b *testing.B) {
	prog := benchProgramme(1)
	v := &prog.Volunteers[0]
	p := mustGuide(b)
	b.Run("handwritten", func(b *testing.B) {
		b.ReportAllocs()
		var out []Finding
		for b.Loop() {
			out = handVolunteer(prog, v, benchAsOf, out[:0])
		}
	})
	b.Run("celgo-naive", func(b *testing.B) {
		n := newNaive(b, p)
		params := p.paramMap()
		b.ReportAllocs()
		for b.Loop() {
			n.run(b, KindVolunteer, map[string]any{"as_of": &benchAsOf, "programme": prog, "volunteer": v,
				"tandems": prog.TandemsOf(v.ID), "agreements": prog.AgreementsOf(v.ID), "reports": prog.ReportsOf(v.ID),
				"params_map": params})
		}
	})
	b.Run("policy", func(b *testing.B) {
		ctx := context.Background()
		only := WithSubject("volunteer/v-0")
		b.ReportAllocs()
		for b.Loop() {
			if _, err := p.Evaluate(ctx, prog, only); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkTandem(b *testing.B) {
	prog := benchProgramme(32)
	t := &prog.Tandems[0]
	p := mustGuide(b)
	b.Run("handwritten", func(b *testing.B) {
		b.ReportAllocs()
		var out []Finding
		for b.Loop() {
			out = handTandem(prog, t, out[:0])
		}
	})
	b.Run("celgo-naive", func(b *testing.B) {
		n := newNaive(b, p)
		params := p.paramMap()
		b.ReportAllocs()
		for b.Loop() {
			m, _ := prog.Volunteer(t.Mentor)
			c, _ := prog.Child(t.Child)
			inst, _ := prog.Institution(c.Institution)
			n.run(b, KindTandem, map[string]any{"as_of": &benchAsOf, "programme": prog, "tandem": t, "mentor": m,
				"child": c, "institution": inst, "agreements": prog.AgreementsOf(t.Mentor),
				"child_groups": prog.GroupsWith(t.Child), "params_map": params})
		}
	})
	b.Run("policy", func(b *testing.B) {
		ctx := context.Background()
		only := WithSubject("tandem/" + t.ID)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := p.Evaluate(ctx, prog, only); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkGroup(b *testing.B) {
	prog := benchProgramme(8)
	g := &prog.Groups[0]
	p := mustGuide(b)
	b.Run("handwritten", func(b *testing.B) {
		b.ReportAllocs()
		var out []Finding
		for b.Loop() {
			out = handGroup(g, out[:0])
		}
	})
	b.Run("celgo-naive", func(b *testing.B) {
		n := newNaive(b, p)
		params := p.paramMap()
		inst, _ := prog.Institution(g.Institution)
		b.ReportAllocs()
		for b.Loop() {
			n.run(b, KindGroup, map[string]any{"as_of": &benchAsOf, "programme": prog, "group": g,
				"institution": inst, "params_map": params})
		}
	})
	b.Run("policy", func(b *testing.B) {
		ctx := context.Background()
		only := WithSubject("group/" + g.ID)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := p.Evaluate(ctx, prog, only); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("policy-into", func(b *testing.B) {
		ctx := context.Background()
		only := WithSubject("group/" + g.ID)
		var rep Report
		b.ReportAllocs()
		for b.Loop() {
			if err := p.EvaluateInto(ctx, prog, &rep, only); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkFixed is a single-subject evaluation that runs no rule: the
// fixed cost of one call (options, the report, finding the subject,
// binding it), with Evaluate (a new report each call) and EvaluateInto (a
// report reused), beside the hand-written Go of the same: a map look-up
// and an empty list of findings.
func BenchmarkFixed(b *testing.B) {
	prog := benchProgramme(8)
	p := mustGuide(b)
	ctx := context.Background()
	id := prog.Groups[0].ID
	opts := []EvalOption{WithSubject("group/" + id), WithRules()}
	b.Run("handwritten", func(b *testing.B) {
		index := map[string]*mentoring.Group{}
		for i := range prog.Groups {
			index[prog.Groups[i].ID] = &prog.Groups[i]
		}
		var out []Finding
		b.ReportAllocs()
		for b.Loop() {
			if index[id] == nil {
				b.Fatal("no group")
			}
			out = out[:0]
		}
		_ = out
	})
	b.Run("Evaluate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := p.Evaluate(ctx, prog, opts...); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("EvaluateInto", func(b *testing.B) {
		var rep Report
		b.ReportAllocs()
		for b.Loop() {
			if err := p.EvaluateInto(ctx, prog, &rep, opts...); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkChild(b *testing.B) {
	prog := benchProgramme(8)
	c := &prog.Children[0]
	p := mustGuide(b)
	b.Run("handwritten", func(b *testing.B) {
		b.ReportAllocs()
		var out []Finding
		for b.Loop() {
			out = handChild(prog, c, benchAsOf, out[:0])
		}
	})
	b.Run("celgo-naive", func(b *testing.B) {
		n := newNaive(b, p)
		params := p.paramMap()
		b.ReportAllocs()
		for b.Loop() {
			inst, _ := prog.Institution(c.Institution)
			n.run(b, KindChild, map[string]any{"as_of": &benchAsOf, "programme": prog, "child": c,
				"institution": inst, "tandems": prog.TandemsWith(c.ID), "params_map": params})
		}
	})
	b.Run("policy", func(b *testing.B) {
		ctx := context.Background()
		only := WithSubject("child/" + c.ID)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := p.Evaluate(ctx, prog, only); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkAgreement(b *testing.B) {
	prog := benchProgramme(8)
	a := &prog.Agreements[0]
	p := mustGuide(b)
	b.Run("handwritten", func(b *testing.B) {
		b.ReportAllocs()
		var out []Finding
		for b.Loop() {
			out = handAgreement(prog, a, benchAsOf, out[:0])
		}
	})
	b.Run("celgo-naive", func(b *testing.B) {
		n := newNaive(b, p)
		params := p.paramMap()
		b.ReportAllocs()
		for b.Loop() {
			v, _ := prog.Volunteer(a.Volunteer)
			n.run(b, KindAgreement, map[string]any{"as_of": &benchAsOf, "programme": prog, "agreement": a,
				"volunteer": v, "reports": prog.ReportsOf(a.Volunteer), "params_map": params})
		}
	})
	b.Run("policy", func(b *testing.B) {
		ctx := context.Background()
		only := WithSubject("agreement/" + a.ID)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := p.Evaluate(ctx, prog, only); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkOuting(b *testing.B) {
	prog := benchProgramme(8)
	prog.Outings = []mentoring.Outing{{Tandem: prog.Tandems[0].ID, Date: civil.D(2026, 5, 9)}}
	o := &prog.Outings[0]
	p := mustGuide(b)
	b.Run("handwritten", func(b *testing.B) {
		b.ReportAllocs()
		var out []Finding
		for b.Loop() {
			out = handOuting(prog, o, out[:0])
		}
	})
	b.Run("celgo-naive", func(b *testing.B) {
		n := newNaive(b, p)
		params := p.paramMap()
		b.ReportAllocs()
		for b.Loop() {
			t, _ := prog.Tandem(o.Tandem)
			m, _ := prog.Volunteer(t.Mentor)
			c, _ := prog.Child(t.Child)
			n.run(b, KindOuting, map[string]any{"as_of": &benchAsOf, "programme": prog, "outing": o, "tandem": t,
				"mentor": m, "child": c, "agreements": prog.AgreementsOf(t.Mentor), "params_map": params})
		}
	})
	b.Run("policy", func(b *testing.B) {
		ctx := context.Background()
		only := WithSubject("outing/" + o.ID())
		b.ReportAllocs()
		for b.Loop() {
			if _, err := p.Evaluate(ctx, prog, only); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkProgramme100k evaluates the whole guide policy on a programme of
// 100,000 volunteers (50,000 children and tandems, 100,000 agreements,
// 800,000 reports, 12,500 groups of 12), reporting ns per subject.
func BenchmarkProgramme100k(b *testing.B) {
	prog := benchProgramme(100_000)
	p := mustGuide(b)
	subjects := float64(len(prog.Volunteers) + len(prog.Children) + len(prog.Tandems) + len(prog.Groups) + len(prog.Agreements))
	perSubject := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/subjects, "ns/subject")
	}
	b.Run("handwritten", func(b *testing.B) {
		b.ReportAllocs()
		var out []Finding
		for b.Loop() {
			out = out[:0]
			for i := range prog.Volunteers {
				out = handVolunteer(prog, &prog.Volunteers[i], benchAsOf, out)
			}
			for i := range prog.Tandems {
				out = handTandem(prog, &prog.Tandems[i], out)
			}
			for i := range prog.Groups {
				out = handGroup(&prog.Groups[i], out)
			}
			for i := range prog.Agreements {
				out = handAgreement(prog, &prog.Agreements[i], benchAsOf, out)
			}
		}
		perSubject(b)
	})
	b.Run("celgo-naive", func(b *testing.B) {
		n := newNaive(b, p)
		params := p.paramMap()
		b.ReportAllocs()
		for b.Loop() {
			for i := range prog.Volunteers {
				v := &prog.Volunteers[i]
				n.run(b, KindVolunteer, map[string]any{"as_of": &benchAsOf, "programme": prog, "volunteer": v,
					"tandems": prog.TandemsOf(v.ID), "agreements": prog.AgreementsOf(v.ID), "reports": prog.ReportsOf(v.ID),
					"params_map": params})
			}
			for i := range prog.Children {
				c := &prog.Children[i]
				inst, _ := prog.Institution(c.Institution)
				n.run(b, KindChild, map[string]any{"as_of": &benchAsOf, "programme": prog, "child": c,
					"institution": inst, "tandems": prog.TandemsWith(c.ID), "params_map": params})
			}
			for i := range prog.Tandems {
				t := &prog.Tandems[i]
				m, _ := prog.Volunteer(t.Mentor)
				c, _ := prog.Child(t.Child)
				inst, _ := prog.Institution(c.Institution)
				n.run(b, KindTandem, map[string]any{"as_of": &benchAsOf, "programme": prog, "tandem": t, "mentor": m,
					"child": c, "institution": inst, "agreements": prog.AgreementsOf(t.Mentor),
					"child_groups": prog.GroupsWith(t.Child), "params_map": params})
			}
			for i := range prog.Groups {
				g := &prog.Groups[i]
				inst, _ := prog.Institution(g.Institution)
				n.run(b, KindGroup, map[string]any{"as_of": &benchAsOf, "programme": prog, "group": g,
					"institution": inst, "params_map": params})
			}
			for i := range prog.Agreements {
				a := &prog.Agreements[i]
				v, _ := prog.Volunteer(a.Volunteer)
				n.run(b, KindAgreement, map[string]any{"as_of": &benchAsOf, "programme": prog, "agreement": a,
					"volunteer": v, "reports": prog.ReportsOf(a.Volunteer), "params_map": params})
			}
		}
		perSubject(b)
	})
	b.Run("policy", func(b *testing.B) {
		ctx := context.Background()
		if _, err := p.Evaluate(ctx, prog); err != nil { // the engine's positions of prog, built once
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			rep, err := p.Evaluate(ctx, prog)
			if err != nil {
				b.Fatal(err)
			}
			if len(rep.Findings) > 0 {
				b.Fatalf("unexpected findings: %v", rep.Findings[0])
			}
		}
		perSubject(b)
	})
}
