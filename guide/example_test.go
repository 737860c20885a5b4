package guide_test

import (
	"fmt"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/guide"
)

func ExampleResolve() {
	c := guide.Resolve("R10, D2 §3.10 (L2262)")
	for _, lang := range diag.Langs {
		fmt.Println(guide.Text(c.In(lang), ""))
	}
	fmt.Println(c.In(diag.EN)[0].Ref, c.In(diag.EN)[0].Lines)
	// Output:
	// 2-қосымша (Келісім), «Волонтердің міндеттері», 3.10-тармақ
	// Приложение 2 (Соглашение волонтёра), «Обязанности волонтёра», п. 3.10
	// Appendix 2 (Volunteer agreement), «The volunteer's duties», clause 3.10
	// R10, D2 [2262 2262]
}

func ExampleText() {
	source := "see the coordinator's handbook"
	fmt.Println(guide.Text(guide.Resolve(source).In(diag.KK), source))
	// Output:
	// see the coordinator's handbook
}
