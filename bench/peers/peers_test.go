package peers_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/bench/gen"
	"github.com/birgemiz/sabaqtastyq/bench/peers"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

func guide(tb testing.TB) *rules.Policy {
	tb.Helper()
	pol, err := rules.Resolve("guide")
	require.NoError(tb, err)
	return pol
}

// parse writes p as a programme file and loads it as sabaq check would, so
// that the engines see exactly what a user's file gives.
func parse(tb testing.TB, p *mentoring.Programme) *mentoring.Programme {
	tb.Helper()
	var b bytes.Buffer
	require.NoError(tb, gen.WriteJSON(&b, p))
	loaded, err := mentoring.Parse(b.Bytes(), "programme.json", mentoring.JSON)
	require.NoError(tb, err)
	return loaded
}

// engines builds the three engines over one programme.
func engines(tb testing.TB, pol *rules.Policy, prog *mentoring.Programme) []peers.Engine {
	tb.Helper()
	ex, err := peers.NewExpr(pol, prog)
	require.NoError(tb, err)
	opa, err := peers.NewOPA(context.Background(), pol, prog)
	require.NoError(tb, err)
	return []peers.Engine{peers.NewOurs(pol, prog), ex, opa}
}

// subjects lists every subject of prog, KIND/ID.
func subjects(prog *mentoring.Programme) []string {
	var out []string
	for _, in := range prog.Institutions {
		out = append(out, "institution/"+in.ID)
	}
	for _, v := range prog.Volunteers {
		out = append(out, "volunteer/"+v.ID)
	}
	for _, c := range prog.Children {
		out = append(out, "child/"+c.ID)
	}
	for _, t := range prog.Tandems {
		out = append(out, "tandem/"+t.ID)
	}
	for _, g := range prog.Groups {
		out = append(out, "group/"+g.ID)
	}
	for _, a := range prog.Agreements {
		out = append(out, "agreement/"+a.ID)
	}
	for _, o := range prog.Outings {
		out = append(out, "outing/"+o.ID())
	}
	id := prog.Organisation
	if id == "" {
		id = "programme"
	}
	return append(out, "programme/"+id)
}

// agree runs every engine over the whole programme and subject by subject,
// and requires the same findings from all of them, both ways. It returns
// our engine's findings.
func agree(t *testing.T, pol *rules.Policy, prog *mentoring.Programme) []peers.Finding {
	t.Helper()
	ctx := context.Background()
	var want []peers.Finding
	for _, e := range engines(t, pol, prog) {
		all, err := e.All(ctx, nil)
		require.NoError(t, err, e.Name())
		var one []peers.Finding
		for _, s := range subjects(prog) {
			one, err = e.Subject(ctx, s, one)
			require.NoError(t, err, "%s: %s", e.Name(), s)
		}
		peers.Sort(all)
		peers.Sort(one)
		require.Empty(t, diff("whole programme", all, "subject by subject", one), e.Name())
		if want == nil {
			want = all
			continue
		}
		require.Empty(t, diff("ours", want, e.Name(), all), "%s disagrees with ours", e.Name())
	}
	return want
}

// diff lists the findings only one of two sorted lists holds.
func diff(aName string, a []peers.Finding, bName string, b []peers.Finding) []string {
	var out []string
	for _, f := range a {
		if _, ok := slices.BinarySearchFunc(b, f, peers.Compare); !ok {
			out = append(out, "only "+aName+": "+f.String())
		}
	}
	for _, f := range b {
		if _, ok := slices.BinarySearchFunc(a, f, peers.Compare); !ok {
			out = append(out, "only "+bName+": "+f.String())
		}
	}
	if len(a) != len(b) && out == nil {
		out = append(out, fmt.Sprintf("%d findings in %s, %d in %s", len(a), aName, len(b), bName))
	}
	return out
}

func d(y int, m time.Month, day int) civil.Date { return civil.D(y, m, day) }

// builder adds elements to a hand-made programme. Every volunteer it adds
// complies unless a case edits it: an agreement signed in February and a
// report for every month since; every institution has its coordinator, its
// written agreement and its rules for contact and outings since 2025.
type builder struct{ p *mentoring.Programme }

func newBuilder(asOf civil.Date) *builder {
	b := &builder{p: &mentoring.Programme{AsOf: asOf}}
	b.institution("inst-o", mentoring.Orphanage)
	b.institution("inst-a", mentoring.AdaptationCentre)
	b.institution("inst-s", mentoring.SocialServiceCentre)
	return b
}

func (b *builder) institution(id string, kind mentoring.InstitutionKind, edit ...func(*mentoring.Institution)) {
	in := mentoring.Institution{ID: id, Name: "Institution " + id, Kind: kind, Coordinator: "Test Coordinator",
		PartnershipSignedOn: d(2025, 1, 1), InteractionRulesOn: d(2025, 1, 1)}
	for _, f := range edit {
		f(&in)
	}
	b.p.Institutions = append(b.p.Institutions, in)
}

var screened = volunteer.Screening{Interview: d(2024, 10, 1), PsychologicalTest: d(2024, 10, 5),
	Training: d(2024, 11, 10), Documents: d(2025, 1, 10), SafetyBriefing: d(2025, 1, 15)}

