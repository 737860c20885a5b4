package subject_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules/internal/subject"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

func programme() *mentoring.Programme {
	return &mentoring.Programme{
		Institutions: []mentoring.Institution{{ID: "i-1"}, {ID: "i-2"}},
		Volunteers:   []volunteer.Volunteer{{ID: "v-1"}, {ID: "v-2"}},
		Children:     []mentoring.Child{{ID: "c-1", Institution: "i-2"}, {ID: "c-2", Institution: "nowhere"}},
		Tandems: []mentoring.Tandem{{ID: "t-1", Mentor: "v-2", Child: "c-1"}, {ID: "t-2", Mentor: "v-2", Child: "c-2"},
			{ID: "t-3", Mentor: "ghost", Child: "c-1"}},
		Groups:     []mentoring.Group{{ID: "g-1", Institution: "i-1", Children: []string{"c-1"}}},
		Agreements: []agreement.Agreement{{ID: "a-1", Volunteer: "v-1"}, {ID: "a-2", Volunteer: "v-2"}},
		Reports: []agreement.Report{{Volunteer: "v-2", Month: civil.M(2026, 3)}, {Volunteer: "v-1", Month: civil.M(2026, 3)},
			{Volunteer: "v-2", Month: civil.M(2026, 4)}},
		Outings:  []mentoring.Outing{{Tandem: "t-2"}, {Tandem: "t-9"}},
		Visits:   []mentoring.Visit{{Tandem: "t-1"}, {Tandem: "t-2"}, {Tandem: "t-1"}, {Tandem: "t-9"}},
		CheckIns: []mentoring.CheckIn{{Tandem: "t-3"}},
	}
}

// The engine's positions agree with the programme's references, and -1
// marks one that does not resolve.
func TestPositions(t *testing.T) {
	at := subject.For(programme())
	assert.Equal(t, []int{1, -1}, at.ChildInstitution)
	assert.Equal(t, []int{1, 1, -1}, at.TandemMentor)
	assert.Equal(t, []int{0, 1, 0}, at.TandemChild)
	assert.Equal(t, []int{0}, at.GroupInstitution)
	assert.Equal(t, []int{0, 1}, at.AgreementVolunteer)
	assert.Equal(t, []int{1, -1}, at.OutingTandem)
	assert.Equal(t, [][]int{nil, {0, 1}}, at.VolunteerTandems)
	assert.Equal(t, [][]int{{0}, {1}}, at.VolunteerAgreements)
	assert.Equal(t, [][]int{{1}, {0, 2}}, at.VolunteerReports)
	assert.Equal(t, [][]int{{0, 2}, {1}}, at.ChildTandems)
	assert.Equal(t, [][]int{{0}, nil}, at.ChildGroups)
	assert.Equal(t, [][]int{nil, {0}, nil}, at.TandemOutings)
	assert.Equal(t, [][]int{{0, 2}, {1}, nil}, at.TandemVisits)
	assert.Equal(t, [][]int{nil, nil, {0}}, at.TandemCheckIns)
	assert.Equal(t, [][]int{nil, {0}}, at.InstitutionChildren)
	assert.Equal(t, [][]int{nil, {0, 2}}, at.InstitutionTandems, "t-2's child has no institution")
	assert.Equal(t, [][]int{{0}, nil}, at.InstitutionGroups)
}

