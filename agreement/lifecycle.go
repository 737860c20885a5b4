package agreement

import (
	"strconv"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
)

// DefaultNoticeDays is the notice a volunteer gives before stopping: "at
// least 2 weeks" (кемінде 2 апта, Appendix 2 §3.10, R10).
const DefaultNoticeDays = 14

// State is where an agreement stands on a day.
type State string

// States, in lifecycle order.
const (
	Draft       State = "draft"        // not signed (yet)
	Signed      State = "signed"       // in force
	NoticeGiven State = "notice_given" // in force, the volunteer has given notice
	Ended       State = "ended"        // no longer in force
)

// State returns the agreement's state on asOf. The agreement is in force
// from signed_on (§5.1) to ends_on, both included; it is ended from the day
// after ends_on. A zero asOf counts every recorded date, giving the state
// the record has reached.
func (a Agreement) State(asOf civil.Date) State {
	upTo := func(d civil.Date) bool { return !d.IsZero() && (asOf.IsZero() || !d.After(asOf)) }
	switch {
	case !upTo(a.SignedOn):
		return Draft
	case !a.EndsOn.IsZero() && (asOf.IsZero() || a.EndsOn.Before(asOf)):
		return Ended
	case upTo(a.NoticeGivenOn):
		return NoticeGiven
	}
	return Signed
}

// InForce reports whether the agreement binds both parties on day d: it is
// signed on or before d and does not end before d.
func (a Agreement) InForce(d civil.Date) bool {
	return !a.SignedOn.IsZero() && !a.SignedOn.After(d) && (a.EndsOn.IsZero() || !a.EndsOn.Before(d))
}

// EarliestEnd returns the first day an agreement may end when notice was
// given on noticeGivenOn, noticeDays ahead: notice on 1 March with 14 days'
// notice allows an end on 15 March, not on the 14th. A zero date gives the
// zero date.
func EarliestEnd(noticeGivenOn civil.Date, noticeDays int) civil.Date {
	if noticeGivenOn.IsZero() {
		return civil.Date{}
	}
	return noticeGivenOn.AddDays(noticeDays)
}

// NoticePolicy says what notice an end needs. The zero value is the
// agreement's own: the volunteer stops and gives the agreement's
// NoticeDays, or [DefaultNoticeDays] when it sets none.
type NoticePolicy struct {
	// Days is the notice asked, in days; zero or less means the
	// agreement's NoticeDays, or DefaultNoticeDays (§3.10: "unless the
	// agreement sets otherwise").
	Days int
	// Waived ends the agreement without notice: the organisation ends it,
	// or both parties agree to stop at once (§5.2). Default false.
	Waived bool
}

// days is the notice p asks of a.
func (p NoticePolicy) days(a *Agreement) int {
	switch {
	case p.Days > 0:
		return p.Days
	case a.NoticeDays > 0:
		return a.NoticeDays
	}
	return DefaultNoticeDays
}

// Sign records that the agreement was signed on on. It fails with a
// [*StepError] if the agreement is already signed, and with a [*diag.Error]
// if on is missing or comes after a recorded notice or end.
func (a *Agreement) Sign(on civil.Date) error {
	if from := a.State(civil.Date{}); from != Draft {
		return &StepError{From: from, To: Signed}
	}
	if on.IsZero() {
		return diag.New(diag.CodeRequired, "signed_on")
	}
	if !a.NoticeGivenOn.IsZero() && a.NoticeGivenOn.Before(on) {
		return diag.New(diag.CodeImpossible, "signed_on", "notice_given_on < signed_on")
	}
	if !a.EndsOn.IsZero() && a.EndsOn.Before(on) {
		return diag.New(diag.CodeImpossible, "signed_on", "ends_on < signed_on")
	}
	a.SignedOn = on
	return nil
}

