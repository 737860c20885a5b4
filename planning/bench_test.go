package planning_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/planning"
	"github.com/birgemiz/sabaqtastyq/planning/policyjudge"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// benchProgramme has about n participants spread over insts institutions.
func benchProgramme(b *testing.B, n, insts int) *mentoring.Programme {
	b.Helper()
	rng := rand.New(rand.NewPCG(uint64(n), uint64(insts)))
	bd := newBuilder()
	for i := range insts {
		id := fmt.Sprintf("inst-%03d", i)
		bd.prog.Institutions = append(bd.prog.Institutions, mentoring.Institution{ID: id, Name: id, Kind: mentoring.Orphanage})
	}
	for i := range insts {
		randomInstitution(rng, bd, fmt.Sprintf("inst-%03d", i), n/insts)
	}
	return bd.build(b)
}

// BenchmarkPlanGroups plans 10,000 participants in 500 institutions (and
// one institution of 2,000); BenchmarkChunkGroups is the naive baseline
// that cuts each institution's list into consecutive chunks of Max.
func BenchmarkPlanGroups(b *testing.B) {
	for _, sz := range []struct{ n, insts int }{{10000, 500}, {2000, 1}} {
		prog := benchProgramme(b, sz.n, sz.insts)
		b.Run(fmt.Sprintf("%d/%d", sz.n, sz.insts), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := planning.PlanGroups(prog, planning.GroupOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkChunkGroups(b *testing.B) {
	for _, sz := range []struct{ n, insts int }{{10000, 500}, {2000, 1}} {
		prog := benchProgramme(b, sz.n, sz.insts)
		b.Run(fmt.Sprintf("%d/%d", sz.n, sz.insts), func(b *testing.B) {
			for b.Loop() {
				groups := map[string][][]string{}
				for _, c := range prog.Children {
					g := groups[c.Institution]
					if len(g) == 0 || len(g[len(g)-1]) == planning.DefaultMaxGroup {
						g = append(g, nil)
					}
					g[len(g)-1] = append(g[len(g)-1], c.ID)
					groups[c.Institution] = g
				}
			}
		})
	}
}

// matchProgramme has n mentors and n children in 20 institutions of two
// cities, speaking kk, ru or both; every other mentor has signed an
// agreement, and mentors' skills and children's interests overlap.
func matchProgramme(b *testing.B, n int) *mentoring.Programme {
	b.Helper()
	rng := rand.New(rand.NewPCG(uint64(n), 9))
	bd := newBuilder()
	for i := range 20 {
		id := fmt.Sprintf("inst-%02d", i)
		bd.prog.Institutions = append(bd.prog.Institutions, mentoring.Institution{ID: id, Name: id, Kind: mentoring.Orphanage,
			City: []string{"Almaty", "Astana"}[i%2]})
	}
	langs := [][]string{{"kk"}, {"ru"}, {"kk", "ru"}}
	for range n {
		bd.mentor(langs[rng.IntN(3)]...)
		bd.child(fmt.Sprintf("inst-%02d", rng.IntN(20)), langs[rng.IntN(3)]...)
	}
	interests := []string{"football", "chess", "music", "drawing", "dance"}
	for i := range bd.prog.Volunteers {
		v := &bd.prog.Volunteers[i]
		v.City = []string{"Almaty", "Astana"}[rng.IntN(2)]
		first := rng.IntN(5)
		v.Skills = []volunteer.Skill{{Name: interests[first]}, {Name: interests[(first+1+rng.IntN(4))%5]}} // two different skills
		if i%2 == 0 {
			bd.prog.Agreements = append(bd.prog.Agreements, agreement.Agreement{ID: "a-" + v.ID, Volunteer: v.ID,
				SignedOn: asOf.AddDays(-30)})
		}
	}
	for i := range bd.prog.Children {
		bd.prog.Children[i].Interests = []string{interests[rng.IntN(5)]}
	}
	return bd.build(b)
}

// BenchmarkMatch runs the matcher with pairs.yaml written by hand in Go
// (pairsGoJudge): n² pair judgements and the assignment. It is the
// baseline of BenchmarkMatchCEL, which runs it with the policy itself.
// BenchmarkJudgeAll is the n² Go judgements alone, in one goroutine.
func BenchmarkMatch(b *testing.B) {
	for _, n := range []int{100, 500, 1000, 2000} {
		prog := matchProgramme(b, n)
		judge := pairsGoJudge{prog}
		b.Run(fmt.Sprint("n=", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := planning.Match(context.Background(), prog, judge, planning.MatchOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMatchCEL is `sabaq match` with the embedded pairs policy:
// the judge is built (the guide's volunteer rules evaluated once), every
// one of the n² pairs is evaluated by CEL, and the assignment solved.
func BenchmarkMatchCEL(b *testing.B) {
	pol, err := rules.Resolve("pairs")
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{100, 500, 1000, 2000} {
		prog := matchProgramme(b, n)
		b.Run(fmt.Sprint("n=", n), func(b *testing.B) {
			b.ReportAllocs()
			ctx := context.Background()
			for b.Loop() {
				judge, err := policyjudge.New(ctx, pol, prog, diag.EN)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := planning.Match(ctx, prog, judge, planning.MatchOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkJudgeAll(b *testing.B) {
	for _, n := range []int{100, 500, 1000, 2000} {
		prog := matchProgramme(b, n)
		judge := pairsGoJudge{prog}
		ctx := context.Background()
		b.Run(fmt.Sprint("n=", n), func(b *testing.B) {
			for b.Loop() {
				for i := range prog.Volunteers {
					for j := range prog.Children {
						if _, err := judge.Pair(ctx, &prog.Volunteers[i], &prog.Children[j]); err != nil {
							b.Fatal(err)
						}
					}
				}
			}
		})
	}
}
