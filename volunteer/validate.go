package volunteer

import (
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/validation"
)

// Validate reports every problem with v at once, as a [diag.List] whose
// paths are relative to v ("skills[2].name"), or nil. It checks the
// validate tags and what tags cannot say:
//
//   - education_other is required when education is "other";
//   - free_time.other is required when the free-time bucket is "other";
//   - health.details is required when health.limitations is true;
//   - skill names are unique (compared without case and surrounding spaces);
//   - no screening stage, and no safety briefing, is completed before the
//     volunteer was born.
//
// Rules of the guide (age, commitment, completed screening) are not checked
// here: data that breaks them is well-formed, and the policy reports it.
//
// A well-formed volunteer is confirmed by plain Go checks that build
// nothing; the messages are made only when something is wrong.
func (v *Volunteer) Validate() error {
	if v.wellFormed() {
		return nil
	}
	return v.problems().Err()
}

// problems finds every problem, with its message.
func (v *Volunteer) problems() diag.List {
	errs := validation.Struct(v)
	if v.Education == OtherEdu && strings.TrimSpace(v.EducationOther) == "" {
		errs = append(errs, diag.New(diag.CodeRequired, "education_other"))
	}
	if ft := v.FreeTime; ft != nil && ft.Bucket == OtherTime && strings.TrimSpace(ft.Other) == "" {
		errs = append(errs, diag.New(diag.CodeRequired, "free_time.other"))
	}
	if h := v.Health; h != nil && h.Limitations && strings.TrimSpace(h.Details) == "" {
		errs = append(errs, diag.New(diag.CodeRequired, "health.details"))
	}
	first := map[string]int{}
	for i, s := range v.Skills {
		key := strings.ToLower(strings.TrimSpace(s.Name))
		if key == "" {
			continue // the tag reports a missing name
		}
		if j, ok := first[key]; ok {
			errs = append(errs, diag.New(CodeDuplicateSkill, diag.Index("skills", i)+".name", diag.Index("skills", j)))
			continue
		}
		first[key] = i
	}
	if !v.BirthDate.IsZero() {
		for _, st := range v.Screening.dated() {
			if !st.on.IsZero() && st.on.Before(v.BirthDate) {
				errs = append(errs, diag.New(diag.CodeImpossible, "screening."+st.name, "screening."+st.name+" < birth_date"))
			}
		}
	}
	errs.Sort()
	return errs
}

// wellFormed answers, without building anything, whether problems would
// find none: the same tags, checked in plain Go.
func (v *Volunteer) wellFormed() bool {
	ok := v.ID != "" && validation.MaxLen(v.ID, 64) &&
		v.FullName != "" && validation.MaxLen(v.FullName, 200) &&
		!v.BirthDate.IsZero() &&
		(v.Gender == "" || v.Gender == Female || v.Gender == Male) &&
		validation.MaxLen(v.City, 100) &&
		len(v.Languages) <= 20 &&
		(v.Education == "" || validation.OneOf(v.Education, Secondary, Vocational, Higher, OtherEdu)) &&
		validation.MaxLen(v.EducationOther, 200) &&
		!(v.Education == OtherEdu && strings.TrimSpace(v.EducationOther) == "") &&
		len(v.Skills) <= 100 &&
		validation.OneOf(v.Role, IndividualMentor, GroupVolunteer, EventVolunteer, Coach) &&
		v.CommitmentMonths >= 0 && v.CommitmentMonths <= 600 &&
		(v.Level == "" || validation.OneOf(v.Level, Trainee, Mentor, Master)) &&
		v.CompletedCycles >= 0 && v.CompletedCycles <= 1000 &&
		(v.Status == "" || validation.OneOf(v.Status, Applicant, InScreening, Approved, Active, OnHold, Retired))
	if !ok {
		return false
	}
	for _, l := range v.Languages {
		if !validation.LanguageTag(l) {
			return false
		}
	}
	if c := v.Contacts; c != nil && !(validation.MaxLen(c.Phone, 32) && validation.MaxLen(c.Address, 300) &&
		(c.Email == "" || validation.MaxLen(c.Email, 254) && validation.Email(c.Email))) {
		return false
	}
	if ft := v.FreeTime; ft != nil {
		if !(ft.Bucket == "" || validation.OneOf(ft.Bucket, Hours10To15, EveningsOnly, WeekendsOnly, OtherTime)) ||
			!validation.MaxLen(ft.Other, 200) || ft.Bucket == OtherTime && strings.TrimSpace(ft.Other) == "" ||
			ft.HoursPerWeek < 0 || ft.HoursPerWeek > 168 || len(ft.Weekdays) > 7 || !validation.Unique(ft.Weekdays) {
			return false
		}
		for _, d := range ft.Weekdays {
			if !validation.OneOf(d, Mon, Tue, Wed, Thu, Fri, Sat, Sun) {
				return false
			}
		}
	}
	if h := v.Health; h != nil && (!validation.MaxLen(h.Details, 1000) || h.Limitations && strings.TrimSpace(h.Details) == "") {
		return false
	}
	for i, s := range v.Skills {
		if s.Name == "" || !validation.MaxLen(s.Name, 200) {
			return false
		}
		for _, t := range v.Skills[:i] {
			if strings.ToLower(strings.TrimSpace(t.Name)) == strings.ToLower(strings.TrimSpace(s.Name)) {
				return false
			}
		}
	}
	for _, st := range v.Screening.dated() {
		if !st.on.IsZero() && st.on.Before(v.BirthDate) {
			return false
		}
	}
	return true
}
