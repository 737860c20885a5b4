package planning_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/planning"
)

func sizes(in planning.InstitutionGroups) []int {
	var s []int
	for _, g := range in.Groups {
		s = append(s, g.Size)
	}
	return s
}

func findingRules(in planning.InstitutionGroups) []string {
	var r []string
	for _, f := range in.Findings {
		r = append(r, string(f.Severity)+" "+f.Rule)
	}
	return r
}

// TestPlanGroupsBoundaries checks both sides of the 12–18 bounds: with
// people alone and with people in tandems that must stay together.
func TestPlanGroupsBoundaries(t *testing.T) {
	tests := []struct {
		n        int
		sizes    []int
		findings []string
	}{
		{11, []int{11}, []string{"warn group.min_size"}},
		{12, []int{12}, nil},
		{18, []int{18}, nil},
		{19, []int{12, 7}, []string{"warn group.min_size"}},
		{24, []int{12, 12}, nil},
		{36, []int{18, 18}, nil},
		{37, []int{13, 12, 12}, nil},
	}
	for _, tc := range tests {
		for _, withTandems := range []bool{false, true} {
			name := fmt.Sprintf("%d alone", tc.n)
			if withTandems {
				name = fmt.Sprintf("%d in tandems", tc.n)
			}
			t.Run(name, func(t *testing.T) {
				b := newBuilder("inst-1")
				left := tc.n
				var mentors []string
				for left > 0 {
					switch {
					case withTandems && left >= 2:
						b.tandem(b.mentor("kk"), b.child("inst-1", "kk"), mentoring.Acquaintance)
						left -= 2
					case left%2 == 0:
						mentors = append(mentors, b.mentor("ru"))
						left--
					default:
						b.child("inst-1", "ru")
						left--
					}
				}
				if len(mentors) > 0 {
					b.attach("inst-1", mentors...)
				}
				plan, err := planning.PlanGroups(b.build(t), planning.GroupOptions{})
				require.NoError(t, err)
				require.Len(t, plan.Institutions, 1)
				in := plan.Institutions[0]
				assert.Equal(t, tc.n, in.Participants)
				assert.Equal(t, tc.sizes, sizes(in))
				assert.Equal(t, tc.findings, findingRules(in))
				assert.Equal(t, len(tc.findings) == 0, in.Feasible)
			})
		}
	}
}

// randomInstitution adds to b an institution whose participants come in
// units of one to three (a lone mentor or child, a tandem, a mentor with
// two children) speaking kk, ru or both.
func randomInstitution(rng *rand.Rand, b *builder, inst string, n int) {
	langs := [][]string{{"kk"}, {"ru"}, {"kk", "ru"}, nil}
	lang := func() []string { return langs[rng.IntN(len(langs))] }
	var loose []string
	for n > 0 {
		switch k := min(n, 1+rng.IntN(3)); k {
		case 1:
			if rng.IntN(2) == 0 {
				loose = append(loose, b.mentor(lang()...))
			} else {
				b.child(inst, lang()...)
			}
		case 2:
			b.tandem(b.mentor(lang()...), b.child(inst, lang()...), mentoring.InsideInstitution)
		case 3:
			m := b.mentor(lang()...)
			b.tandem(m, b.child(inst, lang()...), mentoring.ActivePhase)
			b.tandem(m, b.child(inst, lang()...), mentoring.Acquaintance)
		}
		n -= min(n, 1+rng.IntN(3))
	}
	if len(loose) > 0 {
		b.attach(inst, loose...)
	}
}

func TestPlanGroupsProperties(t *testing.T) {
	bounds := []struct{ lo, hi int }{{12, 18}, {6, 10}, {15, 20}}
	for _, bd := range bounds {
		t.Run(fmt.Sprintf("%d-%d", bd.lo, bd.hi), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(bd.lo), uint64(bd.hi)))
			for trial := range 150 {
				b := newBuilder("inst-1", "inst-2")
				randomInstitution(rng, b, "inst-1", 1+rng.IntN(90))
				randomInstitution(rng, b, "inst-2", 1+rng.IntN(30))
				prog := b.build(t)
				plan, err := planning.PlanGroups(prog, planning.GroupOptions{Min: bd.lo, Max: bd.hi})
				require.NoError(t, err)
				for _, in := range plan.Institutions {
					checkPlan(t, prog, in, bd.lo, bd.hi, trial)
				}
			}
		})
	}
}

