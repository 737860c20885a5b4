package mentoring_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// sameProgramme compares every exported field of two programmes: their
// indexes are built apart and equal only in content.
func sameProgramme(t *testing.T, want, got *mentoring.Programme) {
	t.Helper()
	w, g := reflect.ValueOf(want).Elem(), reflect.ValueOf(got).Elem()
	for i := range w.NumField() {
		if f := w.Type().Field(i); f.IsExported() {
			assert.Equal(t, w.Field(i).Interface(), g.Field(i).Interface(), f.Name)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	for _, file := range []string{"../examples/data/programme.json", "../examples/data/problems.json"} {
		t.Run(file, func(t *testing.T) {
			p, err := mentoring.Load(file)
			require.NoError(t, err)
			out, err := json.Marshal(p)
			require.NoError(t, err)
			q, err := mentoring.Parse(out, "again.json", mentoring.JSON)
			require.NoError(t, err)
			sameProgramme(t, p, q)

			// The same programme written as YAML loads to the same value.
			var tree any
			require.NoError(t, json.Unmarshal(out, &tree))
			y, err := yaml.Marshal(tree)
			require.NoError(t, err)
			r, err := mentoring.Parse(y, "again.yaml", mentoring.Detect)
			require.NoError(t, err)
			sameProgramme(t, p, r)
		})
	}
}

// What the guide forbids is well-formed: it loads, and the policy reports it.
func TestForbiddenButWellFormedLoads(t *testing.T) {
	p, err := mentoring.Load("../examples/data/problems.json")
	require.NoError(t, err)
	young, ok := p.Volunteer("v-21")
	require.True(t, ok)
	assert.Equal(t, 24, young.BirthDate.YearsUntil(p.AsOf))
	g, ok := p.Group("g-2")
	require.True(t, ok)
	assert.Equal(t, 19, g.Size())
	minor, ok := p.Volunteer("v-22")
	require.True(t, ok)
	assert.Equal(t, 13, minor.BirthDate.YearsUntil(p.AsOf))
	assert.False(t, minor.ParentalConsent)
}

func TestLoadMissingFile(t *testing.T) {
	_, err := mentoring.Load("testdata/no-such-file.json")
	require.ErrorIs(t, err, os.ErrNotExist)
}

func TestValidateWithoutPositions(t *testing.T) {
	p := &mentoring.Programme{
		AsOf:     civil.D(2026, 11, 24),
		Children: []mentoring.Child{{ID: "c-1", BirthDate: civil.D(2013, 1, 1), Institution: "i-9", AdmittedOn: civil.D(2012, 1, 1)}},
	}
	errs := diag.Errors(p.Validate())
	require.Len(t, errs, 2, "%v", errs)
	assert.Equal(t, "children[0].admitted_on: admitted_on is before the birth date", errs[0].Localize(diag.EN))
	assert.Equal(t, "children[0].admitted_on: дата поступления раньше даты рождения", errs[0].Localize(diag.RU))
	// A dangling reference names both ends: the child by its path and id,
	// and the institution it did not find.
	assert.Equal(t, `children[0] (c-1).institution: "i-9" is not a institution`, errs[1].Error())
	assert.Equal(t, "children[0].institution", errs[1].Path)
	assert.Equal(t, "c-1", errs[1].Element)
	assert.False(t, errs[0].IsValid())
}

func TestImpossibleDates(t *testing.T) {
	base := func() *mentoring.Programme {
		return &mentoring.Programme{
			AsOf:         civil.D(2026, 11, 24),
			Institutions: []mentoring.Institution{{ID: "i-1", Name: "Home", Kind: mentoring.Orphanage}},
			Children:     []mentoring.Child{{ID: "c-1", BirthDate: civil.D(2013, 1, 1), Institution: "i-1"}},
			Tandems:      []mentoring.Tandem{{ID: "t-1", Mentor: "", Child: "c-1", StartedOn: civil.D(2026, 3, 1), Phase: mentoring.Closed, ClosedOn: civil.D(2026, 9, 1)}},
		}
	}
	cases := []struct {
		name string
		edit func(p *mentoring.Programme)
		path string // "" = no problem
	}{
		{"closed the day it started", func(p *mentoring.Programme) { p.Tandems[0].ClosedOn = civil.D(2026, 3, 1) }, ""},
		{"closed the day before it started", func(p *mentoring.Programme) { p.Tandems[0].ClosedOn = civil.D(2026, 2, 28) }, "tandems[0].closed_on"},
		{"closing date on an open tandem", func(p *mentoring.Programme) { p.Tandems[0].Phase = mentoring.Closing }, "tandems[0].closed_on"},
		{"outing on the closing day", func(p *mentoring.Programme) {
			p.Outings = []mentoring.Outing{{Tandem: "t-1", Date: civil.D(2026, 9, 1)}}
		}, ""},
		// An outing after the tandem closed is a finding of rule
		// tandem.outing_agreement, not malformed data (contract v2).
		{"outing the day after closing", func(p *mentoring.Programme) {
			p.Outings = []mentoring.Outing{{Tandem: "t-1", Date: civil.D(2026, 9, 2)}}
		}, ""},
		{"visit on as_of", func(p *mentoring.Programme) {
			p.Visits = []mentoring.Visit{{Tandem: "t-1", Date: p.AsOf}}
		}, ""},
		{"visit the day after as_of", func(p *mentoring.Programme) {
			p.Visits = []mentoring.Visit{{Tandem: "t-1", Date: p.AsOf.AddDays(1)}}
		}, "visits[0].date"},
		{"visit before the tandem started", func(p *mentoring.Programme) {
			p.Visits = []mentoring.Visit{{Tandem: "t-1", Date: civil.D(2026, 2, 28)}}
		}, ""},
		{"visit after the tandem closed", func(p *mentoring.Programme) {
			p.Visits = []mentoring.Visit{{Tandem: "t-1", Date: civil.D(2026, 9, 2)}}
		}, ""},
		{"visit before the child was born", func(p *mentoring.Programme) {
			p.Visits = []mentoring.Visit{{Tandem: "t-1", Date: civil.D(2012, 12, 31)}}
		}, "visits[0].date"},
		{"check-in on as_of", func(p *mentoring.Programme) {
			p.CheckIns = []mentoring.CheckIn{{Tandem: "t-1", Date: p.AsOf}}
		}, ""},
		{"check-in the day after as_of", func(p *mentoring.Programme) {
			p.CheckIns = []mentoring.CheckIn{{Tandem: "t-1", Date: p.AsOf.AddDays(1)}}
		}, "check_ins[0].date"},
		{"check-in before the tandem started", func(p *mentoring.Programme) {
			p.CheckIns = []mentoring.CheckIn{{Tandem: "t-1", Date: civil.D(2026, 2, 1)}}
		}, ""},
		{"child born 1900-01-01", func(p *mentoring.Programme) { p.Children[0].BirthDate = civil.D(1900, 1, 1) }, ""},
		{"child born 1899-12-31", func(p *mentoring.Programme) { p.Children[0].BirthDate = civil.D(1899, 12, 31) }, "children[0].birth_date"},
		{"child born in year 1", func(p *mentoring.Programme) { p.Children[0].BirthDate = civil.D(1, 1, 1) }, "children[0].birth_date"},
		{"child born in 9999", func(p *mentoring.Programme) {
			p.Children[0].BirthDate = civil.D(9999, 12, 31)
			p.Tandems = nil
		}, "children[0].birth_date"},
		{"as_of in 2199", func(p *mentoring.Programme) { p.AsOf = civil.D(2199, 12, 31) }, ""},
		{"as_of in 2200", func(p *mentoring.Programme) { p.AsOf = civil.D(2200, 1, 1) }, "as_of"},
		{"agreement ends in 2200", func(p *mentoring.Programme) {
			p.Volunteers = volunteers()
			p.Agreements = []agreementT{{ID: "a-1", Volunteer: "v-1", SignedOn: civil.D(2026, 1, 1), EndsOn: civil.D(2200, 1, 1)}}
		}, "agreements[0].ends_on"},
		{"partnership signed on as_of", func(p *mentoring.Programme) { p.Institutions[0].PartnershipSignedOn = p.AsOf }, ""},
		{"partnership signed after as_of", func(p *mentoring.Programme) {
			p.Institutions[0].PartnershipSignedOn = p.AsOf.AddDays(1)
		}, "institutions[0].partnership_signed_on"},
		{"interaction rules after as_of", func(p *mentoring.Programme) {
			p.Institutions[0].InteractionRulesOn = p.AsOf.AddDays(1)
		}, "institutions[0].interaction_rules_on"},
		{"safety briefing after as_of", func(p *mentoring.Programme) {
			p.Volunteers = volunteers()
			p.Volunteers[0].Screening.SafetyBriefing = p.AsOf.AddDays(1)
		}, "volunteers[0].screening.safety_briefing"},
		{"notice given after the end", func(p *mentoring.Programme) {
			p.Volunteers = volunteers()
			p.Agreements = []agreementT{{ID: "a-1", Volunteer: "v-1", SignedOn: civil.D(2026, 1, 1),
				NoticeGivenOn: civil.D(2026, 6, 2), EndsOn: civil.D(2026, 6, 1)}}
		}, ""},
		{"outing before the child was born", func(p *mentoring.Programme) {
			p.Outings = []mentoring.Outing{{Tandem: "t-1", Date: civil.D(2012, 12, 31)}}
		}, "outings[0].date"},
		{"child born on as_of", func(p *mentoring.Programme) { p.Children[0].BirthDate = p.AsOf }, "tandems[0].started_on"},
		{"child born the day after as_of", func(p *mentoring.Programme) {
			p.Children[0].BirthDate = p.AsOf.AddDays(1)
			p.Tandems = nil
		}, "children[0].birth_date"},
		{"admitted the day of birth", func(p *mentoring.Programme) { p.Children[0].AdmittedOn = civil.D(2013, 1, 1) }, ""},
		{"admitted the day before birth", func(p *mentoring.Programme) { p.Children[0].AdmittedOn = civil.D(2012, 12, 31) }, "children[0].admitted_on"},
		{"report for the month of as_of", func(p *mentoring.Programme) {
			p.Volunteers = volunteers()
			p.Reports = []agreementReport{{Volunteer: "v-1", Month: civil.M(2026, 11)}}
		}, ""},
		{"report for the month after as_of", func(p *mentoring.Programme) {
			p.Volunteers = volunteers()
			p.Reports = []agreementReport{{Volunteer: "v-1", Month: civil.M(2026, 12)}}
		}, "reports[0].month"},
		{"agreement ends the day it is signed", func(p *mentoring.Programme) {
			p.Volunteers = volunteers()
			p.Agreements = []agreementT{{ID: "a-1", Volunteer: "v-1", SignedOn: civil.D(2026, 1, 1), EndsOn: civil.D(2026, 1, 1)}}
		}, ""},
		{"agreement ends before it is signed", func(p *mentoring.Programme) {
			p.Volunteers = volunteers()
			p.Agreements = []agreementT{{ID: "a-1", Volunteer: "v-1", SignedOn: civil.D(2026, 1, 1), EndsOn: civil.D(2025, 12, 31)}}
		}, "agreements[0].ends_on"},
		{"notice before signing", func(p *mentoring.Programme) {
			p.Volunteers = volunteers()
			p.Agreements = []agreementT{{ID: "a-1", Volunteer: "v-1", SignedOn: civil.D(2026, 1, 1), NoticeGivenOn: civil.D(2025, 12, 31)}}
		}, "agreements[0].notice_given_on"},
		{"signed before the volunteer was born", func(p *mentoring.Programme) {
			p.Volunteers = volunteers()
			p.Agreements = []agreementT{{ID: "a-1", Volunteer: "v-1", SignedOn: civil.D(1989, 12, 31)}}
		}, "agreements[0].signed_on"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := base()
			p.Tandems[0].Mentor = ""
			c.edit(p)
			var got []string
			for _, e := range diag.Errors(p.Validate()) {
				if e.Code == diag.CodeImpossible {
					got = append(got, e.Path)
				}
			}
			if c.path == "" {
				assert.Empty(t, got)
			} else {
				assert.Equal(t, []string{c.path}, got)
			}
		})
	}
}

func TestLifecycle(t *testing.T) {
	phases := []mentoring.Phase{mentoring.Acquaintance, mentoring.InsideInstitution, mentoring.ActivePhase, mentoring.Closing, mentoring.Closed}
	allowed := map[[2]mentoring.Phase]bool{
		{mentoring.Acquaintance, mentoring.InsideInstitution}: true,
		{mentoring.Acquaintance, mentoring.Closing}:           true,
		{mentoring.InsideInstitution, mentoring.ActivePhase}:  true,
		{mentoring.InsideInstitution, mentoring.Closing}:      true,
		{mentoring.ActivePhase, mentoring.Closing}:            true,
		{mentoring.ActivePhase, mentoring.InsideInstitution}:  true,
		{mentoring.Closing, mentoring.ActivePhase}:            true,
	}
	for _, from := range phases {
		for _, to := range phases {
			t.Run(fmt.Sprintf("%s to %s", from, to), func(t *testing.T) {
				tandem := mentoring.Tandem{ID: "t-1", Phase: from}
				err := tandem.Move(to)
				if allowed[[2]mentoring.Phase{from, to}] {
					require.NoError(t, err)
					assert.Equal(t, to, tandem.Phase)
					return
				}
				var te *mentoring.TransitionError
				require.ErrorAs(t, err, &te)
				assert.Equal(t, from, te.From)
				assert.Equal(t, to, te.To)
				var de *diag.Error
				require.ErrorAs(t, err, &de)
				assert.Equal(t, diag.CodeIllegalChange, de.Code)
				assert.Contains(t, de.Localize(diag.KK), "күйінен")
				assert.Equal(t, from, tandem.Phase, "unchanged")
			})
		}
	}
}

func TestClose(t *testing.T) {
	start := civil.D(2026, 3, 1)
	cases := []struct {
		name   string
		phase  mentoring.Phase
		on     civil.Date
		reason mentoring.CloseReason
		code   diag.Code // "" = closes
	}{
		{"with a reason", mentoring.Closing, start.AddDays(30), mentoring.MentorMoved, ""},
		{"on the first day", mentoring.Closing, start, mentoring.ChildLeft, ""},
		{"the day before it started", mentoring.Closing, start.AddDays(-1), mentoring.MentorMoved, diag.CodeImpossible},
		{"without a reason", mentoring.Closing, start.AddDays(30), "", diag.CodeRequired},
		{"a reason not on the list", mentoring.Closing, start.AddDays(30), "moved away", diag.CodeInvalid},
		{"without a date", mentoring.Closing, civil.Date{}, mentoring.MentorMoved, diag.CodeRequired},
		{"from active", mentoring.ActivePhase, start.AddDays(30), mentoring.MentorMoved, diag.CodeIllegalChange},
		{"twice", mentoring.Closed, start.AddDays(30), mentoring.MentorMoved, diag.CodeIllegalChange},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tandem := mentoring.Tandem{ID: "t-1", Phase: c.phase, StartedOn: start}
			err := tandem.Close(c.on, c.reason, "to Astana")
			if c.code == "" {
				require.NoError(t, err)
				assert.Equal(t, mentoring.Closed, tandem.Phase)
				assert.Equal(t, c.on, tandem.ClosedOn)
				assert.Equal(t, c.reason, tandem.CloseReason)
				assert.Equal(t, "to Astana", tandem.CloseNote)
				return
			}
			var de *diag.Error
			require.ErrorAs(t, err, &de)
			assert.Equal(t, c.code, de.Code)
			assert.Equal(t, c.phase, tandem.Phase)
			assert.True(t, tandem.ClosedOn.IsZero())
		})
	}
}

