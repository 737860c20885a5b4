package planning_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/planning"
	"github.com/birgemiz/sabaqtastyq/planning/policyjudge"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

func pairsPolicy(tb testing.TB) *rules.Policy {
	tb.Helper()
	pol, err := rules.Resolve("pairs")
	require.NoError(tb, err)
	return pol
}

// onePair is a programme with one mentor and one child in an Almaty
// orphanage whom pairs.yaml allows together: a screened, active mentor of
// 30, given the safety instruction and with an agreement in force, and a
// child of 12 who share Kazakh.
func onePair() *mentoring.Programme {
	return &mentoring.Programme{AsOf: asOf,
		Institutions: []mentoring.Institution{{ID: "home", Name: "Home", Kind: mentoring.Orphanage, City: "Almaty"}},
		Volunteers: []volunteer.Volunteer{{ID: "v-1", FullName: "Mentor", BirthDate: civil.D(1996, 1, 1),
			Gender: volunteer.Female, City: "Almaty", Languages: []string{"kk", "ru"}, Role: volunteer.IndividualMentor,
			CommitmentMonths: 24, Status: volunteer.Active,
			Screening: volunteer.Screening{Interview: civil.D(2026, 1, 10), PsychologicalTest: civil.D(2026, 1, 15),
				Training: civil.D(2026, 2, 1), Documents: civil.D(2026, 2, 10), SafetyBriefing: civil.D(2026, 2, 20)}}},
		Children: []mentoring.Child{{ID: "c-1", BirthDate: civil.D(2014, time.March, 1), Institution: "home",
			Programme: mentoring.Individual, Languages: []string{"kk"}}},
		Agreements: []agreement.Agreement{agreementFor("v-1", civil.D(2026, 2, 15))},
	}
}

