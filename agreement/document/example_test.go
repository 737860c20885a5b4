package document_test

import (
	"fmt"
	"strings"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/agreement/document"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/volunteer"
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
	// options.format: pdf пішіміне қолдау көрсетілмейді; md немесе html таңдаңыз
}

// A volunteer's agreement from a programme: the name and contacts come
// from the volunteer's record.
func ExampleRenderVolunteer() {
	p := &mentoring.Programme{
		AsOf:         civil.D(2026, 11, 24),
		Organisation: "Birgemiz Foundation",
		Volunteers: volunteer.List{{ID: "v-1", FullName: "Dana Omarova", BirthDate: civil.D(1990, 1, 1),
			Role: volunteer.GroupVolunteer, Contacts: &volunteer.Contacts{Phone: "+7 701 111 11 11"}}},
		Agreements: agreement.List{{ID: "a-1", Volunteer: "v-1", City: "Almaty", SignedOn: civil.D(2026, 2, 15), NoticeDays: 10}},
	}
	if err := p.Index(); err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	if err := document.RenderVolunteer(&b, p, "v-1", document.Options{Lang: diag.RU}); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "**3.10.**") || strings.Contains(line, "| Волонтёр |") || strings.HasPrefix(line, "| от имени") {
			fmt.Println(line)
		}
	}
	// Output:
	// **3.10.** Если Соглашением не установлено иное, при прекращении своей деятельности в Организации уведомить о прекращении волонтёрской деятельности не менее чем за 10 дней.
	// | Организация | Волонтёр |
	// | от имени Birgemiz Foundation | ФИО: Dana Omarova |
}
