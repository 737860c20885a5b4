package mentoring

import (
	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/internal/validation"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// Validation of the elements other packages own: their own Validate
// methods where they have them, their validate tags otherwise.

func validateVolunteer(v *volunteer.Volunteer) error { return v.Validate() }
func validateDiary(d *volunteer.DiaryEntry) error    { return d.Validate() }
func validateAgreement(a *agreement.Agreement) error { return viaMethodOrTags(a) }
func validateReport(r *agreement.Report) error       { return viaMethodOrTags(r) }

func viaMethodOrTags(v any) error {
	if x, ok := v.(interface{ Validate() error }); ok {
		return x.Validate()
	}
	return validation.Struct(v).Err()
}
