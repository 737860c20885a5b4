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

	// One-to-many look-ups, by the position of the one in its list.
	agreementsOf rel // volunteer → agreements
	reportsOf    rel // volunteer → reports
	tandemsOf    rel // mentor → tandems
	diaryOf      rel // volunteer → diary entries
	tandemsWith  rel // child → tandems
	groupsWith   rel // child → group sessions
	outingsOf    rel // tandem → outings
	visitsOf     rel // tandem → visits
	checkInsOf   rel // tandem → check-ins

	// References resolved to positions (-1: dangling), by position of
	// the element that refers.
	childInstitution, groupInstitution            []int
	tandemMentor, tandemChild, agreementVolunteer []int
	outingTandem, visitTandem, checkInTandem      []int

	reportVolunteer []int

	lists    Lists     // the lists indexed, to tell a stale index
	problems diag.List // what Index found
}

// rel lists, for each element of one list, the positions of the elements
// of another that refer to it, all in one array: those of element i are
// at[start[i]:start[i+1]], in file order. A volunteer's 8 reports cost 8
// ints, not a map entry and a slice of their own.
type rel struct {
	start []int32
	at    []int
}

// of returns the positions referring to element i (nil for none, or for
// i < 0). The slice is the index's own: read it, never change it.
func (r *rel) of(i int) []int {
	if i < 0 || i+1 >= len(r.start) || r.start[i] == r.start[i+1] {
		return nil
	}
	return r.at[r.start[i]:r.start[i+1]:r.start[i+1]]
}

// relate builds the rel of n elements from the resolved references owner
// (the position referred to, or -1), in order.
func relate(n int, owner []int) rel {
	r := rel{start: make([]int32, n+1)}
	for _, o := range owner {
		if o >= 0 {
			r.start[o+1]++
		}
	}
	for i := range n {
		r.start[i+1] += r.start[i]
	}
	r.at = make([]int, r.start[n])
	fill := make([]int32, n)
	copy(fill, r.start[:n])
	for j, o := range owner {
		if o >= 0 {
			r.at[fill[o]] = j
			fill[o]++
		}
	}
	return r
}

// Index builds the look-ups by id and checks that every id is unique within
// its list and that every reference resolves. It returns every problem at
// once as a [diag.List] whose entries name the field by its JSON path (no
// file position: [Load] adds that). A dangling reference names both ends:
// the referring element by its path and its id ([diag.Error].Element;
// TANDEM@DATE for an outing, a visit or a check-in, VOLUNTEER@MONTH for a
// report), and the id it did not find. The programme is usable for
// look-ups even when Index reports problems: the first of two equal ids
// wins and a dangling reference finds nothing.
//
// Index must be called again after the slices change. Look-ups build the
// index on first use if nothing did; they and Index are safe for
// concurrent use, but changing the slices is not.
func (p *Programme) Index() error {
	ix := p.buildIndex(0)
	p.state.Store(&state{ix: ix})
	return ix.problems.Err()
}

// resolver resolves references and records those that dangle.
type resolver struct {
	collector
}

// ids is a list's ids, for resolving references to it. References often
// follow the list's order — a volunteer's agreements and reports, the
// members of a group, the children of an institution — so the element
// after the last one found is tried before the map: a string comparison
// on memory just read, instead of a hash and a cache miss.
type ids struct {
	kind   string // "@" + kind names it in messages
	set    map[string]int
	unique bool // no id is given twice in the list
	id     func(int) string
	last   int
}

func newIDs(kind string, set map[string]int, n int, id func(int) string) *ids {
	return &ids{kind: kind, set: set, unique: len(set) == n, id: id, last: -1}
}

func (x *ids) find(id string) (int, bool) {
	if l := x.last; l >= 0 {
		if x.id(l) == id {
			return l, true
		}
		// With no id twice in the list, the element that has the id is
		// the one the map names.
		if x.unique && l+1 < len(x.set) && x.id(l+1) == id {
			x.last = l + 1
			return l + 1, true
		}
	}
	at, ok := x.set[id]
	if ok {
		x.last = at
	}
	return at, ok
}

// to returns the position of id in the list x, or -1; a non-empty id that
// is not there is a problem of the i-th element of list at path (the field
// that refers, in the element whose own id is element), naming the kind
// it should be.
func (r *resolver) to(x *ids, id, list string, i int, path func() (string, string)) int {
	if at, ok := x.find(id); ok {
		return at
	}
	if id != "" && r.take(list, i) {
		at, element := path()
		e := diag.New(diag.CodeDangling, at, id, "@"+x.kind)
		e.Element = element
		r.errs = append(r.errs, e)
	}
	return -1
}

