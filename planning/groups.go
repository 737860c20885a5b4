package planning

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/guide"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// Default group session bounds of the guide (R4): 12–18 people, children
// and mentors counted together.
const (
	DefaultMinGroup = 12
	DefaultMaxGroup = 18
)

// GroupOptions tune [PlanGroups]. The zero value plans every institution
// with the guide's bounds and English messages.
type GroupOptions struct {
	// Min and Max bound a group's size, children and mentors together.
	// Zero means DefaultMinGroup and DefaultMaxGroup (the policy parameters
	// group_min_size and group_max_size, when a caller reads them).
	Min, Max int
	// Institutions limits the plan to these ids; empty means all, in the
	// order of their ids.
	Institutions []string
	// Mentors adds volunteers to an institution's sessions, by institution
	// id: mentors who are to meet its children but have no tandem there yet
	// and have not been in one of its recorded groups.
	Mentors map[string][]string
	// Lang is the language of finding messages; empty means English.
	Lang diag.Lang
}

// GroupPlan proposes session groups for each institution.
type GroupPlan struct {
	AsOf civil.Date `json:"as_of"`
	Min  int        `json:"min_size"`
	Max  int        `json:"max_size"`
	// Notice says that the plan is a proposal; the coordinator decides.
	Notice       string              `json:"notice"`
	Institutions []InstitutionGroups `json:"institutions"`

	names names // for the text a coordinator reads, never in JSON
}

// Findings returns the findings of every institution, in plan order.
func (p *GroupPlan) Findings() []Finding {
	var out []Finding
	for _, in := range p.Institutions {
		out = append(out, in.Findings...)
	}
	return out
}

// InstitutionGroups is the proposal for one institution.
type InstitutionGroups struct {
	Institution  string `json:"institution"`
	Participants int    `json:"participants"`
	Mentors      int    `json:"mentors"`
	Children     int    `json:"children"`
	// Feasible is true when every group lies within the bounds.
	Feasible bool           `json:"feasible"`
	Groups   []SessionGroup `json:"groups"`
	// Findings name every group outside the bounds, with the rule it
	// breaks (group.max_size, deny; group.min_size, warn).
	Findings []Finding `json:"findings"`
}

// SessionGroup is one proposed group session.
type SessionGroup struct {
	ID       string   `json:"id"`
	Size     int      `json:"size"`
	Mentors  []string `json:"mentors"`
	Children []string `json:"children"`
	// Tandems lists the open tandems whose two sides are both here.
	Tandems []string `json:"tandems"`
	// Language is the language most members speak (empty when no member
	// gave one); Speakers counts those who speak it and Silent those who
	// gave languages but not this one.
	Language string `json:"language,omitempty"`
	Speakers int    `json:"language_speakers"`
	Silent   int    `json:"language_others"`
}

