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
// party's identity document number when a party is given) it rejects what
// no agreement can be, with [diag.CodeImpossible]: a notice or an end
// recorded without signing, a notice before signing, an end before
// signing, and ended_by on an agreement that shows no end (neither notice
// nor end date).
//
// A late notice is not an error here — a short one, or one given on or
// after the end date: that is the breach rule agreement.notice reports,
// well-formed data the policy must see.
//
// A well-formed agreement is confirmed by plain Go checks that build
// nothing; the messages are made only when something is wrong.
func (a *Agreement) Validate() error {
	if a.wellFormed() {
		return nil
	}
	return a.problems().Err()
}

func (a *Agreement) problems() diag.List {
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
	if a.EndedBy != "" && a.NoticeGivenOn.IsZero() && a.EndsOn.IsZero() {
		errs = append(errs, diag.New(diag.CodeImpossible, "ended_by", "ended_by without notice_given_on or ends_on"))
	}
	errs.Sort()
	return errs
}

// wellFormed answers, without building anything, whether problems would
// find none.
func (a *Agreement) wellFormed() bool {
	ok := a.ID != "" && validation.MaxLen(a.ID, 64) &&
		a.Volunteer != "" && validation.MaxLen(a.Volunteer, 64) &&
		validation.MaxLen(a.City, 100) &&
		a.HoursPerWeek >= 0 && a.HoursPerWeek <= 168 &&
		len(a.Weekdays) <= 7 && validation.Unique(a.Weekdays) &&
		len(a.ReimbursedCosts) <= 10 && validation.Unique(a.ReimbursedCosts) &&
		(a.EndedBy == "" || a.EndedBy == ByVolunteer || a.EndedBy == ByOrganisation) &&
		a.NoticeDays >= 0 && a.NoticeDays <= MaxNoticeDays
	if !ok {
		return false
	}
	for _, d := range a.Weekdays {
		if !validation.OneOf(d, volunteer.Mon, volunteer.Tue, volunteer.Wed, volunteer.Thu, volunteer.Fri, volunteer.Sat, volunteer.Sun) {
			return false
		}
	}
	for _, c := range a.ReimbursedCosts {
		if !validation.OneOf(c, Transport, Meals, Supplies, Communication, OtherCost) {
			return false
		}
	}
	if o := a.Organisation; o != nil && !(o.Name != "" && validation.MaxLen(o.Name, 300) &&
		validation.MaxLen(o.Representative, 200) && validation.MaxLen(o.Basis, 300)) {
		return false
	}
	if p := a.Party; p != nil {
		d := p.IDDocument
		if !(p.FullName != "" && validation.MaxLen(p.FullName, 200) && d.Number != "" && validation.MaxLen(d.Number, 32) &&
			validation.MaxLen(d.Issuer, 200)) {
			return false
		}
		if c := p.Contacts; c != nil && !(validation.MaxLen(c.Phone, 32) && validation.MaxLen(c.Address, 300) &&
			(c.Email == "" || validation.MaxLen(c.Email, 254) && validation.Email(c.Email))) {
			return false
		}
	}
	if a.SignedOn.IsZero() && (!a.NoticeGivenOn.IsZero() || !a.EndsOn.IsZero()) ||
		a.NoticeGivenOn.Before(a.SignedOn) && !a.NoticeGivenOn.IsZero() ||
		a.EndsOn.Before(a.SignedOn) && !a.EndsOn.IsZero() ||
		a.EndedBy != "" && a.NoticeGivenOn.IsZero() && a.EndsOn.IsZero() {
		return false
	}
	return true
}

// Validate reports every problem with r at once, or nil: the validate tags,
// and a report submitted before the month it reports on has begun.
func (r *Report) Validate() error {
	if r.Volunteer != "" && validation.MaxLen(r.Volunteer, 64) && !r.Month.IsZero() &&
		r.Hours >= 0 && r.Hours <= 744 && validation.MaxLen(r.Summary, 5000) &&
		(r.SubmittedOn.IsZero() || !r.SubmittedOn.Before(r.Month.First())) {
		return nil
	}
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
