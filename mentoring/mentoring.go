package mentoring

import (
	"log/slog"

	"github.com/birgemiz/sabaqtastyq/civil"
)

// Institution is a place where children live or come, and where mentors
// meet them (R16).
type Institution struct {
	ID       string          `json:"id" cel:"id" validate:"required,max=64"`
	Name     string          `json:"name" cel:"name" validate:"required,max=300"`
	Kind     InstitutionKind `json:"kind" cel:"kind" validate:"required,oneof=orphanage adaptation_centre inspector_registry social_service_centre school crisis_centre yard_club ngo"`
	City     string          `json:"city,omitempty" cel:"city" validate:"max=100"`
	District string          `json:"district,omitempty" cel:"district" validate:"max=100"`
}

// InstitutionKind is one of the settings of the guide (R16, D8).
type InstitutionKind string

// Institution kinds.
const (
	Orphanage           InstitutionKind = "orphanage"
	AdaptationCentre    InstitutionKind = "adaptation_centre" // КБО
	InspectorRegistry   InstitutionKind = "inspector_registry"
	SocialServiceCentre InstitutionKind = "social_service_centre"
	School              InstitutionKind = "school"
	CrisisCentre        InstitutionKind = "crisis_centre"
	YardClub            InstitutionKind = "yard_club"
	NGO                 InstitutionKind = "ngo"
)

// Child is a child in a programme, known by a pseudonymous id only. The
// birth date is personal data: it is used for the age rules and redacted in
// logs.
type Child struct {
	ID          string     `json:"id" cel:"id" validate:"required,max=64"`
	BirthDate   civil.Date `json:"birth_date" cel:"birth_date" validate:"required"`
	Gender      string     `json:"gender,omitempty" cel:"gender" validate:"omitempty,oneof=female male"`
	Institution string     `json:"institution" cel:"institution" validate:"required,max=64"`
	AdmittedOn  civil.Date `json:"admitted_on,omitempty" cel:"admitted_on"`
	Programme   Format     `json:"programme,omitempty" cel:"programme" validate:"omitempty,oneof=individual coaching group"`
	Interests   []string   `json:"interests,omitempty" cel:"interests" validate:"max=50,dive,max=100"`
	Languages   []string   `json:"languages,omitempty" cel:"languages" validate:"max=20,dive,bcp47_language_tag"`
	// MentorGender is a preference (of the child or guardian) for the
	// mentor's gender; empty means none.
	MentorGender string `json:"mentor_gender,omitempty" cel:"mentor_gender" validate:"omitempty,oneof=female male"`
}

// LogValue redacts the birth date.
func (c Child) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", c.ID), slog.String("institution", c.Institution),
		slog.String("birth_date", "[REDACTED]"))
}

// Format is the mentoring format a child is in.
type Format string

// Mentoring formats.
const (
	Individual Format = "individual"
	Coaching   Format = "coaching"
	GroupFmt   Format = "group"
)

// Tandem is a mentor–child pair (тандем) and where it stands (R8).
type Tandem struct {
	ID          string     `json:"id" cel:"id" validate:"required,max=64"`
	Mentor      string     `json:"mentor" cel:"mentor" validate:"required,max=64"`
	Child       string     `json:"child" cel:"child" validate:"required,max=64"`
	StartedOn   civil.Date `json:"started_on" cel:"started_on" validate:"required"`
	Phase       Phase      `json:"phase" cel:"phase" validate:"required,oneof=acquaintance inside_institution active closing closed"`
	ClosedOn    civil.Date `json:"closed_on,omitempty" cel:"closed_on"`
	CloseReason string     `json:"close_reason,omitempty" cel:"close_reason" validate:"max=500"`
}

// Phase is a stage of a tandem's life (R8): the pair meets in group
// sessions, then inside the institution, then may go out; at the end it
// closes, with a reason.
type Phase string

// Tandem phases, in order.
const (
	Acquaintance      Phase = "acquaintance"
	InsideInstitution Phase = "inside_institution"
	ActivePhase       Phase = "active"
	Closing           Phase = "closing"
	Closed            Phase = "closed"
)

// Group is one group session (R4): mentors and children meeting together,
// 12–18 people by the guide.
type Group struct {
	ID          string     `json:"id" cel:"id" validate:"required,max=64"`
	Institution string     `json:"institution" cel:"institution" validate:"required,max=64"`
	Date        civil.Date `json:"date" cel:"date" validate:"required"`
	Mentors     []string   `json:"mentors" cel:"mentors" validate:"unique,dive,required"`
	Children    []string   `json:"children" cel:"children" validate:"unique,dive,required"`
	Topic       string     `json:"topic,omitempty" cel:"topic" validate:"max=300"`
}

// Outing is a tandem's time outside the institution. The guide allows it
// only after trust is built and an agreement is signed (R7, R8).
type Outing struct {
	Tandem string     `json:"tandem" cel:"tandem" validate:"required,max=64"`
	Date   civil.Date `json:"date" cel:"date" validate:"required"`
	Note   string     `json:"note,omitempty" cel:"note" validate:"max=1000"`
}

// ID returns the outing's id in findings, TANDEM@DATE.
func (o Outing) ID() string { return o.Tandem + "@" + o.Date.String() }

// Meeting is a coordination meeting (R9): a short planning meeting in an
// institution, or the monthly general meeting of all mentors.
type Meeting struct {
	ID          string      `json:"id" cel:"id" validate:"required,max=64"`
	Kind        MeetingKind `json:"kind" cel:"kind" validate:"required,oneof=planning general"`
	Institution string      `json:"institution,omitempty" cel:"institution" validate:"max=64"`
	Date        civil.Date  `json:"date" cel:"date" validate:"required"`
	Attendees   []string    `json:"attendees,omitempty" cel:"attendees" validate:"unique"`
}

// MeetingKind says which meeting it is.
type MeetingKind string

// Meeting kinds.
const (
	Planning MeetingKind = "planning"
	General  MeetingKind = "general"
)