// PlanGroups splits the mentors and children of each institution into
// group sessions (R4, R8).
//
// An institution's participants are its children, the mentors of their
// open tandems (every phase but closed), the mentors listed in its recorded
// groups and those given in opts.Mentors; retired volunteers are left out.
// A mentor and the children they mentor form one unit that is never split.
//
// The plan uses the fewest groups whose sizes can lie within the bounds,
// ⌈N/Max⌉ for N participants. When Min·⌈N/Max⌉ > N (19–23 people with the
// defaults) no split is within the bounds: the plan then keeps every group
// at most Max, makes as few groups as possible smaller than Min, and
// reports each of those as a group.min_size finding. Within those limits
// it balances, heaviest first: the share of mentors in each group (so that
// children and mentors are mixed alike everywhere), a common language
// (fewest members who do not speak their group's most spoken language),
// and even sizes. The result depends only on the programme and options,
// not on the order of its lists.
//
// PlanGroups returns an error only for bad options: bounds with Min < 1 or
// Min > Max, an unknown institution or volunteer id.
func PlanGroups(prog *mentoring.Programme, opts GroupOptions) (*GroupPlan, error) {
	lo, hi := cmp.Or(opts.Min, DefaultMinGroup), cmp.Or(opts.Max, DefaultMaxGroup)
	var errs diag.List
	if lo < 1 || lo > hi {
		errs = append(errs, diag.New(codeBadBounds, "", strconv.Itoa(lo), strconv.Itoa(hi)))
	}
	insts := opts.Institutions
	if len(insts) == 0 {
		for _, in := range prog.Institutions {
			insts = append(insts, in.ID)
		}
		sortIDs(insts)
	}
	for _, id := range insts {
		if _, ok := prog.Institution(id); !ok {
			errs = append(errs, diag.New(codeUnknownInst, "", id))
		}
	}
	for _, inst := range sortedKeys(opts.Mentors) {
		if _, ok := prog.Institution(inst); !ok {
			errs = append(errs, diag.New(codeUnknownInst, "", inst))
		}
		for _, v := range opts.Mentors[inst] {
			if _, ok := prog.Volunteer(v); !ok {
				errs = append(errs, diag.New(codeUnknownMentor, "", v))
			}
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}

	plan := &GroupPlan{AsOf: prog.AsOf, Min: lo, Max: hi, Notice: message(opts.Lang, codeNotice), names: namesOf(prog)}
	for _, id := range insts {
		units := gather(prog, id, opts.Mentors[id])
		plan.Institutions = append(plan.Institutions, planInstitution(id, units, lo, hi, opts.Lang))
	}
	return plan, nil
}

// member is one participant: a mentor or a child.
type member struct {
	id     string
	mentor bool
	langs  []string // base language subtags, sorted, unique
}

func (m member) key() string {
	if m.mentor {
		return "volunteer/" + m.id
	}
	return "child/" + m.id
}

// unit is a set of participants that must share a group: a mentor with the
// children of their open tandems, or one person alone.
type unit struct {
	members []member // sorted by key
	tandems []string
	mentors int
}

func (u *unit) size() int { return len(u.members) }

// gather collects the institution's participants into units.
func gather(prog *mentoring.Programme, inst string, extra []string) []*unit {
	members := map[string]member{}
	parent := map[string]string{}
	var find func(string) string
	find = func(k string) string {
		for parent[k] != k {
			parent[k] = parent[parent[k]]
			k = parent[k]
		}
		return k
	}
	add := func(m member) string {
		k := m.key()
		if _, ok := members[k]; !ok {
			members[k] = m
			parent[k] = k
		}
		return k
	}
	addMentor := func(id string) (string, bool) {
		v, ok := prog.Volunteer(id)
		if !ok || v.Status == volunteer.Retired {
			return "", false
		}
		return add(member{id: id, mentor: true, langs: baseLangs(v.Languages)}), true
	}
	tandems := map[string][]string{} // root key → tandem ids, resolved below
	var tandemAt []struct{ key, id string }
	for i := range prog.Children {
		c := &prog.Children[i]
		if c.Institution != inst {
			continue
		}
		ck := add(member{id: c.ID, langs: baseLangs(c.Languages)})
		for _, t := range prog.TandemsWith(c.ID) {
			if t.Phase == mentoring.Closed {
				continue
			}
			if mk, ok := addMentor(t.Mentor); ok {
				parent[find(mk)] = find(ck)
				tandemAt = append(tandemAt, struct{ key, id string }{ck, t.ID})
			}
		}
	}
	for i := range prog.Groups {
		if g := &prog.Groups[i]; g.Institution == inst {
			for _, m := range g.Mentors {
				addMentor(m)
			}
		}
	}
	for _, m := range extra {
		addMentor(m)
	}

	byRoot := map[string]*unit{}
	for _, k := range sortedKeys(members) {
		r := find(k)
		u := byRoot[r]
		if u == nil {
			u = &unit{}
			byRoot[r] = u
		}
		m := members[k]
		u.members = append(u.members, m)
		if m.mentor {
			u.mentors++
		}
	}
	for _, t := range tandemAt {
		r := find(t.key)
		tandems[r] = append(tandems[r], t.id)
	}
	units := make([]*unit, 0, len(byRoot))
	for _, r := range sortedKeys(byRoot) {
		u := byRoot[r]
		u.tandems = tandems[r]
		sortIDs(u.tandems)
		units = append(units, u)
	}
	return units
}

// baseLangs reduces BCP 47 tags to their lower-case language subtag ("kk-KZ"
// → "kk"), sorted and without repeats.
func baseLangs(tags []string) []string {
	var out []string
	for _, t := range tags {
		base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(t)), "-")
		if base != "" {
			out = append(out, base)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// sortedKeys lists m's keys in the order of [compareIDs].
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortIDs(keys)
	return keys
}

// targets returns the sizes to aim at for n participants: the fewest
// groups that keep every group at most hi, as even as possible when that
// keeps them all at least lo, else as many as possible at lo or above.
func targets(n, lo, hi int) []int {
	if n == 0 {
		return nil
	}
	k := (n + hi - 1) / hi
	t := make([]int, k)
	if k*lo <= n {
		for i := range t {
			t[i] = n / k
			if i < n%k {
				t[i]++
			}
		}
		return t
	}
	full := n / lo // groups that can reach lo; fewer than k here
	rest := n - full*lo
	for i := range t {
		if i < full {
			t[i] = lo
			continue
		}
		j, m := i-full, k-full
		t[i] = rest / m
		if j < rest%m {
			t[i]++
		}
	}
	return t
}

// bin is a group under construction.
type bin struct {
	units    []*unit
	size     int
	mentors  int
	speakers int // members who gave at least one language
	langs    map[string]int
}

func (b *bin) add(u *unit, sign int) {
	b.size += sign * u.size()
	b.mentors += sign * u.mentors
	for _, m := range u.members {
		if len(m.langs) > 0 {
			b.speakers += sign
		}
		for _, l := range m.langs {
			b.langs[l] += sign
		}
	}
}

// language returns the most spoken language (ties: the first by name) and
// how many speak it.
func (b *bin) language() (string, int) {
	best, n := "", 0
	for l, c := range b.langs { // any map order: ties go to the first name
		if c > n || (c == n && c > 0 && l < best) {
			best, n = l, c
		}
	}
	return best, n
}

// partition holds the weights of the objective a plan minimises.
type partition struct {
	lo, hi     int
	mean, frac float64 // mean size; share of mentors among participants
}

// Weights of the objective, in decreasing order of importance. A person
// above Max outweighs everything; a group below Min outweighs any balance.
const (
	wOver     = 1e6
	wUnder    = 1e4
	wDeficit  = 10
	wLanguage = 2
	wSize     = 1
	wMix      = 4
)

func (p *partition) cost(b *bin) float64 {
	c := 0.0
	if over := b.size - p.hi; over > 0 {
		c += wOver * float64(over)
	}
	if under := p.lo - b.size; under > 0 {
		c += wUnder + wDeficit*float64(under)
	}
	_, n := b.language()
	ds := float64(b.size) - p.mean
	dm := float64(b.mentors) - p.frac*float64(b.size)
	return c + wLanguage*float64(b.speakers-n) + wSize*ds*ds + wMix*dm*dm
}

// moveDelta is the change in cost from moving u from a to b.
func (p *partition) moveDelta(u *unit, a, b *bin) float64 {
	before := p.cost(a) + p.cost(b)
	a.add(u, -1)
	b.add(u, +1)
	after := p.cost(a) + p.cost(b)
	b.add(u, -1)
	a.add(u, +1)
	return after - before
}

// swapDelta is the change in cost from exchanging u (in a) and v (in b).
func (p *partition) swapDelta(u, v *unit, a, b *bin) float64 {
	before := p.cost(a) + p.cost(b)
	a.add(u, -1)
	b.add(v, -1)
	a.add(v, +1)
	b.add(u, +1)
	after := p.cost(a) + p.cost(b)
	a.add(v, -1)
	b.add(u, -1)
	a.add(u, +1)
	b.add(v, +1)
	return after - before
}

// eps ignores improvements that are float noise, so that local search
// ends.
const eps = 1e-9

// maxPasses bounds local search; every pass must improve the objective, so
// it ends anyway, this only caps the time on very large institutions.
const maxPasses = 50

func split(units []*unit, lo, hi int) []*bin {
	n, mentors := 0, 0
	for _, u := range units {
		n += u.size()
		mentors += u.mentors
	}
	t := targets(n, lo, hi)
	if len(t) == 0 {
		return nil
	}
	p := &partition{lo: lo, hi: hi, mean: float64(n) / float64(len(t)), frac: float64(mentors) / float64(n)}
	bins := make([]*bin, len(t))
	for i := range bins {
		bins[i] = &bin{langs: map[string]int{}}
	}

	// Largest units first, each into the group with most room left, ties
	// to the one it costs least to join.
	order := slices.Clone(units)
	slices.SortStableFunc(order, func(a, b *unit) int { return cmp.Compare(b.size(), a.size()) })
	for _, u := range order {
		best, bestRoom, bestDelta := -1, 0, 0.0
		for i, b := range bins {
			room := min(t[i]-b.size, u.size())
			before := p.cost(b)
			b.add(u, +1)
			delta := p.cost(b) - before
			b.add(u, -1)
			if best < 0 || room > bestRoom || (room == bestRoom && delta < bestDelta-eps) {
				best, bestRoom, bestDelta = i, room, delta
			}
		}
		bins[best].units = append(bins[best].units, u)
		bins[best].add(u, +1)
	}

	// Local search: move one unit, or swap two, while the objective falls.
	for range maxPasses {
		improved := false
		for i, a := range bins {
			for k := 0; k < len(a.units); k++ {
				u := a.units[k]
				for j, b := range bins {
					if i == j {
						continue
					}
					if p.moveDelta(u, a, b) < -eps {
						a.add(u, -1)
						b.add(u, +1)
						a.units = slices.Delete(a.units, k, k+1)
						b.units = append(b.units, u)
						k--
						improved = true
						break
					}
				}
			}
		}
		for i, a := range bins {
			for k, u := range a.units {
				for j := i + 1; j < len(bins); j++ {
					b := bins[j]
					for l, v := range b.units {
						if p.swapDelta(u, v, a, b) < -eps {
							a.add(u, -1)
							b.add(v, -1)
							a.add(v, +1)
							b.add(u, +1)
							a.units[k], b.units[l] = v, u
							u = v
							improved = true
						}
					}
				}
			}
		}
		if !improved {
			break
		}
	}
	return bins
}

func planInstitution(inst string, units []*unit, lo, hi int, lang diag.Lang) InstitutionGroups {
	out := InstitutionGroups{Institution: inst, Feasible: true, Groups: []SessionGroup{}, Findings: []Finding{}}
	for _, u := range units {
		out.Participants += u.size()
		out.Mentors += u.mentors
	}
	out.Children = out.Participants - out.Mentors
	bins := split(units, lo, hi)
	// Present the groups in a stable order: largest first, then by first
	// member.
	groups := make([]SessionGroup, 0, len(bins))
	for _, b := range bins {
		g := SessionGroup{Size: b.size, Mentors: []string{}, Children: []string{}, Tandems: []string{}}
		for _, u := range b.units {
			for _, m := range u.members {
				if m.mentor {
					g.Mentors = append(g.Mentors, m.id)
				} else {
					g.Children = append(g.Children, m.id)
				}
			}
			g.Tandems = append(g.Tandems, u.tandems...)
		}
		sortIDs(g.Mentors)
		g.Mentors = slices.Compact(g.Mentors)
		sortIDs(g.Children)
		sortIDs(g.Tandems)
		g.Language, g.Speakers = b.language()
		g.Silent = b.speakers - g.Speakers
		groups = append(groups, g)
	}
	slices.SortStableFunc(groups, func(a, b SessionGroup) int {
		return cmp.Or(cmp.Compare(b.Size, a.Size), compareIDs(first(a), first(b)))
	})
	for i := range groups {
		g := &groups[i]
		g.ID = fmt.Sprintf("%s-g%d", inst, i+1)
		size, n := count(lang, g.Size, codeNPeople), strconv.Itoa(out.Participants)
		switch {
		case g.Size > hi:
			out.Feasible = false
			out.Findings = append(out.Findings, Finding{Rule: "group.max_size", Severity: Deny, Subject: "group/" + g.ID,
				Message: message(lang, codeGroupMax, g.ID, size, count(lang, hi, codeNPeopleGen)), Source: groupSource,
				Citations: groupCitations.In(lang)})
		case g.Size < lo:
			out.Feasible = false
			out.Findings = append(out.Findings, Finding{Rule: "group.min_size", Severity: Warn, Subject: "group/" + g.ID,
				Message: message(lang, codeGroupMin, g.ID, size, strconv.Itoa(lo), n, strconv.Itoa(hi)), Source: groupSource,
				Citations: groupCitations.In(lang)})
		}
	}
	out.Groups = groups
	return out
}

// groupSource is where the guide sets a group session's size: 12–18
// people, mentors included (R4).
const groupSource = "R4 (L1718–L1721)"

var groupCitations = guide.Resolve(groupSource)

func first(g SessionGroup) string {
	if len(g.Mentors) > 0 {
		return "volunteer/" + g.Mentors[0]
	}
	if len(g.Children) > 0 {
		return "child/" + g.Children[0]
	}
	return ""
}
