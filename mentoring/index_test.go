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

// The positional look-ups agree with the look-ups by id, and a reference
// that does not resolve is -1.
func TestLinksAndIndexes(t *testing.T) {
	p := &mentoring.Programme{
		Institutions: []mentoring.Institution{{ID: "i-1"}, {ID: "i-2"}},
		Volunteers:   []volunteer.Volunteer{{ID: "v-1"}, {ID: "v-2"}},
		Children:     []mentoring.Child{{ID: "c-1", Institution: "i-2"}, {ID: "c-2", Institution: "nowhere"}},
		Tandems: []mentoring.Tandem{{ID: "t-1", Mentor: "v-2", Child: "c-1"}, {ID: "t-2", Mentor: "v-2", Child: "c-2"},
			{ID: "t-3", Mentor: "ghost", Child: "c-1"}},
		Groups:     []mentoring.Group{{ID: "g-1", Institution: "i-1", Children: []string{"c-1"}}},
		Agreements: []agreement.Agreement{{ID: "a-1", Volunteer: "v-1"}, {ID: "a-2", Volunteer: "v-2"}},
		Reports: []agreement.Report{{Volunteer: "v-2", Month: civil.M(2026, 3)}, {Volunteer: "v-1", Month: civil.M(2026, 3)},
			{Volunteer: "v-2", Month: civil.M(2026, 4)}},
		Outings: []mentoring.Outing{{Tandem: "t-2"}, {Tandem: "t-9"}},
	}
	require.Error(t, p.Index(), "the dangling references are reported")
	l := p.Links()
	assert.Equal(t, []int{1, -1}, l.ChildInstitution)
	assert.Equal(t, []int{1, 1, -1}, l.TandemMentor)
	assert.Equal(t, []int{0, 1, 0}, l.TandemChild)
	assert.Equal(t, []int{0}, l.GroupInstitution)
	assert.Equal(t, []int{0, 1}, l.AgreementVolunteer)
	assert.Equal(t, []int{1, -1}, l.OutingTandem)
	assert.Equal(t, [][]int{nil, {0, 1}}, l.VolunteerTandems)
	assert.Equal(t, [][]int{{0}, {1}}, l.VolunteerAgreements)
	assert.Equal(t, [][]int{{1}, {0, 2}}, l.VolunteerReports)
	assert.Equal(t, [][]int{{0, 2}, {1}}, l.ChildTandems)
	assert.Equal(t, [][]int{{0}, nil}, l.ChildGroups)

	assert.Equal(t, []int{0, 2}, p.ReportIndexesOf("v-2"))
	assert.Equal(t, []int{0, 1}, p.TandemIndexesOf("v-2"))
	assert.Equal(t, []int{0, 2}, p.TandemIndexesWith("c-1"))
	assert.Equal(t, []int{0}, p.GroupIndexesWith("c-1"))
	assert.Equal(t, []int{1}, p.AgreementIndexesOf("v-2"))
	assert.Empty(t, p.ReportIndexesOf("ghost"))
	for i, at := range p.ReportIndexesOf("v-2") {
		assert.Same(t, &p.Reports[at], p.ReportsOf("v-2")[i])
	}
}

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
	assert.Equal(t, []int{0, 1, 3, 1, 1, -1}, p.Links().AgreementVolunteer)
	q := &mentoring.Programme{
		Volunteers: []volunteer.Volunteer{{ID: "v-1"}, {ID: "v-2"}, {ID: "v-3"}},
		Reports: []agreement.Report{{Volunteer: "v-1"}, {Volunteer: "v-1"}, {Volunteer: "v-2"}, {Volunteer: "v-3"},
			{Volunteer: "v-1"}, {Volunteer: "v-3"}, {Volunteer: "v-2"}},
	}
	require.NoError(t, q.Index())
	assert.Equal(t, [][]int{{0, 1, 4}, {2, 6}, {3, 5}}, q.Links().VolunteerReports)
}
