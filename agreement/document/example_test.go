package document_test

import (
	"fmt"
	"strings"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/agreement/document"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
)

func ExampleRender() {
	a := agreement.Agreement{
		ID:           "a-1",
		Volunteer:    "v-1",
		City:         "Almaty",
		HoursPerWeek: 4,
		SignedOn:     civil.D(2026, 2, 15),
	}
	var b strings.Builder
	err := document.Render(&b, a, document.Options{
		Lang:         diag.EN,
		Organisation: &agreement.Organisation{Name: "Birgemiz Foundation"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "# ") || strings.HasPrefix(line, "**3.10.**") ||
			strings.HasPrefix(line, "**7.1.**") || strings.HasPrefix(line, "15 ") {
			fmt.Println(line)
		}
	}
	// Output:
	// # AGREEMENT ON UNPAID SERVICES BY A VOLUNTEER
	// 15 February 2026 — Almaty
	// **3.10.** Unless the Agreement provides otherwise, when stopping their work in the Organisation, to give notice of stopping the volunteer work at least 2 weeks in advance.
	// **7.1.** The Volunteer gives the Organisation 4 hours a week.
}

func ExampleRender_badFormat() {
	err := document.Render(new(strings.Builder), agreement.Agreement{}, document.Options{Format: "pdf"})
	fmt.Println(diag.Localize(err, diag.KK))
	// Output:
	// options.format: pdf пішімі қолдау таппайды; md немесе html таңдаңыз
}
