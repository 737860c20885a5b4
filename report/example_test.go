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
	s, err := report.Summarise(p, civil.M(2026, 3), report.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range s.Activities {
		fmt.Printf("%s: entries %d, children %d\n", a.Form, a.Entries, a.Children)
	}
	fmt.Println("hours:", s.Hours)
	for _, m := range s.NotReported {
		fmt.Println("not reported:", m.Volunteer, "under", m.Agreement)
	}
	implied, _ := report.ReportsFromDiary(p, civil.M(2026, 3), diag.EN)
	fmt.Println(implied[0].Volunteer, implied[0].Summary)
	// Output:
	// workshop: entries 2, children 27
	// tutoring: entries 1, children 1
	// hours: 8
	// not reported: v-2 under a-2
	// v-2 Diary: 2 entries, 27 children; workshop ×2
}

// The month's tandems: the pair that went more than 14 days without
// meeting, and the one closed, with its reason.
func ExampleSummarise_tandems() {
	p := &mentoring.Programme{
		AsOf:         civil.D(2026, 11, 24),
		Volunteers:   []volunteer.Volunteer{{ID: "v-1", FullName: "A", Role: volunteer.IndividualMentor}},
		Institutions: mentoring.Institutions{{ID: "i-1", Name: "Home", Kind: mentoring.Orphanage}},
		Children:     mentoring.Children{{ID: "c-1", Institution: "i-1"}, {ID: "c-2", Institution: "i-1"}},
		Tandems: []mentoring.Tandem{
			{ID: "t-1", Mentor: "v-1", Child: "c-1", StartedOn: civil.D(2026, 1, 10), Phase: mentoring.ActivePhase},
			{ID: "t-2", Mentor: "v-1", Child: "c-2", StartedOn: civil.D(2025, 6, 1), Phase: mentoring.Closed,
				ClosedOn: civil.D(2026, 10, 20), CloseReason: mentoring.ChildPlacedInFamily},
		},
		Visits: []mentoring.Visit{
			{Tandem: "t-1", Date: civil.D(2026, 9, 28)},
			{Tandem: "t-1", Date: civil.D(2026, 10, 3)},
			{Tandem: "t-1", Date: civil.D(2026, 10, 24)},
			{Tandem: "t-2", Date: civil.D(2026, 9, 30)},
			{Tandem: "t-2", Date: civil.D(2026, 10, 12)},
			{Tandem: "t-2", Date: civil.D(2026, 10, 19)},
		},
	}
	if err := p.Index(); err != nil {
		fmt.Println(err)
		return
	}
	s, err := report.Summarise(p, civil.M(2026, 10), report.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range s.Quiet {
		fmt.Println(q.Tandem, "no contact for", q.Days, "days from", q.From, "to", q.To)
	}
	for _, c := range s.Closures {
		fmt.Println(c.Tandem, "closed on", c.ClosedOn, "after", c.Months, "months:", c.Reason)
	}
	// Output:
	// t-1 no contact for 21 days from 2026-10-03 to 2026-10-24
	// t-2 closed on 2026-10-20 after 16 months: child_placed_in_family
}