// TestPolicyJudgeRules changes one thing in an allowed pair, on each side
// of a rule's boundary, and checks that the matcher with the pairs policy
// proposes the pair exactly when the policy allows it.
func TestPolicyJudgeRules(t *testing.T) {
	type change = func(m *volunteer.Volunteer, c *mentoring.Child, in *mentoring.Institution)
	tests := []struct {
		name   string
		change change
		mentor string // the mentor rule that rules the mentor out
		pair   string // the pair rule that forbids the pair
		// skipped: the child is no candidate at all (group-format
		// mentoring), and not listed as unmatched.
		skipped bool
	}{
		{name: "allowed", change: func(*volunteer.Volunteer, *mentoring.Child, *mentoring.Institution) {}},

		{name: "different city", pair: "pair.same_city",
			change: func(m *volunteer.Volunteer, _ *mentoring.Child, _ *mentoring.Institution) { m.City = "Astana" }},
		{name: "same city in capitals", change: func(m *volunteer.Volunteer, _ *mentoring.Child, _ *mentoring.Institution) {
			m.City = "ALMATY"
		}},
		{name: "mentor city unknown", change: func(m *volunteer.Volunteer, _ *mentoring.Child, _ *mentoring.Institution) { m.City = "" }},

		{name: "no shared language", pair: "pair.shared_language",
			change: func(_ *volunteer.Volunteer, c *mentoring.Child, _ *mentoring.Institution) {
				c.Languages = []string{"en"}
			}},
		{name: "shared language with region", change: func(_ *volunteer.Volunteer, c *mentoring.Child, _ *mentoring.Institution) {
			c.Languages = []string{"en", "KK-kz"}
		}},
		{name: "child languages unknown", change: func(_ *volunteer.Volunteer, c *mentoring.Child, _ *mentoring.Institution) {
			c.Languages = nil
		}},

		{name: "gender preference not met", pair: "pair.gender_preference",
			change: func(_ *volunteer.Volunteer, c *mentoring.Child, _ *mentoring.Institution) { c.MentorGender = "male" }},
		{name: "gender preference met", change: func(_ *volunteer.Volunteer, c *mentoring.Child, _ *mentoring.Institution) {
			c.MentorGender = "female"
		}},

		{name: "orphanage child of 9", pair: "pair.orphanage_age",
			change: func(_ *volunteer.Volunteer, c *mentoring.Child, _ *mentoring.Institution) {
				c.BirthDate = civil.D(2016, 11, 25)
			}},
		{name: "orphanage child of 10", change: func(_ *volunteer.Volunteer, c *mentoring.Child, _ *mentoring.Institution) {
			c.BirthDate = civil.D(2016, 11, 24)
		}},
		{name: "child of 9 in a school", change: func(_ *volunteer.Volunteer, c *mentoring.Child, in *mentoring.Institution) {
			c.BirthDate, in.Kind = civil.D(2016, 11, 25), mentoring.School
		}},

		{name: "group-format child", pair: "pair.individual_programme", skipped: true,
			change: func(_ *volunteer.Volunteer, c *mentoring.Child, _ *mentoring.Institution) {
				c.Programme = mentoring.GroupFmt
			}},
		{name: "coaching child of 14", change: func(_ *volunteer.Volunteer, c *mentoring.Child, _ *mentoring.Institution) {
			c.Programme, c.BirthDate = mentoring.Coaching, civil.D(2012, 11, 24)
		}},
		{name: "coaching child of 18", pair: "pair.coaching_age",
			change: func(_ *volunteer.Volunteer, c *mentoring.Child, _ *mentoring.Institution) {
				c.Programme, c.BirthDate = mentoring.Coaching, civil.D(2008, 11, 24)
			}},
		{name: "coaching child of 17", change: func(_ *volunteer.Volunteer, c *mentoring.Child, _ *mentoring.Institution) {
			c.Programme, c.BirthDate = mentoring.Coaching, civil.D(2008, 11, 25)
		}},
		{name: "adaptation centre child of 18", pair: "pair.adaptation_centre_age",
			change: func(_ *volunteer.Volunteer, c *mentoring.Child, in *mentoring.Institution) {
				in.Kind, c.BirthDate = mentoring.AdaptationCentre, civil.D(2008, 11, 24)
			}},
		{name: "adaptation centre child of 17", change: func(_ *volunteer.Volunteer, c *mentoring.Child, in *mentoring.Institution) {
			in.Kind, c.BirthDate = mentoring.AdaptationCentre, civil.D(2008, 11, 25)
		}},
		{name: "coaching child of 13", pair: "pair.coaching_age",
			change: func(_ *volunteer.Volunteer, c *mentoring.Child, _ *mentoring.Institution) {
				c.Programme, c.BirthDate = mentoring.Coaching, civil.D(2012, 11, 25)
			}},

		{name: "training missing", pair: "pair.mentor_screening",
			change: func(m *volunteer.Volunteer, _ *mentoring.Child, _ *mentoring.Institution) {
				m.Screening.Training = civil.Date{}
			}},
		{name: "documents not done", pair: "pair.mentor_screening",
			change: func(m *volunteer.Volunteer, _ *mentoring.Child, _ *mentoring.Institution) {
				m.Screening.Documents = civil.Date{}
			}},
		{name: "documents done today", change: func(m *volunteer.Volunteer, _ *mentoring.Child, _ *mentoring.Institution) {
			m.Screening.Documents = asOf
		}},

		{name: "no safety instruction", pair: "pair.mentor_safety_briefing",
			change: func(m *volunteer.Volunteer, _ *mentoring.Child, _ *mentoring.Institution) {
				m.Screening.SafetyBriefing = civil.Date{}
			}},
		{name: "safety instruction today", change: func(m *volunteer.Volunteer, _ *mentoring.Child, _ *mentoring.Institution) {
			m.Screening.SafetyBriefing = asOf
		}},

		{name: "status applicant", pair: "pair.mentor_status",
			change: func(m *volunteer.Volunteer, _ *mentoring.Child, _ *mentoring.Institution) {
				m.Status = volunteer.Applicant
			}},
		{name: "status on hold", pair: "pair.mentor_status",
			change: func(m *volunteer.Volunteer, _ *mentoring.Child, _ *mentoring.Institution) {
				m.Status = volunteer.OnHold
			}},
		{name: "status retired", pair: "pair.mentor_status",
			change: func(m *volunteer.Volunteer, _ *mentoring.Child, _ *mentoring.Institution) {
				m.Status = volunteer.Retired
			}},
		{name: "status approved", change: func(m *volunteer.Volunteer, _ *mentoring.Child, _ *mentoring.Institution) {
			m.Status = volunteer.Approved
		}},

		{name: "mentor of 24", mentor: "mentor.min_age",
			change: func(m *volunteer.Volunteer, _ *mentoring.Child, _ *mentoring.Institution) {
				m.BirthDate = civil.D(2001, 11, 25)
			}},
		{name: "mentor of 25", change: func(m *volunteer.Volunteer, _ *mentoring.Child, _ *mentoring.Institution) {
			m.BirthDate = civil.D(2001, 11, 24)
		}},
		{name: "commitment of 11 months", mentor: "mentor.commitment",
			change: func(m *volunteer.Volunteer, _ *mentoring.Child, _ *mentoring.Institution) { m.CommitmentMonths = 11 }},
		{name: "commitment of 12 months", change: func(m *volunteer.Volunteer, _ *mentoring.Child, _ *mentoring.Institution) {
			m.CommitmentMonths = 12
		}},
	}
	pol := pairsPolicy(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			prog := onePair()
			tc.change(&prog.Volunteers[0], &prog.Children[0], &prog.Institutions[0])
			testPair(t, pol, prog, tc.mentor, tc.pair, tc.skipped)
		})
	}

	// An agreement in force on as_of: the matcher proposes no mentor whose
	// agreement has ended, as mentor.agreement would flag the new tandem.
	agreements := []struct {
		name string
		edit func(a *agreement.Agreement)
		pair string
	}{
		{"agreement signed today", func(a *agreement.Agreement) { a.SignedOn = asOf }, ""},
		{"agreement signed tomorrow", func(a *agreement.Agreement) { a.SignedOn = asOf.AddDays(1) }, "pair.mentor_agreement"},
		{"agreement ends today", func(a *agreement.Agreement) { a.EndsOn, a.NoticeGivenOn = asOf, asOf.AddDays(-20) }, ""},
		{"agreement ended yesterday", func(a *agreement.Agreement) {
			a.EndsOn, a.NoticeGivenOn = asOf.AddDays(-1), asOf.AddDays(-20)
		}, "pair.mentor_agreement"},
	}
	for _, tc := range agreements {
		t.Run(tc.name, func(t *testing.T) {
			prog := onePair()
			tc.edit(&prog.Agreements[0])
			if tc.pair != "" && prog.Agreements[0].SignedOn.After(asOf) {
				prog.Agreements[0].SignedOn = civil.Date{} // a signing after as_of is impossible input
			}
			testPair(t, pol, prog, "", tc.pair, false)
		})
	}
}

