package questionnaire

import (
	"log/slog"

	"github.com/birgemiz/sabaqtastyq/civil"
)

// Response is one applicant's filled-in questionnaire, Appendix 1 of the
// guide (D1). Field names are those of the response file and of CEL (the
// `cel` tags); fields tagged cel:"-" hold personal data or free text and are
// hidden from policies.
//
// Single choices are option ids ("higher", "hours_10_15"); multiple choices
// are lists of ids. Where the form offers "other (explain)" or "yes
// (explain)", the explanation goes in the matching *_other or *_details
// field and is required when that option is chosen.
//
// BirthDate is not on the guide's paper form. It is added because the
// guide's own rules are by age (an individual mentor is 25 or older, R1; an
// event volunteer 18 or older, R13), so a role cannot be suggested without it.
//
// A Response is a plain value; it is safe for concurrent reads.
type Response struct {
	// Personal data: the form's header ("ТАӘ", "Телефон", "e-mail").
	FullName string `json:"full_name" cel:"-" validate:"required,max=200" personal:"true"`
	Phone    string `json:"phone,omitempty" cel:"-" validate:"max=32" personal:"true"`
	Email    string `json:"email,omitempty" cel:"-" validate:"omitempty,email,max=254" personal:"true"`

	// BirthDate is the applicant's; an addition to the guide's form (see above).
	BirthDate civil.Date `json:"birth_date" cel:"birth_date" validate:"required" personal:"true"`

	// 1) Personal information.
	Gender         Gender    `json:"gender" cel:"gender" validate:"required,oneof=female male"`
	Education      Education `json:"education" cel:"education" validate:"required,oneof=secondary vocational higher other"`
	EducationOther string    `json:"education_other,omitempty" cel:"-" validate:"max=500"`
	FreeTime       FreeTime  `json:"free_time" cel:"free_time" validate:"required,oneof=hours_10_15 evenings weekends other"`
	FreeTimeOther  string    `json:"free_time_other,omitempty" cel:"-" validate:"max=500"`
	// HoursPerWeek is optional: the hours a week the applicant can give,
	// when they say; 0 when they do not.
	HoursPerWeek int `json:"hours_per_week,omitempty" cel:"hours_per_week" validate:"min=0,max=168"`

	// 2) What attracts you: at most three motives.
	Motives      []Motive `json:"motives" cel:"motives" validate:"required,min=1,max=3,unique,dive,oneof=improve_living_conditions civic_participation learn_new_things career_growth new_friends build_team recognition other"`
	MotivesOther string   `json:"motives_other,omitempty" cel:"-" validate:"max=500"`

	// 3) Qualities rated 1–5, and years in the locality.
	Qualities       Qualities       `json:"qualities" cel:"qualities"`
	YearsInLocality YearsInLocality `json:"years_in_locality" cel:"years_in_locality" validate:"required,oneof=lt_3 3_10 gt_10"`

	// 4) Experience of working with people; none is an empty list.
	Experience      []Experience `json:"experience,omitempty" cel:"experience" validate:"max=5,unique,dive,oneof=volunteer_org student_activist civil_service collective_public_life other"`
	ExperienceOther string       `json:"experience_other,omitempty" cel:"-" validate:"max=500"`

	// 5) Health limitations: "no", or "yes" with details. The details are
	// health data, hidden from policies and logs.
	HealthLimitations YesNo  `json:"health_limitations" cel:"health_limitations" validate:"required,oneof=no yes" personal:"true"`
	HealthDetails     string `json:"health_details,omitempty" cel:"-" validate:"max=1000" personal:"true"`

	// 6) Preferred activities: at most two.
	Activities      []Activity `json:"activities" cel:"activities" validate:"required,min=1,max=2,unique,dive,oneof=individual_leisure group_events teaching documents visitors other"`
	ActivitiesOther string     `json:"activities_other,omitempty" cel:"-" validate:"max=500"`
}

// Qualities are the eight qualities of question 3, each self-rated from 1
// ("no such quality, or poorly developed") to 5 ("well developed").
type Qualities struct {
	Sociability    int `json:"sociability" cel:"sociability" validate:"min=1,max=5"`       // Көпшілдік
	Persuasiveness int `json:"persuasiveness" cel:"persuasiveness" validate:"min=1,max=5"` // Сендіре білу қабілеті
	Patience       int `json:"patience" cel:"patience" validate:"min=1,max=5"`             // Шыдамдылық және бір нәрсені көп рет қайталауға даярлық
	ConflictFree   int `json:"conflict_free" cel:"conflict_free" validate:"min=1,max=5"`   // Мәселелерді жанжалсыз шеше білу
	Explaining     int `json:"explaining" cel:"explaining" validate:"min=1,max=5"`         // Адамға жаңа ақпаратты түсіндіре білу
	Acceptance     int `json:"acceptance" cel:"acceptance" validate:"min=1,max=5"`         // Адамдарды дәл сол күйінде қабылдай білу
	Respect        int `json:"respect" cel:"respect" validate:"min=1,max=5"`               // Басқа адамдарға құрмет
	TimePlanning   int `json:"time_planning" cel:"time_planning" validate:"min=1,max=5"`   // Уақытын отбасына нұқсан келтірмей жоспарлай білу
}

// Scale bounds of a quality rating.
const (
	MinRating = 1
	MaxRating = 5
)

// Choice limits of the form.
const (
	MaxMotives    = 3 // "жауаптың 3 нұсқасынан асырмай таңдаңыз"
	MaxActivities = 2 // "кез келген екі тармақты белгілеуге болады"
)

// LogValue keeps personal data out of logs: the name, phone, e-mail, birth
// date and every free-text answer are redacted; the choices are shown.
func (r Response) LogValue() slog.Value {
	red := func(s string) string {
		if s == "" {
			return ""
		}
		return Redacted
	}
	birth := ""
	if !r.BirthDate.IsZero() {
		birth = Redacted
	}
	return slog.GroupValue(
		slog.String("full_name", red(r.FullName)),
		slog.String("phone", red(r.Phone)),
		slog.String("email", red(r.Email)),
		slog.String("birth_date", birth),
		slog.String("gender", string(r.Gender)),
		slog.String("education", string(r.Education)),
		slog.String("free_time", string(r.FreeTime)),
		slog.Any("motives", r.Motives),
		slog.String("health_limitations", string(r.HealthLimitations)),
		slog.String("health_details", red(r.HealthDetails)),
		slog.Any("activities", r.Activities),
	)
}

// Redacted stands in logs where personal data would be.
const Redacted = "[REDACTED]"
