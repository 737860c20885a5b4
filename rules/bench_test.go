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
// complies, the common case in production: no messages are rendered. A
// tandem is met every 14 days from its start, with the coordinator's
// first-week check-in; the institution has its coordinator, written
// agreement and rules for contact and outings.
func benchProgramme(n int) *mentoring.Programme {
	p := &mentoring.Programme{AsOf: benchAsOf, Institutions: []mentoring.Institution{
		{ID: "inst-1", Name: "Home", Kind: mentoring.Orphanage, City: "Almaty", Coordinator: "C",
			PartnershipSignedOn: civil.D(2026, 1, 15), InteractionRulesOn: civil.D(2026, 1, 20)},
	}}
	done := volunteer.Screening{Interview: civil.D(2026, 1, 10), PsychologicalTest: civil.D(2026, 1, 15),
		Training: civil.D(2026, 2, 1), Documents: civil.D(2026, 2, 10), SafetyBriefing: civil.D(2026, 2, 12)}
	start := civil.D(2026, 3, 1)
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
				StartedOn: start, Phase: mentoring.ActivePhase})
			p.CheckIns = append(p.CheckIns, mentoring.CheckIn{Tandem: "t-" + id, Date: start.AddDays(2)})
			for d := start.AddDays(14); !d.After(benchAsOf); d = d.AddDays(14) {
				p.Visits = append(p.Visits, mentoring.Visit{Tandem: "t-" + id, Date: d})
			}
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

func mustGuide(b testing.TB) *Policy {
	b.Helper()
	p, err := Load(Policies(), "guide")
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// naiveVars is what the straightforward cel-go way binds for one subject
// of kind k: every variable of the kind, looked up through the
// programme's index, in a fresh map.
func naiveVars(prog *mentoring.Programme, k Kind, id string, params map[string]any) map[string]any {
	vars := map[string]any{"as_of": &benchAsOf, "programme": prog, "params_map": params}
	switch k {
	case KindInstitution:
		in, _ := prog.Institution(id)
		var tandems []*mentoring.Tandem
		var children []*mentoring.Child
		for i := range prog.Children {
			if c := &prog.Children[i]; c.Institution == id {
				children = append(children, c)
				tandems = append(tandems, prog.TandemsWith(c.ID)...)
			}
		}
		var groups []*mentoring.Group
		for i := range prog.Groups {
			if prog.Groups[i].Institution == id {
				groups = append(groups, &prog.Groups[i])
			}
		}
		vars["institution"], vars["children"], vars["tandems"], vars["groups"] = in, children, tandems, groups
	case KindVolunteer:
		v, _ := prog.Volunteer(id)
		vars["volunteer"], vars["tandems"] = v, prog.TandemsOf(id)
		vars["agreements"], vars["reports"] = prog.AgreementsOf(id), prog.ReportsOf(id)
	case KindChild:
		c, _ := prog.Child(id)
		inst, _ := prog.Institution(c.Institution)
		vars["child"], vars["institution"], vars["tandems"] = c, inst, prog.TandemsWith(id)
	case KindTandem:
		t, _ := prog.Tandem(id)
		m, _ := prog.Volunteer(t.Mentor)
		c, _ := prog.Child(t.Child)
		inst, _ := prog.Institution(c.Institution)
		vars["tandem"], vars["mentor"], vars["child"], vars["institution"] = t, m, c, inst
		vars["agreements"], vars["child_groups"] = prog.AgreementsOf(t.Mentor), prog.GroupsWith(t.Child)
		vars["visits"], vars["outings"], vars["check_ins"] = prog.VisitsOf(id), prog.OutingsOf(id), prog.CheckInsOf(id)
	case KindGroup:
		g, _ := prog.Group(id)
		inst, _ := prog.Institution(g.Institution)
		vars["group"], vars["institution"] = g, inst
	case KindAgreement:
		a, _ := prog.Agreement(id)
		v, _ := prog.Volunteer(a.Volunteer)
		vars["agreement"], vars["volunteer"], vars["reports"] = a, v, prog.ReportsOf(a.Volunteer)
	case KindOuting:
		for i := range prog.Outings {
			if o := &prog.Outings[i]; o.ID() == id {
				t, _ := prog.Tandem(o.Tandem)
				m, _ := prog.Volunteer(t.Mentor)
				c, _ := prog.Child(t.Child)
				inst, _ := prog.Institution(c.Institution)
				vars["outing"], vars["tandem"], vars["mentor"], vars["child"], vars["institution"] = o, t, m, c, inst
				vars["agreements"] = prog.AgreementsOf(t.Mentor)
			}
		}
	}
	return vars
}

// benchKind runs one subject three ways beside hand-written Go: the
// naive cel-go way, Evaluate (a new report each call) and EvaluateInto (a
// report reused).
func benchKind(b *testing.B, prog *mentoring.Programme, k Kind, id string, hand func(out []Finding) []Finding) {
	p := mustGuide(b)
	b.Run("handwritten", func(b *testing.B) {
		b.ReportAllocs()
		var out []Finding
		for b.Loop() {
			out = hand(out[:0])
		}
		if len(out) > 0 {
			b.Fatalf("hand-written Go finds %v", out[0])
		}
	})
	b.Run("celgo-naive", func(b *testing.B) {
		n := newNaive(b, p)
		params := p.paramMap()
		b.ReportAllocs()
		for b.Loop() {
			if failed := n.run(b, k, naiveVars(prog, k, id, params)); failed > 0 {
				b.Fatalf("%d rules fail", failed)
			}
		}
	})
	only := WithSubject(string(k) + "/" + id)
	ctx := context.Background()
	b.Run("policy", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			rep, err := p.Evaluate(ctx, prog, only)
			if err != nil || len(rep.Findings) > 0 {
				b.Fatal(err, rep)
			}
		}
	})
	b.Run("policy-into", func(b *testing.B) {
		var rep Report
		b.ReportAllocs()
		for b.Loop() {
			if err := p.EvaluateInto(ctx, prog, &rep, only); err != nil || len(rep.Findings) > 0 {
				b.Fatal(err, rep.Findings)
			}
		}
	})
}

