package subject

import (
	"runtime"
	"sync"
	"sync/atomic"
	"weak"

	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// Positions are a programme's references resolved to positions in its
// slices: the engine's own index, so that a subject's records are found by
// position, not by id, and the domain does not bend for the engine. -1
// marks a reference that does not resolve (a programme that is not valid;
// Evaluate refuses those before it looks).
//
// Positions are built once per programme ([For]) and then only read; they
// are safe for concurrent use.
type Positions struct {
	Institution, Volunteer, Child, Tandem, Group, Agreement map[string]int

	ChildInstitution   []int // by child: position in Institutions
	TandemMentor       []int // by tandem: position in Volunteers
	TandemChild        []int // by tandem: position in Children
	GroupInstitution   []int // by group: position in Institutions
	AgreementVolunteer []int // by agreement: position in Volunteers
	OutingTandem       []int // by outing: position in Tandems
	VisitTandem        []int // by visit: position in Tandems
	CheckInTandem      []int // by check-in: position in Tandems

	VolunteerTandems    [][]int // by volunteer: positions in Tandems of those it mentors
	VolunteerAgreements [][]int // by volunteer: positions in Agreements
	VolunteerReports    [][]int // by volunteer: positions in Reports
	ChildTandems        [][]int // by child: positions in Tandems
	ChildGroups         [][]int // by child: positions in Groups
	TandemOutings       [][]int // by tandem: positions in Outings
	TandemVisits        [][]int // by tandem: positions in Visits
	TandemCheckIns      [][]int // by tandem: positions in CheckIns
	InstitutionChildren [][]int // by institution: positions in Children
	InstitutionTandems  [][]int // by institution: positions in Tandems of its children
	InstitutionGroups   [][]int // by institution: positions in Groups held there

	outingIDs   sync.Once
	outingsByID map[string]int
	shape       mentoring.Lists // the programme's lists they were built for
}

// Look-ups through a reference that may be -1.
func (at *Positions) childInstitution(c int) int      { return pick(at.ChildInstitution, c) }
func (at *Positions) tandemMentor(t int) int          { return pick(at.TandemMentor, t) }
func (at *Positions) tandemChild(t int) int           { return pick(at.TandemChild, t) }
func (at *Positions) volunteerAgreements(v int) []int { return pickList(at.VolunteerAgreements, v) }
func (at *Positions) volunteerReports(v int) []int    { return pickList(at.VolunteerReports, v) }
func (at *Positions) childGroups(c int) []int         { return pickList(at.ChildGroups, c) }

func pick(l []int, i int) int {
	if i < 0 {
		return -1
	}
	return l[i]
}

func pickList(l [][]int, i int) []int {
	if i < 0 {
		return nil
	}
	return l[i]
}

func find(m map[string]int, id string) (int, bool) {
	i, ok := m[id]
	return i, ok
}

// outings maps outing ids (TANDEM@DATE) to positions, the first of equal
// ids winning; built on the first look-up by id.
func (at *Positions) outings(p *mentoring.Programme) map[string]int {
	at.outingIDs.Do(func() {
		at.outingsByID = make(map[string]int, len(p.Outings))
		for i := range p.Outings {
			if _, dup := at.outingsByID[p.Outings[i].ID()]; !dup {
				at.outingsByID[p.Outings[i].ID()] = i
			}
		}
	})
	return at.outingsByID
}

// build resolves every reference of p.
func build(p *mentoring.Programme) *Positions {
	at := &Positions{shape: p.Lists()}
	// The programme's own index has looked every reference up already
	// (validation needs it): take its positions rather than hash every id
	// again — a tenth of a 100,000-volunteer load. A stale index (lists
	// replaced since it was built) is not trusted: then look them up here.
	r, fresh := p.Refs()
	if !fresh {
		r = lookUp(p)
	}
	at.Institution, at.Volunteer, at.Child = r.Institutions, r.Volunteers, r.Children
	at.Tandem, at.Group, at.Agreement = r.Tandems, r.Groups, r.Agreements
	at.ChildInstitution, at.TandemMentor, at.TandemChild = r.ChildInstitution, r.TandemMentor, r.TandemChild
	at.GroupInstitution, at.AgreementVolunteer = r.GroupInstitution, r.AgreementVolunteer
	at.OutingTandem, at.VisitTandem, at.CheckInTandem = r.OutingTandem, r.VisitTandem, r.CheckInTandem
	ref := func(m map[string]int, id string) int {
		if i, ok := m[id]; ok {
			return i
		}
		return -1
	}

	at.VolunteerTandems = invert(len(p.Volunteers), at.TandemMentor)
	at.VolunteerAgreements = invert(len(p.Volunteers), at.AgreementVolunteer)
	at.VolunteerReports = invert(len(p.Volunteers), r.ReportVolunteer)
	at.ChildTandems = invert(len(p.Children), at.TandemChild)
	at.TandemOutings = invert(len(p.Tandems), at.OutingTandem)
	at.TandemVisits = invert(len(p.Tandems), at.VisitTandem)
	at.TandemCheckIns = invert(len(p.Tandems), at.CheckInTandem)
	at.InstitutionChildren = invert(len(p.Institutions), at.ChildInstitution)
	at.InstitutionTandems = invert(len(p.Institutions),
		resolve(len(p.Tandems), func(i int) int { return pick(at.ChildInstitution, at.TandemChild[i]) }))
	at.InstitutionGroups = invert(len(p.Institutions), at.GroupInstitution)
	at.ChildGroups = make([][]int, len(p.Children))
	for g := range p.Groups {
		for _, c := range p.Groups[g].Children {
			if i := ref(at.Child, c); i >= 0 {
				at.ChildGroups[i] = append(at.ChildGroups[i], g)
			}
		}
	}
	return at
}

// lookUp resolves a programme's references by their ids, as its index
// does, for a programme whose index is stale.
func lookUp(p *mentoring.Programme) mentoring.Refs {
	var r mentoring.Refs
	r.Institutions = ids(len(p.Institutions), func(i int) string { return p.Institutions[i].ID })
	r.Volunteers = ids(len(p.Volunteers), func(i int) string { return p.Volunteers[i].ID })
	r.Children = ids(len(p.Children), func(i int) string { return p.Children[i].ID })
	r.Tandems = ids(len(p.Tandems), func(i int) string { return p.Tandems[i].ID })
	r.Groups = ids(len(p.Groups), func(i int) string { return p.Groups[i].ID })
	r.Agreements = ids(len(p.Agreements), func(i int) string { return p.Agreements[i].ID })
	ref := func(m map[string]int, id string) int {
		if i, ok := m[id]; ok {
			return i
		}
		return -1
	}
	r.ChildInstitution = resolve(len(p.Children), func(i int) int { return ref(r.Institutions, p.Children[i].Institution) })
	r.TandemMentor = resolve(len(p.Tandems), func(i int) int { return ref(r.Volunteers, p.Tandems[i].Mentor) })
	r.TandemChild = resolve(len(p.Tandems), func(i int) int { return ref(r.Children, p.Tandems[i].Child) })
	r.GroupInstitution = resolve(len(p.Groups), func(i int) int { return ref(r.Institutions, p.Groups[i].Institution) })
	r.AgreementVolunteer = resolve(len(p.Agreements), func(i int) int { return ref(r.Volunteers, p.Agreements[i].Volunteer) })
	r.OutingTandem = resolve(len(p.Outings), func(i int) int { return ref(r.Tandems, p.Outings[i].Tandem) })
	r.VisitTandem = resolve(len(p.Visits), func(i int) int { return ref(r.Tandems, p.Visits[i].Tandem) })
	r.CheckInTandem = resolve(len(p.CheckIns), func(i int) int { return ref(r.Tandems, p.CheckIns[i].Tandem) })
	r.ReportVolunteer = resolve(len(p.Reports), func(i int) int { return ref(r.Volunteers, p.Reports[i].Volunteer) })
	return r
}

// ids maps each id to its first position.
func ids(n int, id func(int) string) map[string]int {
	m := make(map[string]int, n)
	for i := range n {
		if _, dup := m[id(i)]; !dup {
			m[id(i)] = i
		}
	}
	return m
}

func resolve(n int, ref func(int) int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = ref(i)
	}
	return out
}

