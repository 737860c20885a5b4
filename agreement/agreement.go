package agreement

import (
	"log/slog"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// Agreement is the volunteer agreement of the guide's Appendix 2 (D2): who
// signed it, where and when, the terms of the work, and its term. It takes
// effect from signing; either party may end it early; the volunteer gives at
// least two weeks' notice and reports at least once a month (R10).
type Agreement struct {
	ID        string `json:"id" cel:"id" validate:"required,max=64"`
	Volunteer string `json:"volunteer" cel:"volunteer" validate:"required,max=64"`

	Organisation *Organisation `json:"organisation,omitempty" cel:"-"`
	Party        *Party        `json:"party,omitempty" cel:"-" personal:"true"`
	City         string        `json:"city,omitempty" cel:"city" validate:"max=100"`

	HoursPerWeek    int                 `json:"hours_per_week,omitempty" cel:"hours_per_week" validate:"min=0,max=168"`
	Weekdays        []volunteer.Weekday `json:"weekdays,omitempty" cel:"weekdays" validate:"max=7,unique,dive,oneof=mon tue wed thu fri sat sun"`
	ReimbursedCosts []Cost              `json:"reimbursed_costs,omitempty" cel:"reimbursed_costs" validate:"max=10,unique,dive,oneof=transport meals supplies communication other"`

	SignedOn      civil.Date `json:"signed_on,omitempty" cel:"signed_on"`
	NoticeGivenOn civil.Date `json:"notice_given_on,omitempty" cel:"notice_given_on"`
	EndsOn        civil.Date `json:"ends_on,omitempty" cel:"ends_on"`
	// EndedBy says which party ended the agreement: the volunteer, who owes
	// notice (R10), or the organisation. Absent means the volunteer.
	EndedBy EndedBy `json:"ended_by,omitempty" cel:"ended_by" validate:"omitempty,oneof=volunteer organisation"`
	// NoticeDays is the agreement's own notice period in days ("unless the
	// agreement says otherwise", Appendix 2 §3.10); zero or absent means
	// the guide's [DefaultNoticeDays]. At most [MaxNoticeDays].
	NoticeDays int `json:"notice_days,omitempty" cel:"notice_days" validate:"min=0,max=365"`
}

// EndedBy is the party that ended an agreement.
type EndedBy string

// Parties that may end an agreement.
const (
	ByVolunteer    EndedBy = "volunteer"
	ByOrganisation EndedBy = "organisation"
)

// MaxNoticeDays bounds an agreement's own notice period: a year.
const MaxNoticeDays = 365

// List is a list of agreements, as a programme holds them. It logs as its
// length only: agreements name their parties.
type List []Agreement

// LogValue shows how many agreements there are.
func (l List) LogValue() slog.Value { return slog.GroupValue(slog.Int("count", len(l))) }

// Organisation is the organisation's side of the agreement.
type Organisation struct {
	Name           string `json:"name" validate:"required,max=300"`
	Representative string `json:"representative,omitempty" validate:"max=200" personal:"true"`
	Basis          string `json:"basis,omitempty" validate:"max=300"` // "acting on the basis of…"
}

// Party is the volunteer's side of the agreement: identity document,
// address and contacts. All of it is personal data, kept out of logs,
// errors and policies.
type Party struct {
	FullName   string              `json:"full_name" validate:"required,max=200" personal:"true"`
	IDDocument IDDocument          `json:"id_document" personal:"true"`
	Contacts   *volunteer.Contacts `json:"contacts,omitempty" personal:"true"`
}

// LogValue redacts the party.
func (p Party) LogValue() slog.Value {
	return slog.GroupValue(slog.String("full_name", volunteer.Redacted), slog.String("id_document", volunteer.Redacted))
}

// IDDocument is the identity document named in the agreement.
type IDDocument struct {
	Number   string     `json:"number" validate:"required,max=32" personal:"true"`
	IssuedOn civil.Date `json:"issued_on" personal:"true"`
	Issuer   string     `json:"issuer,omitempty" validate:"max=200" personal:"true"`
}

// LogValue redacts the document.
func (d IDDocument) LogValue() slog.Value { return slog.StringValue(volunteer.Redacted) }

// Cost is a kind of expense the organisation reimburses, so that a volunteer
// never spends their own money on the work (R11).
type Cost string

// Reimbursable costs.
const (
	Transport     Cost = "transport"
	Meals         Cost = "meals"
	Supplies      Cost = "supplies"
	Communication Cost = "communication"
	OtherCost     Cost = "other"
)

// Report is a volunteer's monthly report (R10, Appendix 2 §6).
type Report struct {
	Volunteer   string      `json:"volunteer" cel:"volunteer" validate:"required,max=64"`
	Month       civil.Month `json:"month" cel:"month" validate:"required"`
	SubmittedOn civil.Date  `json:"submitted_on,omitempty" cel:"submitted_on"`
	Hours       int         `json:"hours,omitempty" cel:"hours" validate:"min=0,max=744"`
	Summary     string      `json:"summary,omitempty" cel:"summary" validate:"max=5000"`
}
