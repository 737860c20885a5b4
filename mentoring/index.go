package mentoring

import (
	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// index holds look-ups by id, built once by Index.
type index struct {
	institutions map[string]int
	volunteers   map[string]int
	children     map[string]int
	tandems      map[string]int
	groups       map[string]int
	agreements   map[string]int

	agreementsOf map[string][]int // volunteer id → agreements
	reportsOf    map[string][]int // volunteer id → reports
	tandemsOf    map[string][]int // mentor id → tandems
	tandemsWith  map[string][]int // child id → tandems
	outingsOf    map[string][]int // tandem id → outings
	diaryOf      map[string][]int // volunteer id → diary entries
	groupsWith   map[string][]int // child id → group sessions

	problems diag.List // what Index found
}

// Index builds the look-ups by id and checks that every id is unique within
// its list and that every reference resolves. It returns every problem at
// once as a [diag.List] whose entries name the field by its JSON path (no
// file position: [Load] adds that). The programme is usable for look-ups
// even when Index reports problems: the first of two equal ids wins and a
// dangling reference finds nothing.
//
// Index must be called again after the slices change. Look-ups build the
// index on first use if nothing did; they and Index are safe for
// concurrent use, but changing the slices is not.
func (p *Programme) Index() error {
	ix := p.buildIndex()
	p.state.Store(&state{ix: ix})
	return ix.problems.Err()
}

func (p *Programme) buildIndex() *index {
	var errs diag.List
	ix := &index{
		agreementsOf: map[string][]int{},
		reportsOf:    map[string][]int{},
		tandemsOf:    map[string][]int{},
		tandemsWith:  map[string][]int{},
		outingsOf:    map[string][]int{},
		diaryOf:      map[string][]int{},
		groupsWith:   map[string][]int{},
	}
	ix.institutions = ids(&errs, "institutions", len(p.Institutions), func(i int) string { return p.Institutions[i].ID })
	ix.volunteers = ids(&errs, "volunteers", len(p.Volunteers), func(i int) string { return p.Volunteers[i].ID })
	ix.children = ids(&errs, "children", len(p.Children), func(i int) string { return p.Children[i].ID })
	ix.tandems = ids(&errs, "tandems", len(p.Tandems), func(i int) string { return p.Tandems[i].ID })
	ix.groups = ids(&errs, "groups", len(p.Groups), func(i int) string { return p.Groups[i].ID })
	ix.agreements = ids(&errs, "agreements", len(p.Agreements), func(i int) string { return p.Agreements[i].ID })

	ref := func(path string, set map[string]int, kind, id string) bool {
		if _, ok := set[id]; ok || id == "" {
			return ok
		}
		errs = append(errs, diag.New(diag.CodeDangling, path, id, "@"+kind))
		return false
	}
	for i, c := range p.Children {
		ref(diag.Index("children", i)+".institution", ix.institutions, "institution", c.Institution)
	}
	for i, t := range p.Tandems {
		at := diag.Index("tandems", i)
		if ref(at+".mentor", ix.volunteers, "volunteer", t.Mentor) {
			ix.tandemsOf[t.Mentor] = append(ix.tandemsOf[t.Mentor], i)
		}
		if ref(at+".child", ix.children, "child", t.Child) {
			ix.tandemsWith[t.Child] = append(ix.tandemsWith[t.Child], i)
		}
	}
	for i, g := range p.Groups {
		at := diag.Index("groups", i)
		ref(at+".institution", ix.institutions, "institution", g.Institution)
		for j, m := range g.Mentors {
			ref(diag.Index(at+".mentors", j), ix.volunteers, "volunteer", m)
		}
		for j, c := range g.Children {
			if ref(diag.Index(at+".children", j), ix.children, "child", c) {
				ix.groupsWith[c] = append(ix.groupsWith[c], i)
			}
		}
	}
	for i, a := range p.Agreements {
		if ref(diag.Index("agreements", i)+".volunteer", ix.volunteers, "volunteer", a.Volunteer) {
			ix.agreementsOf[a.Volunteer] = append(ix.agreementsOf[a.Volunteer], i)
		}
	}
	for i, o := range p.Outings {
		if ref(diag.Index("outings", i)+".tandem", ix.tandems, "tandem", o.Tandem) {
			ix.outingsOf[o.Tandem] = append(ix.outingsOf[o.Tandem], i)
		}
	}
	for i, r := range p.Reports {
		if ref(diag.Index("reports", i)+".volunteer", ix.volunteers, "volunteer", r.Volunteer) {
			ix.reportsOf[r.Volunteer] = append(ix.reportsOf[r.Volunteer], i)
		}
	}
	for i, m := range p.Meetings {
		at := diag.Index("meetings", i)
		if m.Institution != "" {
			ref(at+".institution", ix.institutions, "institution", m.Institution)
		}
		for j, v := range m.Attendees {
			ref(diag.Index(at+".attendees", j), ix.volunteers, "volunteer", v)
		}
	}
	for i, d := range p.Diary {
		if ref(diag.Index("diary", i)+".volunteer", ix.volunteers, "volunteer", d.Volunteer) {
			ix.diaryOf[d.Volunteer] = append(ix.diaryOf[d.Volunteer], i)
		}
	}
	ix.problems = errs
	return ix
}

// Indexed reports whether [Programme.Index] has run, and returns the
// problems it found then. Code that shares one programme between goroutines
// indexes it once (Load and Parse do) and then only reads: Indexed, unlike
// Index, never writes, so it is safe to call concurrently.
func (p *Programme) Indexed() (bool, error) {
	s := p.state.Load()
	if s == nil {
		return false, nil
	}
	return true, s.ix.problems.Err()
}

func ids(errs *diag.List, list string, n int, id func(int) string) map[string]int {
	m := make(map[string]int, n)
	for i := range n {
		k := id(i)
		if first, dup := m[k]; dup {
			*errs = append(*errs, diag.New(diag.CodeDuplicateID, diag.Index(list, i)+".id", k, diag.Index(list, first)))
			continue
		}
		m[k] = i
	}
	return m
}

// ix returns the index, building it on first use: problems are reported
// by Load and Validate, and look-ups work regardless. Two goroutines may
// both build it; one of the equal results wins.
func (p *Programme) ix() *index {
	if s := p.state.Load(); s != nil {
		return s.ix
	}
	p.state.CompareAndSwap(nil, &state{ix: p.buildIndex()})
	return p.state.Load().ix
}

func lookup[T any](list []T, m map[string]int, id string) (*T, bool) {
	i, ok := m[id]
	if !ok {
		return nil, false
	}
	return &list[i], true
}

func all[T any](list []T, at []int) []*T {
	out := make([]*T, len(at))
	for i, j := range at {
		out[i] = &list[j]
	}
	return out
}

// Institution returns the institution with the id.
func (p *Programme) Institution(id string) (*Institution, bool) {
	return lookup(p.Institutions, p.ix().institutions, id)
}

// Volunteer returns the volunteer with the id.
func (p *Programme) Volunteer(id string) (*volunteer.Volunteer, bool) {
	return lookup(p.Volunteers, p.ix().volunteers, id)
}

// Child returns the child with the id.
func (p *Programme) Child(id string) (*Child, bool) { return lookup(p.Children, p.ix().children, id) }

// Tandem returns the tandem with the id.
func (p *Programme) Tandem(id string) (*Tandem, bool) { return lookup(p.Tandems, p.ix().tandems, id) }

// Group returns the group session with the id.
func (p *Programme) Group(id string) (*Group, bool) { return lookup(p.Groups, p.ix().groups, id) }

// Agreement returns the agreement with the id.
func (p *Programme) Agreement(id string) (*agreement.Agreement, bool) {
	return lookup(p.Agreements, p.ix().agreements, id)
}

// AgreementsOf returns the volunteer's agreements, in file order.
func (p *Programme) AgreementsOf(volunteerID string) []*agreement.Agreement {
	return all(p.Agreements, p.ix().agreementsOf[volunteerID])
}

// ReportsOf returns the volunteer's monthly reports, in file order.
func (p *Programme) ReportsOf(volunteerID string) []*agreement.Report {
	return all(p.Reports, p.ix().reportsOf[volunteerID])
}

// TandemsOf returns the tandems the volunteer mentors, in file order.
func (p *Programme) TandemsOf(mentorID string) []*Tandem {
	return all(p.Tandems, p.ix().tandemsOf[mentorID])
}

// TandemsWith returns the tandems of the child, in file order.
func (p *Programme) TandemsWith(childID string) []*Tandem {
	return all(p.Tandems, p.ix().tandemsWith[childID])
}

// OutingsOf returns the tandem's outings, in file order.
func (p *Programme) OutingsOf(tandemID string) []*Outing {
	return all(p.Outings, p.ix().outingsOf[tandemID])
}

// GroupsWith returns the group sessions the child took part in, in file
// order.
func (p *Programme) GroupsWith(childID string) []*Group {
	return all(p.Groups, p.ix().groupsWith[childID])
}

// DiaryOf returns the volunteer's diary entries, in file order.
func (p *Programme) DiaryOf(volunteerID string) []*volunteer.DiaryEntry {
	return all(p.Diary, p.ix().diaryOf[volunteerID])
}
