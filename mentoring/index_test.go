package mentoring_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// A programme built in Go and never indexed may be read from several
// goroutines at once: the first look-ups build the index without a race
// (go test -race), and Validated validates once for all of them.
func TestFreshProgrammeConcurrentLookups(t *testing.T) {
	p := &mentoring.Programme{
		AsOf:         civil.D(2026, 11, 24),
		Institutions: []mentoring.Institution{{ID: "inst-1", Name: "Home", Kind: mentoring.Orphanage}},
		Children:     []mentoring.Child{{ID: "c-1", BirthDate: civil.D(2014, 1, 1), Institution: "inst-1"}},
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			c, ok := p.Child("c-1")
			assert.True(t, ok)
			assert.Equal(t, "inst-1", c.Institution)
			assert.NoError(t, p.Validated())
		})
	}
	wg.Wait()
	done, err := p.Indexed()
	assert.True(t, done)
	assert.NoError(t, err)
}

// References resolve to the first of equal ids, in whatever order they
// come, and look-ups of consecutive and scattered references agree.
func TestReferencesResolveToTheFirstOfEqualIDs(t *testing.T) {
	p := &mentoring.Programme{
		Volunteers: []volunteer.Volunteer{{ID: "v-1"}, {ID: "v-2"}, {ID: "v-2"}, {ID: "v-3"}},
		Agreements: []agreement.Agreement{{ID: "a-1", Volunteer: "v-1"}, {ID: "a-2", Volunteer: "v-2"},
			{ID: "a-3", Volunteer: "v-3"}, {ID: "a-4", Volunteer: "v-2"}, {ID: "a-5", Volunteer: "v-2"}, {ID: "a-6", Volunteer: "v-9"}},
	}
	require.Error(t, p.Index())
	ids := func(as []*agreement.Agreement) (out []string) {
		for _, a := range as {
			out = append(out, a.ID)
		}
		return out
	}
	assert.Equal(t, []string{"a-1"}, ids(p.AgreementsOf("v-1")))
	assert.Equal(t, []string{"a-2", "a-4", "a-5"}, ids(p.AgreementsOf("v-2")))
	assert.Equal(t, []string{"a-3"}, ids(p.AgreementsOf("v-3")))
	assert.Empty(t, p.AgreementsOf("v-9"))
	q := &mentoring.Programme{
		Volunteers: []volunteer.Volunteer{{ID: "v-1"}, {ID: "v-2"}, {ID: "v-3"}},
		Reports: []agreement.Report{{Volunteer: "v-1"}, {Volunteer: "v-1"}, {Volunteer: "v-2"}, {Volunteer: "v-3"},
			{Volunteer: "v-1"}, {Volunteer: "v-3"}, {Volunteer: "v-2"}},
	}
	require.NoError(t, q.Index())
	for v, want := range map[string][]int{"v-1": {0, 1, 4}, "v-2": {2, 6}, "v-3": {3, 5}} {
		var got []*agreement.Report
		for _, i := range want {
			got = append(got, &q.Reports[i])
		}
		assert.Equal(t, got, q.ReportsOf(v), v)
		for i, r := range q.ReportsOf(v) {
			assert.Same(t, &q.Reports[want[i]], r, v)
		}
	}
}
