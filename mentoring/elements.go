package mentoring

import (
	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// The elements other packages own validate themselves; these adapt their
// methods to the shape each() takes.

func validateVolunteer(v *volunteer.Volunteer) error { return v.Validate() }
func validateDiary(d *volunteer.DiaryEntry) error    { return d.Validate() }
func validateAgreement(a *agreement.Agreement) error { return a.Validate() }
func validateReport(r *agreement.Report) error       { return r.Validate() }