func BenchmarkInstitution(b *testing.B) {
	prog := benchProgramme(32)
	in := &prog.Institutions[0]
	benchKind(b, prog, KindInstitution, in.ID, func(out []Finding) []Finding { return handInstitution(prog, in, out) })
}

func BenchmarkVolunteer(b *testing.B) {
	prog := benchProgramme(1)
	v := &prog.Volunteers[0]
	benchKind(b, prog, KindVolunteer, v.ID, func(out []Finding) []Finding { return handVolunteer(prog, v, benchAsOf, out) })
}

func BenchmarkTandem(b *testing.B) {
	prog := benchProgramme(32)
	t := &prog.Tandems[0]
	benchKind(b, prog, KindTandem, t.ID, func(out []Finding) []Finding { return handTandem(prog, t, out) })
}

func BenchmarkGroup(b *testing.B) {
	prog := benchProgramme(8)
	g := &prog.Groups[0]
	benchKind(b, prog, KindGroup, g.ID, func(out []Finding) []Finding { return handGroup(g, out) })
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
	benchKind(b, prog, KindChild, c.ID, func(out []Finding) []Finding { return handChild(prog, c, benchAsOf, out) })
}

func BenchmarkAgreement(b *testing.B) {
	prog := benchProgramme(8)
	a := &prog.Agreements[0]
	benchKind(b, prog, KindAgreement, a.ID, func(out []Finding) []Finding { return handAgreement(prog, a, benchAsOf, out) })
}

func BenchmarkOuting(b *testing.B) {
	prog := benchProgramme(8)
	prog.Outings = []mentoring.Outing{{Tandem: prog.Tandems[0].ID, Date: civil.D(2026, 5, 9)}}
	o := &prog.Outings[0]
	benchKind(b, prog, KindOuting, o.ID(), func(out []Finding) []Finding { return handOuting(prog, o, out) })
}

// BenchmarkProgramme100k evaluates the whole guide policy on a programme of
// 100,000 volunteers (50,000 children and tandems, 100,000 agreements,
// 800,000 reports, 12,500 groups of 12, 850,000 visits), reporting ns per
// subject.
func BenchmarkProgramme100k(b *testing.B) {
	prog := benchProgramme(100_000)
	p := mustGuide(b)
	subjects := float64(len(prog.Institutions) + len(prog.Volunteers) + len(prog.Children) + len(prog.Tandems) +
		len(prog.Groups) + len(prog.Agreements))
	perSubject := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/subjects, "ns/subject")
	}
	b.Run("handwritten", func(b *testing.B) {
		b.ReportAllocs()
		var out []Finding
		for b.Loop() {
			out = out[:0]
			for i := range prog.Institutions {
				out = handInstitution(prog, &prog.Institutions[i], out)
			}
			for i := range prog.Volunteers {
				out = handVolunteer(prog, &prog.Volunteers[i], benchAsOf, out)
			}
			for i := range prog.Children {
				out = handChild(prog, &prog.Children[i], benchAsOf, out)
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
				n.run(b, KindVolunteer, naiveVars(prog, KindVolunteer, prog.Volunteers[i].ID, params))
			}
			for i := range prog.Children {
				n.run(b, KindChild, naiveVars(prog, KindChild, prog.Children[i].ID, params))
			}
			for i := range prog.Tandems {
				n.run(b, KindTandem, naiveVars(prog, KindTandem, prog.Tandems[i].ID, params))
			}
			for i := range prog.Groups {
				n.run(b, KindGroup, naiveVars(prog, KindGroup, prog.Groups[i].ID, params))
			}
			for i := range prog.Agreements {
				n.run(b, KindAgreement, naiveVars(prog, KindAgreement, prog.Agreements[i].ID, params))
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