// invert lists, for each of n targets, the positions whose reference
// points at it, in order. The lists share one backing array.
func invert(n int, refs []int) [][]int {
	counts := make([]int, n)
	for _, r := range refs {
		if r >= 0 {
			counts[r]++
		}
	}
	backing := make([]int, 0, len(refs))
	out := make([][]int, n)
	start := 0
	for i, c := range counts {
		out[i] = backing[start : start : start+c]
		start += c
	}
	for i, r := range refs {
		if r >= 0 {
			out[r] = append(out[r], i)
		}
	}
	for i := range out {
		if len(out[i]) == 0 {
			out[i] = nil
		}
	}
	return out
}

// The cache: positions by programme, held weakly so that a programme that
// is no longer used is collected with its positions. The last programme
// looked up is kept aside, so that evaluating one programme over and over
// (a service, the matcher) pays one atomic load and a comparison; that
// entry holds its programme until another is evaluated (a weak pointer's
// Value takes a lock, a fifth of a single-subject evaluation).
var (
	cache sync.Map // weak.Pointer[mentoring.Programme] → *Positions
	last  atomic.Pointer[entry]
)

type entry struct {
	prog *mentoring.Programme
	at   *Positions
}

// For returns the positions of p, building them on first use, or again
// when one of p's slices was replaced or resized since. p must not change
// while it is being evaluated; like mentoring's own index, positions do
// not see an id or a reference changed in place — give the engine a fresh
// Programme (or new slices) for that.
func For(p *mentoring.Programme) *Positions {
	if e := last.Load(); e != nil && e.prog == p && e.at.shape.Of(p) {
		return e.at
	}
	key := weak.Make(p)
	if v, ok := cache.Load(key); ok {
		at := v.(*Positions)
		if at.shape.Of(p) {
			last.Store(&entry{prog: p, at: at})
			return at
		}
	}
	at := build(p)
	if _, loaded := cache.Swap(key, at); !loaded {
		runtime.AddCleanup(p, func(k weak.Pointer[mentoring.Programme]) { cache.Delete(k) }, key)
	}
	last.Store(&entry{prog: p, at: at})
	return at
}