// volunteer adds an individual mentor born on birth, committed for 24
// months and screened by 2025-01-10, with agreement a-ID signed on
// 2025-02-15 and every report since.
func (b *builder) volunteer(id string, birth civil.Date, edit ...func(*volunteer.Volunteer)) {
	v := volunteer.Volunteer{ID: id, FullName: "Test Person", BirthDate: birth, Role: volunteer.IndividualMentor,
		CommitmentMonths: 24, Screening: screened}
	for _, f := range edit {
		f(&v)
	}
	b.p.Volunteers = append(b.p.Volunteers, v)
	signed := d(2025, 2, 15)
	b.agreement("a-"+id, id, signed)
	b.reports(id, signed.In(), b.p.AsOf.In())
}

func (b *builder) agreement(id, vol string, signed civil.Date, edit ...func(*agreement.Agreement)) {
	a := agreement.Agreement{ID: id, Volunteer: vol, SignedOn: signed}
	for _, f := range edit {
		f(&a)
	}
	b.p.Agreements = append(b.p.Agreements, a)
}

// reports adds a report for every month strictly between from and to,
// but the months in skip.
func (b *builder) reports(vol string, from, to civil.Month, skip ...civil.Month) {
	for _, m := range civil.Between(from, to) {
		if !slices.Contains(skip, m) {
			b.p.Reports = append(b.p.Reports, agreement.Report{Volunteer: vol, Month: m})
		}
	}
}

func (b *builder) child(id, inst string, birth civil.Date, edit ...func(*mentoring.Child)) {
	c := mentoring.Child{ID: id, Institution: inst, BirthDate: birth, Programme: mentoring.Individual}
	for _, f := range edit {
		f(&c)
	}
	b.p.Children = append(b.p.Children, c)
}

// tandem adds tandem ID between a new mentor m-ID and a new child c-ID of
// inst born on 2014-01-01, started on 2026-03-01, active, after a group
// session g-ID of the two on 2026-02-20, with the coordinator's check-in
// on 2026-03-03 and a visit every 14 days from the start to as_of. The
// edits run on the whole programme, after everything is added.
func (b *builder) tandem(id, inst string, edit ...func(p *mentoring.Programme)) {
	b.volunteer("m-"+id, d(1990, 1, 1))
	b.child("c-"+id, inst, d(2014, 1, 1))
	start := d(2026, 3, 1)
	b.p.Tandems = append(b.p.Tandems, mentoring.Tandem{ID: id, Mentor: "m-" + id, Child: "c-" + id,
		StartedOn: start, Phase: mentoring.ActivePhase})
	b.p.Groups = append(b.p.Groups, mentoring.Group{ID: "g-" + id, Institution: inst, Date: d(2026, 2, 20),
		Mentors: []string{"m-" + id}, Children: []string{"c-" + id}})
	b.p.CheckIns = append(b.p.CheckIns, mentoring.CheckIn{Tandem: id, Date: start.AddDays(2)})
	for v := start.AddDays(14); !v.After(b.p.AsOf); v = v.AddDays(14) {
		b.p.Visits = append(b.p.Visits, mentoring.Visit{Tandem: id, Date: v})
	}
	for _, f := range edit {
		f(b.p)
	}
}

// visits lists the positions of tandem id's visits in p.Visits.
func visits(p *mentoring.Programme, id string) []int {
	var out []int
	for i, v := range p.Visits {
		if v.Tandem == id {
			out = append(out, i)
		}
	}
	return out
}

// find returns the last element of list with the id, for edits.
func find[T any](list []T, id func(T) string, want string) *T {
	for i := len(list) - 1; i >= 0; i-- {
		if id(list[i]) == want {
			return &list[i]
		}
	}
	panic("no " + want)
}

func vol(p *mentoring.Programme, id string) *volunteer.Volunteer {
	return find(p.Volunteers, func(v volunteer.Volunteer) string { return v.ID }, id)
}
func agr(p *mentoring.Programme, id string) *agreement.Agreement {
	return find(p.Agreements, func(a agreement.Agreement) string { return a.ID }, id)
}
func tan(p *mentoring.Programme, id string) *mentoring.Tandem {
	return find(p.Tandems, func(t mentoring.Tandem) string { return t.ID }, id)
}
func grp(p *mentoring.Programme, id string) *mentoring.Group {
	return find(p.Groups, func(g mentoring.Group) string { return g.ID }, id)
}
func chi(p *mentoring.Programme, id string) *mentoring.Child {
	return find(p.Children, func(c mentoring.Child) string { return c.ID }, id)
}

// dropReport removes vol's report for month m.
func dropReport(p *mentoring.Programme, vol string, m civil.Month) {
	p.Reports = slices.DeleteFunc(p.Reports, func(r agreement.Report) bool { return r.Volunteer == vol && r.Month == m })
}

type boundary struct {
	subject string
	want    []string // rule ids, sorted
}

