package policyjudge_test

import (
	"context"
	"fmt"
	"os"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/planning"
	"github.com/birgemiz/sabaqtastyq/planning/policyjudge"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// The judge of `sabaq match`: the embedded pairs policy decides. v-2 is
// 23, too young to mentor (the guide's mentor.min_age); c-2 lives in
// another city than v-1; v-3 has not been given the safety instruction,
// and the matcher says so in the rule's words. Text output shows the
// names beside the ids; JSON never does.
func ExampleNew() {
	ctx := context.Background()
	screened := volunteer.Screening{Interview: civil.D(2026, 1, 10), PsychologicalTest: civil.D(2026, 1, 15),
		Training: civil.D(2026, 2, 1), Documents: civil.D(2026, 2, 10), SafetyBriefing: civil.D(2026, 2, 20)}
	prog := &mentoring.Programme{AsOf: civil.D(2026, 11, 24),
		Institutions: []mentoring.Institution{
			{ID: "home-1", Name: "Children's home", Kind: mentoring.Orphanage, City: "Almaty"},
			{ID: "home-2", Name: "Children's home", Kind: mentoring.Orphanage, City: "Astana"},
		},
		Volunteers: []volunteer.Volunteer{
			{ID: "v-1", FullName: "Aigerim", BirthDate: civil.D(1990, 4, 2), City: "Almaty", Languages: []string{"kk"},
				Role: volunteer.IndividualMentor, CommitmentMonths: 24, Screening: screened, Level: volunteer.Mentor,
				Skills: []volunteer.Skill{{Name: "chess"}}},
			{ID: "v-2", FullName: "Dana", BirthDate: civil.D(2003, 6, 1), City: "Almaty", Role: volunteer.IndividualMentor,
				CommitmentMonths: 24, Screening: screened},
			{ID: "v-3", FullName: "Yerlan", BirthDate: civil.D(1985, 9, 9), City: "Almaty", Role: volunteer.IndividualMentor,
				CommitmentMonths: 24, Screening: volunteer.Screening{Interview: civil.D(2026, 1, 10),
					PsychologicalTest: civil.D(2026, 1, 15), Training: civil.D(2026, 2, 1), Documents: civil.D(2026, 2, 10)}},
		},
		Children: []mentoring.Child{
			{ID: "c-1", BirthDate: civil.D(2013, 5, 1), Institution: "home-1", Languages: []string{"kk", "ru"},
				Interests: []string{"Chess"}},
			{ID: "c-2", BirthDate: civil.D(2013, 5, 1), Institution: "home-2"},
		},
		Agreements: []agreement.Agreement{{ID: "a-1", Volunteer: "v-1", SignedOn: civil.D(2026, 2, 15)},
			{ID: "a-3", Volunteer: "v-3", SignedOn: civil.D(2026, 2, 15)}},
	}
	if err := prog.Index(); err != nil {
		fmt.Println(err)
		return
	}
	pol, err := rules.Resolve("pairs")
	if err != nil {
		fmt.Println(err)
		return
	}
	judge, err := policyjudge.New(ctx, pol, prog, diag.EN)
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := planning.Match(ctx, prog, judge, planning.MatchOptions{Lang: diag.EN})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = m.WriteText(os.Stdout, diag.EN)
	// Output:
	// These are proposals, not decisions: the coordinator decides.
	// 1 pair proposed, total score 4.5
	//
	// v-1 (Aigerim) + c-1, home-1 (Children's home): score 4.5 = shared_interests 1×3, shared_languages 1×1, availability 0×2, experience 0.5×1, gender_preference 0×0.5
	//
	// Left unmatched
	//   volunteer/v-2 (Dana): does not pass the mentor rules: mentor.min_age
	//     mentor.min_age: Volunteer v-2 is 23: an individual mentor of a child in a difficult life situation must be 25 or older to become one. Younger volunteers can help in group sessions and events.
	//   volunteer/v-3 (Yerlan): no pair passes the pair rules (rule, pairs refused): pair.mentor_safety_briefing ×2, pair.same_city ×1
	//     pair.mentor_safety_briefing: Mentor v-3 has not yet been given the safety instruction: it comes before meeting a child.
	//   child/c-2: no pair passes the pair rules (rule, pairs refused): pair.same_city ×2, pair.mentor_safety_briefing ×1
	//     pair.same_city: Mentor v-1 lives in Almaty, child c-2's institution is in Astana.
}

// The group planner takes its bounds from the policy the programme is
// checked with: the guide's group_min_size and group_max_size.
func ExampleBounds() {
	pol, err := rules.Resolve("guide")
	if err != nil {
		fmt.Println(err)
		return
	}
	lo, hi, err := policyjudge.Bounds(pol)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(lo, hi)
	// Output:
	// 12 18
}
