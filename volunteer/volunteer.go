package volunteer

import (
	"log/slog"

	"github.com/birgemiz/sabaqtastyq/civil"
)

// Volunteer is one person who helps: an applicant, a mentor, a group or
// event volunteer or a coach. Field names are those of the programme file
// and of CEL (the `cel` tags); fields tagged cel:"-" are hidden from
// policies. Fields tagged personal:"true" hold personal data: they are
// never quoted in an error, masked in snippets and redacted in logs.
type Volunteer struct {
	ID        string     `json:"id" cel:"id" validate:"required,max=64"`
	FullName  string     `json:"full_name" cel:"-" validate:"required,max=200" personal:"true"`
	BirthDate civil.Date `json:"birth_date" cel:"birth_date" validate:"required" personal:"true"`
	Gender    Gender     `json:"gender,omitempty" cel:"gender" validate:"omitempty,oneof=female male"`
	City      string     `json:"city,omitempty" cel:"city" validate:"max=100"`
	// Languages the volunteer speaks, as BCP 47 tags ("kk", "ru", "en").
	Languages []string  `json:"languages,omitempty" cel:"languages" validate:"max=20,dive,bcp47_language_tag"`
	Contacts  *Contacts `json:"contacts,omitempty" cel:"-" personal:"true"`

	Education      Education `json:"education,omitempty" cel:"education" validate:"omitempty,oneof=secondary vocational higher other"`
	EducationOther string    `json:"education_other,omitempty" cel:"-" validate:"max=200"`
	FreeTime       *FreeTime `json:"free_time,omitempty" cel:"free_time"`
	Health         *Health   `json:"health,omitempty" cel:"-" personal:"true"`
	// Skills is the "my skills" table of the guide (D7).
	Skills []Skill `json:"skills,omitempty" cel:"skills" validate:"max=100,dive"`

	Role             Role `json:"role" cel:"role" validate:"required,oneof=individual_mentor group_volunteer event_volunteer coach"`
	CommitmentMonths int  `json:"commitment_months,omitempty" cel:"commitment_months" validate:"min=0,max=600"`
	// ParentalConsent is the written consent of a parent or guardian that
	// the Law on Volunteer Activity (art. 12 §2) asks of volunteers under
	// 14; AccompaniedByGuardian is the law's other way: the volunteer
	// works accompanied by a parent or guardian.
	ParentalConsent       bool      `json:"parental_consent,omitempty" cel:"parental_consent"`
	AccompaniedByGuardian bool      `json:"accompanied_by_guardian,omitempty" cel:"accompanied_by_guardian"`
	Screening             Screening `json:"screening" cel:"screening"`

	// Level is the volunteer's step on the cascade (R15); CompletedCycles
	// counts finished project cycles, the measure the cascade advances by.
	Level           Level  `json:"level,omitempty" cel:"level" validate:"omitempty,oneof=trainee mentor master"`
	CompletedCycles int    `json:"completed_cycles,omitempty" cel:"completed_cycles" validate:"min=0,max=1000"`
	Status          Status `json:"status,omitempty" cel:"status" validate:"omitempty,oneof=applicant screening approved active on_hold retired"`
}

// LogValue keeps personal data out of logs: only the id, role, status and
// the birth year's absence or presence are shown.
func (v Volunteer) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("id", v.ID),
		slog.String("role", string(v.Role)),
		slog.String("status", string(v.Status)),
		slog.String("full_name", Redacted),
		slog.String("birth_date", Redacted),
	)
}

// Redacted stands in logs where personal data would be.
const Redacted = "[REDACTED]"

// List is a list of volunteers, as a programme holds them. It logs as its
// length only: a log line never lists people.
type List []Volunteer

// LogValue shows how many volunteers there are.
func (l List) LogValue() slog.Value { return slog.GroupValue(slog.Int("count", len(l))) }

// Contacts is how to reach a person. All of it is personal data.
type Contacts struct {
	Phone   string `json:"phone,omitempty" validate:"omitempty,max=32" personal:"true"`
	Email   string `json:"email,omitempty" validate:"omitempty,email,max=254" personal:"true"`
	Address string `json:"address,omitempty" validate:"max=300" personal:"true"`
}

// LogValue redacts every field that is set.
func (c Contacts) LogValue() slog.Value {
	red := func(s string) string {
		if s == "" {
			return ""
		}
		return Redacted
	}
	return slog.GroupValue(slog.String("phone", red(c.Phone)), slog.String("email", red(c.Email)),
		slog.String("address", red(c.Address)))
}

// Gender is the questionnaire's choice, female or male.
type Gender string

