package rules_test

import (
	"context"
	"fmt"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

const example = `{
  "as_of": "2026-11-24",
  "institutions": [{"id": "inst-1", "name": "Children's home No. 1", "kind": "orphanage", "city": "Almaty"}],
  "volunteers": [{"id": "v-1", "full_name": "Aigerim Sadykova", "birth_date": "2001-11-25",
    "role": "individual_mentor", "commitment_months": 12}],
  "children": [], "tandems": [], "groups": [], "agreements": [], "outings": [], "reports": []
}`

// Evaluate the default policy on a programme with one mentor who is a day
// short of 25, in Kazakh and in English.
func Example() {
	prog, err := mentoring.Parse([]byte(example), "programme.json", mentoring.JSON)
	if err != nil {
		fmt.Println(err)
		return
	}
	pol, err := rules.Resolve("guide")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, lang := range []diag.Lang{diag.KK, diag.EN} {
		rep, err := pol.Evaluate(context.Background(), prog, rules.WithLang(lang))
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, f := range rep.Findings {
			fmt.Printf("%s %s %s:\n  %s\n", f.Severity, f.Rule, f.Subject, f.Message)
		}
	}
	// Output:
	// deny mentor.min_age volunteer/v-1:
	//   v-1 волонтері 24 жаста: өмірлік қиын жағдайдағы балаларға тек 25 жастан бастап жеке тәлімгер бола алады, бұл — тәлімгер болудың шарты. 25 жасқа толмаған волонтерлер топтық сабақтарға және іс-шараларға қатыса алады.
	// deny mentor.min_age volunteer/v-1:
	//   Volunteer v-1 is 24: an individual mentor of a child in a difficult life situation must be 25 or older to become one. Younger volunteers can help in group sessions and events.
}

// A profile changes a parameter without touching the guide.
func ExampleLoad_profile() {
	pol, err := rules.Load(rules.Policies(), "nastavniki")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, name := range []string{"mentor_min_age", "mentor_min_commitment_months", "orphanage_child_min_age"} {
		v, _ := pol.Param(name)
		fmt.Println(name, v)
	}
	fmt.Println(pol.Files())
	// Output:
	// mentor_min_age 25
	// mentor_min_commitment_months 24
	// orphanage_child_min_age 11
	// [guide.yaml nastavniki.yaml]
}

// Why did a rule fail? Explain shows each sub-expression's value.
func ExamplePolicy_Explain() {
	prog, _ := mentoring.Parse([]byte(example), "programme.json", mentoring.JSON)
	pol, _ := rules.Resolve("guide")
	x, err := pol.Explain(context.Background(), prog, "mentor.min_age", "volunteer/v-1")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(x.Text())
	// Output:
	// mentor.min_age on volunteer/v-1: fail
	//   Volunteer v-1 is 24: an individual mentor of a child in a difficult life situation must be 25 or older to become one. Younger volunteers can help in group sessions and events.
	// when:
	//   mentors = true
	// expr:
	//   age >= params.mentor_min_age && tandems.all(t, age(volunteer.birth_date, t.started_on) >= params.mentor_min_age) = false
	//     age >= params.mentor_min_age = false
	//       age = 24
	//       params.mentor_min_age = 25
	//     tandems.all(t, age(volunteer.birth_date, t.started_on) >= params.mentor_min_age) = true
	//       tandems = []
	// variables:
	//   age = 24
	//   mentors = true
}
