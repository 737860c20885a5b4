package planning_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/planning"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// loadProgramme reads a test programme with encoding/json.
func loadProgramme(tb testing.TB, path string) *mentoring.Programme {
	tb.Helper()
	data, err := os.ReadFile(path)
	require.NoError(tb, err)
	var p mentoring.Programme
	require.NoError(tb, json.Unmarshal(data, &p))
	require.NoError(tb, p.Index())
	return &p
}

// goJudge is a pair policy written in Go: the shape of pairs.yaml, so that
// the matcher is tested without the CEL engine.
func goJudge(prog *mentoring.Programme) planning.Judge {
	deny := func(rule, subject, msg string) planning.Finding {
		return planning.Finding{Rule: rule, Severity: planning.Deny, Subject: subject, Message: msg}
	}
	return planning.FuncJudge{
		Mentors: func(_ context.Context, v *volunteer.Volunteer) (planning.Verdict, error) {
			var fs []planning.Finding
			if v.BirthDate.YearsUntil(prog.AsOf) < 25 {
				fs = append(fs, deny("mentor.min_age", "volunteer/"+v.ID, "younger than 25"))
			}
			if v.CommitmentMonths < 12 {
				fs = append(fs, deny("mentor.commitment", "volunteer/"+v.ID, "commits less than 12 months"))
			}
			return planning.Verdict{Allowed: len(fs) == 0, Findings: fs}, nil
		},
		Pairs: func(_ context.Context, m *volunteer.Volunteer, c *mentoring.Child) (planning.Decision, error) {
			inst, _ := prog.Institution(c.Institution)
			subject := "pair/" + m.ID + "+" + c.ID
			var fs []planning.Finding
			if m.City != inst.City {
				fs = append(fs, deny("pair.same_city", subject, "different cities"))
			}
			shared := 0.0
			for _, l := range m.Languages {
				if slices.Contains(c.Languages, l) {
					shared++
				}
			}
			if shared == 0 {
				fs = append(fs, deny("pair.language", subject, "no shared language"))
			}
			if c.MentorGender != "" && string(m.Gender) != c.MentorGender {
				fs = append(fs, deny("pair.gender", subject, "gender preference"))
			}
			interests := 0.0
			for _, s := range m.Skills {
				if slices.Contains(c.Interests, s.Name) {
					interests++
				}
			}
			parts := []planning.ScorePart{{ID: "shared_interests", Value: interests, Weight: 2}, {ID: "languages", Value: shared, Weight: 1}}
			return planning.Decision{Allowed: len(fs) == 0, Findings: fs, Parts: parts, Score: 2*interests + shared}, nil
		},
	}
}

func TestMatchReasons(t *testing.T) {
	prog := loadProgramme(t, "testdata/programme.json")
	m, err := planning.Match(context.Background(), prog, goJudge(prog), planning.MatchOptions{})
	require.NoError(t, err)

	got := map[string]string{}
	for _, p := range m.Proposals {
		got[p.Mentor] = p.Child
	}
	assert.Equal(t, map[string]string{"v-1": "c-1", "v-2": "c-2", "v-4": "c-5"}, got)
	reasons := map[string]string{}
	for _, u := range append(m.UnmatchedMentors, m.UnmatchedChildren...) {
		reasons[u.ID] = u.Reason
	}
	assert.Equal(t, map[string]string{
		"v-3": planning.ReasonMentorRules, // 23 years old
		"v-5": planning.ReasonAtCapacity,  // mentors c-6
		"v-6": planning.ReasonNoAllowed,   // lives in Shymkent
		"c-3": planning.ReasonOutmatched,  // v-1 went to c-1
		"c-4": planning.ReasonNoAllowed,   // speaks only English
		"c-6": planning.ReasonHasTandem,
		"c-7": planning.ReasonOutmatched, // t-2 is closed, so c-7 is a candidate
	}, reasons)
	assert.Equal(t, 3, m.Pairs)
	assert.InDelta(t, 5+3+3, m.TotalScore, 1e-12)
}

func TestMatchCapacity(t *testing.T) {
	prog := loadProgramme(t, "testdata/programme.json")
	m, err := planning.Match(context.Background(), prog, goJudge(prog), planning.MatchOptions{MaxChildren: 2})
	require.NoError(t, err)
	per := map[string]int{}
	for _, p := range m.Proposals {
		per[p.Mentor]++
	}
	assert.Equal(t, map[string]int{"v-1": 2, "v-2": 1, "v-4": 1, "v-5": 1}, per)
	assert.Equal(t, 2, m.MaxChildren)

	_, err = planning.Match(context.Background(), prog, goJudge(prog), planning.MatchOptions{MaxChildren: -1})
	require.Error(t, err)
}

// tableJudge allows and scores pairs from a table; mentors all pass.
type tableJudge struct {
	allowed map[[2]string]bool
	score   map[[2]string]float64
}

func (j tableJudge) Mentor(context.Context, *volunteer.Volunteer) (planning.Verdict, error) {
	return planning.Verdict{Allowed: true}, nil
}

