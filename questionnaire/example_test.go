package questionnaire_test

import (
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/questionnaire"
)

func ExampleDecode() {
	const text = `
full_name: Daniyar Omarov
birth_date: 2003-09-14
gender: male
education: vocational
free_time: weekends
motives: [new_friends, build_team, career_growth, recognition]
qualities: {sociability: 5, persuasiveness: 4, patience: 3, conflict_free: 4,
            explaining: 4, acceptance: 6, respect: 5, time_planning: 4}
years_in_locality: 3_10
health_limitations: no
activities: [group_events, other]
`
	_, err := questionnaire.Decode(strings.NewReader(text), "daniyar.yaml")
	fmt.Println(diag.Localize(err, diag.EN))
	// Output:
	// daniyar.yaml:7:1: motives: motives must contain at most 3 items
	// daniyar.yaml:9:28: qualities.acceptance: acceptance must be 5 or less
	// daniyar.yaml:12:1: activities_other: option "other" is chosen: please explain it
}

func ExampleResponse_Validate() {
	r := questionnaire.Response{
		FullName:          "Aigerim Sadykova",
		Gender:            questionnaire.Female,
		Education:         questionnaire.Higher,
		FreeTime:          questionnaire.Hours10To15,
		Motives:           []questionnaire.Motive{questionnaire.LearnNewThings},
		Qualities:         questionnaire.Qualities{Sociability: 4, Persuasiveness: 3, Patience: 5, ConflictFree: 4, Explaining: 4, Acceptance: 5, Respect: 5, TimePlanning: 3},
		YearsInLocality:   questionnaire.MoreThan10,
		HealthLimitations: questionnaire.Yes,
		Activities:        []questionnaire.Activity{questionnaire.IndividualLeisure},
	}
	err := r.Validate()
	fmt.Println(diag.Localize(err, diag.KK))
	// Output:
	// birth_date: «birth_date» өрісі толтырылуы керек
	// health_details: «yes» нұсқасы таңдалған: өтінеміз, түсіндіріңіз
}

func ExampleResponse_LogValue() {
	r := questionnaire.Response{FullName: "Aigerim Sadykova", Email: "aigerim@example.kz",
		HealthLimitations: questionnaire.Yes, HealthDetails: "asthma"}
	h := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}})
	slog.New(h).Info("received", "response", r)
	// Output:
	// level=INFO msg=received response.full_name=[REDACTED] response.phone="" response.email=[REDACTED] response.birth_date="" response.gender="" response.education="" response.free_time="" response.motives=[] response.health_limitations=yes response.health_details=[REDACTED] response.activities=[]
}

func ExampleRolesPolicy() {
	policy := string(questionnaire.RolesPolicy())
	for _, role := range questionnaire.Roles {
		fmt.Println(role, strings.Contains(policy, "- id: role."+string(role)+"\n"))
	}
	// Output:
	// individual_mentor true
	// group_activities true
	// events true
	// documents true
	// visitors true
}
