package form_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/questionnaire/form"
	"github.com/birgemiz/sabaqtastyq/recruit"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

func ExampleForm_Question() {
	q, _ := form.Default().Question("motives")
	fmt.Println(q.Label.In(diag.KK))
	fmt.Println(q.Kind, q.MaxChoices, q.OptionIDs())
	// Output:
	// 2) Сізді {{.Name}} жобасында не қызықтырады (жауаптың 3 нұсқасынан асырмай таңдаңыз)
	// multi 3 [improve_living_conditions civic_participation learn_new_things career_growth new_friends build_team recognition other]
}

// The guide's letter to the applicant, its blanks filled from the
// organisation's project.
func ExampleWithProject() {
	p := recruit.Project{Name: "Бірге", Locality: "Шымкент"}
	var b strings.Builder
	if err := form.Default().Markdown(&b, diag.KK, form.WithProject(p)); err != nil {
		fmt.Println(err)
		return
	}
	lines := strings.Split(b.String(), "\n")
	fmt.Println(lines[2])
	fmt.Println(lines[4])
	// Output:
	// Құрметті «Бірге» жобасының волонтері!
	// Сіз Шымкенттегі «Бірге» жобасын іске асыруға көмек көрсетуге дайын екендігіңіз үшін, Сізге алғысымызды білдіреміз.
}

func ExampleForm_SkillsMarkdown() {
	skills := []volunteer.Skill{{Name: "Guitar", Like: true, CanTeach: true}}
	if err := form.Default().SkillsMarkdown(os.Stdout, diag.RU, skills); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # Навыки волонтёра
	//
	// | Навык | Нравится делать | Умею делать хорошо | Профессионал, могу обучать других | Хочу научиться |
	// |---|:-:|:-:|:-:|:-:|
	// | Guitar | ☑ | ☐ | ☑ | ☐ |
}