// buildIndex builds the index, keeping the problems of at most limit
// elements of each list (0: all).
func (p *Programme) buildIndex(limit int) *index {
	r := resolver{collector: collector{limit: limit}}
	ix := &index{lists: p.Lists()}
	institutionID := func(i int) string { return p.Institutions[i].ID }
	volunteerID := func(i int) string { return p.Volunteers[i].ID }
	childID := func(i int) string { return p.Children[i].ID }
	tandemID := func(i int) string { return p.Tandems[i].ID }
	ix.institutions = idMap(&r.collector, "institutions", len(p.Institutions), institutionID)
	ix.volunteers = idMap(&r.collector, "volunteers", len(p.Volunteers), volunteerID)
	ix.children = idMap(&r.collector, "children", len(p.Children), childID)
	ix.tandems = idMap(&r.collector, "tandems", len(p.Tandems), tandemID)
	ix.groups = idMap(&r.collector, "groups", len(p.Groups), func(i int) string { return p.Groups[i].ID })
	ix.agreements = idMap(&r.collector, "agreements", len(p.Agreements), func(i int) string { return p.Agreements[i].ID })
	institutions := newIDs("institution", ix.institutions, len(p.Institutions), institutionID)
	volunteers := newIDs("volunteer", ix.volunteers, len(p.Volunteers), volunteerID)
	children := newIDs("child", ix.children, len(p.Children), childID)
	tandems := newIDs("tandem", ix.tandems, len(p.Tandems), tandemID)

	ix.childInstitution = make([]int, len(p.Children))
	for i := range p.Children {
		c := &p.Children[i]
		ix.childInstitution[i] = r.to(institutions, c.Institution, "children", i,
			func() (string, string) { return diag.Index("children", i) + ".institution", c.ID })
	}
	ix.tandemMentor = make([]int, len(p.Tandems))
	ix.tandemChild = make([]int, len(p.Tandems))
	for i := range p.Tandems {
		t := &p.Tandems[i]
		ix.tandemMentor[i] = r.to(volunteers, t.Mentor, "tandems", i,
			func() (string, string) { return diag.Index("tandems", i) + ".mentor", t.ID })
		ix.tandemChild[i] = r.to(children, t.Child, "tandems", i,
			func() (string, string) { return diag.Index("tandems", i) + ".child", t.ID })
	}
	ix.groupInstitution = make([]int, len(p.Groups))
	var groupOf, groupChild []int // each child of each group: the group, the child
	for i := range p.Groups {
		g := &p.Groups[i]
		at := func(field string, j int) func() (string, string) {
			return func() (string, string) { return diag.Index(diag.Index("groups", i)+"."+field, j), g.ID }
		}
		ix.groupInstitution[i] = r.to(institutions, g.Institution, "groups", i,
			func() (string, string) { return diag.Index("groups", i) + ".institution", g.ID })
		for j, m := range g.Mentors {
			r.to(volunteers, m, "groups", i, at("mentors", j))
		}
		for j, c := range g.Children {
			if k := r.to(children, c, "groups", i, at("children", j)); k >= 0 {
				groupOf, groupChild = append(groupOf, i), append(groupChild, k)
			}
		}
	}
	ix.agreementVolunteer = make([]int, len(p.Agreements))
	for i := range p.Agreements {
		a := &p.Agreements[i]
		ix.agreementVolunteer[i] = r.to(volunteers, a.Volunteer, "agreements", i,
			func() (string, string) { return diag.Index("agreements", i) + ".volunteer", a.ID })
	}
	ix.outingTandem = make([]int, len(p.Outings))
	for i := range p.Outings {
		o := &p.Outings[i]
		ix.outingTandem[i] = r.to(tandems, o.Tandem, "outings", i,
			func() (string, string) { return diag.Index("outings", i) + ".tandem", o.ID() })
	}
	reportVolunteer := make([]int, len(p.Reports))
	for i := range p.Reports {
		rep := &p.Reports[i]
		reportVolunteer[i] = r.to(volunteers, rep.Volunteer, "reports", i,
			func() (string, string) {
				return diag.Index("reports", i) + ".volunteer", rep.Volunteer + "@" + rep.Month.String()
			})
	}
	for i := range p.Meetings {
		m := &p.Meetings[i]
		if m.Institution != "" {
			r.to(institutions, m.Institution, "meetings", i,
				func() (string, string) { return diag.Index("meetings", i) + ".institution", m.ID })
		}
		for j, v := range m.Attendees {
			r.to(volunteers, v, "meetings", i,
				func() (string, string) { return diag.Index(diag.Index("meetings", i)+".attendees", j), m.ID })
		}
	}
	diaryVolunteer := make([]int, len(p.Diary))
	for i := range p.Diary {
		d := &p.Diary[i]
		diaryVolunteer[i] = r.to(volunteers, d.Volunteer, "diary", i,
			func() (string, string) {
				return diag.Index("diary", i) + ".volunteer", d.Volunteer + "@" + d.Date.String()
			})
	}
	visitTandem := make([]int, len(p.Visits))
	for i := range p.Visits {
		v := &p.Visits[i]
		visitTandem[i] = r.to(tandems, v.Tandem, "visits", i,
			func() (string, string) { return diag.Index("visits", i) + ".tandem", v.ID() })
	}
	checkInTandem := make([]int, len(p.CheckIns))
	for i := range p.CheckIns {
		c := &p.CheckIns[i]
		checkInTandem[i] = r.to(tandems, c.Tandem, "check_ins", i,
			func() (string, string) { return diag.Index("check_ins", i) + ".tandem", c.ID() })
	}

	ix.visitTandem, ix.checkInTandem, ix.reportVolunteer = visitTandem, checkInTandem, reportVolunteer
	ix.agreementsOf = relate(len(p.Volunteers), ix.agreementVolunteer)
	ix.reportsOf = relate(len(p.Volunteers), reportVolunteer)
	ix.tandemsOf = relate(len(p.Volunteers), ix.tandemMentor)
	ix.diaryOf = relate(len(p.Volunteers), diaryVolunteer)
	ix.tandemsWith = relate(len(p.Children), ix.tandemChild)
	ix.outingsOf = relate(len(p.Tandems), ix.outingTandem)
	ix.visitsOf = relate(len(p.Tandems), visitTandem)
	ix.checkInsOf = relate(len(p.Tandems), checkInTandem)
	ix.groupsWith = relateMany(len(p.Children), groupChild, groupOf)
	ix.problems = r.errs
	return ix
}