// Genders.
const (
	Female Gender = "female"
	Male   Gender = "male"
)

// Role is what a volunteer does. Only an individual mentor is paired with
// one child in a tandem; volunteers under 25 help in the other roles (R2).
type Role string

// Roles.
const (
	IndividualMentor Role = "individual_mentor"
	GroupVolunteer   Role = "group_volunteer"
	EventVolunteer   Role = "event_volunteer"
	Coach            Role = "coach"
)

// Education is the questionnaire's education level.
type Education string

// Education levels.
const (
	Secondary  Education = "secondary"
	Vocational Education = "vocational"
	Higher     Education = "higher"
	OtherEdu   Education = "other"
)

// FreeTime is how much time a volunteer can give: the questionnaire's
// bucket, and optionally hours per week and the weekdays.
type FreeTime struct {
	Bucket       FreeTimeBucket `json:"bucket,omitempty" cel:"bucket" validate:"omitempty,oneof=hours_10_15 evenings weekends other"`
	Other        string         `json:"other,omitempty" cel:"-" validate:"max=200"`
	HoursPerWeek int            `json:"hours_per_week,omitempty" cel:"hours_per_week" validate:"min=0,max=168"`
	Weekdays     []Weekday      `json:"weekdays,omitempty" cel:"weekdays" validate:"max=7,unique,dive,oneof=mon tue wed thu fri sat sun"`
}

// FreeTimeBucket is one of the questionnaire's answers on free time.
type FreeTimeBucket string

// Free-time answers of the questionnaire (Appendix 1).
const (
	Hours10To15  FreeTimeBucket = "hours_10_15" // "10–15 hours a week"
	EveningsOnly FreeTimeBucket = "evenings"    // "free evenings only"
	WeekendsOnly FreeTimeBucket = "weekends"    // "weekends only"
	OtherTime    FreeTimeBucket = "other"       // "other (say what)"
)

// Weekday is a day of the week, mon…sun.
type Weekday string

// Weekdays.
const (
	Mon Weekday = "mon"
	Tue Weekday = "tue"
	Wed Weekday = "wed"
	Thu Weekday = "thu"
	Fri Weekday = "fri"
	Sat Weekday = "sat"
	Sun Weekday = "sun"
)

// Health records whether the volunteer has health limitations, and what they
// are. It is sensitive personal data, hidden from policies and logs.
type Health struct {
	Limitations bool   `json:"limitations" personal:"true"`
	Details     string `json:"details,omitempty" validate:"max=1000" personal:"true"`
}

// LogValue redacts the details.
func (h Health) LogValue() slog.Value {
	return slog.GroupValue(slog.Bool("limitations", h.Limitations), slog.String("details", Redacted))
}

// Skill is one row of the "my skills" self-assessment (D7): a skill and the
// four columns the volunteer ticks.
type Skill struct {
	Name        string `json:"name" cel:"name" validate:"required,max=200"`
	Like        bool   `json:"like,omitempty" cel:"like"`                   // "I like doing it"
	DoWell      bool   `json:"do_well,omitempty" cel:"do_well"`             // "I do it well"
	CanTeach    bool   `json:"can_teach,omitempty" cel:"can_teach"`         // "professional, can teach others"
	WantToLearn bool   `json:"want_to_learn,omitempty" cel:"want_to_learn"` // "I want to learn"
}

// Screening holds the date each of the four selection stages was completed
// (R6); a zero date means the stage is not done yet. SafetyBriefing is the
// date the safety instruction of Appendix 4 (D5) was given and
// acknowledged: asked before any contact with children, it is not one of
// the four stages, and [Screening.Complete] does not count it.
type Screening struct {
	Interview         civil.Date `json:"interview,omitempty" cel:"interview"`
	PsychologicalTest civil.Date `json:"psychological_test,omitempty" cel:"psychological_test"`
	Training          civil.Date `json:"training,omitempty" cel:"training"`
	Documents         civil.Date `json:"documents,omitempty" cel:"documents"`
	SafetyBriefing    civil.Date `json:"safety_briefing,omitempty" cel:"safety_briefing"`
}

// Level is a step of the cascade model (R15).
type Level string

// Cascade levels.
const (
	Trainee Level = "trainee"
	Mentor  Level = "mentor"
	Master  Level = "master"
)

// Status is where a volunteer stands in the organisation.
type Status string

// Statuses, in the order of the lifecycle.
const (
	Applicant   Status = "applicant"
	InScreening Status = "screening"
	Approved    Status = "approved"
	Active      Status = "active"
	OnHold      Status = "on_hold"
	Retired     Status = "retired"
)