// testPair matches prog's one mentor and one child with the pairs policy
// and checks who is proposed, who is left out and why: mentorRule rules
// the mentor out, pairRule forbids the pair, skipped says the child is no
// candidate at all (group-format mentoring, not listed as unmatched).
func testPair(t *testing.T, pol *rules.Policy, prog *mentoring.Programme, mentorRule, pairRule string, skipped bool) {
	t.Helper()
	ctx := context.Background()
	require.NoError(t, prog.Index())
	judge, err := policyjudge.New(ctx, pol, prog, diag.EN)
	require.NoError(t, err)

	verdict, err := judge.Mentor(ctx, &prog.Volunteers[0])
	require.NoError(t, err)
	assert.Equal(t, mentorRule == "", verdict.Allowed, "%+v", verdict.Findings)
	dec, err := judge.Pair(ctx, &prog.Volunteers[0], &prog.Children[0])
	require.NoError(t, err)
	assert.Equal(t, pairRule == "", dec.Allowed, "%+v", dec.Findings)

	m, err := planning.Match(ctx, prog, judge, planning.MatchOptions{})
	require.NoError(t, err)
	switch {
	case mentorRule != "":
		require.Empty(t, m.Proposals)
		require.Len(t, m.UnmatchedMentors, 1)
		u := m.UnmatchedMentors[0]
		assert.Equal(t, planning.ReasonMentorRules, u.Reason)
		assert.Contains(t, ruleSet(u.Findings), mentorRule)
		assert.Contains(t, u.Message, mentorRule)
	case skipped:
		assert.Empty(t, m.Proposals)
		assert.Empty(t, m.UnmatchedChildren, "a child in group-format mentoring is no candidate")
	case pairRule != "":
		require.Empty(t, m.Proposals, "a forbidden pair is never proposed")
		require.Len(t, m.UnmatchedChildren, 1)
		require.Len(t, m.UnmatchedMentors, 1)
		for _, u := range []planning.Unmatched{m.UnmatchedMentors[0], m.UnmatchedChildren[0]} {
			assert.Equal(t, planning.ReasonNoAllowed, u.Reason)
			assert.Equal(t, []planning.RuleCount{{Rule: pairRule, Count: 1}}, u.Rules)
			// The rule forbade every candidate: the matcher says why in
			// the rule's words.
			require.Len(t, u.Findings, 1)
			assert.Equal(t, pairRule, u.Findings[0].Rule)
			assert.NotEmpty(t, u.Findings[0].Message)
		}
		assert.Equal(t, []string{pairRule}, ruleSet(blocking(dec.Findings)))
		var text bytes.Buffer
		require.NoError(t, m.WriteText(&text, diag.EN))
		assert.Contains(t, text.String(), "    "+pairRule+": "+m.UnmatchedMentors[0].Findings[0].Message)
	default:
		require.Len(t, m.Proposals, 1)
		assert.Equal(t, "v-1", m.Proposals[0].Mentor)
		assert.Equal(t, "c-1", m.Proposals[0].Child)
		assert.Empty(t, m.Proposals[0].Notes)
	}
}

