package reference_test

import (
	"fmt"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/reference"
)

func ExampleSet_Directions() {
	s, err := reference.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range s.Directions() {
		fmt.Printf("%s — %s\n", d.Latin, d.Name.In(diag.EN))
	}
	// Output:
	// BIRGEMIZ SAÝLYQ — Health
	// BIRGEMIZ BILIM — Education
	// BIRGEMIZ SABAQTASTYQ — Continuity (mentoring)
	// BIRGEMIZ ASYL MURA — Heritage
	// BIRGEMIZ TAZA ÁLEM — Clean world
	// BIRGEMIZ QAMQOR — Care
	// BIRGEMIZ ÚMIT — Hope
}

func ExampleChecklist() {
	s, _ := reference.Default()
	var core []reference.SafetyTopic
	for _, t := range s.SafetyTopics() {
		if !t.General {
			core = append(core, t)
		}
	}
	c := reference.NewChecklist(core)
	for _, t := range core[:len(core)-2] {
		_ = c.Acknowledge(t.ID, civil.D(2026, 3, 1))
	}
	for _, t := range c.Missing() {
		fmt.Println("missing:", t.Name.In(diag.KK))
	}
	fmt.Println(c.Acknowledge("juggling", civil.D(2026, 3, 1)))
	// Output:
	// missing: Волонтер-тәлімгермен бірлескен сабақ кезінде баланың жарақаттануы
	// missing: Жұқтырудан қорғаудың стандартты шаралары
	// topic: topic juggling is not on the checklist
}

func ExampleSet_TypeOf() {
	s, _ := reference.Default()
	t, ok := s.TypeOf(mentoring.AdaptationCentre)
	fmt.Println(ok, t.Name.In(diag.RU))
	// Output:
	// true Центр адаптации несовершеннолетних (ЦАН)
}
