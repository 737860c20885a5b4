package grammar_test

import (
	"fmt"
	"time"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/grammar"
)

func Example() {
	fmt.Println(grammar.Number(25, grammar.Dative), "толмаған")
	fmt.Println(grammar.DateCase(diag.KK, civil.D(2026, time.May, 23), grammar.Ablative), "бастап")
	fmt.Println("Волонтёру v-21", grammar.Count(diag.RU, 24, "год|года|лет"))
	fmt.Println("с", grammar.Date(diag.RU, civil.D(2026, time.May, 23)))
	fmt.Println(grammar.Count(diag.EN, 2, "group|groups"))
	// Output:
	// 25-ке толмаған
	// 2026 жылғы 23 мамырдан бастап
	// Волонтёру v-21 24 года
	// с 23 мая 2026 г.
	// 2 groups
}