func ruleSet(fs []planning.Finding) []string {
	var out []string
	for _, f := range fs {
		if !slices.Contains(out, f.Rule) {
			out = append(out, f.Rule)
		}
	}
	slices.Sort(out)
	return out
}

func blocking(fs []planning.Finding) []planning.Finding {
	var out []planning.Finding
	for _, f := range fs {
		if f.Severity != planning.Warn {
			out = append(out, f)
		}
	}
	return out
}

func TestPolicyJudgeScores(t *testing.T) {
	pol := pairsPolicy(t)
	prog := onePair()
	m, c := &prog.Volunteers[0], &prog.Children[0]
	m.Skills = []volunteer.Skill{{Name: "Football"}, {Name: "Chess"}}
	m.FreeTime = &volunteer.FreeTime{Bucket: volunteer.Hours10To15}
	m.Level = volunteer.Master
	c.Interests = []string{"football", "drawing"}
	c.Languages = []string{"ru", "kk"}
	c.MentorGender = "female"
	require.NoError(t, prog.Index())

	judge, err := policyjudge.New(context.Background(), pol, prog, diag.KK)
	require.NoError(t, err)
	d, err := judge.Pair(context.Background(), m, c)
	require.NoError(t, err)
	require.True(t, d.Allowed, "%+v", d.Findings)
	assert.Empty(t, d.Findings, "an agreement in force: no note")

	ids := make([]string, len(d.Parts))
	for i, p := range d.Parts {
		ids[i] = p.ID
	}
	assert.Equal(t, pol.Scores(rules.KindPair), ids, "the parts are pairs.yaml's scores, in order")
	want := map[string][2]any{ // value, weight parameter
		"shared_interests":  {1.0, "w_interests"},
		"shared_languages":  {2.0, "w_languages"},
		"availability":      {1.0, "w_availability"},
		"experience":        {1.0, "w_experience"},
		"gender_preference": {1.0, "w_gender_preference"},
	}
	total := 0.0
	for _, p := range d.Parts {
		w, ok := pol.Param(want[p.ID][1].(string))
		require.True(t, ok)
		assert.Equal(t, want[p.ID][0], p.Value, p.ID)
		assert.Equal(t, w, p.Weight, p.ID)
		total += p.Value * p.Weight
	}
	assert.InDelta(t, 3+2+2+1+0.5, d.Score, 1e-12)
	assert.InDelta(t, total, d.Score, 1e-12)

	// Messages come in the judge's language.
	c.MentorGender = "male"
	d, err = judge.Pair(context.Background(), m, c)
	require.NoError(t, err)
	require.False(t, d.Allowed)
	assert.Contains(t, d.Findings[0].Message, "тәлімгерді қалайды")
	assert.Equal(t, "pair/v-1+c-1", d.Findings[0].Subject)
}

