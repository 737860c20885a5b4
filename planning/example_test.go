package planning_test

import (
	"context"
	"fmt"
	"os"
	"slices"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/planning"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// Nineteen people cannot be split into groups of 12–18: the plan keeps
// both groups within the maximum and reports the small one.
func ExamplePlanGroups() {
	prog := &mentoring.Programme{AsOf: civil.D(2026, 11, 24),
		Institutions: []mentoring.Institution{{ID: "home-1", Name: "Children's home", Kind: mentoring.Orphanage}}}
	for i := range 19 {
		prog.Children = append(prog.Children, mentoring.Child{
			ID: fmt.Sprintf("c-%02d", i+1), BirthDate: civil.D(2014, 1, 1), Institution: "home-1"})
	}
	plan, err := planning.PlanGroups(prog, planning.GroupOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range plan.Institutions[0].Groups {
		fmt.Println(g.ID, g.Size)
	}
	for _, f := range plan.Findings() {
		fmt.Println(f.Severity, f.Rule, f.Subject)
	}
	// Output:
	// home-1-g1 12
	// home-1-g2 7
	// warn group.min_size group/home-1-g2
}

// A judge written in Go: pairs must share a language and score one point
// per shared language.
func ExampleMatch() {
	prog := &mentoring.Programme{AsOf: civil.D(2026, 11, 24),
		Institutions: []mentoring.Institution{{ID: "home-1", Name: "Children's home", Kind: mentoring.Orphanage}},
		Volunteers: []volunteer.Volunteer{
			{ID: "v-1", Role: volunteer.IndividualMentor, Languages: []string{"kk", "ru"}},
			{ID: "v-2", Role: volunteer.IndividualMentor, Languages: []string{"en"}},
		},
		Children: []mentoring.Child{
			{ID: "c-1", Institution: "home-1", Languages: []string{"kk", "ru"}},
			{ID: "c-2", Institution: "home-1", Languages: []string{"kk"}},
		},
	}
	judge := planning.FuncJudge{Pairs: func(_ context.Context, m *volunteer.Volunteer, c *mentoring.Child) (planning.Decision, error) {
		shared := 0.0
		for _, l := range m.Languages {
			if slices.Contains(c.Languages, l) {
				shared++
			}
		}
		d := planning.Decision{Allowed: shared > 0, Score: shared,
			Parts: []planning.ScorePart{{ID: "languages", Value: shared, Weight: 1}}}
		if !d.Allowed {
			d.Findings = []planning.Finding{{Rule: "pair.language", Severity: planning.Deny}}
		}
		return d, nil
	}}
	m, err := planning.Match(context.Background(), prog, judge, planning.MatchOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = m.WriteText(os.Stdout, diag.EN)
	// Output:
	// These are proposals, not decisions: the coordinator decides.
	// 1 pair(s) proposed, total score 2
	//
	// v-1 + c-1 (home-1): score 2 = languages 2×1
	//
	// Left unmatched
	//   volunteer/v-2: no pair passes the pair rules: pair.language ×2
	//   child/c-2: 1 allowed partner(s), all proposed with others; the best, v-1 (score 1), is proposed with c-1, which gives a higher total
}

// The judge of `sabaq match`: the embedded pairs policy decides. v-2 is
// 23, too young to mentor (the guide's mentor.min_age); c-2 lives in
// another city than v-1.
func ExampleNewPolicyJudge() {
	ctx := context.Background()
	screened := volunteer.Screening{Interview: civil.D(2026, 1, 10), PsychologicalTest: civil.D(2026, 1, 15),
		Training: civil.D(2026, 2, 1), Documents: civil.D(2026, 2, 10)}
	prog := &mentoring.Programme{AsOf: civil.D(2026, 11, 24),
		Institutions: []mentoring.Institution{
			{ID: "home-1", Name: "Children's home", Kind: mentoring.Orphanage, City: "Almaty"},
			{ID: "home-2", Name: "Children's home", Kind: mentoring.Orphanage, City: "Astana"},
		},
		Volunteers: []volunteer.Volunteer{
			{ID: "v-1", BirthDate: civil.D(1990, 4, 2), City: "Almaty", Languages: []string{"kk"},
				Role: volunteer.IndividualMentor, CommitmentMonths: 24, Screening: screened, Level: volunteer.Mentor,
				Skills: []volunteer.Skill{{Name: "chess"}}},
			{ID: "v-2", BirthDate: civil.D(2003, 6, 1), City: "Almaty", Role: volunteer.IndividualMentor,
				CommitmentMonths: 24, Screening: screened},
		},
		Children: []mentoring.Child{
			{ID: "c-1", BirthDate: civil.D(2013, 5, 1), Institution: "home-1", Languages: []string{"kk", "ru"},
				Interests: []string{"Chess"}},
			{ID: "c-2", BirthDate: civil.D(2013, 5, 1), Institution: "home-2"},
		},
		Agreements: []agreement.Agreement{{ID: "a-1", Volunteer: "v-1", SignedOn: civil.D(2026, 2, 15)}},
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
	judge, err := planning.NewPolicyJudge(ctx, pol, prog, diag.EN)
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
	// 1 pair(s) proposed, total score 4.5
	//
	// v-1 + c-1 (home-1): score 4.5 = shared_interests 1×3, shared_languages 1×1, availability 0×2, experience 0.5×1, gender_preference 0×0.5
	//
	// Left unmatched
	//   volunteer/v-2: does not pass the mentor rules: mentor.min_age
	//   child/c-2: no pair passes the pair rules: pair.same_city ×1
}

// The group planner takes its bounds from the policy the programme is
// checked with: the guide's group_min_size and group_max_size.
func ExampleBoundsOf() {
	pol, err := rules.Resolve("guide")
	if err != nil {
		fmt.Println(err)
		return
	}
	lo, hi, err := planning.BoundsOf(pol)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(lo, hi)
	// Output:
	// 12 18
}
