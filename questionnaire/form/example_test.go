package form_test

import (
	"fmt"
	"os"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/questionnaire/form"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

func ExampleForm_Question() {
	q, _ := form.Default().Question("motives")
	fmt.Println(q.Label.In(diag.KK))
	fmt.Println(q.Kind, q.MaxChoices, q.OptionIDs())
	// Output:
	// 2) Сізді Жобада не қызықтырады (жауаптың 3 нұсқасынан асырмай таңдаңыз)
	// multi 3 [improve_living_conditions civic_participation learn_new_things career_growth new_friends build_team recognition other]
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