// boundaries is a programme at 2026-11-24 with each rule of the guide on
// both sides of its boundary, and the findings our engine must report.
func boundaries() (*mentoring.Programme, []boundary) {
	b := newBuilder(d(2026, 11, 24))
	b.p.Meetings = []mentoring.Meeting{{ID: "m-10", Kind: mentoring.General, Date: d(2026, 10, 5)}}
	var cases []boundary
	want := func(subject string, rules ...string) {
		sort.Strings(rules)
		cases = append(cases, boundary{subject, rules})
	}
	role := func(r volunteer.Role) func(*volunteer.Volunteer) {
		return func(v *volunteer.Volunteer) { v.Role = r }
	}

	// mentor.min_age: 25 on as_of, or 25 tomorrow; a group volunteer may be 24.
	b.volunteer("v-age25", d(2001, 11, 24))
	want("volunteer/v-age25")
	b.volunteer("v-age24", d(2001, 11, 25))
	want("volunteer/v-age24", "mentor.min_age")
	b.volunteer("v-group24", d(2001, 11, 25), role(volunteer.GroupVolunteer))
	want("volunteer/v-group24")
	// A group volunteer who mentors a tandem is a mentor.
	b.tandem("t-young", "inst-o", func(p *mentoring.Programme) {
		m := vol(p, "m-t-young")
		m.Role, m.BirthDate = volunteer.GroupVolunteer, d(2001, 11, 25)
	})
	want("volunteer/m-t-young", "mentor.min_age")
	want("tandem/t-young")

	// mentor.commitment: 12 months or 11.
	b.volunteer("v-commit12", d(1990, 1, 1), func(v *volunteer.Volunteer) { v.CommitmentMonths = 12 })
	want("volunteer/v-commit12")
	b.volunteer("v-commit11", d(1990, 1, 1), func(v *volunteer.Volunteer) { v.CommitmentMonths = 11 })
	want("volunteer/v-commit11", "mentor.commitment")
	b.volunteer("v-commit0-group", d(1990, 1, 1), role(volunteer.GroupVolunteer),
		func(v *volunteer.Volunteer) { v.CommitmentMonths = 0 })
	want("volunteer/v-commit0-group")

	// volunteer.minor_consent: 14 without consent, 13 without and with.
	b.volunteer("v-minor14", d(2012, 11, 24), role(volunteer.GroupVolunteer))
	want("volunteer/v-minor14")
	b.volunteer("v-minor13", d(2012, 11, 25), role(volunteer.GroupVolunteer))
	want("volunteer/v-minor13", "volunteer.minor_consent")
	b.volunteer("v-minor13-consent", d(2012, 11, 25), role(volunteer.GroupVolunteer),
		func(v *volunteer.Volunteer) { v.ParentalConsent = true })
	want("volunteer/v-minor13-consent")

	// volunteer.event_min_age: 18 or 17.
	b.volunteer("v-event18", d(2008, 11, 24), role(volunteer.EventVolunteer))
	want("volunteer/v-event18")
	b.volunteer("v-event17", d(2008, 11, 25), role(volunteer.EventVolunteer))
	want("volunteer/v-event17", "volunteer.event_min_age")

	// volunteer.cascade_level: a mentor after 1 cycle or 0, a master after 3 or 2.
	level := func(l volunteer.Level, cycles int) func(*volunteer.Volunteer) {
		return func(v *volunteer.Volunteer) { v.Level, v.CompletedCycles = l, cycles }
	}
	b.volunteer("v-trainee0", d(1990, 1, 1), level(volunteer.Trainee, 0))
	want("volunteer/v-trainee0")
	b.volunteer("v-mentor1", d(1990, 1, 1), level(volunteer.Mentor, 1))
	want("volunteer/v-mentor1")
	b.volunteer("v-mentor0", d(1990, 1, 1), level(volunteer.Mentor, 0))
	want("volunteer/v-mentor0", "volunteer.cascade_level")
	b.volunteer("v-master3", d(1990, 1, 1), level(volunteer.Master, 3))
	want("volunteer/v-master3")
	b.volunteer("v-master2", d(1990, 1, 1), level(volunteer.Master, 2))
	want("volunteer/v-master2", "volunteer.cascade_level")

	// child.adaptation_centre_age: 3 or 2; 17 or 18 (minors: under 18).
	b.child("c-ac3", "inst-a", d(2023, 11, 24))
	want("child/c-ac3")
	b.child("c-ac2", "inst-a", d(2023, 11, 25))
	want("child/c-ac2", "child.adaptation_centre_age")
	b.child("c-ac17", "inst-a", d(2008, 11, 25))
	want("child/c-ac17")
	b.child("c-ac18", "inst-a", d(2008, 11, 24))
	want("child/c-ac18", "child.adaptation_centre_age")
	b.child("c-o2", "inst-o", d(2023, 11, 25))
	want("child/c-o2")

	// child.adaptation_centre_stay: as_of is six months after admission, or a day more.
	admitted := func(on civil.Date) func(*mentoring.Child) {
		return func(c *mentoring.Child) { c.AdmittedOn = on }
	}
	b.child("c-stay6", "inst-a", d(2012, 1, 1), admitted(d(2026, 5, 24)))
	want("child/c-stay6")
	b.child("c-stay6+1", "inst-a", d(2012, 1, 1), admitted(d(2026, 5, 23)))
	want("child/c-stay6+1", "child.adaptation_centre_stay")
	b.child("c-stay-o", "inst-o", d(2012, 1, 1), admitted(d(2020, 1, 1)))
	want("child/c-stay-o")

	// coaching.age_range: 14 or 13; 17 or 18.
	coaching := func(c *mentoring.Child) { c.Programme = mentoring.Coaching }
	b.child("c-co14", "inst-s", d(2012, 11, 24), coaching)
	want("child/c-co14")
	b.child("c-co13", "inst-s", d(2012, 11, 25), coaching)
	want("child/c-co13", "coaching.age_range")
	b.child("c-co17", "inst-s", d(2008, 11, 25), coaching)
	want("child/c-co17")
	b.child("c-co18", "inst-s", d(2008, 11, 24), coaching)
	want("child/c-co18", "coaching.age_range")
	b.child("c-ind13", "inst-s", d(2012, 11, 25))
	want("child/c-ind13")

	// mentor.screening: the last stage on the start day, the day after, or not done.
	b.tandem("t-ok", "inst-o")
	want("tandem/t-ok")
	b.tandem("t-scr-same", "inst-o", func(p *mentoring.Programme) { vol(p, "m-t-scr-same").Screening.Documents = d(2026, 3, 1) })
	want("tandem/t-scr-same")
	b.tandem("t-scr-after", "inst-o", func(p *mentoring.Programme) { vol(p, "m-t-scr-after").Screening.Documents = d(2026, 3, 2) })
	want("tandem/t-scr-after", "mentor.screening")
	b.tandem("t-scr-missing", "inst-o", func(p *mentoring.Programme) { vol(p, "m-t-scr-missing").Screening.Training = civil.Date{} })
	want("tandem/t-scr-missing", "mentor.screening")

	// mentor.agreement: signed on the start day or the day after; ended the day before or on it.
	b.tandem("t-agr-same", "inst-o", func(p *mentoring.Programme) { agr(p, "a-m-t-agr-same").SignedOn = d(2026, 3, 1) })
	want("tandem/t-agr-same")
	b.tandem("t-agr-next", "inst-o", func(p *mentoring.Programme) { agr(p, "a-m-t-agr-next").SignedOn = d(2026, 3, 2) })
	want("tandem/t-agr-next", "mentor.agreement")
	ended := func(id string, on civil.Date) func(*mentoring.Programme) {
		return func(p *mentoring.Programme) {
			a := agr(p, "a-m-"+id)
			a.EndsOn, a.NoticeGivenOn = on, on.AddDays(-30)
		}
	}
	// (Both agreements have ended by as_of while the tandem is open: tandem.agreement_in_force too.)
	b.tandem("t-agr-endsame", "inst-o", ended("t-agr-endsame", d(2026, 3, 1)))
	want("tandem/t-agr-endsame", "tandem.agreement_in_force")
	b.tandem("t-agr-endbefore", "inst-o", ended("t-agr-endbefore", d(2026, 2, 28)))
	want("tandem/t-agr-endbefore", "mentor.agreement", "tandem.agreement_in_force")

	// tandem.agreement_in_force: the agreement ends on as_of or the day before; or the tandem is closed.
	b.tandem("t-force-asof", "inst-o", ended("t-force-asof", b.p.AsOf))
	want("tandem/t-force-asof")
	b.tandem("t-force-before", "inst-o", ended("t-force-before", b.p.AsOf.AddDays(-1)))
	want("tandem/t-force-before", "tandem.agreement_in_force")
	b.tandem("t-force-closed", "inst-o", ended("t-force-closed", b.p.AsOf.AddDays(-1)), func(p *mentoring.Programme) {
		t := &p.Tandems[len(p.Tandems)-1]
		t.Phase, t.ClosedOn, t.CloseReason = mentoring.Closed, b.p.AsOf.AddDays(-1), mentoring.ChildPlacedInFamily
	})
	want("tandem/t-force-closed")

	// child.min_age: 10 or 9 at the start, in an orphanage; 9 elsewhere.
	born := func(id string, on civil.Date) func(*mentoring.Programme) {
		return func(p *mentoring.Programme) { chi(p, "c-"+id).BirthDate = on }
	}
	b.tandem("t-child10", "inst-o", born("t-child10", d(2016, 3, 1)))
	want("tandem/t-child10")
	b.tandem("t-child9", "inst-o", born("t-child9", d(2016, 3, 2)))
	want("tandem/t-child9", "child.min_age")
	b.tandem("t-child9-s", "inst-s", born("t-child9-s", d(2016, 3, 2)))
	want("tandem/t-child9-s")

	// tandem.group_first: the group on the start day or the day after, with
	// another mentor, none at all; none needed while getting acquainted.
	b.tandem("t-grp-same", "inst-o", func(p *mentoring.Programme) { grp(p, "g-t-grp-same").Date = d(2026, 3, 1) })
	want("tandem/t-grp-same")
	b.tandem("t-grp-late", "inst-o", func(p *mentoring.Programme) { grp(p, "g-t-grp-late").Date = d(2026, 3, 2) })
	want("tandem/t-grp-late", "tandem.group_first")
	b.tandem("t-grp-other", "inst-o", func(p *mentoring.Programme) { grp(p, "g-t-grp-other").Mentors = []string{"v-age25"} })
	want("tandem/t-grp-other", "tandem.group_first")
	none := func(id string) func(*mentoring.Programme) {
		return func(p *mentoring.Programme) {
			p.Groups = slices.DeleteFunc(p.Groups, func(g mentoring.Group) bool { return g.ID == "g-"+id })
		}
	}
	b.tandem("t-grp-none", "inst-o", none("t-grp-none"))
	want("tandem/t-grp-none", "tandem.group_first")
	b.tandem("t-grp-acq", "inst-o", none("t-grp-acq"), func(p *mentoring.Programme) { tan(p, "t-grp-acq").Phase = mentoring.Acquaintance })
	want("tandem/t-grp-acq")

	// group.min_size and group.max_size: 11, 12, 18 and 19 people.
	for i := range 19 {
		b.volunteer(fmt.Sprintf("f-%d", i), d(1990, 1, 1), role(volunteer.GroupVolunteer))
		b.child(fmt.Sprintf("fc-%d", i), "inst-s", d(2012, 1, 1))
	}
	sized := func(id string, mentors, children int) {
		g := mentoring.Group{ID: id, Institution: "inst-s", Date: d(2026, 4, 1)}
		for i := range mentors {
			g.Mentors = append(g.Mentors, fmt.Sprintf("f-%d", i))
		}
		for i := range children {
			g.Children = append(g.Children, fmt.Sprintf("fc-%d", i))
		}
		b.p.Groups = append(b.p.Groups, g)
	}
	sized("g-11", 4, 7)
	want("group/g-11", "group.min_size")
	sized("g-12", 4, 8)
	want("group/g-12")
	sized("g-18", 6, 12)
	want("group/g-18")
	sized("g-19", 6, 13)
	want("group/g-19", "group.max_size")
	sized("g-0", 0, 0)
	want("group/g-0", "group.min_size")

	// agreement.notice: 14 days, 13, none, given on the end day or after
	// it; no end, no rule; ended by the organisation, no rule; the
	// agreement's own period of 20 days, or of 7.
	notice := func(id string, ends, given civil.Date, edit ...func(*agreement.Agreement)) {
		b.volunteer(id, d(1990, 1, 1), role(volunteer.GroupVolunteer))
		a := agr(b.p, "a-"+id)
		a.EndsOn, a.NoticeGivenOn = ends, given
		for _, f := range edit {
			f(a)
		}
	}
	notice("v-nafter", d(2026, 11, 20), d(2026, 11, 21))
	want("agreement/a-v-nafter", "agreement.notice")
	notice("v-norg", d(2026, 11, 20), civil.Date{}, func(a *agreement.Agreement) { a.EndedBy = agreement.ByOrganisation })
	want("agreement/a-v-norg")
	notice("v-nvol", d(2026, 11, 20), civil.Date{}, func(a *agreement.Agreement) { a.EndedBy = agreement.ByVolunteer })
	want("agreement/a-v-nvol", "agreement.notice")
	notice("v-n20of19", d(2026, 11, 20), d(2026, 11, 1), func(a *agreement.Agreement) { a.NoticeDays = 20 })
	want("agreement/a-v-n20of19", "agreement.notice")
	notice("v-n19of19", d(2026, 11, 20), d(2026, 11, 1), func(a *agreement.Agreement) { a.NoticeDays = 19 })
	want("agreement/a-v-n19of19")
	notice("v-n7of7", d(2026, 11, 20), d(2026, 11, 13), func(a *agreement.Agreement) { a.NoticeDays = 7 })
	want("agreement/a-v-n7of7")
	notice("v-n14", d(2026, 11, 20), d(2026, 11, 6))
	want("agreement/a-v-n14")
	notice("v-n13", d(2026, 11, 20), d(2026, 11, 7))
	want("agreement/a-v-n13", "agreement.notice")
	notice("v-nnone", d(2026, 11, 20), civil.Date{})
	want("agreement/a-v-nnone", "agreement.notice")
	notice("v-nsameday", d(2026, 11, 20), d(2026, 11, 20))
	want("agreement/a-v-nsameday", "agreement.notice")
	notice("v-nopen", civil.Date{}, d(2026, 11, 1))
	want("agreement/a-v-nopen")

	// agreement.monthly_report: every month reported, one missing, the
	// months after the end not needed, none needed within a month of signing.
	b.volunteer("v-rep-ok", d(1990, 1, 1))
	want("agreement/a-v-rep-ok")
	b.volunteer("v-rep-miss", d(1990, 1, 1))
	dropReport(b.p, "v-rep-miss", civil.M(2026, 7))
	want("agreement/a-v-rep-miss", "agreement.monthly_report")
	b.volunteer("v-rep-last", d(1990, 1, 1))
	dropReport(b.p, "v-rep-last", civil.M(2026, 10))
	want("agreement/a-v-rep-last", "agreement.monthly_report")
	b.volunteer("v-rep-current", d(1990, 1, 1))
	b.p.Reports = append(b.p.Reports, agreement.Report{Volunteer: "v-rep-current", Month: civil.M(2026, 11)})
	want("agreement/a-v-rep-current")
	b.volunteer("v-rep-ended", d(1990, 1, 1))
	a := agr(b.p, "a-v-rep-ended")
	a.EndsOn, a.NoticeGivenOn = d(2026, 6, 30), d(2026, 6, 1)
	dropReport(b.p, "v-rep-ended", civil.M(2026, 7))
	dropReport(b.p, "v-rep-ended", civil.M(2026, 8))
	want("agreement/a-v-rep-ended")
	b.volunteer("v-rep-ended-miss", d(1990, 1, 1))
	a = agr(b.p, "a-v-rep-ended-miss")
	a.EndsOn, a.NoticeGivenOn = d(2026, 6, 30), d(2026, 6, 1)
	dropReport(b.p, "v-rep-ended-miss", civil.M(2026, 6))
	want("agreement/a-v-rep-ended-miss", "agreement.monthly_report")
	b.volunteer("v-rep-oct", d(1990, 1, 1))
	agr(b.p, "a-v-rep-oct").SignedOn = d(2026, 10, 1)
	want("agreement/a-v-rep-oct")
	b.volunteer("v-rep-sep", d(1990, 1, 1))
	agr(b.p, "a-v-rep-sep").SignedOn = d(2026, 9, 30)
	dropReport(b.p, "v-rep-sep", civil.M(2026, 10))
	want("agreement/a-v-rep-sep", "agreement.monthly_report")
	b.volunteer("v-rep-unsigned", d(1990, 1, 1))
	agr(b.p, "a-v-rep-unsigned").SignedOn = civil.Date{}
	dropReport(b.p, "v-rep-unsigned", civil.M(2026, 5))
	want("agreement/a-v-rep-unsigned")

	// tandem.outing_agreement: on the start day or the day before; in the
	// phases that allow outings; with the agreement ended the day before.
	outing := func(tandem string, on civil.Date) string {
		b.p.Outings = append(b.p.Outings, mentoring.Outing{Tandem: tandem, Date: on})
		return "outing/" + tandem + "@" + on.String()
	}
	b.tandem("t-out", "inst-o")
	want(outing("t-out", d(2026, 3, 1)))
	want(outing("t-out", d(2026, 2, 28)), "tandem.outing_agreement")
	b.tandem("t-out-inside", "inst-o", func(p *mentoring.Programme) { tan(p, "t-out-inside").Phase = mentoring.InsideInstitution })
	want(outing("t-out-inside", d(2026, 4, 1)), "tandem.outing_agreement")
	b.tandem("t-out-closing", "inst-o", func(p *mentoring.Programme) { tan(p, "t-out-closing").Phase = mentoring.Closing })
	want(outing("t-out-closing", d(2026, 4, 1)))
	b.tandem("t-out-ended", "inst-o", ended("t-out-ended", d(2026, 3, 31)))
	want(outing("t-out-ended", d(2026, 3, 31)))
	want(outing("t-out-ended", d(2026, 4, 1)), "tandem.outing_agreement")

	// volunteer.minor_consent: 13, accompanied by a parent.
	b.volunteer("v-minor13-accompanied", d(2012, 11, 25), role(volunteer.GroupVolunteer),
		func(v *volunteer.Volunteer) { v.AccompaniedByGuardian = true })
	want("volunteer/v-minor13-accompanied")

	// mentor.min_age at the tandem's start: 24 then, 25 now; or 25 then.
	b.tandem("t-start24", "inst-o", func(p *mentoring.Programme) { vol(p, "m-t-start24").BirthDate = d(2001, 3, 2) })
	want("volunteer/m-t-start24", "mentor.min_age")
	b.tandem("t-start25", "inst-o", func(p *mentoring.Programme) { vol(p, "m-t-start25").BirthDate = d(2001, 3, 1) })
	want("volunteer/m-t-start25")

	// tandem.outing_agreement: on the closing day, or the day after.
	closing := func(id string, on civil.Date, why mentoring.CloseReason) func(*mentoring.Programme) {
		return func(p *mentoring.Programme) {
			t := tan(p, id)
			t.Phase, t.ClosedOn, t.CloseReason = mentoring.Closed, on, why
		}
	}
	b.tandem("t-out-closed", "inst-o", closing("t-out-closed", d(2026, 4, 1), mentoring.ChildLeft))
	want(outing("t-out-closed", d(2026, 4, 1)))
	want(outing("t-out-closed", d(2026, 4, 2)), "tandem.outing_agreement")

	// tandem.regular_contact: 14 or 15 days between visits, from the start
	// to the first visit, from the last to as_of; an outing and a group
	// session of both fill a gap, a session without the mentor does not;
	// none needed while getting acquainted, nor after closing.
	shift := func(id string, k, days int) func(*mentoring.Programme) {
		return func(p *mentoring.Programme) {
			p.Visits[visits(p, id)[k]].Date = p.Visits[visits(p, id)[k]].Date.AddDays(days)
		}
	}
	b.tandem("t-rc14", "inst-o")
	want("tandem/t-rc14")
	b.tandem("t-rc15", "inst-o", shift("t-rc15", 3, 1))
	want("tandem/t-rc15", "tandem.regular_contact")
	b.tandem("t-rc-first", "inst-o", shift("t-rc-first", 0, 1))
	want("tandem/t-rc-first", "tandem.regular_contact")
	b.tandem("t-rc-last", "inst-o", func(p *mentoring.Programme) {
		last := visits(p, "t-rc-last")
		p.Visits = slices.Delete(p.Visits, last[len(last)-1], last[len(last)-1]+1) // 2026-11-15 → 2026-11-24: 23 days
	})
	want("tandem/t-rc-last", "tandem.regular_contact")
	b.tandem("t-rc-outing", "inst-o", shift("t-rc-outing", 3, 1))
	want(outing("t-rc-outing", d(2026, 4, 20)))
	want("tandem/t-rc-outing")
	b.tandem("t-rc-group", "inst-o", shift("t-rc-group", 3, 1), func(p *mentoring.Programme) {
		p.Groups = append(p.Groups, mentoring.Group{ID: "g-t-rc-group-2", Institution: "inst-o", Date: d(2026, 4, 20),
			Mentors: []string{"m-t-rc-group"}, Children: []string{"c-t-rc-group"}})
	})
	want("tandem/t-rc-group")
	want("group/g-t-rc-group-2", "group.min_size")
	b.tandem("t-rc-group-other", "inst-o", shift("t-rc-group-other", 3, 1), func(p *mentoring.Programme) {
		p.Groups = append(p.Groups, mentoring.Group{ID: "g-t-rc-group-other-2", Institution: "inst-o", Date: d(2026, 4, 20),
			Mentors: []string{"v-age25"}, Children: []string{"c-t-rc-group-other"}})
	})
	want("tandem/t-rc-group-other", "tandem.regular_contact")
	want("group/g-t-rc-group-other-2", "group.min_size")
	b.tandem("t-rc-acq", "inst-o", func(p *mentoring.Programme) {
		tan(p, "t-rc-acq").Phase = mentoring.Acquaintance
		p.Visits = slices.DeleteFunc(p.Visits, func(v mentoring.Visit) bool { return v.Tandem == "t-rc-acq" })
	})
	want("tandem/t-rc-acq")

	// tandem.first_week_support: a check-in on day 7 or day 8; none due
	// six days after the start.
	checkIn := func(id string, on civil.Date) func(*mentoring.Programme) {
		return func(p *mentoring.Programme) {
			for i := range p.CheckIns {
				if p.CheckIns[i].Tandem == id {
					p.CheckIns[i].Date = on
				}
			}
		}
	}
	b.tandem("t-fw7", "inst-o", checkIn("t-fw7", d(2026, 3, 8)))
	want("tandem/t-fw7")
	b.tandem("t-fw8", "inst-o", checkIn("t-fw8", d(2026, 3, 9)))
	want("tandem/t-fw8", "tandem.first_week_support")
	b.tandem("t-fw-before", "inst-o", checkIn("t-fw-before", d(2026, 2, 28)))
	want("tandem/t-fw-before", "tandem.first_week_support")
	b.tandem("t-fw-new", "inst-o", func(p *mentoring.Programme) {
		t := tan(p, "t-fw-new")
		t.StartedOn, t.Phase = d(2026, 11, 18), mentoring.Acquaintance
		p.CheckIns = slices.DeleteFunc(p.CheckIns, func(c mentoring.CheckIn) bool { return c.Tandem == "t-fw-new" })
		p.Visits = slices.DeleteFunc(p.Visits, func(v mentoring.Visit) bool { return v.Tandem == "t-fw-new" })
	})
	want("tandem/t-fw-new")

	// tandem.early_closure: 12 months to the day, or a day short; a
	// closure the child's side caused; none given.
	yearEarlier := func(id string) func(*mentoring.Programme) { // started on 2025-03-01
		return func(p *mentoring.Programme) {
			tan(p, id).StartedOn = d(2025, 3, 1)
			grp(p, "g-"+id).Date = d(2025, 2, 20)
			checkIn(id, d(2025, 3, 3))(p)
		}
	}
	b.tandem("t-ec12", "inst-o", yearEarlier("t-ec12"), closing("t-ec12", d(2026, 3, 1), mentoring.MentorMoved))
	want("tandem/t-ec12")
	b.tandem("t-ec11", "inst-o", yearEarlier("t-ec11"), closing("t-ec11", d(2026, 2, 28), mentoring.MentorWithdrew))
	want("tandem/t-ec11", "tandem.early_closure")
	b.tandem("t-ec-family", "inst-o", closing("t-ec-family", d(2026, 6, 1), mentoring.ChildPlacedInFamily))
	want("tandem/t-ec-family")
	b.tandem("t-ec-none", "inst-o", closing("t-ec-none", d(2026, 6, 1), ""))
	want("tandem/t-ec-none", "tandem.early_closure")

	// mentor.single_tandem: one open tandem and a closed one, or two open.
	b.tandem("t-one", "inst-o")
	b.child("c-t-one-2", "inst-o", d(2014, 1, 1))
	b.p.Tandems = append(b.p.Tandems, mentoring.Tandem{ID: "t-one-2", Mentor: "m-t-one", Child: "c-t-one-2",
		StartedOn: d(2025, 3, 1), Phase: mentoring.Closed, ClosedOn: d(2026, 3, 1), CloseReason: mentoring.Completed})
	want("volunteer/m-t-one")
	b.tandem("t-two", "inst-o")
	b.child("c-t-two-2", "inst-o", d(2014, 1, 1))
	b.p.Tandems = append(b.p.Tandems, mentoring.Tandem{ID: "t-two-2", Mentor: "m-t-two", Child: "c-t-two-2",
		StartedOn: d(2026, 11, 20), Phase: mentoring.Acquaintance})
	want("volunteer/m-t-two", "mentor.single_tandem")

	// mentor.safety_briefing: on the start day, the day after, never.
	briefed := func(id string, on civil.Date) func(*mentoring.Programme) {
		return func(p *mentoring.Programme) { vol(p, "m-"+id).Screening.SafetyBriefing = on }
	}
	b.tandem("t-sb-same", "inst-o", briefed("t-sb-same", d(2026, 3, 1)))
	want("tandem/t-sb-same")
	b.tandem("t-sb-after", "inst-o", briefed("t-sb-after", d(2026, 3, 2)))
	want("tandem/t-sb-after", "mentor.safety_briefing")
	b.tandem("t-sb-never", "inst-o", briefed("t-sb-never", civil.Date{}))
	want("tandem/t-sb-never", "mentor.safety_briefing")

	// institution.coordinator: none where a tandem is open, none where
	// nothing happens; institution.partnership_agreement on the start day
	// or the day after; institution.interaction_rules on the outing day or
	// the day after.
	b.institution("inst-nocoord", mentoring.Orphanage, func(in *mentoring.Institution) { in.Coordinator = " " })
	b.tandem("t-nocoord", "inst-nocoord")
	want("institution/inst-nocoord", "institution.coordinator")
	b.institution("inst-idle", mentoring.Orphanage, func(in *mentoring.Institution) { in.Coordinator = "" })
	want("institution/inst-idle")
	b.institution("inst-ps-same", mentoring.Orphanage, func(in *mentoring.Institution) { in.PartnershipSignedOn = d(2026, 3, 1) })
	b.tandem("t-ps-same", "inst-ps-same")
	want("tandem/t-ps-same")
	b.institution("inst-ps-after", mentoring.Orphanage, func(in *mentoring.Institution) { in.PartnershipSignedOn = d(2026, 3, 2) })
	b.tandem("t-ps-after", "inst-ps-after")
	want("tandem/t-ps-after", "institution.partnership_agreement")
	b.institution("inst-ir", mentoring.Orphanage, func(in *mentoring.Institution) { in.InteractionRulesOn = d(2026, 4, 1) })
	b.tandem("t-ir", "inst-ir")
	want(outing("t-ir", d(2026, 4, 1)))
	want(outing("t-ir", d(2026, 3, 31)), "institution.interaction_rules")

	// programme.general_meeting: held in October, the month before as_of.
	want("programme/programme")
	return b.p, cases
}