func TestMayGoOut(t *testing.T) {
	for phase, want := range map[mentoring.Phase]bool{
		mentoring.Acquaintance: false, mentoring.InsideInstitution: false,
		mentoring.ActivePhase: true, mentoring.Closing: true, mentoring.Closed: true,
	} {
		t.Run(string(phase), func(t *testing.T) {
			assert.Equal(t, want, (&mentoring.Tandem{Phase: phase}).MayGoOut())
		})
	}
}

func TestGroupSize(t *testing.T) {
	g := mentoring.Group{Mentors: []string{"v-1", "v-2"}, Children: []string{"c-1", "c-2", "c-3"}}
	assert.Equal(t, 5, g.Size())
	assert.Equal(t, 0, (&mentoring.Group{}).Size())
}

func TestGeneralMeetings(t *testing.T) {
	p := &mentoring.Programme{Meetings: []mentoring.Meeting{
		{ID: "m-1", Kind: mentoring.General, Date: civil.D(2026, 9, 30), Attendees: []string{"v-1"}},
		{ID: "m-2", Kind: mentoring.Planning, Date: civil.D(2026, 10, 1)},
		{ID: "m-3", Kind: mentoring.General, Date: civil.D(2026, 11, 1)},
	}}
	m, ok := p.GeneralMeetingIn(civil.M(2026, 9))
	require.True(t, ok)
	assert.Equal(t, "m-1", m.ID)
	assert.True(t, m.Attended("v-1"))
	assert.False(t, m.Attended("v-2"))
	_, ok = p.GeneralMeetingIn(civil.M(2026, 10))
	assert.False(t, ok, "a planning meeting is not a general one")
	assert.Len(t, p.MeetingsIn(civil.M(2026, 10)), 1)
	assert.Equal(t, []civil.Month{civil.M(2026, 8), civil.M(2026, 10)}, p.MonthsWithoutGeneralMeeting(civil.M(2026, 8), civil.M(2026, 11)))
}

func TestTransitionErrorIsNotAList(t *testing.T) {
	tandem := mentoring.Tandem{ID: "t-1", Phase: mentoring.Closed}
	err := tandem.Move(mentoring.ActivePhase)
	var list diag.List
	assert.False(t, errors.As(err, &list))
}
