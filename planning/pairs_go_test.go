package planning_test

import (
	"context"
	"slices"
	"strings"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/planning"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// pairsGoJudge is rules/policies/pairs.yaml (with the guide's volunteer
// rules) written by hand in Go, with the default parameters: the baseline
// of the CEL judge in the property test and in the benchmarks. Findings
// carry rule ids and severities only; messages are the policy's business.
type pairsGoJudge struct{ prog *mentoring.Programme }

func (j pairsGoJudge) Mentor(_ context.Context, v *volunteer.Volunteer) (planning.Verdict, error) {
	age := v.BirthDate.YearsUntil(j.prog.AsOf)
	mentors := v.Role == volunteer.IndividualMentor || len(j.prog.TandemsOf(v.ID)) > 0
	var fs []planning.Finding
	deny := func(rule string) {
		fs = append(fs, planning.Finding{Rule: rule, Severity: planning.Deny, Subject: "volunteer/" + v.ID})
	}
	if mentors && (age < 25 || slices.ContainsFunc(j.prog.TandemsOf(v.ID), func(t *mentoring.Tandem) bool {
		return v.BirthDate.YearsUntil(t.StartedOn) < 25
	})) {
		deny("mentor.min_age")
	}
	if mentors && v.CommitmentMonths < 12 {
		deny("mentor.commitment")
	}
	if age < 14 && !v.ParentalConsent && !v.AccompaniedByGuardian {
		deny("volunteer.minor_consent")
	}
	return planning.Verdict{Allowed: len(fs) == 0, Findings: fs}, nil
}

func (j pairsGoJudge) Pair(_ context.Context, m *volunteer.Volunteer, c *mentoring.Child) (planning.Decision, error) {
	asOf := j.prog.AsOf
	inst, _ := j.prog.Institution(c.Institution)
	childAge := c.BirthDate.YearsUntil(asOf)
	var fs []planning.Finding
	deny := func(rule string) {
		fs = append(fs, planning.Finding{Rule: rule, Severity: planning.Deny, Subject: "pair/" + m.ID + "+" + c.ID})
	}
	switch m.Status {
	case volunteer.Applicant, volunteer.OnHold, volunteer.Retired:
		deny("pair.mentor_status")
	}
	for _, d := range []civil.Date{m.Screening.Interview, m.Screening.PsychologicalTest, m.Screening.Training, m.Screening.Documents} {
		if d.IsZero() || d.After(asOf) {
			deny("pair.mentor_screening")
			break
		}
	}
	if c.Programme == mentoring.GroupFmt {
		deny("pair.individual_programme")
	}
	if m.City != "" && inst.City != "" && lowerASCII(m.City) != lowerASCII(inst.City) {
		deny("pair.same_city")
	}
	shared := 0.0
	for _, l := range m.Languages {
		if slices.ContainsFunc(c.Languages, func(k string) bool { return baseLang(l) == baseLang(k) }) {
			shared++
		}
	}
	if len(m.Languages) > 0 && len(c.Languages) > 0 && shared == 0 {
		deny("pair.shared_language")
	}
	if c.MentorGender != "" && string(m.Gender) != c.MentorGender {
		deny("pair.gender_preference")
	}
	switch {
	case inst.Kind == mentoring.Orphanage && childAge < 10:
		deny("pair.orphanage_age")
	case inst.Kind == mentoring.AdaptationCentre && (childAge < 3 || childAge >= 18):
		deny("pair.adaptation_centre_age")
	}
	if c.Programme == mentoring.Coaching && (childAge < 14 || childAge >= 18) {
		deny("pair.coaching_age")
	}
	if !slices.ContainsFunc(j.prog.AgreementsOf(m.ID), func(a *agreement.Agreement) bool {
		return !a.SignedOn.IsZero() && !a.SignedOn.After(asOf) && (a.EndsOn.IsZero() || !a.EndsOn.Before(asOf))
	}) {
		deny("pair.mentor_agreement")
	}
	if b := m.Screening.SafetyBriefing; b.IsZero() || b.After(asOf) {
		deny("pair.mentor_safety_briefing")
	}

	interests := 0.0
	for _, s := range m.Skills {
		if slices.ContainsFunc(c.Interests, func(i string) bool { return lowerASCII(i) == lowerASCII(s.Name) }) {
			interests++
		}
	}
	availability := 0.0
	if ft := m.FreeTime; ft != nil {
		switch {
		case ft.Bucket == volunteer.Hours10To15 || ft.HoursPerWeek >= 10:
			availability = 1
		case ft.Bucket == volunteer.EveningsOnly || ft.Bucket == volunteer.WeekendsOnly:
			availability = 0.5
		}
	}
	experience := map[volunteer.Level]float64{volunteer.Master: 1, volunteer.Mentor: 0.5}[m.Level]
	gender := 0.0
	if c.MentorGender != "" && string(m.Gender) == c.MentorGender {
		gender = 1
	}
	parts := []planning.ScorePart{
		{ID: "shared_interests", Value: interests, Weight: 3},
		{ID: "shared_languages", Value: shared, Weight: 1},
		{ID: "availability", Value: availability, Weight: 2},
		{ID: "experience", Value: experience, Weight: 1},
		{ID: "gender_preference", Value: gender, Weight: 0.5},
	}
	d := planning.Decision{Allowed: true, Findings: fs, Parts: parts}
	for _, f := range fs {
		if f.Severity == planning.Deny {
			d.Allowed = false
		}
	}
	for _, p := range parts {
		d.Score += p.Value * p.Weight
	}
	return d, nil
}

// lowerASCII is CEL's lowerAscii: only A–Z change.
func lowerASCII(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

func baseLang(tag string) string { return lowerASCII(strings.SplitN(tag, "-", 2)[0]) }
