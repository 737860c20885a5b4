package agreement

import (
	"log/slog"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/validation"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// Validate reports every problem with a at once, as a [diag.List] with paths
// relative to a, or nil. Besides the validate tags (which also ask a
// party's identity document number when a party is given) it rejects dates
// in an order no agreement can have, with [diag.CodeImpossible]: notice or
// an end recorded without signing, notice before signing, an end before
// signing or before the notice.
//
// A short notice is not an error here: it is well-formed data that breaks
// rule agreement.notice, and the policy reports it.
func (a *Agreement) Validate() error {
	errs := validation.Struct(a)
	order := func(later civil.Date, laterName string, earlier civil.Date, earlierName string) {
		if later.IsZero() {
			return
		}
		if earlier.IsZero() {
			if earlierName == "signed_on" {
				errs = append(errs, diag.New(diag.CodeImpossible, laterName, laterName+" without signed_on"))
			}
			return
		}
		if later.Before(earlier) {
			errs = append(errs, diag.New(diag.CodeImpossible, laterName, laterName+" < "+earlierName))
		}
	}
	order(a.NoticeGivenOn, "notice_given_on", a.SignedOn, "signed_on")
	order(a.EndsOn, "ends_on", a.SignedOn, "signed_on")
	if !a.SignedOn.IsZero() {
		order(a.EndsOn, "ends_on", a.NoticeGivenOn, "notice_given_on")
	}
	errs.Sort()
	return errs.Err()
}

// Validate reports every problem with r at once, or nil: the validate tags,
// and a report submitted before the month it reports on has begun.
func (r *Report) Validate() error {
	errs := validation.Struct(r)
	if !r.SubmittedOn.IsZero() && !r.Month.IsZero() && r.SubmittedOn.Before(r.Month.First()) {
		errs = append(errs, diag.New(diag.CodeImpossible, "submitted_on", "submitted_on < month"))
	}
	errs.Sort()
	return errs.Err()
}

// LogValue keeps the parties' personal data out of logs: the volunteer's
// side and the organisation's representative are redacted.
func (a Agreement) LogValue() slog.Value {
	attrs := []slog.Attr{
		slog.String("id", a.ID),
		slog.String("volunteer", a.Volunteer),
		slog.String("state", string(a.State(civil.Date{}))),
		slog.String("signed_on", a.SignedOn.String()),
		slog.String("notice_given_on", a.NoticeGivenOn.String()),
		slog.String("ends_on", a.EndsOn.String()),
	}
	if a.Organisation != nil {
		attrs = append(attrs, slog.Any("organisation", *a.Organisation))
	}
	if a.Party != nil {
		attrs = append(attrs, slog.Any("party", *a.Party))
	}
	return slog.GroupValue(attrs...)
}

// LogValue shows the organisation's name and redacts its representative, a
// person.
func (o Organisation) LogValue() slog.Value {
	rep := ""
	if o.Representative != "" {
		rep = volunteer.Redacted
	}
	return slog.GroupValue(slog.String("name", o.Name), slog.String("representative", rep))
}