// leapYear is a programme at 2025-02-28, a common year: someone born on
// 29 February completes a year that day, and a general meeting is missing.
func leapYear() (*mentoring.Programme, []boundary) {
	b := newBuilder(d(2025, 2, 28))
	b.p.Organisation = "Leap year"
	b.p.Meetings = []mentoring.Meeting{{ID: "m-12", Kind: mentoring.General, Date: d(2024, 12, 20)}}
	var cases []boundary
	want := func(subject string, rules ...string) { cases = append(cases, boundary{subject, rules}) }
	b.volunteer("v-leap", d(2000, 2, 29))
	want("volunteer/v-leap")
	b.volunteer("v-leap-young", d(2000, 3, 1))
	want("volunteer/v-leap-young", "mentor.min_age")
	b.child("c-leap3", "inst-a", d(2022, 2, 28))
	want("child/c-leap3")
	b.child("c-leap2", "inst-a", d(2022, 3, 1))
	want("child/c-leap2", "child.adaptation_centre_age")
	b.volunteer("m-t", d(1980, 1, 1))
	b.child("c-t", "inst-o", d(2012, 1, 1))
	b.p.Tandems = append(b.p.Tandems, mentoring.Tandem{ID: "t", Mentor: "m-t", Child: "c-t",
		StartedOn: d(2025, 2, 20), Phase: mentoring.InsideInstitution})
	b.p.CheckIns = append(b.p.CheckIns, mentoring.CheckIn{Tandem: "t", Date: d(2025, 2, 27)})
	want("programme/Leap year", "programme.general_meeting")
	return b.p, cases
}