// checkPlan asserts the planner's promises for one institution.
func checkPlan(t *testing.T, prog *mentoring.Programme, in planning.InstitutionGroups, lo, hi, trial int) {
	t.Helper()
	where := map[string]string{} // participant → group
	for _, g := range in.Groups {
		for _, m := range g.Mentors {
			_, dup := where["v/"+m]
			require.False(t, dup, "trial %d: mentor %s placed twice", trial, m)
			where["v/"+m] = g.ID
		}
		for _, c := range g.Children {
			_, dup := where["c/"+c]
			require.False(t, dup, "trial %d: child %s placed twice", trial, c)
			where["c/"+c] = g.ID
		}
		require.Equal(t, len(g.Mentors)+len(g.Children), g.Size)
	}
	require.Len(t, where, in.Participants, "trial %d: everyone placed", trial)

	// Tandems are never split.
	for _, tnd := range prog.Tandems {
		c, _ := prog.Child(tnd.Child)
		if c.Institution != in.Institution || tnd.Phase == mentoring.Closed {
			continue
		}
		require.Equal(t, where["c/"+tnd.Child], where["v/"+tnd.Mentor], "trial %d: tandem %s split", trial, tnd.ID)
	}

	// The fewest groups; within the bounds whenever the count allows it
	// (units of at most 3 always fit when Max−Min ≥ 3).
	n := in.Participants
	k := (n + hi - 1) / hi
	require.Len(t, in.Groups, k, "trial %d: %d participants", trial, n)
	if k*lo <= n {
		require.True(t, in.Feasible, "trial %d: sizes %v for %d in [%d, %d]", trial, sizes(in), n, lo, hi)
		require.Empty(t, in.Findings)
	}
	for _, g := range in.Groups {
		require.LessOrEqual(t, g.Size, hi, "trial %d", trial)
		if g.Size < lo {
			require.Contains(t, findingRules(in), "warn group.min_size", "trial %d: a small group must be reported", trial)
		}
	}
}

func TestPlanGroupsIgnoresInputOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	b := newBuilder("inst-1", "inst-2")
	randomInstitution(rng, b, "inst-1", 70)
	randomInstitution(rng, b, "inst-2", 25)
	prog := b.build(t)
	want, err := planning.PlanGroups(prog, planning.GroupOptions{})
	require.NoError(t, err)

	shuffled := mentoring.Programme{AsOf: prog.AsOf, Organisation: prog.Organisation, Institutions: prog.Institutions, Volunteers: prog.Volunteers, Children: prog.Children, Tandems: prog.Tandems, Groups: prog.Groups, Agreements: prog.Agreements, Outings: prog.Outings, Reports: prog.Reports, Meetings: prog.Meetings, Diary: prog.Diary}
	shuffled.Children = slices.Clone(prog.Children)
	shuffled.Volunteers = slices.Clone(prog.Volunteers)
	shuffled.Tandems = slices.Clone(prog.Tandems)
	shuffled.Institutions = slices.Clone(prog.Institutions)
	rng.Shuffle(len(shuffled.Children), func(i, j int) {
		shuffled.Children[i], shuffled.Children[j] = shuffled.Children[j], shuffled.Children[i]
	})
	rng.Shuffle(len(shuffled.Volunteers), func(i, j int) {
		shuffled.Volunteers[i], shuffled.Volunteers[j] = shuffled.Volunteers[j], shuffled.Volunteers[i]
	})
	rng.Shuffle(len(shuffled.Tandems), func(i, j int) {
		shuffled.Tandems[i], shuffled.Tandems[j] = shuffled.Tandems[j], shuffled.Tandems[i]
	})
	slices.Reverse(shuffled.Institutions)
	require.NoError(t, shuffled.Index())
	got, err := planning.PlanGroups(&shuffled, planning.GroupOptions{})
	require.NoError(t, err)
	assert.Equal(t, want, got)
}

