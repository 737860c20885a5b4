package agreement_test

import (
	"errors"
	"fmt"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
)

func ExampleAgreement_End() {
	var a agreement.Agreement
	_ = a.Sign(civil.D(2026, 2, 15))
	_ = a.GiveNotice(civil.D(2026, 3, 1))

	// 13 days' notice is one day short of two weeks.
	err := a.End(civil.D(2026, 3, 14), agreement.NoticePolicy{})
	var ne *agreement.NoticeError
	if errors.As(err, &ne) {
		fmt.Println(ne.Localize(diag.KK))
		fmt.Println(ne.Localize(diag.EN))
	}
	fmt.Println("earliest end:", agreement.EarliestEnd(a.NoticeGivenOn, agreement.DefaultNoticeDays))
	fmt.Println(a.End(civil.D(2026, 3, 15), agreement.NoticePolicy{}))
	for _, day := range []civil.Date{civil.D(2026, 2, 14), civil.D(2026, 3, 1), civil.D(2026, 3, 15), civil.D(2026, 3, 16)} {
		fmt.Println(day, a.State(day))
	}
	// Output:
	// хабарлама аяқталуға 13 күн қалғанда берілген, ал кемінде 14 күн бұрын берілуі керек
	// notice was given 13 days before the end; at least 14 days are required
	// earliest end: 2026-03-15
	// <nil>
	// 2026-02-14 draft
	// 2026-03-01 notice_given
	// 2026-03-15 notice_given
	// 2026-03-16 ended
}

func ExampleAgreement_Validate() {
	a := agreement.Agreement{
		ID:            "a-1",
		Volunteer:     "v-1",
		Party:         &agreement.Party{FullName: "Aigerim Sadykova"},
		SignedOn:      civil.D(2026, 2, 15),
		NoticeGivenOn: civil.D(2026, 2, 1),
	}
	for _, e := range diag.Errors(a.Validate()) {
		fmt.Println(e.Localize(diag.RU))
	}
	// Output:
	// notice_given_on: даты в невозможном порядке: notice_given_on < signed_on
	// party.id_document.number: number обязательное поле
}

func ExampleStepError() {
	a := agreement.Agreement{SignedOn: civil.D(2026, 2, 15)}
	err := a.Sign(civil.D(2026, 2, 20))
	fmt.Println(err)
	fmt.Println(diag.Localize(err, diag.KK))
	// Output:
	// cannot go from "signed" to "signed"
	// «қол қойылған» күйінен «қол қойылған» күйіне өтуге болмайды
}