// GiveNotice records that the volunteer gave notice on on. The agreement
// must be signed, with no notice or end recorded ([*StepError] otherwise),
// and on must not come before signing ([*diag.Error]).
func (a *Agreement) GiveNotice(on civil.Date) error {
	if from := a.State(civil.Date{}); from != Signed {
		return &StepError{From: from, To: NoticeGiven}
	}
	if on.IsZero() {
		return diag.New(diag.CodeRequired, "notice_given_on")
	}
	if on.Before(a.SignedOn) {
		return diag.New(diag.CodeImpossible, "notice_given_on", "notice_given_on < signed_on")
	}
	a.NoticeGivenOn = on
	return nil
}

// End records that the agreement ends on on, its last day in force, and
// who ended it: the organisation when the policy waives notice, else the
// volunteer. The agreement must be signed and not ended ([*StepError]); on
// must not come before signing or before the notice ([*diag.Error]); and
// unless the policy waives notice, notice must have been given at least
// the policy's days ahead ([*NoticeError]). End is the careful way to
// change an agreement; a file may record a late notice, which loads and is
// reported by the policy.
func (a *Agreement) End(on civil.Date, notice NoticePolicy) error {
	if from := a.State(civil.Date{}); from != Signed && from != NoticeGiven {
		return &StepError{From: from, To: Ended}
	}
	switch {
	case on.IsZero():
		return diag.New(diag.CodeRequired, "ends_on")
	case on.Before(a.SignedOn):
		return diag.New(diag.CodeImpossible, "ends_on", "ends_on < signed_on")
	case !a.NoticeGivenOn.IsZero() && on.Before(a.NoticeGivenOn):
		return diag.New(diag.CodeImpossible, "ends_on", "ends_on < notice_given_on")
	}
	if !notice.Waived {
		if days := notice.days(a); a.NoticeGivenOn.IsZero() || on.Before(EarliestEnd(a.NoticeGivenOn, days)) {
			return &NoticeError{NoticeGivenOn: a.NoticeGivenOn, EndsOn: on, Required: days}
		}
	}
	a.EndsOn, a.EndedBy = on, ByVolunteer
	if notice.Waived {
		a.EndedBy = ByOrganisation
	}
	return nil
}

// StepError is a lifecycle step the agreement's state does not allow, such
// as signing twice or ending a draft. It unwraps to a [*diag.Error] with
// code [diag.CodeIllegalChange], so [diag.Localize] speaks kk, ru and en.
type StepError struct {
	From, To State
}

func (e *StepError) diag() *diag.Error {
	return diag.New(diag.CodeIllegalChange, "", "@agreement."+string(e.From), "@agreement."+string(e.To))
}

// Error says, in English, which step was refused.
func (e *StepError) Error() string { return e.diag().Message(diag.EN) }

// Localize says which step was refused, in lang.
func (e *StepError) Localize(lang diag.Lang) string { return e.diag().Message(lang) }

// Unwrap returns the error as a [*diag.Error].
func (e *StepError) Unwrap() error { return e.diag() }

// NoticeError is an end without the notice the agreement asks (R10). It
// unwraps to a [*diag.Error] at path "ends_on" with code [CodeNoNotice] or
// [CodeShortNotice].
type NoticeError struct {
	NoticeGivenOn civil.Date // zero when no notice was given
	EndsOn        civil.Date
	Required      int // days of notice asked
}

// Given returns the days of notice given, or -1 when none was.
func (e *NoticeError) Given() int {
	if e.NoticeGivenOn.IsZero() {
		return -1
	}
	return e.NoticeGivenOn.DaysUntil(e.EndsOn)
}

func (e *NoticeError) diag() *diag.Error {
	if e.NoticeGivenOn.IsZero() {
		return diag.New(CodeNoNotice, "ends_on", strconv.Itoa(e.Required))
	}
	return diag.New(CodeShortNotice, "ends_on", strconv.Itoa(e.Given()), strconv.Itoa(e.Required))
}

// Error says, in English, how short the notice fell.
func (e *NoticeError) Error() string { return e.diag().Message(diag.EN) }

// Localize says how short the notice fell, in lang.
func (e *NoticeError) Localize(lang diag.Lang) string { return e.diag().Message(lang) }

// Unwrap returns the error as a [*diag.Error].
func (e *NoticeError) Unwrap() error { return e.diag() }
