package mentoring_test

import (
	"fmt"
	"strings"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

func Example_load() {
	p, err := mentoring.Load("../examples/data/programme.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	t, _ := p.Tandem("t-1")
	mentor, _ := p.Volunteer(t.Mentor)
	fmt.Println(p.AsOf, len(p.Volunteers), "volunteers,", len(p.Tandems), "tandems")
	fmt.Println(t.ID, t.Phase, "mentor", mentor.ID, "aged", mentor.BirthDate.YearsUntil(p.AsOf))
	fmt.Println("outings:", len(p.OutingsOf(t.ID)), "reports:", len(p.ReportsOf(mentor.ID)))
	// Output:
	// 2026-11-24 20 volunteers, 12 tandems
	// t-1 active mentor v-1 aged 36
	// outings: 2 reports: 14
}

// A problem names its place in the file; a dangling reference names both
// ends; personal data — here a birth date that does not exist — is never
// quoted, and is masked on the line shown.
func ExampleDecode() {
	file := `as_of: 2026-11-24
institutions: [{id: inst-1, name: Home, kind: orphanage}]
volunteers:
  - {id: v-1, full_name: A B, birth_date: 1990-02-30, role: individual_mentor}
children: [{id: c-1, birth_date: 2013-05-01, institution: inst-1}]
tandems: [{id: t-1, mentor: v-9, child: c-1, started_on: 2026-03-01, phase: active}]
`
	_, err := mentoring.Decode(strings.NewReader(file), "programme.yaml", mentoring.Detect)
	for _, lang := range diag.Langs {
		fmt.Println(diag.Localize(err, lang))
	}
	for _, e := range diag.Errors(err) {
		fmt.Println(e.Snippet)
	}
	// Output:
	// programme.yaml:4:43: volunteers[0].birth_date: «•••» күні дұрыс емес: ЖЖЖЖ-АА-КК пішімінде нақты күн болуы керек
	// programme.yaml:6:29: tandems[0] (t-1).mentor: «v-9» — волонтер емес: мұндай идентификатор жоқ
	// programme.yaml:4:43: volunteers[0].birth_date: «•••» — неверная дата: нужен существующий день в формате ГГГГ-ММ-ДД
	// programme.yaml:6:29: tandems[0] (t-1).mentor: «v-9» — такого идентификатора нет (ожидается волонтёр)
	// programme.yaml:4:43: volunteers[0].birth_date: "•••" is not a date: want an existing day as YYYY-MM-DD
	// programme.yaml:6:29: tandems[0] (t-1).mentor: "v-9" is not a volunteer
	//   - {id: v-1, full_name: •••, birth_date: •••, role: individual_mentor}
	//                                           ^
	// tandems: [{id: t-1, mentor: v-9, child: c-1, started_on: 2026-03-01, phase: active}]
	//                             ^
}

func ExampleTandem_Move() {
	t := mentoring.Tandem{ID: "t-1", Phase: mentoring.Acquaintance, StartedOn: civil.D(2026, 3, 1)}
	fmt.Println(t.Move(mentoring.ActivePhase)) // no skipping
	fmt.Println(t.Move(mentoring.InsideInstitution), t.Phase)
	fmt.Println(t.Move(mentoring.Closing), t.Phase)
	fmt.Println(t.Close(civil.D(2026, 9, 1), "", ""))
	fmt.Println(t.Close(civil.D(2026, 9, 1), mentoring.ChildPlacedInFamily, "adopted by her aunt's family"), t.Phase, t.ClosedOn)
	// Output:
	// tandem t-1: cannot go from "acquaintance" to "active"
	// <nil> inside_institution
	// <nil> closing
	// close_reason: required field is missing
	// <nil> closed 2026-09-01
}
