package questionnaire

import (
	"slices"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/validation"
)

// CodeExplain is the problem of an "other (explain)" or "yes (explain)"
// answer chosen without its explanation. Its argument is the option id; its
// path is the field where the explanation goes.
const CodeExplain diag.Code = "questionnaire.explain"

func init() {
	diag.Register(map[diag.Code]diag.Text{
		CodeExplain: {
			KK: "«{0}» нұсқасы таңдалған: өтінеміз, түсіндіріңіз",
			RU: "выбран вариант «{0}»: пожалуйста, поясните",
			EN: "option \"{0}\" is chosen: please explain it",
		},
	})
}

// explains maps each explanation field to the question it explains; an
// explanation that is missing is placed at its question in a file.
var explains = map[string]string{
	"education_other":  "education",
	"free_time_other":  "free_time",
	"motives_other":    "motives",
	"experience_other": "experience",
	"health_details":   "health_limitations",
	"activities_other": "activities",
}

// Validate checks r against the form and returns every problem at once as
// a [diag.List], or nil. Each problem names its field by JSON path
// ("qualities.patience", "motives[3]"); none carries personal data.
//
// The rules, with their codes: every required answer is given
// ("validate.required"); at most [MaxMotives] motives and [MaxActivities]
// activities ("validate.max"), none chosen twice ("validate.unique"), each a
// known option id ("validate.oneof"); each quality rated [MinRating] to
// [MaxRating] ("validate.min", "validate.max"); an e-mail looks like one
// ("validate.email"); and the explanation is given wherever "other" or
// "yes (explain)" is chosen ([CodeExplain]).
func (r *Response) Validate() error {
	l := validation.Struct(r)
	explain := func(chosen bool, option, text, path string) {
		if chosen && text == "" {
			l = append(l, diag.New(CodeExplain, path, option))
		}
	}
	explain(r.Education == OtherEdu, string(OtherEdu), r.EducationOther, "education_other")
	explain(r.FreeTime == OtherTime, string(OtherTime), r.FreeTimeOther, "free_time_other")
	explain(slices.Contains(r.Motives, OtherMotive), string(OtherMotive), r.MotivesOther, "motives_other")
	explain(slices.Contains(r.Experience, OtherExperience), string(OtherExperience), r.ExperienceOther, "experience_other")
	explain(r.HealthLimitations == Yes, string(Yes), r.HealthDetails, "health_details")
	explain(slices.Contains(r.Activities, OtherActivity), string(OtherActivity), r.ActivitiesOther, "activities_other")
	return l.Err()
}