func TestPlanGroupsPrefersACommonLanguage(t *testing.T) {
	b := newBuilder("inst-1")
	var loose []string
	for range 12 {
		loose = append(loose, b.mentor("kk"))
		b.child("inst-1", "ru")
	}
	b.attach("inst-1", loose...)
	// 24 people: two groups of 12; mixing mentors and children evenly is
	// worth more than a common language, but within that each group has
	// as many of one language as balance allows.
	plan, err := planning.PlanGroups(b.build(t), planning.GroupOptions{})
	require.NoError(t, err)
	for _, g := range plan.Institutions[0].Groups {
		assert.Len(t, g.Mentors, 6)
		assert.Len(t, g.Children, 6)
	}

	b = newBuilder("inst-1")
	loose = nil
	for i := range 12 {
		lang := []string{"kk", "ru"}[i%2]
		loose = append(loose, b.mentor(lang))
		b.child("inst-1", lang)
	}
	b.attach("inst-1", loose...)
	plan, err = planning.PlanGroups(b.build(t), planning.GroupOptions{})
	require.NoError(t, err)
	for _, g := range plan.Institutions[0].Groups {
		assert.Equal(t, 12, g.Speakers, "group %s speaks one language", g.ID)
		assert.Zero(t, g.Silent)
		assert.Len(t, g.Mentors, 6)
	}
}

func TestPlanGroupsOptions(t *testing.T) {
	b := newBuilder("inst-1", "inst-2")
	for range 5 {
		b.child("inst-1")
	}
	extra := b.mentor("kk")
	prog := b.build(t)

	t.Run("extra mentors join the institution", func(t *testing.T) {
		plan, err := planning.PlanGroups(prog, planning.GroupOptions{
			Institutions: []string{"inst-1"}, Mentors: map[string][]string{"inst-1": {extra}}, Min: 2, Max: 6})
		require.NoError(t, err)
		require.Len(t, plan.Institutions, 1)
		assert.Equal(t, []string{extra}, plan.Institutions[0].Groups[0].Mentors)
		assert.True(t, plan.Institutions[0].Feasible)
	})
	t.Run("all institutions by id", func(t *testing.T) {
		plan, err := planning.PlanGroups(prog, planning.GroupOptions{})
		require.NoError(t, err)
		require.Len(t, plan.Institutions, 2)
		assert.Equal(t, "inst-2", plan.Institutions[1].Institution)
		assert.Empty(t, plan.Institutions[1].Groups)
	})
	t.Run("kazakh findings", func(t *testing.T) {
		plan, err := planning.PlanGroups(prog, planning.GroupOptions{Institutions: []string{"inst-1"}, Lang: diag.KK})
		require.NoError(t, err)
		require.Len(t, plan.Institutions[0].Findings, 1)
		assert.Contains(t, plan.Institutions[0].Findings[0].Message, "ұсынылған 12 адамнан аз")
		assert.Contains(t, plan.Notice, "шешімді үйлестіруші")
	})

	bad := []struct {
		name string
		opts planning.GroupOptions
		code diag.Code
	}{
		{"min above max", planning.GroupOptions{Min: 19}, "planning.bad_bounds"},
		{"negative min", planning.GroupOptions{Min: -1}, "planning.bad_bounds"},
		{"unknown institution", planning.GroupOptions{Institutions: []string{"nowhere"}}, "planning.unknown_institution"},
		{"unknown mentor", planning.GroupOptions{Mentors: map[string][]string{"inst-1": {"ghost"}}}, "planning.unknown_mentor"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := planning.PlanGroups(prog, tc.opts)
			require.Error(t, err)
			errs := diag.Errors(err)
			require.Len(t, errs, 1)
			assert.Equal(t, tc.code, errs[0].Code)
		})
	}
	t.Run("min equal to max is allowed", func(t *testing.T) {
		_, err := planning.PlanGroups(prog, planning.GroupOptions{Min: 5, Max: 5})
		require.NoError(t, err)
	})
}