// monthEnds is a programme at 2025-03-01: six months after 31 August is
// 28 February (clamped to the month's end, not carried into March).
func monthEnds() (*mentoring.Programme, []boundary) {
	b := newBuilder(d(2025, 3, 1))
	var cases []boundary
	want := func(subject string, rules ...string) { cases = append(cases, boundary{subject, rules}) }
	admitted := func(on civil.Date) func(*mentoring.Child) {
		return func(c *mentoring.Child) { c.AdmittedOn = on }
	}
	b.child("c-aug31", "inst-a", d(2012, 1, 1), admitted(d(2024, 8, 31)))
	want("child/c-aug31", "child.adaptation_centre_stay")
	b.child("c-sep1", "inst-a", d(2012, 1, 1), admitted(d(2024, 9, 1)))
	want("child/c-sep1")
	want("programme/programme")
	return b.p, cases
}

func TestBoundaries(t *testing.T) {
	pol := guide(t)
	covered := map[string]bool{}
	for _, tc := range []struct {
		name  string
		build func() (*mentoring.Programme, []boundary)
	}{{"boundaries", boundaries}, {"leap year", leapYear}, {"month ends", monthEnds}} {
		t.Run(tc.name, func(t *testing.T) {
			raw, cases := tc.build()
			prog := parse(t, raw)
			got := agree(t, pol, prog)
			bySubject := map[string][]string{}
			for _, f := range got {
				bySubject[f.Subject] = append(bySubject[f.Subject], f.Rule)
			}
			for _, c := range cases {
				rules := bySubject[c.subject]
				sort.Strings(rules)
				assert.Equal(t, c.want, rules, c.subject)
				for _, r := range c.want {
					covered[r] = true
				}
			}
		})
	}
	if t.Failed() {
		return
	}
	// Every rule of the guide is seen failing at least once.
	for _, r := range pol.Rules() {
		assert.True(t, covered[r.ID], "no boundary case breaks %s", r.ID)
	}
}