func TestNewPolicyJudgeErrors(t *testing.T) {
	ctx := context.Background()
	prog := onePair()
	require.NoError(t, prog.Index())

	guide, err := rules.Resolve("guide")
	require.NoError(t, err)
	_, err = policyjudge.New(ctx, guide, prog, diag.EN)
	require.ErrorIs(t, err, rules.ErrPolicy, "the guide has no pair rules")
	assert.Contains(t, err.Error(), `policy "guide" has no pair rules`)
	var de *diag.Error
	require.ErrorAs(t, err, &de)
	assert.Contains(t, de.Localize(diag.KK), "жұп ережелері")

	judge, err := policyjudge.New(ctx, pairsPolicy(t), prog, "")
	require.NoError(t, err)
	_, err = judge.Mentor(ctx, &volunteer.Volunteer{ID: "stranger"})
	require.Error(t, err, "a judge is bound to its programme")

	dangling := onePair()
	dangling.Children[0].Institution = "nowhere"
	_, err = policyjudge.New(ctx, pairsPolicy(t), dangling, diag.EN)
	require.ErrorIs(t, err, rules.ErrInput)

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = policyjudge.New(cancelled, pairsPolicy(t), prog, diag.EN)
	require.ErrorIs(t, err, context.Canceled)
}

// randomPairs is a small programme whose people vary in everything the
// pairs policy reads.
func randomPairs(rng *rand.Rand) *mentoring.Programme {
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	some := func(xs ...string) []string {
		var out []string
		for _, x := range xs {
			if rng.IntN(3) == 0 {
				out = append(out, x)
			}
		}
		return out
	}
	date := func(from civil.Date, days int) civil.Date { return from.AddDays(rng.IntN(days)) }
	prog := &mentoring.Programme{AsOf: asOf, Institutions: []mentoring.Institution{
		{ID: "home", Name: "Home", Kind: mentoring.Orphanage, City: "Almaty"},
		{ID: "centre", Name: "Centre", Kind: mentoring.AdaptationCentre, City: "Astana"},
		{ID: "school", Name: "School", Kind: mentoring.School},
	}}
	for i := range rng.IntN(6) {
		v := volunteer.Volunteer{ID: fmt.Sprintf("v-%d", i), FullName: "Volunteer", BirthDate: date(civil.D(1985, 1, 1), 365*20),
			Gender: volunteer.Gender(pick("female", "male")), City: pick("Almaty", "almaty", "Astana", ""),
			Languages: some("kk", "ru", "en", "kk-KZ"), Role: volunteer.Role(pick("individual_mentor", "individual_mentor", "group_volunteer")),
			CommitmentMonths: 6 + rng.IntN(20), Status: volunteer.Status(pick("", "active", "active", "approved", "approved", "applicant", "on_hold", "retired")),
			Level: volunteer.Level(pick("", "trainee", "mentor", "master")), ParentalConsent: rng.IntN(2) == 0,
			AccompaniedByGuardian: rng.IntN(4) == 0}
		screening := []*civil.Date{&v.Screening.Interview, &v.Screening.PsychologicalTest, &v.Screening.Training,
			&v.Screening.Documents, &v.Screening.SafetyBriefing}
		for _, d := range screening {
			if rng.IntN(20) > 0 {
				*d = date(asOf.AddDays(-300), 301) // up to as_of: a later date is impossible input
			}
		}
		for _, s := range some("Football", "chess", "Music") {
			v.Skills = append(v.Skills, volunteer.Skill{Name: s})
		}
		if rng.IntN(3) > 0 {
			v.FreeTime = &volunteer.FreeTime{Bucket: volunteer.FreeTimeBucket(pick("", "hours_10_15", "evenings", "weekends", "other")),
				HoursPerWeek: rng.IntN(15)}
			if v.FreeTime.Bucket == "other" {
				v.FreeTime.Other = "on call"
			}
		}
		prog.Volunteers = append(prog.Volunteers, v)
		if rng.IntN(4) > 0 {
			a := agreementFor(v.ID, date(asOf.AddDays(-100), 101))
			if rng.IntN(4) == 0 { // ended, or ending: on either side of as_of
				a.EndsOn = date(a.SignedOn, a.SignedOn.DaysUntil(asOf)+2)
				a.NoticeGivenOn = a.SignedOn
			}
			prog.Agreements = append(prog.Agreements, a)
		}
	}
	for i := range rng.IntN(6) {
		prog.Children = append(prog.Children, mentoring.Child{ID: fmt.Sprintf("c-%d", i),
			BirthDate: date(civil.D(2007, 1, 1), 365*12), Institution: pick("home", "centre", "school"),
			Programme: mentoring.Format(pick("", "individual", "individual", "coaching", "group")), Languages: some("kk", "ru", "RU", "en"),
			Interests: some("football", "Chess", "drawing"), MentorGender: pick("", "", "", "female", "male")})
	}
	// Some tandems, open or closed, started up to three years ago: a
	// mentor's age at each start counts, an open one takes a place, a
	// closed one neither.
	for i := range prog.Volunteers {
		if len(prog.Children) == 0 || rng.IntN(3) > 0 {
			continue
		}
		t := mentoring.Tandem{ID: fmt.Sprintf("t-%d", i), Mentor: prog.Volunteers[i].ID,
			Child: prog.Children[rng.IntN(len(prog.Children))].ID, StartedOn: date(asOf.AddDays(-1000), 1001),
			Phase: mentoring.Phase(pick("acquaintance", "active", "closed"))}
		if t.Phase == mentoring.Closed {
			t.ClosedOn = asOf
		}
		prog.Tandems = append(prog.Tandems, t)
	}
	return prog
}

