package planning_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/planning"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// coordinators is a programme as a coordinator keeps it: ids numbered
// v-1 … v-12 (so that text order would put v-10 before v-2), names for
// the people and the place, a child in group-format mentoring, and a
// group volunteer whose only tandem has closed.
func coordinators(tb testing.TB) *mentoring.Programme {
	tb.Helper()
	p := &mentoring.Programme{AsOf: asOf, Institutions: []mentoring.Institution{
		{ID: "inst-1", Name: "Алматы қаласының №1 балалар үйі", Kind: mentoring.Orphanage, City: "Almaty"}}}
	for _, id := range []string{"v-10", "v-2", "v-1", "v-12", "v-11"} {
		p.Volunteers = append(p.Volunteers, volunteer.Volunteer{ID: id, FullName: "Name of " + id,
			BirthDate: civil.D(1990, time.January, 1), City: "Almaty", Role: volunteer.IndividualMentor, CommitmentMonths: 24})
	}
	// A group volunteer whose tandem closed: no candidate mentor.
	p.Volunteers = append(p.Volunteers, volunteer.Volunteer{ID: "v-3", FullName: "Group volunteer",
		BirthDate: civil.D(1990, time.January, 1), City: "Almaty", Role: volunteer.GroupVolunteer})
	for _, id := range []string{"c-10", "c-2", "c-1", "c-9"} {
		p.Children = append(p.Children, mentoring.Child{ID: id, BirthDate: civil.D(2013, time.January, 1),
			Institution: "inst-1", Programme: mentoring.Individual})
	}
	p.Children = append(p.Children, mentoring.Child{ID: "c-3", BirthDate: civil.D(2013, time.January, 1),
		Institution: "inst-1", Programme: mentoring.GroupFmt})
	p.Tandems = []mentoring.Tandem{{ID: "t-1", Mentor: "v-3", Child: "c-3", StartedOn: civil.D(2025, 3, 1),
		Phase: mentoring.Closed, ClosedOn: civil.D(2026, 3, 1), CloseReason: mentoring.Completed}}
	require.NoError(tb, p.Index())
	return p
}

// A capacity judge: every pair allowed, every score 0, and n open
// tandems a mentor.
type capacityJudge struct {
	planning.FuncJudge
	n int
}

func (j capacityJudge) MaxOpenTandems() int { return j.n }

// Coordinators read ids in natural order (v-2 before v-10), names beside
// ids in text and never in JSON, and no "unmatched" child who is in
// group-format mentoring, nor a volunteer whose tandem has closed.
func TestMatchForCoordinators(t *testing.T) {
	prog := coordinators(t)
	m, err := planning.Match(context.Background(), prog, planning.FuncJudge{}, planning.MatchOptions{})
	require.NoError(t, err)

	var ids []string
	for _, p := range m.Proposals {
		ids = append(ids, p.Mentor+"+"+p.Child)
	}
	for _, u := range m.UnmatchedMentors {
		ids = append(ids, u.ID)
	}
	for _, u := range m.UnmatchedChildren {
		ids = append(ids, u.ID)
	}
	// Every score is 0: the first four mentors in natural order get the
	// four children; v-12 is left over.
	assert.Equal(t, []string{"v-1+c-1", "v-2+c-2", "v-10+c-9", "v-11+c-10", "v-12"}, ids)

	var text, js bytes.Buffer
	require.NoError(t, m.WriteText(&text, diag.EN))
	require.NoError(t, m.WriteJSON(&js))
	assert.Contains(t, text.String(), "v-1 (Name of v-1) + c-1, inst-1 (Алматы қаласының №1 балалар үйі): score 0")
	assert.Contains(t, text.String(), "volunteer/v-12 (Name of v-12): ")
	assert.NotContains(t, text.String(), "c-3", "a child in group-format mentoring is not unmatched")
	assert.NotContains(t, text.String(), "v-3", "a closed tandem makes nobody a mentor")
	assert.NotContains(t, js.String(), "Name of", "names never go into JSON")
	assert.NotContains(t, js.String(), "балалар үйі")
	assert.True(t, json.Valid(js.Bytes()))
}

// The judge's capacity is the default: a mentor with an open tandem gets
// no second child under a judge of one, and one under a judge of two; a
// closed tandem takes no place.
func TestMatchJudgeCapacity(t *testing.T) {
	prog := coordinators(t)
	prog.Volunteers = prog.Volunteers[:1] // v-10 alone
	prog.Tandems = append(prog.Tandems,
		mentoring.Tandem{ID: "t-2", Mentor: "v-10", Child: "c-10", StartedOn: civil.D(2026, 3, 1), Phase: mentoring.ActivePhase},
		mentoring.Tandem{ID: "t-3", Mentor: "v-10", Child: "c-2", StartedOn: civil.D(2025, 3, 1), Phase: mentoring.Closed,
			ClosedOn: civil.D(2026, 2, 1), CloseReason: mentoring.Completed})
	prog.Tandems = prog.Tandems[1:] // v-3 is gone
	require.NoError(t, prog.Index())
	for _, tc := range []struct {
		judge planning.Judge
		opts  planning.MatchOptions
		pairs int
	}{
		{capacityJudge{n: 1}, planning.MatchOptions{}, 0},
		{capacityJudge{n: 2}, planning.MatchOptions{}, 1},
		{capacityJudge{n: 1}, planning.MatchOptions{MaxChildren: 2}, 1}, // the coordinator's explicit choice
		{planning.FuncJudge{}, planning.MatchOptions{}, 0},              // no capacity: one child
	} {
		m, err := planning.Match(context.Background(), prog, tc.judge, tc.opts)
		require.NoError(t, err)
		assert.Equal(t, tc.pairs, m.Pairs, "%T %+v", tc.judge, tc.opts)
		if tc.pairs == 0 {
			require.Len(t, m.UnmatchedMentors, 1)
			assert.Equal(t, planning.ReasonAtCapacity, m.UnmatchedMentors[0].Reason)
		}
	}
}

// Plans name institutions and mentors beside their ids in text, list ids
// in natural order, and keep names out of JSON.
func TestPlanForCoordinators(t *testing.T) {
	prog := coordinators(t)
	prog.Groups = []mentoring.Group{{ID: "g-1", Institution: "inst-1", Date: civil.D(2026, 10, 1),
		Mentors: []string{"v-10", "v-2", "v-1"}}}
	require.NoError(t, prog.Index())
	plan, err := planning.PlanGroups(prog, planning.GroupOptions{Min: 1, Max: 18})
	require.NoError(t, err)
	require.Len(t, plan.Institutions, 1)
	g := plan.Institutions[0].Groups[0]
	assert.Equal(t, []string{"v-1", "v-2", "v-10"}, g.Mentors)
	assert.Equal(t, []string{"c-1", "c-2", "c-3", "c-9", "c-10"}, g.Children)
	var text, js bytes.Buffer
	require.NoError(t, plan.WriteText(&text, diag.RU))
	require.NoError(t, plan.WriteJSON(&js))
	assert.Contains(t, text.String(), "Учреждение inst-1 (Алматы қаласының №1 балалар үйі)")
	assert.Contains(t, text.String(), "v-1 (Name of v-1), v-2 (Name of v-2), v-10 (Name of v-10)")
	assert.NotContains(t, js.String(), "Name of")
	assert.NotContains(t, js.String(), "балалар үйі")
}
