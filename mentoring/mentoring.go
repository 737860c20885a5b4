package mentoring

import (
	"log/slog"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// Institution is a place where children live or come, and where mentors
// meet them (R16).
type Institution struct {
	ID       string          `json:"id" cel:"id" validate:"required,max=64"`
	Name     string          `json:"name" cel:"name" validate:"required,max=300"`
	Kind     InstitutionKind `json:"kind" cel:"kind" validate:"required,oneof=orphanage adaptation_centre inspector_registry social_service_centre school crisis_centre yard_club ngo"`
	City     string          `json:"city,omitempty" cel:"city" validate:"max=100"`
	District string          `json:"district,omitempty" cel:"district" validate:"max=100"`
	// Coordinator is the person the institution appointed to work with
	// mentors (L1663, L1708): a name, personal data — never in an error
	// or a log, masked in snippets. Policies see it to ask whether one is
	// appointed.
	Coordinator string `json:"coordinator,omitempty" cel:"coordinator" validate:"max=200" personal:"true"`
	// PartnershipSignedOn is the date of the written agreement between the
	// organisation and the institution (step 3.2, L1884).
	PartnershipSignedOn civil.Date `json:"partnership_signed_on,omitempty" cel:"partnership_signed_on"`
	// InteractionRulesOn is the date the institution adopted its rules for
	// mentor–child contact and outings (step 1.8, L1679–L1682).
	InteractionRulesOn civil.Date `json:"interaction_rules_on,omitempty" cel:"interaction_rules_on"`
}

// LogValue redacts the coordinator's name.
func (in Institution) LogValue() slog.Value {
	coordinator := ""
	if in.Coordinator != "" {
		coordinator = volunteer.Redacted
	}
	return slog.GroupValue(slog.String("id", in.ID), slog.String("kind", string(in.Kind)),
		slog.String("coordinator", coordinator))
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
	BirthDate   civil.Date `json:"birth_date" cel:"birth_date" validate:"required" personal:"true"`
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
		slog.String("birth_date", volunteer.Redacted))
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
	ID        string     `json:"id" cel:"id" validate:"required,max=64"`
	Mentor    string     `json:"mentor" cel:"mentor" validate:"required,max=64"`
	Child     string     `json:"child" cel:"child" validate:"required,max=64"`
	StartedOn civil.Date `json:"started_on" cel:"started_on" validate:"required"`
	Phase     Phase      `json:"phase" cel:"phase" validate:"required,oneof=acquaintance inside_institution active closing closed"`
	// ClosedOn is the day the tandem ended; CloseReason says why, from a
	// fixed list, and CloseNote in the coordinator's words (L1589).
	ClosedOn    civil.Date  `json:"closed_on,omitempty" cel:"closed_on"`
	CloseReason CloseReason `json:"close_reason,omitempty" cel:"close_reason" validate:"omitempty,oneof=completed mentor_withdrew mentor_moved child_left child_placed_in_family institution_request other"`
	CloseNote   string      `json:"close_note,omitempty" cel:"close_note" validate:"max=1000"`
}

// CloseReason is why a tandem closed. A closure the mentor caused
// (mentor_withdrew, mentor_moved) before the commitment ends is an early
// closure (R3, rule tandem.early_closure).
type CloseReason string

// Reasons a tandem closes.
const (
	Completed           CloseReason = "completed"              // the agreed term is over
	MentorWithdrew      CloseReason = "mentor_withdrew"        // the mentor stopped
	MentorMoved         CloseReason = "mentor_moved"           // the mentor moved away
	ChildLeft           CloseReason = "child_left"             // the child left the institution
	ChildPlacedInFamily CloseReason = "child_placed_in_family" // the child went to a family
	InstitutionRequest  CloseReason = "institution_request"    // the institution asked
	OtherReason         CloseReason = "other"                  // see the note
)

// CloseReasons lists the reasons in the order above.
var CloseReasons = []CloseReason{Completed, MentorWithdrew, MentorMoved, ChildLeft, ChildPlacedInFamily, InstitutionRequest, OtherReason}

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

// Visit is a mentor–child meeting inside the institution: the regular
// contact the guide asks for (L1590: "кездесулер тұрақты болуы тиіс").
// Outings outside it are [Outing]s.
type Visit struct {
	Tandem string     `json:"tandem" cel:"tandem" validate:"required,max=64"`
	Date   civil.Date `json:"date" cel:"date" validate:"required"`
	Note   string     `json:"note,omitempty" cel:"note" validate:"max=1000"`
}

// ID returns the visit's id, TANDEM@DATE.
func (v Visit) ID() string { return v.Tandem + "@" + v.Date.String() }

// CheckIn is a coordinator's support contact with a tandem: the close
// support of the first week (step 3.6, L1905) and the accompanying of
// mentors after it (step 3.7, L1910).
type CheckIn struct {
	Tandem string     `json:"tandem" cel:"tandem" validate:"required,max=64"`
	Date   civil.Date `json:"date" cel:"date" validate:"required"`
	Note   string     `json:"note,omitempty" cel:"note" validate:"max=1000"`
}

// ID returns the check-in's id, TANDEM@DATE.
func (c CheckIn) ID() string { return c.Tandem + "@" + c.Date.String() }

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