// The CEL judge of pairs.yaml and its hand-written Go twin agree on every
// mentor and every pair of random programmes, so the matcher reaches the
// same optimum with either.
func TestPolicyJudgeAgreesWithGo(t *testing.T) {
	pol := pairsPolicy(t)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(5, 7))
	allowed, forbidden, proposed := 0, 0, 0
	for trial := range 300 {
		prog := randomPairs(rng)
		require.NoError(t, prog.Index())
		cel, err := policyjudge.New(ctx, pol, prog, diag.EN)
		require.NoError(t, err)
		gj := pairsGoJudge{prog}
		for i := range prog.Volunteers {
			v := &prog.Volunteers[i]
			a, err := cel.Mentor(ctx, v)
			require.NoError(t, err)
			b, _ := gj.Mentor(ctx, v)
			require.Equal(t, b.Allowed, a.Allowed, "trial %d %s", trial, v.ID)
			require.Equal(t, ruleSet(blocking(b.Findings)), ruleSet(blocking(a.Findings)), "trial %d %s", trial, v.ID)
			for j := range prog.Children {
				c := &prog.Children[j]
				a, err := cel.Pair(ctx, v, c)
				require.NoError(t, err)
				b, _ := gj.Pair(ctx, v, c)
				require.Equal(t, b.Allowed, a.Allowed, "trial %d %s+%s: %+v", trial, v.ID, c.ID, a.Findings)
				require.Equal(t, ruleSet(b.Findings), ruleSet(a.Findings), "trial %d %s+%s", trial, v.ID, c.ID)
				require.Equal(t, b.Parts, a.Parts, "trial %d %s+%s", trial, v.ID, c.ID)
				require.InDelta(t, b.Score, a.Score, 1e-12, "trial %d %s+%s", trial, v.ID, c.ID)
				ok, score, forbidding, err := cel.Screen(ctx, v, c, nil)
				require.NoError(t, err)
				require.Equal(t, a.Allowed, ok, "Screen agrees with Pair")
				require.Equal(t, a.Score, score)
				var ids []string
				for _, f := range blocking(a.Findings) {
					ids = append(ids, f.Rule)
				}
				require.Equal(t, ids, forbidding)
				if a.Allowed {
					allowed++
				} else {
					forbidden++
				}
			}
		}
		opts := planning.MatchOptions{Workers: 1 + trial%3, MaxChildren: 1 + trial%2}
		withCEL, err := planning.Match(ctx, prog, cel, opts)
		require.NoError(t, err)
		withGo, err := planning.Match(ctx, prog, gj, opts)
		require.NoError(t, err)
		require.Equal(t, withGo.Pairs, withCEL.Pairs, "trial %d", trial)
		require.InDelta(t, withGo.TotalScore, withCEL.TotalScore, 1e-9, "trial %d", trial)
		proposed += withCEL.Pairs
	}
	t.Logf("%d pairs allowed, %d forbidden, %d proposed", allowed, forbidden, proposed)
	// The instances must exercise both sides, or the agreement is empty.
	require.Greater(t, allowed, 50)
	require.Greater(t, forbidden, 50)
	require.Greater(t, proposed, 30)
}

