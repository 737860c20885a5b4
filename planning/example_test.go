package planning_test

import (
	"context"
	"fmt"
	"os"
	"slices"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/planning"
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
	// 1 pair proposed, total score 2
	//
	// v-1 + c-1, home-1 (Children's home): score 2 = languages 2×1
	//
	// Left unmatched
	//   volunteer/v-2: no pair passes the pair rules (rule, pairs refused): pair.language ×2
	//   child/c-2: 1 allowed partner(s), all proposed with others; the best, v-1 (score 1), is proposed with c-1, which gives a higher total
}