func TestGenerated(t *testing.T) {
	pol := guide(t)
	raw, err := gen.Programme(gen.Config{Volunteers: 2000, Seed: 11, Violations: 0.2})
	require.NoError(t, err)
	got := agree(t, pol, parse(t, raw))
	seen := map[string]bool{}
	for _, f := range got {
		seen[f.Rule] = true
	}
	assert.Greater(t, len(got), 500)
	assert.GreaterOrEqual(t, len(seen), 15, "rules with findings: %v", seen)
}

func TestCompliantGenerated(t *testing.T) {
	raw, err := gen.Programme(gen.Config{Volunteers: 800, Seed: 12})
	require.NoError(t, err)
	assert.Empty(t, agree(t, guide(t), parse(t, raw)))
}

// TestSameRules keeps the translations in step with the policy: the expr
// and Rego sources name exactly the guide's rules.
func TestSameRules(t *testing.T) {
	var ids []string
	for _, r := range guide(t).Rules() {
		ids = append(ids, r.ID)
	}
	sort.Strings(ids)
	assert.Equal(t, ids, peers.ExprRuleIDs())
	regoIDs, err := peers.RegoRuleIDs()
	require.NoError(t, err)
	assert.Equal(t, ids, regoIDs)
}

func TestUnknownSubject(t *testing.T) {
	pol := guide(t)
	raw, err := gen.Programme(gen.Config{Volunteers: 8, Seed: 1})
	require.NoError(t, err)
	prog := parse(t, raw)
	for _, e := range engines(t, pol, prog) {
		for _, s := range []string{"volunteer/nobody", "pair/v-0", "v-0"} {
			_, err := e.Subject(context.Background(), s, nil)
			assert.Error(t, err, "%s: %s", e.Name(), s)
		}
	}
}
