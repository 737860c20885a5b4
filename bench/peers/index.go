package peers

import (
	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// index is the peers' own look-up over a programme, built once, as our
// engine's is built when the programme loads. The peers read the domain
// structs in place through it; only the programme's exported fields are
// used, so the harness does not depend on mentoring's look-up API.
type index struct {
	p *mentoring.Programme

	volunteers   map[string]*volunteer.Volunteer
	children     map[string]*mentoring.Child
	institutions map[string]*mentoring.Institution
	tandems      map[string]*mentoring.Tandem
	groups       map[string]*mentoring.Group
	agreements   map[string]*agreement.Agreement
	outings      map[string]*mentoring.Outing

	tandemsOf    map[string][]*mentoring.Tandem    // by mentor
	agreementsOf map[string][]*agreement.Agreement // by volunteer
	reportsOf    map[string][]*agreement.Report    // by volunteer
	groupsWith   map[string][]*mentoring.Group     // by child
	visitsOf     map[string][]*mentoring.Visit     // by tandem
	outingsOf    map[string][]*mentoring.Outing    // by tandem
	checkInsOf   map[string][]*mentoring.CheckIn   // by tandem
	tandemsAt    map[string][]*mentoring.Tandem    // by institution, of its children
	groupsAt     map[string][]*mentoring.Group     // by institution, held there
}

func newIndex(p *mentoring.Programme) *index {
	ix := &index{p: p,
		volunteers:   make(map[string]*volunteer.Volunteer, len(p.Volunteers)),
		children:     make(map[string]*mentoring.Child, len(p.Children)),
		institutions: make(map[string]*mentoring.Institution, len(p.Institutions)),
		tandems:      make(map[string]*mentoring.Tandem, len(p.Tandems)),
		groups:       make(map[string]*mentoring.Group, len(p.Groups)),
		agreements:   make(map[string]*agreement.Agreement, len(p.Agreements)),
		outings:      make(map[string]*mentoring.Outing, len(p.Outings)),
		tandemsOf:    map[string][]*mentoring.Tandem{},
		agreementsOf: map[string][]*agreement.Agreement{},
		reportsOf:    map[string][]*agreement.Report{},
		groupsWith:   map[string][]*mentoring.Group{},
		visitsOf:     map[string][]*mentoring.Visit{},
		outingsOf:    map[string][]*mentoring.Outing{},
		checkInsOf:   map[string][]*mentoring.CheckIn{},
		tandemsAt:    map[string][]*mentoring.Tandem{},
		groupsAt:     map[string][]*mentoring.Group{},
	}
	for i := range p.Volunteers {
		ix.volunteers[p.Volunteers[i].ID] = &p.Volunteers[i]
	}
	for i := range p.Children {
		ix.children[p.Children[i].ID] = &p.Children[i]
	}
	for i := range p.Institutions {
		ix.institutions[p.Institutions[i].ID] = &p.Institutions[i]
	}
	for i := range p.Tandems {
		t := &p.Tandems[i]
		ix.tandems[t.ID] = t
		ix.tandemsOf[t.Mentor] = append(ix.tandemsOf[t.Mentor], t)
		if c := ix.children[t.Child]; c != nil {
			ix.tandemsAt[c.Institution] = append(ix.tandemsAt[c.Institution], t)
		}
	}
	for i := range p.Groups {
		g := &p.Groups[i]
		ix.groups[g.ID] = g
		ix.groupsAt[g.Institution] = append(ix.groupsAt[g.Institution], g)
		for _, c := range g.Children {
			ix.groupsWith[c] = append(ix.groupsWith[c], g)
		}
	}
	for i := range p.Agreements {
		a := &p.Agreements[i]
		ix.agreements[a.ID] = a
		ix.agreementsOf[a.Volunteer] = append(ix.agreementsOf[a.Volunteer], a)
	}
	for i := range p.Outings {
		o := &p.Outings[i]
		ix.outings[o.ID()] = o
		ix.outingsOf[o.Tandem] = append(ix.outingsOf[o.Tandem], o)
	}
	for i := range p.Visits {
		v := &p.Visits[i]
		ix.visitsOf[v.Tandem] = append(ix.visitsOf[v.Tandem], v)
	}
	for i := range p.CheckIns {
		c := &p.CheckIns[i]
		ix.checkInsOf[c.Tandem] = append(ix.checkInsOf[c.Tandem], c)
	}
	for i := range p.Reports {
		r := &p.Reports[i]
		ix.reportsOf[r.Volunteer] = append(ix.reportsOf[r.Volunteer], r)
	}
	return ix
}

// The ids of the subjects, by kind.
func institutionID(in *mentoring.Institution) string { return in.ID }
func volunteerID(v *volunteer.Volunteer) string      { return v.ID }
func childID(c *mentoring.Child) string              { return c.ID }
func tandemID(t *mentoring.Tandem) string            { return t.ID }
func groupID(g *mentoring.Group) string              { return g.ID }
func agreementID(a *agreement.Agreement) string      { return a.ID }
func outingID(o *mentoring.Outing) string            { return o.ID() }

func idsOf[T any](list []T, id func(*T) string) []string {
	out := make([]string, len(list))
	for i := range list {
		out[i] = id(&list[i])
	}
	return out
}

// ids lists the subjects of one kind in programme order.
func (ix *index) ids(kind string) []string {
	p := ix.p
	switch kind {
	case "institution":
		return idsOf(p.Institutions, institutionID)
	case "volunteer":
		return idsOf(p.Volunteers, volunteerID)
	case "child":
		return idsOf(p.Children, childID)
	case "tandem":
		return idsOf(p.Tandems, tandemID)
	case "group":
		return idsOf(p.Groups, groupID)
	case "agreement":
		return idsOf(p.Agreements, agreementID)
	case "outing":
		return idsOf(p.Outings, outingID)
	case "programme":
		return []string{programmeID(p)}
	}
	return nil
}

// programmeID names the programme as a subject, the way our engine does:
// by its organisation, or "programme".
func programmeID(p *mentoring.Programme) string {
	if p.Organisation != "" {
		return p.Organisation
	}
	return "programme"
}