// Positions are built once per programme, and again when one of its
// slices is replaced or resized; goroutines share them without a race.
func TestPositionsCached(t *testing.T) {
	p := programme()
	var wg sync.WaitGroup
	got := make([]*subject.Positions, 4)
	for i := range got {
		wg.Go(func() { got[i] = subject.For(p) })
	}
	wg.Wait()
	first := subject.For(p)
	for _, at := range got {
		require.Equal(t, first.TandemMentor, at.TandemMentor)
	}
	assert.Same(t, first, subject.For(p))
	p.Volunteers = append(p.Volunteers, volunteer.Volunteer{ID: "ghost"})
	again := subject.For(p)
	assert.NotSame(t, first, again)
	assert.Equal(t, []int{1, 1, 2}, again.TandemMentor, "the ghost mentor now resolves")
	other := programme()
	assert.NotSame(t, again, subject.For(other))
	assert.Same(t, again, subject.For(p), "the first programme's entry is still cached")
	p.Visits = append(p.Visits, mentoring.Visit{Tandem: "t-2"})
	p.CheckIns = append(p.CheckIns, mentoring.CheckIn{Tandem: "t-1"})
	fresh := subject.For(p)
	assert.NotSame(t, again, fresh, "new visits and check-ins are seen")
	assert.Equal(t, [][]int{{0, 2}, {1, 4}, nil}, fresh.TandemVisits)
	assert.Equal(t, [][]int{{1}, nil, {0}}, fresh.TandemCheckIns)
}

// A shape matches its programme until any one of the slices it covers is
// replaced or resized.
func TestShapeCoversEverySlice(t *testing.T) {
	for i, change := range []func(p *mentoring.Programme){
		func(p *mentoring.Programme) { p.Institutions = append(p.Institutions, mentoring.Institution{ID: "x"}) },
		func(p *mentoring.Programme) { p.Volunteers = p.Volunteers[:1] },
		func(p *mentoring.Programme) { p.Children = append(p.Children[:0:0], p.Children...) },
		func(p *mentoring.Programme) { p.Tandems = p.Tandems[1:] },
		func(p *mentoring.Programme) { p.Groups = nil },
		func(p *mentoring.Programme) { p.Agreements = p.Agreements[:1] },
		func(p *mentoring.Programme) { p.Outings = p.Outings[:1] },
		func(p *mentoring.Programme) { p.Reports = p.Reports[:2] },
		func(p *mentoring.Programme) { p.Meetings = []mentoring.Meeting{{ID: "m"}} },
		func(p *mentoring.Programme) { p.Diary = make([]volunteer.DiaryEntry, 1) },
		func(p *mentoring.Programme) { p.Visits = p.Visits[:1] },
		func(p *mentoring.Programme) { p.CheckIns = nil },
	} {
		p := programme()
		p.Visits = []mentoring.Visit{{Tandem: "t-1"}, {Tandem: "t-2"}}
		p.CheckIns = []mentoring.CheckIn{{Tandem: "t-1"}}
		before := subject.For(p)
		assert.Same(t, before, subject.For(p), "change %d: unchanged, the same positions", i)
		change(p)
		assert.NotSame(t, before, subject.For(p), "change %d is seen", i)
	}
}

// The positions taken from the programme's own index and those looked up
// again for a programme whose index is stale (a list replaced since it was
// built) are the same.
func TestPositionsFromTheIndex(t *testing.T) {
	// The fixture's dangling references (t-9) are reported by Index, and
	// resolve to -1 in either way.
	fresh := programme()
	_ = fresh.Index()
	_, ok := fresh.Refs()
	require.True(t, ok)
	stale := programme()
	_ = stale.Index()
	stale.Visits = append(stale.Visits[:0:0], stale.Visits...)
	_, ok = stale.Refs()
	require.False(t, ok, "a replaced list leaves the index stale")

	a, b := subject.For(fresh), subject.For(stale)
	assert.Equal(t, a.Volunteer, b.Volunteer)
	assert.Equal(t, a.Child, b.Child)
	assert.Equal(t, a.Tandem, b.Tandem)
	assert.Equal(t, a.TandemMentor, b.TandemMentor)
	assert.Equal(t, a.TandemChild, b.TandemChild)
	assert.Equal(t, a.ChildInstitution, b.ChildInstitution)
	assert.Equal(t, a.VisitTandem, b.VisitTandem)
	assert.Equal(t, a.VolunteerReports, b.VolunteerReports)
	assert.Equal(t, a.TandemVisits, b.TandemVisits)
	assert.Equal(t, a.InstitutionTandems, b.InstitutionTandems)

	_ = stale.Index()
	_, ok = stale.Refs()
	assert.True(t, ok, "indexed again, fresh")
}