func TestBoundsOf(t *testing.T) {
	base := "rules:\n  - {id: x.any, subject: volunteer, expr: 'true', severity: warn, message: {kk: x, ru: x, en: x}}\n"
	fsys := fstest.MapFS{
		"narrow.yaml": {Data: []byte("name: narrow\nextends: guide\nparams:\n  group_max_size: {default: 16}\n" + base)},
		"bare.yaml":   {Data: []byte("name: bare\n" + base)},
		"odd.yaml": {Data: []byte("name: odd\nparams:\n  group_max_size: {type: double, default: 16.5, description: {kk: x, ru: x, en: x}}\n" +
			"rules:\n  - {id: x.any, subject: group, expr: 'group.children.size() < params.group_max_size', severity: warn, message: {kk: x, ru: x, en: x}}\n")},
	}
	load := func(name string) *rules.Policy {
		t.Helper()
		p, err := rules.Load(fsys, name)
		require.NoError(t, err)
		return p
	}
	tests := []struct {
		name   string
		pol    *rules.Policy
		lo, hi int
		fails  bool
	}{
		{"guide", pairsPolicy(t), 12, 18, false},
		{"profile narrows", load("narrow"), 12, 16, false},
		{"no bounds in the policy", load("bare"), planning.DefaultMinGroup, planning.DefaultMaxGroup, false},
		{"no policy", nil, planning.DefaultMinGroup, planning.DefaultMaxGroup, false},
		{"a double bound", load("odd"), 0, 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lo, hi, err := policyjudge.Bounds(tc.pol)
			if tc.fails {
				require.Error(t, err)
				assert.Contains(t, err.Error(), "group_max_size")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, [2]int{tc.lo, tc.hi}, [2]int{lo, hi})
		})
	}
}

func agreementFor(volunteerID string, signed civil.Date) agreement.Agreement {
	return agreement.Agreement{ID: "a-" + volunteerID, Volunteer: volunteerID, SignedOn: signed}
}