func (j tableJudge) Pair(_ context.Context, m *volunteer.Volunteer, c *mentoring.Child) (planning.Decision, error) {
	k := [2]string{m.ID, c.ID}
	d := planning.Decision{Allowed: j.allowed[k], Score: j.score[k], Parts: []planning.ScorePart{{ID: "table", Value: j.score[k], Weight: 1}}}
	if !d.Allowed {
		d.Findings = []planning.Finding{{Rule: "pair.table", Severity: planning.Deny}}
	}
	return d, nil
}

// bruteMatch returns the most pairs and, for that many, the best score.
func bruteMatch(mentors, children []string, j tableJudge) (int, float64) {
	used := map[string]bool{}
	bestN, bestS := -1, math.Inf(-1)
	var walk func(i, n int, s float64)
	walk = func(i, n int, s float64) {
		if i == len(mentors) {
			if n > bestN || (n == bestN && s > bestS) {
				bestN, bestS = n, s
			}
			return
		}
		walk(i+1, n, s)
		for _, c := range children {
			k := [2]string{mentors[i], c}
			if !used[c] && j.allowed[k] {
				used[c] = true
				walk(i+1, n+1, s+j.score[k])
				used[c] = false
			}
		}
	}
	walk(0, 0, 0)
	return bestN, bestS
}

func TestMatchIsOptimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 11))
	for trial := range 300 {
		b := newBuilder("inst-1")
		var mentors, children []string
		for range rng.IntN(6) {
			mentors = append(mentors, b.mentor("kk"))
		}
		for range rng.IntN(6) {
			children = append(children, b.child("inst-1", "kk"))
		}
		j := tableJudge{allowed: map[[2]string]bool{}, score: map[[2]string]float64{}}
		for _, m := range mentors {
			for _, c := range children {
				k := [2]string{m, c}
				j.allowed[k] = rng.Float64() < 0.6
				j.score[k] = float64(rng.IntN(5)) + rng.Float64()/4
			}
		}
		prog := b.build(t)
		res, err := planning.Match(context.Background(), prog, j, planning.MatchOptions{Workers: 1 + trial%3})
		require.NoError(t, err)

		n, s := bruteMatch(mentors, children, j)
		require.Equal(t, n, res.Pairs, "trial %d", trial)
		require.InDelta(t, s, res.TotalScore, 1e-9, "trial %d", trial)
		for _, p := range res.Proposals {
			require.True(t, j.allowed[[2]string{p.Mentor, p.Child}], "trial %d: a forbidden pair was proposed", trial)
		}
		require.Len(t, res.UnmatchedMentors, len(mentors)-res.Pairs, "trial %d: every unmatched mentor explained", trial)
		require.Len(t, res.UnmatchedChildren, len(children)-res.Pairs, "trial %d: every unmatched child explained", trial)
		for _, u := range append(res.UnmatchedMentors, res.UnmatchedChildren...) {
			require.NotEmpty(t, u.Message)
			require.Contains(t, []string{planning.ReasonNoAllowed, planning.ReasonOutmatched, planning.ReasonNoCandidates}, u.Reason)
		}
	}
}

func TestMatchErrors(t *testing.T) {
	prog := loadProgramme(t, "testdata/programme.json")
	boom := errors.New("boom")
	tests := []struct {
		name  string
		judge planning.Judge
		opts  planning.MatchOptions
		is    error
	}{
		{"judge fails on a pair", planning.FuncJudge{Pairs: func(context.Context, *volunteer.Volunteer, *mentoring.Child) (planning.Decision, error) {
			return planning.Decision{}, boom
		}}, planning.MatchOptions{}, boom},
		{"judge fails on a mentor", planning.FuncJudge{Mentors: func(context.Context, *volunteer.Volunteer) (planning.Verdict, error) {
			return planning.Verdict{}, boom
		}}, planning.MatchOptions{}, boom},
		{"score is NaN", planning.FuncJudge{Pairs: func(context.Context, *volunteer.Volunteer, *mentoring.Child) (planning.Decision, error) {
			return planning.Decision{Allowed: true, Score: math.NaN()}, nil
		}}, planning.MatchOptions{}, nil},
		{"unknown institution", planning.FuncJudge{}, planning.MatchOptions{Institutions: []string{"nowhere"}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := planning.Match(context.Background(), prog, tc.judge, tc.opts)
			require.Error(t, err)
			if tc.is != nil {
				require.ErrorIs(t, err, tc.is)
			}
		})
	}
	t.Run("cancelled context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := planning.Match(ctx, prog, planning.FuncJudge{}, planning.MatchOptions{})
		require.ErrorIs(t, err, context.Canceled)
	})
}

func TestMatchInstitutionsAndLanguage(t *testing.T) {
	prog := loadProgramme(t, "testdata/programme.json")
	m, err := planning.Match(context.Background(), prog, goJudge(prog), planning.MatchOptions{
		Institutions: []string{"inst-2"}, Lang: diag.RU})
	require.NoError(t, err)
	require.Len(t, m.Proposals, 1)
	assert.Equal(t, "c-5", m.Proposals[0].Child)
	assert.Contains(t, m.Notice, "решение принимает координатор")
	for _, u := range m.UnmatchedMentors {
		assert.NotContains(t, u.Message, "does not", fmt.Sprintf("%s speaks Russian", u.ID))
	}
}
