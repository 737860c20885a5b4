package report_test

import (
	"fmt"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/report"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

func ExampleSummarise() {
	p := &mentoring.Programme{
		Volunteers: []volunteer.Volunteer{{ID: "v-1"}, {ID: "v-2"}},
		Agreements: []agreement.Agreement{
			{ID: "a-1", Volunteer: "v-1", SignedOn: civil.D(2026, 1, 10)},
			{ID: "a-2", Volunteer: "v-2", SignedOn: civil.D(2026, 1, 12)},
		},
		Reports: []agreement.Report{{Volunteer: "v-1", Month: civil.M(2026, 3), Hours: 8}},
		Diary: []volunteer.DiaryEntry{
			{Volunteer: "v-1", Date: civil.D(2026, 3, 5), Activity: "tutoring", Children: 1},
			{Volunteer: "v-2", Date: civil.D(2026, 3, 7), Activity: "workshop", Children: 12},
			{Volunteer: "v-2", Date: civil.D(2026, 3, 21), Activity: "workshop", Children: 15},
		},
	}
	s, err := report.Summarise(p, civil.M(2026, 3))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range s.Activities {
		fmt.Printf("%s: %d entries, %d children\n", a.Form, a.Entries, a.Children)
	}
	fmt.Println("hours:", s.Hours)
	for _, m := range s.NotReported {
		fmt.Println("not reported:", m.Volunteer, "under", m.Agreement)
	}
	implied, _ := report.ReportsFromDiary(p, civil.M(2026, 3), diag.EN)
	fmt.Println(implied[0].Volunteer, implied[0].Summary)
	// Output:
	// workshop: 2 entries, 27 children
	// tutoring: 1 entries, 1 children
	// hours: 8
	// not reported: v-2 under a-2
	// v-2 Diary: 2 entries, 27 children; workshop ×2
}
