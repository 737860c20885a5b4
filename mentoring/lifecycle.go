package mentoring

import (
	"fmt"
	"slices"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
)

// phases lists the open phases in the order a tandem lives them.
var phases = []Phase{Acquaintance, InsideInstitution, ActivePhase, Closing, Closed}

// Valid reports whether p is one of the five phases.
func (p Phase) Valid() bool { return slices.Contains(phases, p) }

// Open reports whether a tandem in phase p still goes on (any phase but
// closed).
func (p Phase) Open() bool { return p.Valid() && p != Closed }

// CanMove reports whether a tandem may go from phase `from` to phase `to`
// with [Tandem.Move]:
//
//   - forward one step at a time: acquaintance → inside_institution →
//     active; no phase is skipped, because outings come only after the pair
//     has met inside the institution (R8);
//   - from any of those three to closing: either side may end the work
//     early (R10), and the ending is prepared, not abrupt;
//   - back one step from active to inside_institution, when trust has to
//     be rebuilt and outings stop; and from closing back to active, when the
//     ending is called off;
//
// closing → closed is not a move: it is [Tandem.Close], which needs a date
// and a reason. Nothing leaves closed.
func CanMove(from, to Phase) bool {
	switch {
	case from == Acquaintance:
		return to == InsideInstitution || to == Closing
	case from == InsideInstitution:
		return to == ActivePhase || to == Closing
	case from == ActivePhase:
		return to == Closing || to == InsideInstitution
	case from == Closing:
		return to == ActivePhase
	}
	return false
}

// TransitionError is a lifecycle step a tandem may not take. Reach it with
// errors.As; it unwraps to a [*diag.Error] with code
// [diag.CodeIllegalChange], whose message speaks kk, ru and en.
type TransitionError struct {
	Tandem   string // the tandem's id
	From, To Phase
}

func (e *TransitionError) Error() string {
	return fmt.Sprintf("tandem %s: cannot go from %q to %q", e.Tandem, e.From, e.To)
}

// Unwrap returns the problem as a diag error at the tandem's phase.
func (e *TransitionError) Unwrap() error {
	return diag.New(diag.CodeIllegalChange, "phase", string(e.From), string(e.To))
}

// Move takes the tandem to phase `to`, if [CanMove] allows it; otherwise it
// returns a [*TransitionError] and leaves the tandem as it was.
func (t *Tandem) Move(to Phase) error {
	if !CanMove(t.Phase, to) {
		return &TransitionError{Tandem: t.ID, From: t.Phase, To: to}
	}
	t.Phase = to
	return nil
}

// Close ends a tandem in the closing phase on the given day, for one of
// the [CloseReasons] (the mentor moving away, the child leaving the
// institution…), with a note in the coordinator's words. The reason is
// required: a [diag.CodeRequired] problem at close_reason, or
// [diag.CodeInvalid] when it is not on the list. A day before the start is
// a [diag.CodeImpossible] problem, and a tandem not in closing gives a
// [*TransitionError].
func (t *Tandem) Close(on civil.Date, reason CloseReason, note string) error {
	if t.Phase != Closing {
		return &TransitionError{Tandem: t.ID, From: t.Phase, To: Closed}
	}
	var errs diag.List
	switch {
	case reason == "":
		errs = append(errs, diag.New(diag.CodeRequired, "close_reason"))
	case !slices.Contains(CloseReasons, reason):
		errs = append(errs, diag.New(diag.CodeInvalid, "close_reason", string(reason)))
	}
	if on.IsZero() {
		errs = append(errs, diag.New(diag.CodeRequired, "closed_on"))
	} else if on.Before(t.StartedOn) {
		errs = append(errs, impossible("closed_on", diag.Text{
			KK: "тандем басталмай тұрып жабылған (closed_on < started_on)",
			RU: "тандем закрыт раньше, чем начат (closed_on < started_on)",
			EN: "the tandem closed before it started (closed_on < started_on)",
		}))
	}
	if len(errs) > 0 {
		return errs
	}
	t.Phase, t.ClosedOn, t.CloseReason, t.CloseNote = Closed, on, reason, note
	return nil
}

// MayGoOut reports whether the tandem's phase allows outings outside the
// institution: active, closing or closed (for outings before it closed).
func (t *Tandem) MayGoOut() bool {
	return t.Phase == ActivePhase || t.Phase == Closing || t.Phase == Closed
}
