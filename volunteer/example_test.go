package volunteer_test

import (
	"errors"
	"fmt"
	"log/slog"
	"os"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

func ExampleVolunteer_Validate() {
	v := volunteer.Volunteer{
		ID:        "v-1",
		FullName:  "Aigerim Sadykova",
		BirthDate: civil.D(1990, 4, 2),
		Role:      "mentor",
		Education: volunteer.OtherEdu,
		FreeTime:  &volunteer.FreeTime{HoursPerWeek: 170},
	}
	for _, e := range diag.Errors(v.Validate()) {
		fmt.Println(e.Localize(diag.KK))
		fmt.Println(e.Localize(diag.EN))
	}
	// Output:
	// education_other: міндетті өріс толтырылмаған
	// education_other: required field is missing
	// free_time.hours_per_week: «hours_per_week» өрісінің мәні ең көбі 168 болуы керек
	// free_time.hours_per_week: hours_per_week must be 168 or less
	// role: «role» өрісінің мәні мыналардың бірі болуы керек: individual_mentor, group_volunteer, event_volunteer не coach
	// role: role must be one of individual_mentor, group_volunteer, event_volunteer or coach
}

func ExampleVolunteer_Transition() {
	v := volunteer.Volunteer{ID: "v-1", Status: volunteer.Applicant}
	fmt.Println(v.Transition(volunteer.InScreening), v.Status)

	err := v.Transition(volunteer.Active)
	var te *volunteer.TransitionError
	if errors.As(err, &te) {
		fmt.Println(te.From, "→", te.To, "refused")
		fmt.Println(te.Localize(diag.KK))
		fmt.Println(te.Localize(diag.RU))
	}
	fmt.Println(v.Status.Next())
	// Output:
	// <nil> screening
	// screening → active refused
	// «іріктеуде» күйінен «белсенді» күйіне өтуге болмайды
	// нельзя перейти из состояния «на отборе» в «активен»
	// [approved retired]
}

func ExampleScreening() {
	s := volunteer.Screening{Interview: civil.D(2026, 1, 10), Training: civil.D(2026, 2, 1)}
	fmt.Println(s.Complete(), s.Missing())

	s.PsychologicalTest = civil.D(2026, 1, 15)
	s.Documents = civil.D(2026, 2, 10)
	on, ok := s.CompletedOn()
	fmt.Println(s.Complete(), on, ok)
	// Output:
	// false [psychological_test documents]
	// true 2026-02-10 true
}

func ExampleLevelFor() {
	for _, cycles := range []int{0, 1, 2, 3} {
		fmt.Println(cycles, volunteer.LevelFor(cycles))
	}
	// Output:
	// 0 trainee
	// 1 mentor
	// 2 mentor
	// 3 master
}

func ExampleSummarize() {
	diary := []volunteer.DiaryEntry{
		{Volunteer: "v-1", Date: civil.D(2026, 3, 2), Activity: "chess club", Children: 6, Achievements: "first tournament"},
		{Volunteer: "v-1", Date: civil.D(2026, 3, 9), Activity: "reading", Children: 4},
		{Volunteer: "v-1", Date: civil.D(2026, 3, 9), Activity: "chess club", Children: 5},
		{Volunteer: "v-1", Date: civil.D(2026, 6, 1), Activity: "reading", Children: 3},
	}
	s := volunteer.Summarize(diary, civil.D(2026, 3, 1), civil.D(2026, 5, 31))
	fmt.Println("entries:", s.Entries, "days:", s.DaysActive, "children:", s.Children)
	for _, a := range s.Activities {
		fmt.Printf("%s: %d entries, %d children\n", a.Activity, a.Entries, a.Children)
	}
	for _, a := range s.Achievements {
		fmt.Println(a.Date, a.Text)
	}
	// Output:
	// entries: 3 days: 2 children: 15
	// chess club: 2 entries, 11 children
	// reading: 1 entries, 4 children
	// 2026-03-02 first tournament
}

// A volunteer logged with log/slog shows no personal data.
func ExampleVolunteer_LogValue() {
	v := volunteer.Volunteer{ID: "v-1", FullName: "Aigerim Sadykova", BirthDate: civil.D(1990, 4, 2),
		Role: volunteer.IndividualMentor, Status: volunteer.Active}
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	logger.Info("approved", "volunteer", v)
	// Output:
	// level=INFO msg=approved volunteer.id=v-1 volunteer.role=individual_mentor volunteer.status=active volunteer.full_name=[REDACTED] volunteer.birth_date=[REDACTED]
}
