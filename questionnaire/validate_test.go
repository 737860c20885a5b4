package questionnaire_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/questionnaire"
)

// valid returns a complete response that passes validation.
func valid(tb testing.TB) questionnaire.Response {
	tb.Helper()
	return questionnaire.Response{
		FullName:          "Aigerim Sadykova",
		Phone:             "+7 701 000 00 00",
		Email:             "aigerim@example.kz",
		BirthDate:         civil.D(1990, 4, 2),
		Gender:            questionnaire.Female,
		Education:         questionnaire.Higher,
		FreeTime:          questionnaire.Hours10To15,
		Motives:           []questionnaire.Motive{questionnaire.LearnNewThings, questionnaire.NewFriends},
		Qualities:         questionnaire.Qualities{Sociability: 4, Persuasiveness: 3, Patience: 5, ConflictFree: 4, Explaining: 4, Acceptance: 5, Respect: 5, TimePlanning: 3},
		YearsInLocality:   questionnaire.MoreThan10,
		Experience:        []questionnaire.Experience{questionnaire.VolunteerOrg},
		HealthLimitations: questionnaire.No,
		Activities:        []questionnaire.Activity{questionnaire.IndividualLeisure},
	}
}

func TestValidate(t *testing.T) {
	type problem struct {
		path string
		code diag.Code
	}
	tests := []struct {
		name   string
		change func(*questionnaire.Response)
		want   []problem // nil: valid
	}{
		{"complete", func(*questionnaire.Response) {}, nil},
		{"three motives", func(r *questionnaire.Response) {
			r.Motives = []questionnaire.Motive{"learn_new_things", "new_friends", "build_team"}
		}, nil},
		{"four motives", func(r *questionnaire.Response) {
			r.Motives = []questionnaire.Motive{"learn_new_things", "new_friends", "build_team", "recognition"}
		}, []problem{{"motives", "validate.max"}}},
		{"no motive", func(r *questionnaire.Response) { r.Motives = nil }, []problem{{"motives", "validate.required"}}},
		{"duplicate motive", func(r *questionnaire.Response) {
			r.Motives = []questionnaire.Motive{"new_friends", "new_friends"}
		}, []problem{{"motives", "validate.unique"}}},
		{"unknown motive", func(r *questionnaire.Response) {
			r.Motives = []questionnaire.Motive{"new_friends", "fame"}
		}, []problem{{"motives[1]", "validate.oneof"}}},
		{"other motive explained", func(r *questionnaire.Response) {
			r.Motives = []questionnaire.Motive{"other"}
			r.MotivesOther = "my children grew up in a children's home"
		}, nil},
		{"other motive unexplained", func(r *questionnaire.Response) {
			r.Motives = []questionnaire.Motive{"other"}
		}, []problem{{"motives_other", questionnaire.CodeExplain}}},
		{"two activities", func(r *questionnaire.Response) {
			r.Activities = []questionnaire.Activity{"documents", "visitors"}
		}, nil},
		{"three activities", func(r *questionnaire.Response) {
			r.Activities = []questionnaire.Activity{"documents", "visitors", "teaching"}
		}, []problem{{"activities", "validate.max"}}},
		{"duplicate activity", func(r *questionnaire.Response) {
			r.Activities = []questionnaire.Activity{"visitors", "visitors"}
		}, []problem{{"activities", "validate.unique"}}},
		{"unknown activity", func(r *questionnaire.Response) {
			r.Activities = []questionnaire.Activity{"cooking"}
		}, []problem{{"activities[0]", "validate.oneof"}}},
		{"other activity unexplained", func(r *questionnaire.Response) {
			r.Activities = []questionnaire.Activity{"other"}
		}, []problem{{"activities_other", questionnaire.CodeExplain}}},
		{"quality 1", func(r *questionnaire.Response) { r.Qualities.Patience = 1 }, nil},
		{"quality 5", func(r *questionnaire.Response) { r.Qualities.Patience = 5 }, nil},
		{"quality 0", func(r *questionnaire.Response) { r.Qualities.Patience = 0 }, []problem{{"qualities.patience", "validate.min"}}},
		{"quality 6", func(r *questionnaire.Response) { r.Qualities.TimePlanning = 6 }, []problem{{"qualities.time_planning", "validate.max"}}},
		{"education other unexplained", func(r *questionnaire.Response) { r.Education = "other" }, []problem{{"education_other", questionnaire.CodeExplain}}},
		{"education other explained", func(r *questionnaire.Response) { r.Education, r.EducationOther = "other", "courses" }, nil},
		{"unknown education", func(r *questionnaire.Response) { r.Education = "phd" }, []problem{{"education", "validate.oneof"}}},
		{"free time other unexplained", func(r *questionnaire.Response) { r.FreeTime = "other" }, []problem{{"free_time_other", questionnaire.CodeExplain}}},
		{"hours per week 168", func(r *questionnaire.Response) { r.HoursPerWeek = 168 }, nil},
		{"hours per week 169", func(r *questionnaire.Response) { r.HoursPerWeek = 169 }, []problem{{"hours_per_week", "validate.max"}}},
		{"health yes explained", func(r *questionnaire.Response) { r.HealthLimitations, r.HealthDetails = "yes", "asthma" }, nil},
		{"health yes unexplained", func(r *questionnaire.Response) { r.HealthLimitations = "yes" }, []problem{{"health_details", questionnaire.CodeExplain}}},
		{"health unanswered", func(r *questionnaire.Response) { r.HealthLimitations = "" }, []problem{{"health_limitations", "validate.required"}}},
		{"experience none", func(r *questionnaire.Response) { r.Experience = nil }, nil},
		{"experience all four", func(r *questionnaire.Response) {
			r.Experience = []questionnaire.Experience{"volunteer_org", "student_activist", "civil_service", "collective_public_life"}
		}, nil},
		{"experience duplicate", func(r *questionnaire.Response) {
			r.Experience = []questionnaire.Experience{"civil_service", "civil_service"}
		}, []problem{{"experience", "validate.unique"}}},
		{"experience other unexplained", func(r *questionnaire.Response) {
			r.Experience = []questionnaire.Experience{"other"}
		}, []problem{{"experience_other", questionnaire.CodeExplain}}},
		{"unknown years", func(r *questionnaire.Response) { r.YearsInLocality = "5" }, []problem{{"years_in_locality", "validate.oneof"}}},
		{"bad email", func(r *questionnaire.Response) { r.Email = "not-an-address" }, []problem{{"email", "validate.email"}}},
		{"no email", func(r *questionnaire.Response) { r.Email, r.Phone = "", "" }, nil},
		{"no birth date", func(r *questionnaire.Response) { r.BirthDate = civil.Date{} }, []problem{{"birth_date", "validate.required"}}},
		{"no name", func(r *questionnaire.Response) { r.FullName = "" }, []problem{{"full_name", "validate.required"}}},
		{"unknown gender", func(r *questionnaire.Response) { r.Gender = "x" }, []problem{{"gender", "validate.oneof"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := valid(t)
			tt.change(&r)
			err := r.Validate()
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			var l diag.List
			require.ErrorAs(t, err, &l)
			var got []problem
			for _, e := range l {
				got = append(got, problem{e.Path, e.Code})
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestValidateEveryProblemAtOnce(t *testing.T) {
	r := valid(t)
	r.Motives = []questionnaire.Motive{"other", "new_friends", "build_team", "recognition"}
	r.Qualities.Respect = 0
	r.HealthLimitations = "yes"
	l := diag.Errors(r.Validate())
	require.Len(t, l, 4)
	for _, e := range l {
		for _, lang := range diag.Langs {
			msg := e.Localize(lang)
			assert.NotContains(t, msg, "Aigerim", "personal data in a message")
			assert.NotEmpty(t, e.Message(lang))
		}
	}
}

func TestMessagesInEveryLanguage(t *testing.T) {
	r := valid(t)
	r.HealthLimitations = "yes"
	l := diag.Errors(r.Validate())
	require.Len(t, l, 1)
	assert.Equal(t, "health_details: option \"yes\" is chosen: please explain it", l[0].Localize(diag.EN))
	assert.Equal(t, "health_details: выбран вариант «yes»: пожалуйста, поясните", l[0].Localize(diag.RU))
	assert.Equal(t, "health_details: «yes» нұсқасы таңдалған: өтінеміз, түсіндіріңіз", l[0].Localize(diag.KK))
}