// collector keeps the problems of a pass over the programme's lists. With
// a limit, it keeps those of the first limit elements with problems in
// each list: a list is one stretch of the file, in order, so the first
// problems of the file in any order are among those kept, and a file with
// a million broken records costs a hundred problems, not a million.
type collector struct {
	limit int
	errs  diag.List
	list  string
	count int // elements of list with problems so far
	last  int // the last of them
}

// take reports whether a problem of the i-th element of list is kept.
func (c *collector) take(list string, i int) bool {
	if c.limit <= 0 {
		return true
	}
	if list != c.list {
		c.list, c.count, c.last = list, 0, -1
	}
	if i != c.last {
		if c.count >= c.limit {
			return false
		}
		c.count++
		c.last = i
	}
	return true
}

// relateMany is relate for many-to-many references: the k-th pair says
// that element owner[k] is referred to by element by[k] (in order of by).
func relateMany(n int, owner, by []int) rel {
	r := relate(n, owner)
	for i := range r.at {
		r.at[i] = by[r.at[i]]
	}
	return r
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

func idMap(c *collector, list string, n int, id func(int) string) map[string]int {
	m := make(map[string]int, n)
	for i := range n {
		k := id(i)
		if first, dup := m[k]; dup {
			if c.take(list, i) {
				c.errs = append(c.errs, diag.New(diag.CodeDuplicateID, diag.Index(list, i)+".id", k, diag.Index(list, first)))
			}
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
	p.state.CompareAndSwap(nil, &state{ix: p.buildIndex(0)})
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

// position returns the position of id in m, or -1.
func position(m map[string]int, id string) int {
	if i, ok := m[id]; ok {
		return i
	}
	return -1
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
	ix := p.ix()
	return all(p.Agreements, ix.agreementsOf.of(position(ix.volunteers, volunteerID)))
}

// ReportsOf returns the volunteer's monthly reports, in file order.
func (p *Programme) ReportsOf(volunteerID string) []*agreement.Report {
	ix := p.ix()
	return all(p.Reports, ix.reportsOf.of(position(ix.volunteers, volunteerID)))
}

// TandemsOf returns the tandems the volunteer mentors, in file order.
func (p *Programme) TandemsOf(mentorID string) []*Tandem {
	ix := p.ix()
	return all(p.Tandems, ix.tandemsOf.of(position(ix.volunteers, mentorID)))
}

// TandemsWith returns the tandems of the child, in file order.
func (p *Programme) TandemsWith(childID string) []*Tandem {
	ix := p.ix()
	return all(p.Tandems, ix.tandemsWith.of(position(ix.children, childID)))
}

// OutingsOf returns the tandem's outings, in file order.
func (p *Programme) OutingsOf(tandemID string) []*Outing {
	ix := p.ix()
	return all(p.Outings, ix.outingsOf.of(position(ix.tandems, tandemID)))
}

// VisitsOf returns the tandem's visits, in file order.
func (p *Programme) VisitsOf(tandemID string) []*Visit {
	ix := p.ix()
	return all(p.Visits, ix.visitsOf.of(position(ix.tandems, tandemID)))
}

// CheckInsOf returns the coordinators' check-ins with the tandem, in file
// order.
func (p *Programme) CheckInsOf(tandemID string) []*CheckIn {
	ix := p.ix()
	return all(p.CheckIns, ix.checkInsOf.of(position(ix.tandems, tandemID)))
}

// GroupsWith returns the group sessions the child took part in, in file
// order.
func (p *Programme) GroupsWith(childID string) []*Group {
	ix := p.ix()
	return all(p.Groups, ix.groupsWith.of(position(ix.children, childID)))
}

// DiaryOf returns the volunteer's diary entries, in file order.
func (p *Programme) DiaryOf(volunteerID string) []*volunteer.DiaryEntry {
	ix := p.ix()
	return all(p.Diary, ix.diaryOf.of(position(ix.volunteers, volunteerID)))
}
