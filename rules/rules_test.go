package rules_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

var asOf = civil.D(2026, 11, 24)

func d(s string) civil.Date {
	v, err := civil.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func m(s string) civil.Month {
	v, err := civil.ParseMonth(s)
	if err != nil {
		panic(err)
	}
	return v
}

// fixture is a small programme that complies with every rule of the guide
// and the nastavniki profile; each test breaks one thing. Its tandem meets
// every 14 days from the start, the longest stretch tandem.regular_contact
// allows, the last time two days before as_of.
func fixture() *mentoring.Programme {
	done := volunteer.Screening{Interview: d("2026-01-10"), PsychologicalTest: d("2026-01-15"),
		Training: d("2026-02-01"), Documents: d("2026-02-10"), SafetyBriefing: d("2026-02-20")}
	p := &mentoring.Programme{
		AsOf: asOf,
		Institutions: []mentoring.Institution{
			{ID: "inst-1", Name: "Children's home No. 1", Kind: mentoring.Orphanage, City: "Almaty",
				Coordinator: "Gulmira Akhmetova", PartnershipSignedOn: d("2026-01-15"), InteractionRulesOn: d("2026-01-20")},
			{ID: "inst-2", Name: "Adaptation centre", Kind: mentoring.AdaptationCentre, City: "Almaty"},
		},
		Volunteers: []volunteer.Volunteer{
			{ID: "v-1", FullName: "Aigerim Sadykova", BirthDate: d("1990-04-02"), Role: volunteer.IndividualMentor,
				CommitmentMonths: 24, Screening: done},
			{ID: "v-2", FullName: "Dana Ospanova", BirthDate: d("2004-06-01"), Role: volunteer.GroupVolunteer},
		},
		Children: []mentoring.Child{
			{ID: "c-1", BirthDate: d("2013-05-01"), Institution: "inst-1", AdmittedOn: d("2025-06-01"), Programme: mentoring.Individual},
			{ID: "k-1", BirthDate: d("2012-01-01"), Institution: "inst-2", AdmittedOn: d("2026-09-01")},
		},
		Tandems: []mentoring.Tandem{
			{ID: "t-1", Mentor: "v-1", Child: "c-1", StartedOn: d("2026-03-01"), Phase: mentoring.ActivePhase},
		},
		Groups: []mentoring.Group{
			{ID: "g-1", Institution: "inst-1", Date: d("2026-02-20"), Mentors: []string{"v-1", "v-2"}, Children: []string{"c-1"}},
		},
		Agreements: []agreement.Agreement{
			{ID: "a-1", Volunteer: "v-1", SignedOn: d("2026-02-15")},
		},
		Outings:  []mentoring.Outing{{Tandem: "t-1", Date: d("2026-04-01")}},
		Meetings: []mentoring.Meeting{{ID: "m-1", Kind: mentoring.General, Date: d("2026-10-05")}},
		CheckIns: []mentoring.CheckIn{{Tandem: "t-1", Date: d("2026-03-04")}},
	}
	for v := d("2026-03-15"); !v.After(asOf); v = v.AddDays(14) {
		p.Visits = append(p.Visits, mentoring.Visit{Tandem: "t-1", Date: v})
	}
	// Enough children for a 12-person group: 2 mentors + 10 children.
	for i := 2; i <= 10; i++ {
		id := fmt.Sprintf("c-%d", i)
		p.Children = append(p.Children, mentoring.Child{ID: id, BirthDate: d("2012-09-01"), Institution: "inst-1"})
		p.Groups[0].Children = append(p.Groups[0].Children, id)
	}
	for _, mo := range []string{"2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"} {
		p.Reports = append(p.Reports, agreement.Report{Volunteer: "v-1", Month: m(mo)})
	}
	return p
}

func load(t testing.TB, name string) *rules.Policy {
	t.Helper()
	p, err := rules.Load(rules.Policies(), name)
	require.NoError(t, err)
	return p
}

func evaluate(t testing.TB, p *rules.Policy, prog *mentoring.Programme, opts ...rules.EvalOption) *rules.Report {
	t.Helper()
	rep, err := p.Evaluate(context.Background(), prog, opts...)
	require.NoError(t, err)
	return rep
}

// ruleFindings returns the findings of one rule.
func ruleFindings(rep *rules.Report, rule string) []rules.Finding {
	var out []rules.Finding
	for _, f := range rep.Findings {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func TestFixtureComplies(t *testing.T) {
	for _, name := range []string{"guide", "nastavniki"} {
		t.Run(name, func(t *testing.T) {
			rep := evaluate(t, load(t, name), fixture())
			assert.Empty(t, rep.Findings)
			assert.True(t, rep.Compliant)
		})
	}
}

// boundary is one side of one rule's boundary: a change to the fixture and
// whether the rule must then report the subject.
type boundary struct {
	name    string
	policy  string // "" means both profiles
	change  func(p *mentoring.Programme)
	rule    string
	subject string
	fails   bool
	says    string // a fragment the English message must contain
}

func TestBoundaries(t *testing.T) {
	cases := []boundary{
		// mentor.min_age: ages are whole years on the evaluation date.
		{name: "mentor 24y364d", change: func(p *mentoring.Programme) { p.Volunteers[0].BirthDate = d("2001-11-25") },
			rule: "mentor.min_age", subject: "volunteer/v-1", fails: true, says: "is 24"},
		{name: "mentor exactly 25, the tandem starting today", change: func(p *mentoring.Programme) {
			p.Volunteers[0].BirthDate = d("2001-11-24")
			p.Tandems[0].StartedOn = asOf
		}, rule: "mentor.min_age", subject: "volunteer/v-1"},
		// … and on the start of every tandem: the age is a condition for
		// becoming a mentor.
		{name: "mentor 24 at the tandem's start", change: func(p *mentoring.Programme) { p.Volunteers[0].BirthDate = d("2001-03-02") },
			rule: "mentor.min_age", subject: "volunteer/v-1", fails: true, says: "was 24 when tandem t-1 started on 1 March 2026"},
		{name: "mentor 25 at the tandem's start", change: func(p *mentoring.Programme) { p.Volunteers[0].BirthDate = d("2001-03-01") },
			rule: "mentor.min_age", subject: "volunteer/v-1"},
		{name: "young group volunteer is no mentor", change: func(p *mentoring.Programme) { p.Volunteers[1].BirthDate = d("2006-01-01") },
			rule: "mentor.min_age", subject: "volunteer/v-2"},
		{name: "young volunteer who mentors a tandem", change: func(p *mentoring.Programme) {
			p.Volunteers[1].BirthDate = d("2006-01-01")
			p.Tandems = append(p.Tandems, mentoring.Tandem{ID: "t-2", Mentor: "v-2", Child: "c-2", StartedOn: d("2026-05-01"), Phase: mentoring.Acquaintance})
		}, rule: "mentor.min_age", subject: "volunteer/v-2", fails: true},

		// mentor.commitment: 12 months (guide), 24 (nastavniki).
		{name: "commitment 11", policy: "guide", change: func(p *mentoring.Programme) { p.Volunteers[0].CommitmentMonths = 11 },
			rule: "mentor.commitment", subject: "volunteer/v-1", fails: true, says: "11 months"},
		{name: "commitment 12", policy: "guide", change: func(p *mentoring.Programme) { p.Volunteers[0].CommitmentMonths = 12 },
			rule: "mentor.commitment", subject: "volunteer/v-1"},
		{name: "commitment 23", policy: "nastavniki", change: func(p *mentoring.Programme) { p.Volunteers[0].CommitmentMonths = 23 },
			rule: "mentor.commitment", subject: "volunteer/v-1", fails: true, says: "at least 24 months"},
		{name: "commitment 24", policy: "nastavniki", change: func(p *mentoring.Programme) { p.Volunteers[0].CommitmentMonths = 24 },
			rule: "mentor.commitment", subject: "volunteer/v-1"},

		// mentor.screening: every stage on or before started_on.
		{name: "no psychological test", change: func(p *mentoring.Programme) { p.Volunteers[0].Screening.PsychologicalTest = civil.Date{} },
			rule: "mentor.screening", subject: "tandem/t-1", fails: true, says: "missing: psychological test"},
		{name: "training on the start day", change: func(p *mentoring.Programme) { p.Volunteers[0].Screening.Training = d("2026-03-01") },
			rule: "mentor.screening", subject: "tandem/t-1"},
		{name: "training the day after", change: func(p *mentoring.Programme) { p.Volunteers[0].Screening.Training = d("2026-03-02") },
			rule: "mentor.screening", subject: "tandem/t-1", fails: true, says: "training"},

		// mentor.agreement: signed on or before started_on, not ended before.
		{name: "signed on the start day", change: func(p *mentoring.Programme) { p.Agreements[0].SignedOn = d("2026-03-01") },
			rule: "mentor.agreement", subject: "tandem/t-1"},
		{name: "signed the day after", change: func(p *mentoring.Programme) { p.Agreements[0].SignedOn = d("2026-03-02") },
			rule: "mentor.agreement", subject: "tandem/t-1", fails: true},
		{name: "ended the day before", change: func(p *mentoring.Programme) {
			p.Agreements[0].NoticeGivenOn = d("2026-02-10")
			p.Agreements[0].EndsOn = d("2026-02-28")
			p.Agreements[0].SignedOn = d("2026-01-01")
		}, rule: "mentor.agreement", subject: "tandem/t-1", fails: true},

		// child.min_age (orphanage): 10 (guide), 11 (nastavniki), at started_on.
		{name: "child 9y364d", policy: "guide", change: func(p *mentoring.Programme) { p.Children[0].BirthDate = d("2016-03-02") },
			rule: "child.min_age", subject: "tandem/t-1", fails: true, says: "was 9"},
		{name: "child exactly 10", policy: "guide", change: func(p *mentoring.Programme) { p.Children[0].BirthDate = d("2016-03-01") },
			rule: "child.min_age", subject: "tandem/t-1"},
		{name: "child 10 in nastavniki", policy: "nastavniki", change: func(p *mentoring.Programme) { p.Children[0].BirthDate = d("2016-03-01") },
			rule: "child.min_age", subject: "tandem/t-1", fails: true, says: "aged 11 and over"},
		{name: "child 11 in nastavniki", policy: "nastavniki", change: func(p *mentoring.Programme) { p.Children[0].BirthDate = d("2015-03-01") },
			rule: "child.min_age", subject: "tandem/t-1"},
		{name: "young child outside an orphanage", change: func(p *mentoring.Programme) {
			p.Children[0].BirthDate = d("2018-03-01")
			p.Children[0].Institution = "inst-2"
			p.Children[0].AdmittedOn = d("2026-09-01")
		}, rule: "child.min_age", subject: "tandem/t-1"},

		// child.adaptation_centre_age: from 3 to under 18.
		{name: "КБО child 2", change: func(p *mentoring.Programme) { p.Children[1].BirthDate = d("2023-11-25") },
			rule: "child.adaptation_centre_age", subject: "child/k-1", fails: true, says: "is 2"},
		{name: "КБО child 3", change: func(p *mentoring.Programme) { p.Children[1].BirthDate = d("2023-11-24") },
			rule: "child.adaptation_centre_age", subject: "child/k-1"},
		{name: "КБО child 17", change: func(p *mentoring.Programme) { p.Children[1].BirthDate = d("2008-11-25") },
			rule: "child.adaptation_centre_age", subject: "child/k-1"},
		{name: "КБО child 18", change: func(p *mentoring.Programme) { p.Children[1].BirthDate = d("2008-11-24") },
			rule: "child.adaptation_centre_age", subject: "child/k-1", fails: true, says: "is 18"},

		// child.adaptation_centre_stay: as_of ≤ admitted_on + 6 months.
		{name: "stay 6 months", change: func(p *mentoring.Programme) { p.Children[1].AdmittedOn = d("2026-05-24") },
			rule: "child.adaptation_centre_stay", subject: "child/k-1"},
		{name: "stay 6 months and a day", change: func(p *mentoring.Programme) { p.Children[1].AdmittedOn = d("2026-05-23") },
			rule: "child.adaptation_centre_stay", subject: "child/k-1", fails: true, says: "since 23 May 2026"},

		// coaching.age_range: from 14 to under 18.
		{name: "coaching 13", change: func(p *mentoring.Programme) {
			p.Children[2].Programme = mentoring.Coaching
			p.Children[2].BirthDate = d("2012-11-25")
		}, rule: "coaching.age_range", subject: "child/c-2", fails: true, says: "is 13"},
		{name: "coaching 14", change: func(p *mentoring.Programme) {
			p.Children[2].Programme = mentoring.Coaching
			p.Children[2].BirthDate = d("2012-11-24")
		}, rule: "coaching.age_range", subject: "child/c-2"},
		{name: "coaching 17", change: func(p *mentoring.Programme) {
			p.Children[2].Programme = mentoring.Coaching
			p.Children[2].BirthDate = d("2008-11-25")
		}, rule: "coaching.age_range", subject: "child/c-2"},
		{name: "coaching 18", change: func(p *mentoring.Programme) {
			p.Children[2].Programme = mentoring.Coaching
			p.Children[2].BirthDate = d("2008-11-24")
		}, rule: "coaching.age_range", subject: "child/c-2", fails: true, says: "under 18"},

		// group sizes: 12–18 people, children and mentors together.
		{name: "group of 18", change: func(p *mentoring.Programme) { grow(p, 6) },
			rule: "group.max_size", subject: "group/g-1"},
		{name: "group of 19", change: func(p *mentoring.Programme) { grow(p, 7) },
			rule: "group.max_size", subject: "group/g-1", fails: true, says: "has 19 people"},
		{name: "group of 12", rule: "group.min_size", subject: "group/g-1"},
		{name: "group of 11", change: func(p *mentoring.Programme) {
			p.Groups[0].Children = p.Groups[0].Children[:len(p.Groups[0].Children)-1]
		}, rule: "group.min_size", subject: "group/g-1", fails: true, says: "only 11"},

		// tandem.outing_agreement.
		{name: "outing on the signing day", change: func(p *mentoring.Programme) {
			p.Agreements[0].SignedOn = d("2026-02-20")
			p.Tandems[0].StartedOn = d("2026-02-20")
			p.Outings[0].Date = d("2026-02-20")
		}, rule: "tandem.outing_agreement", subject: "outing/t-1@2026-02-20"},
		{name: "outing before the tandem", change: func(p *mentoring.Programme) { p.Outings[0].Date = d("2026-02-28") },
			rule: "tandem.outing_agreement", subject: "outing/t-1@2026-02-28", fails: true},
		{name: "outing inside_institution", change: func(p *mentoring.Programme) { p.Tandems[0].Phase = mentoring.InsideInstitution },
			rule: "tandem.outing_agreement", subject: "outing/t-1@2026-04-01", fails: true, says: "phase: meetings inside the institution"},
		{name: "outing after the agreement ended", change: func(p *mentoring.Programme) {
			p.Agreements[0].NoticeGivenOn = d("2026-03-01")
			p.Agreements[0].EndsOn = d("2026-03-31")
			p.Reports = p.Reports[:1]
		}, rule: "tandem.outing_agreement", subject: "outing/t-1@2026-04-01", fails: true},
		{name: "outing the day after the tandem closed", change: func(p *mentoring.Programme) {
			p.Tandems[0].Phase, p.Tandems[0].ClosedOn, p.Tandems[0].CloseReason = mentoring.Closed, d("2026-03-31"), mentoring.ChildLeft
		}, rule: "tandem.outing_agreement", subject: "outing/t-1@2026-04-01", fails: true, says: "closed 31 March 2026"},
		{name: "outing on the closing day", change: func(p *mentoring.Programme) {
			p.Tandems[0].Phase, p.Tandems[0].ClosedOn, p.Tandems[0].CloseReason = mentoring.Closed, d("2026-04-01"), mentoring.ChildLeft
		}, rule: "tandem.outing_agreement", subject: "outing/t-1@2026-04-01"},

		// agreement.notice: 14 days, or the agreement's own period, when
		// the volunteer ends it.
		{name: "notice 13 days", change: func(p *mentoring.Programme) {
			p.Agreements[0].NoticeGivenOn = d("2026-11-01")
			p.Agreements[0].EndsOn = d("2026-11-14")
		}, rule: "agreement.notice", subject: "agreement/a-1", fails: true, says: "(13 days before)"},
		{name: "notice 14 days", change: func(p *mentoring.Programme) {
			p.Agreements[0].NoticeGivenOn = d("2026-10-31")
			p.Agreements[0].EndsOn = d("2026-11-14")
		}, rule: "agreement.notice", subject: "agreement/a-1"},
		{name: "no notice", change: func(p *mentoring.Programme) { p.Agreements[0].EndsOn = d("2026-11-14") },
			rule: "agreement.notice", subject: "agreement/a-1", fails: true, says: "never given"},
		{name: "notice on the end day", change: func(p *mentoring.Programme) {
			p.Agreements[0].NoticeGivenOn = d("2026-11-14")
			p.Agreements[0].EndsOn = d("2026-11-14")
		}, rule: "agreement.notice", subject: "agreement/a-1", fails: true, says: "on or after the end"},
		{name: "notice after the end", change: func(p *mentoring.Programme) {
			p.Agreements[0].NoticeGivenOn = d("2026-11-15")
			p.Agreements[0].EndsOn = d("2026-11-14")
		}, rule: "agreement.notice", subject: "agreement/a-1", fails: true, says: "given on 15 November 2026, on or after the end"},
		{name: "organisation ended it without notice", change: func(p *mentoring.Programme) {
			p.Agreements[0].EndsOn = d("2026-11-14")
			p.Agreements[0].EndedBy = agreement.ByOrganisation
		}, rule: "agreement.notice", subject: "agreement/a-1"},
		{name: "volunteer ended it without notice", change: func(p *mentoring.Programme) {
			p.Agreements[0].EndsOn = d("2026-11-14")
			p.Agreements[0].EndedBy = agreement.ByVolunteer
		}, rule: "agreement.notice", subject: "agreement/a-1", fails: true},
		{name: "agreement's own 30 days, 29 given", change: func(p *mentoring.Programme) {
			p.Agreements[0].NoticeGivenOn = d("2026-10-16")
			p.Agreements[0].EndsOn = d("2026-11-14")
			p.Agreements[0].NoticeDays = 30
		}, rule: "agreement.notice", subject: "agreement/a-1", fails: true, says: "at least 30 days"},
		{name: "agreement's own 30 days, 30 given", change: func(p *mentoring.Programme) {
			p.Agreements[0].NoticeGivenOn = d("2026-10-15")
			p.Agreements[0].EndsOn = d("2026-11-14")
			p.Agreements[0].NoticeDays = 30
		}, rule: "agreement.notice", subject: "agreement/a-1"},

		// agreement.monthly_report.
		{name: "a month missing", change: func(p *mentoring.Programme) {
			p.Reports = slices.DeleteFunc(p.Reports, func(r agreement.Report) bool { return r.Month == m("2026-06") })
		}, rule: "agreement.monthly_report", subject: "agreement/a-1", fails: true, says: "no report for June 2026:"},
		{name: "October missing", change: func(p *mentoring.Programme) { p.Reports = p.Reports[:len(p.Reports)-1] },
			rule: "agreement.monthly_report", subject: "agreement/a-1", fails: true, says: "October 2026"},
		{name: "months after the end need no report", change: func(p *mentoring.Programme) {
			p.Agreements[0].NoticeGivenOn = d("2026-05-01")
			p.Agreements[0].EndsOn = d("2026-06-15")
			p.Reports = p.Reports[:4] // 2026-03 … 2026-06
			p.Outings = nil
		}, rule: "agreement.monthly_report", subject: "agreement/a-1"},

		// volunteer.minor_consent: under 14 needs consent.
		{name: "13 without consent", change: func(p *mentoring.Programme) { p.Volunteers[1].BirthDate = d("2012-11-25") },
			rule: "volunteer.minor_consent", subject: "volunteer/v-2", fails: true, says: "is 13"},
		{name: "13 with consent", change: func(p *mentoring.Programme) {
			p.Volunteers[1].BirthDate = d("2012-11-25")
			p.Volunteers[1].ParentalConsent = true
		}, rule: "volunteer.minor_consent", subject: "volunteer/v-2"},
		{name: "14 without consent", change: func(p *mentoring.Programme) { p.Volunteers[1].BirthDate = d("2012-11-24") },
			rule: "volunteer.minor_consent", subject: "volunteer/v-2"},
		{name: "13 accompanied by a parent", change: func(p *mentoring.Programme) {
			p.Volunteers[1].BirthDate = d("2012-11-25")
			p.Volunteers[1].AccompaniedByGuardian = true
		}, rule: "volunteer.minor_consent", subject: "volunteer/v-2"},

		// tandem.regular_contact: no stretch over 14 days without a contact.
		{name: "15 days between visits", change: func(p *mentoring.Programme) { p.Visits[4].Date = p.Visits[4].Date.AddDays(1) },
			rule: "tandem.regular_contact", subject: "tandem/t-1", fails: true, says: "from 26 April 2026 to 11 May 2026 (15 days)"},
		{name: "15 days since the last visit", change: func(p *mentoring.Programme) { p.Visits = p.Visits[:len(p.Visits)-1] },
			rule: "tandem.regular_contact", subject: "tandem/t-1", fails: true, says: "from 8 November 2026 to 24 November 2026 (16 days)"},
		{name: "a group session of both fills a gap", change: func(p *mentoring.Programme) {
			p.Visits[4].Date = p.Visits[4].Date.AddDays(1)
			p.Groups = append(p.Groups, mentoring.Group{ID: "g-2", Institution: "inst-1", Date: d("2026-05-03"),
				Mentors: []string{"v-1"}, Children: []string{"c-1"}})
		}, rule: "tandem.regular_contact", subject: "tandem/t-1"},
		{name: "no contact while acquainted is fine", change: func(p *mentoring.Programme) {
			p.Tandems[0].Phase = mentoring.Acquaintance
			p.Visits, p.Outings = nil, nil
		}, rule: "tandem.regular_contact", subject: "tandem/t-1"},

		// tandem.first_week_support: a check-in within 7 days, both ends.
		{name: "check-in on day 7", change: func(p *mentoring.Programme) { p.CheckIns[0].Date = d("2026-03-08") },
			rule: "tandem.first_week_support", subject: "tandem/t-1"},
		{name: "check-in on day 8", change: func(p *mentoring.Programme) { p.CheckIns[0].Date = d("2026-03-09") },
			rule: "tandem.first_week_support", subject: "tandem/t-1", fails: true, says: "first 7 days"},

		// tandem.early_closure: 12 months (guide), 24 (nastavniki), to the day.
		{name: "closed a day short of 12 months", change: closedOn("2027-02-28", mentoring.MentorMoved),
			rule: "tandem.early_closure", subject: "tandem/t-1", fails: true, says: "after 11 months"},
		{name: "closed at 12 months", policy: "guide", change: closedOn("2027-03-01", mentoring.MentorMoved),
			rule: "tandem.early_closure", subject: "tandem/t-1"},
		{name: "closed at 12 months, nastavniki", policy: "nastavniki", change: closedOn("2027-03-01", mentoring.MentorWithdrew),
			rule: "tandem.early_closure", subject: "tandem/t-1", fails: true, says: "at least 24 months"},
		{name: "closed early as the child left", change: closedOn("2026-06-01", mentoring.ChildLeft),
			rule: "tandem.early_closure", subject: "tandem/t-1"},

		// mentor.single_tandem: one open tandem.
		{name: "two open tandems", change: func(p *mentoring.Programme) {
			p.Tandems = append(p.Tandems, mentoring.Tandem{ID: "t-2", Mentor: "v-1", Child: "c-2", StartedOn: d("2026-11-20"), Phase: mentoring.Acquaintance})
		}, rule: "mentor.single_tandem", subject: "volunteer/v-1", fails: true, says: "t-1, t-2"},
		{name: "one open and one closed", change: func(p *mentoring.Programme) {
			p.Tandems = append(p.Tandems, mentoring.Tandem{ID: "t-2", Mentor: "v-1", Child: "c-2", StartedOn: d("2026-03-01"),
				Phase: mentoring.Closed, ClosedOn: d("2026-10-01"), CloseReason: mentoring.Completed})
		}, rule: "mentor.single_tandem", subject: "volunteer/v-1"},

		// mentor.safety_briefing, institution.partnership_agreement and
		// institution.interaction_rules: on or before the day.
		{name: "briefed the day after the start", change: func(p *mentoring.Programme) { p.Volunteers[0].Screening.SafetyBriefing = d("2026-03-02") },
			rule: "mentor.safety_briefing", subject: "tandem/t-1", fails: true, says: "on: 2 March 2026"},
		{name: "briefed on the start day", change: func(p *mentoring.Programme) { p.Volunteers[0].Screening.SafetyBriefing = d("2026-03-01") },
			rule: "mentor.safety_briefing", subject: "tandem/t-1"},
		{name: "partnership the day after the start", change: func(p *mentoring.Programme) { p.Institutions[0].PartnershipSignedOn = d("2026-03-02") },
			rule: "institution.partnership_agreement", subject: "tandem/t-1", fails: true},
		{name: "partnership on the start day", change: func(p *mentoring.Programme) { p.Institutions[0].PartnershipSignedOn = d("2026-03-01") },
			rule: "institution.partnership_agreement", subject: "tandem/t-1"},
		{name: "rules adopted the day after the outing", change: func(p *mentoring.Programme) { p.Institutions[0].InteractionRulesOn = d("2026-04-02") },
			rule: "institution.interaction_rules", subject: "outing/t-1@2026-04-01", fails: true},
		{name: "rules adopted on the outing day", change: func(p *mentoring.Programme) { p.Institutions[0].InteractionRulesOn = d("2026-04-01") },
			rule: "institution.interaction_rules", subject: "outing/t-1@2026-04-01"},

		// institution.coordinator: where there is a tandem or a group.
		{name: "no coordinator", change: func(p *mentoring.Programme) { p.Institutions[0].Coordinator = "" },
			rule: "institution.coordinator", subject: "institution/inst-1", fails: true},
		{name: "no coordinator in an institution without mentoring", rule: "institution.coordinator", subject: "institution/inst-2"},
	}
	for _, tc := range cases {
		for _, policy := range []string{"guide", "nastavniki"} {
			if tc.policy != "" && tc.policy != policy {
				continue
			}
			t.Run(policy+"/"+tc.name, func(t *testing.T) {
				prog := fixture()
				if tc.change != nil {
					tc.change(prog)
				}
				rep := evaluate(t, load(t, policy), prog)
				got := ruleFindings(rep, tc.rule)
				if !tc.fails {
					assert.Empty(t, got)
					return
				}
				require.Len(t, got, 1, "findings: %+v", rep.Findings)
				assert.Equal(t, tc.subject, got[0].Subject)
				assert.Contains(t, got[0].Message, tc.says)
				assert.NotContains(t, got[0].Message, "‹?›")
				assert.NotEmpty(t, got[0].Source)
			})
		}
	}
}

// closedOn closes the fixture's tandem on a date for a reason, as of a
// few days later.
func closedOn(on string, why mentoring.CloseReason) func(p *mentoring.Programme) {
	return func(p *mentoring.Programme) {
		p.Tandems[0].Phase, p.Tandems[0].ClosedOn, p.Tandems[0].CloseReason = mentoring.Closed, d(on), why
		if later := d(on).AddDays(5); later.After(p.AsOf) {
			p.AsOf = later
		}
	}
}

// grow adds n children to the fixture's group.
func grow(p *mentoring.Programme, n int) {
	for i := range n {
		id := fmt.Sprintf("x-%d", i)
		p.Children = append(p.Children, mentoring.Child{ID: id, BirthDate: d("2012-09-01"), Institution: "inst-1"})
		p.Groups[0].Children = append(p.Groups[0].Children, id)
	}
}

func TestMessagesInEveryLanguage(t *testing.T) {
	prog := fixture()
	prog.Volunteers[0].BirthDate = d("2001-11-25")
	prog.Volunteers[0].CommitmentMonths = 6
	grow(prog, 7)
	prog.Agreements[0].EndsOn = d("2026-11-30")
	prog.Agreements[0].NoticeGivenOn = d("2026-11-20")
	prog.Visits = prog.Visits[:5]
	want := map[diag.Lang][]string{
		diag.KK: {"24 жаста", "25 жастан бастап", "19 адам", "кемінде 14 күн бұрын", "тәлімгер мен бала 2026 жылғы 10 мамырдан 2026 жылғы 24 қарашаға дейін 198 күн кездеспеген"},
		diag.RU: {"v-1 — 24 года", "от 25 лет", "19 человек", "не менее чем за 14 дней", "не встречались с 10 мая 2026 г. по 24 ноября 2026 г. (198 дней)"},
		diag.EN: {"is 24", "25 or older", "19 people", "notice at least 14 days before", "did not meet from 10 May 2026 to 24 November 2026 (198 days)"},
	}
	p := load(t, "guide")
	for lang, frags := range want {
		t.Run(string(lang), func(t *testing.T) {
			rep := evaluate(t, p, prog, rules.WithLang(lang))
			all := ""
			for _, f := range rep.Findings {
				all += f.Message + "\n"
				assert.NotContains(t, f.Message, "{{")
				assert.NotContains(t, f.Message, "‹?›")
			}
			for _, frag := range frags {
				assert.Contains(t, all, frag)
			}
		})
	}
}

func TestFindingsOrderIsStable(t *testing.T) {
	prog := fixture()
	prog.Institutions[0].Coordinator = ""
	prog.Volunteers[0].BirthDate = d("2001-11-25")
	prog.Volunteers[1].BirthDate = d("2013-01-01")
	prog.Children[1].BirthDate = d("2000-01-01")
	prog.Visits = nil
	grow(prog, 9)
	prog.Reports = nil
	p := load(t, "guide")
	first := evaluate(t, p, prog)
	var subjects []string
	for _, f := range first.Findings {
		subjects = append(subjects, strings.SplitN(f.Subject, "/", 2)[0]+" "+f.Rule)
	}
	assert.Equal(t, []string{
		"institution institution.coordinator",
		"volunteer mentor.min_age", "volunteer volunteer.minor_consent", "child child.adaptation_centre_age",
		"tandem tandem.regular_contact", "group group.max_size", "agreement agreement.monthly_report",
	}, subjects)
	for range 5 {
		again := evaluate(t, p, prog)
		assert.Equal(t, first.Findings, again.Findings)
	}
}

func TestSingleSubject(t *testing.T) {
	prog := fixture()
	prog.Volunteers[0].BirthDate = d("2001-11-25")
	prog.Children[1].BirthDate = d("2000-01-01")
	p := load(t, "guide")
	rep := evaluate(t, p, prog, rules.WithSubject("volunteer/v-1"))
	require.Len(t, rep.Findings, 1)
	assert.Equal(t, "mentor.min_age", rep.Findings[0].Rule)

	_, err := p.Evaluate(context.Background(), prog, rules.WithSubject("volunteer/nobody"))
	require.ErrorIs(t, err, rules.ErrInput)
}

func TestAsOfOverride(t *testing.T) {
	prog := fixture()
	prog.Volunteers[1].Role = volunteer.IndividualMentor // no tandem yet
	prog.Volunteers[1].CommitmentMonths = 12
	prog.Volunteers[1].BirthDate = d("2001-11-25")
	p := load(t, "guide")
	assert.Len(t, ruleFindings(evaluate(t, p, prog), "mentor.min_age"), 1)
	assert.Empty(t, ruleFindings(evaluate(t, p, prog, rules.WithAsOf(d("2026-11-25"))), "mentor.min_age"))
}

func TestDanglingReferenceIsInputError(t *testing.T) {
	prog := fixture()
	prog.Tandems[0].Mentor = "v-9"
	_, err := load(t, "guide").Evaluate(context.Background(), prog)
	require.ErrorIs(t, err, rules.ErrInput)
	assert.Contains(t, err.Error(), `tandems[0] (t-1).mentor: "v-9" is not a volunteer`) // contract v2: both ends
}

func TestOutcomesCoverPassAndFail(t *testing.T) {
	prog := fixture()
	grow(prog, 7)
	rep := evaluate(t, load(t, "guide"), prog, rules.WithOutcomes())
	results := map[string]rules.Result{}
	for _, o := range rep.Outcomes {
		results[o.Rule+" "+o.Subject] = o.Result
	}
	assert.Equal(t, rules.Failed, results["group.max_size group/g-1"])
	assert.Equal(t, rules.Passed, results["mentor.min_age volunteer/v-1"])
	assert.Equal(t, rules.NotApplies, results["mentor.min_age volunteer/v-2"])
}

func TestCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := load(t, "guide").Evaluate(ctx, fixture())
	require.ErrorIs(t, err, context.Canceled)
}

// EvaluateInto fills a report the caller reuses: the findings of the last
// call only, JSON [] when there are none, nothing left after an error,
// and no allocation once the report has grown.
func TestEvaluateInto(t *testing.T) {
	prog := fixture()
	prog.Volunteers[0].BirthDate = d("2001-11-25")
	p := load(t, "guide")
	ctx := context.Background()
	var rep rules.Report
	require.NoError(t, p.EvaluateInto(ctx, prog, &rep, rules.WithSubject("volunteer/v-1")))
	require.Len(t, rep.Findings, 1)
	assert.Equal(t, "mentor.min_age", rep.Findings[0].Rule)
	assert.False(t, rep.Compliant)
	assert.Equal(t, "guide", rep.Policy)
	assert.Equal(t, asOf, rep.AsOf)

	require.NoError(t, p.EvaluateInto(ctx, prog, &rep, rules.WithSubject("volunteer/v-2")))
	assert.Empty(t, rep.Findings, "the last call's findings only")
	assert.True(t, rep.Compliant)
	js, err := json.Marshal(rep)
	require.NoError(t, err)
	assert.Contains(t, string(js), `"findings":[]`)

	var fresh rules.Report
	require.NoError(t, p.EvaluateInto(ctx, prog, &fresh, rules.WithSubject("volunteer/v-2")))
	js, err = json.Marshal(fresh)
	require.NoError(t, err)
	assert.Contains(t, string(js), `"findings":[]`, "a zero report gets [] too")

	require.NoError(t, p.EvaluateInto(ctx, prog, &rep))
	require.NotEmpty(t, rep.Findings)
	require.ErrorIs(t, p.EvaluateInto(ctx, prog, &rep, rules.WithSubject("volunteer/nobody")), rules.ErrInput)
	assert.Empty(t, rep.Findings, "nothing left after an error")

	require.ErrorIs(t, p.EvaluateInto(ctx, prog, nil), rules.ErrInput)

	only := rules.WithSubject("volunteer/v-2") // compliant: no message to render
	require.NoError(t, p.EvaluateInto(ctx, prog, &rep, only))
	if raceEnabled {
		return // the race detector's sync.Pool drops what is put back
	}
	allocs := testing.AllocsPerRun(100, func() {
		if err := p.EvaluateInto(ctx, prog, &rep, only); err != nil {
			t.Fatal(err)
		}
	})
	if !raceEnabled {
		assert.Zero(t, allocs, "a reused report allocates nothing on a compliant subject")
	}
}
