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
//   - no screening stage is completed before the volunteer was born.
//
// Rules of the guide (age, commitment, completed screening) are not checked
// here: data that breaks them is well-formed, and the policy reports it.
func (v *Volunteer) Validate() error {
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
		for _, st := range v.Screening.stages() {
			if !st.on.IsZero() && st.on.Before(v.BirthDate) {
				errs = append(errs, diag.New(diag.CodeImpossible, "screening."+st.name, "screening."+st.name+" < birth_date"))
			}
		}
	}
	errs.Sort()
	return errs.Err()
}
