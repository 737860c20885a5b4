package celmsg_test

import (
	"fmt"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/celmsg"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// A date compared with a string, as a rule author reads it in Russian.
func ExampleRewrite() {
	p := diag.New(rules.CodeCEL, "rules[0].expr", "found no matching overload for '_<_' applied to '(civil.Date, string)'")
	fmt.Println(celmsg.Rewrite(diag.List{p})[0].Localize(diag.RU))
	// Output:
	// rules[0].expr: оператор < не применим к значениям типов: дата и строка
}
