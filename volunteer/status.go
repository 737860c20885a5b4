package volunteer

import (
	"slices"

	"github.com/birgemiz/sabaqtastyq/diag"
)

// moves lists, for each status, the statuses it may go to.
var moves = map[Status][]Status{
	Applicant:   {InScreening, Retired},
	InScreening: {Approved, Retired},
	Approved:    {Active, Retired},
	Active:      {OnHold, Retired},
	OnHold:      {Active, Retired},
	Retired:     {Applicant},
}

// Valid reports whether s is one of the six statuses.
func (s Status) Valid() bool {
	_, ok := moves[s]
	return ok
}

// CanGo reports whether a volunteer may go from s to to. Staying put is not
// a move, and an unknown status goes nowhere. The zero status counts as
// [Applicant]. See the package documentation for the lifecycle.
func (s Status) CanGo(to Status) bool {
	if s == "" {
		s = Applicant
	}
	return slices.Contains(moves[s], to)
}

// Next returns the statuses s may go to, in lifecycle order.
func (s Status) Next() []Status {
	if s == "" {
		s = Applicant
	}
	return slices.Clone(moves[s])
}

// Transition moves v to the status to, or returns a [*TransitionError] and
// leaves v as it was.
func (v *Volunteer) Transition(to Status) error {
	if !v.Status.CanGo(to) {
		from := v.Status
		if from == "" {
			from = Applicant
		}
		return &TransitionError{From: from, To: to}
	}
	v.Status = to
	return nil
}

// TransitionError is a status change the lifecycle does not allow. It
// unwraps to a [*diag.Error] with code [diag.CodeIllegalChange] at path
// "status", so [diag.Localize] gives its message in Kazakh, Russian or
// English.
type TransitionError struct {
	From, To Status
}

// Error says, in English, which move was refused.
func (e *TransitionError) Error() string { return e.diag().Message(diag.EN) }

// Localize says which move was refused, in lang.
func (e *TransitionError) Localize(lang diag.Lang) string { return e.diag().Message(lang) }

// Unwrap returns the error as a [*diag.Error].
func (e *TransitionError) Unwrap() error { return e.diag() }

func (e *TransitionError) diag() *diag.Error {
	return diag.New(diag.CodeIllegalChange, "status", term(e.From), term(e.To))
}

// term names a known status by its localized term and shows an unknown
// one as it is (a status is an enumeration, never personal data).
func term(s Status) string {
	if s.Valid() {
		return "@status." + string(s)
	}
	return string(s)
}
