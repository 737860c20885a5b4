package rules

import (
	"slices"
	"unsafe"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/questionnaire"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// subject is one thing rules are evaluated on: its own record and what the
// rules of its kind may read, as pointers into the programme and positions
// in its index. Building one allocates nothing.
type subject struct {
	kind Kind
	id   string
	v    *volunteer.Volunteer // the volunteer; a tandem's, outing's or pair's mentor; an agreement's signer
	c    *mentoring.Child
	inst *mentoring.Institution
	t    *mentoring.Tandem
	g    *mentoring.Group
	ag   *agreement.Agreement
	out  *mentoring.Outing
	resp *questionnaire.Response

	tandems, agreements, reports, groups []int // positions in the programme's slices
}

// subjectCount is the number of subjects of kind k in prog.
func subjectCount(prog *mentoring.Programme, k Kind) int {
	switch k {
	case KindVolunteer:
		return len(prog.Volunteers)
	case KindChild:
		return len(prog.Children)
	case KindTandem:
		return len(prog.Tandems)
	case KindGroup:
		return len(prog.Groups)
	case KindAgreement:
		return len(prog.Agreements)
	case KindOuting:
		return len(prog.Outings)
	case KindProgramme:
		return 1
	}
	return 0
}

// subjectAt is the i-th subject of kind k, with what its rules read
// looked up by position (mentoring.Links), not by id. prog is indexed and
// its references resolve.
func subjectAt(prog *mentoring.Programme, k Kind, i int) subject {
	l := prog.Links()
	s := subject{kind: k}
	switch k {
	case KindVolunteer:
		s.v = &prog.Volunteers[i]
		s.id = s.v.ID
		s.tandems, s.agreements, s.reports = l.VolunteerTandems[i], l.VolunteerAgreements[i], l.VolunteerReports[i]
	case KindChild:
		s.c = &prog.Children[i]
		s.id = s.c.ID
		s.inst = at(prog.Institutions, l.ChildInstitution[i])
		s.tandems = l.ChildTandems[i]
	case KindTandem:
		s.t = &prog.Tandems[i]
		s.id = s.t.ID
		if m := l.TandemMentor[i]; m >= 0 {
			s.v = &prog.Volunteers[m]
			s.agreements = l.VolunteerAgreements[m]
		}
		if c := l.TandemChild[i]; c >= 0 {
			s.c = &prog.Children[c]
			s.inst = at(prog.Institutions, l.ChildInstitution[c])
			s.groups = l.ChildGroups[c]
		}
	case KindGroup:
		s.g = &prog.Groups[i]
		s.id = s.g.ID
		s.inst = at(prog.Institutions, l.GroupInstitution[i])
	case KindAgreement:
		s.ag = &prog.Agreements[i]
		s.id = s.ag.ID
		if v := l.AgreementVolunteer[i]; v >= 0 {
			s.v = &prog.Volunteers[v]
			s.reports = l.VolunteerReports[v]
		}
	case KindOuting:
		s.out = &prog.Outings[i]
		s.id = s.out.ID()
		if t := l.OutingTandem[i]; t >= 0 {
			s.t = &prog.Tandems[t]
			if m := l.TandemMentor[t]; m >= 0 {
				s.v = &prog.Volunteers[m]
				s.agreements = l.VolunteerAgreements[m]
			}
			if c := l.TandemChild[t]; c >= 0 {
				s.c = &prog.Children[c]
			}
		}
	case KindProgramme:
		s.id = prog.Organisation
		if s.id == "" {
			s.id = "programme"
		}
	}
	return s
}

// at is &list[i], or nil when i is -1 (an unresolved reference).
func at[T any](list []T, i int) *T {
	if i < 0 {
		return nil
	}
	return &list[i]
}

// findSubject looks a subject up by kind and id.
func findSubject(prog *mentoring.Programme, k Kind, id string) (subject, bool) {
	var i int
	var ok bool
	switch k {
	case KindVolunteer:
		i, ok = position(prog.Volunteers)(prog.Volunteer(id))
	case KindChild:
		i, ok = position(prog.Children)(prog.Child(id))
	case KindTandem:
		i, ok = position(prog.Tandems)(prog.Tandem(id))
	case KindGroup:
		i, ok = position(prog.Groups)(prog.Group(id))
	case KindAgreement:
		i, ok = position(prog.Agreements)(prog.Agreement(id))
	case KindOuting:
		i = slices.IndexFunc(prog.Outings, func(o mentoring.Outing) bool { return o.ID() == id })
		ok = i >= 0
	case KindProgramme:
		s := subjectAt(prog, k, 0)
		return s, s.id == id
	}
	if !ok {
		return subject{}, false
	}
	return subjectAt(prog, k, i), true
}

// position turns a look-up's result, a pointer into list, into the
// element's position.
func position[T any](list []T) func(e *T, found bool) (int, bool) {
	return func(e *T, found bool) (int, bool) {
		if !found {
			return 0, false
		}
		return int((uintptr(unsafe.Pointer(e)) - uintptr(unsafe.Pointer(unsafe.SliceData(list)))) / unsafe.Sizeof(*e)), true
	}
}

// pick returns the elements of list at the positions, for cel-go.
func pick[T any](list []T, at []int) []*T {
	out := make([]*T, len(at))
	for i, j := range at {
		out[i] = &list[j]
	}
	return out
}

// celSlots are the subject's variables for cel-go, in the order of
// kindVars.
func (s *subject) celSlots(prog *mentoring.Programme, asOf civil.Date) [8]any {
	switch s.kind {
	case KindVolunteer:
		return [8]any{asOf, prog, s.v, pick(prog.Tandems, s.tandems), pick(prog.Agreements, s.agreements), pick(prog.Reports, s.reports)}
	case KindChild:
		return [8]any{asOf, prog, s.c, s.inst, pick(prog.Tandems, s.tandems)}
	case KindTandem:
		return [8]any{asOf, prog, s.t, s.v, s.c, s.inst, pick(prog.Agreements, s.agreements), pick(prog.Groups, s.groups)}
	case KindGroup:
		return [8]any{asOf, prog, s.g, s.inst}
	case KindAgreement:
		return [8]any{asOf, prog, s.ag, s.v, pick(prog.Reports, s.reports)}
	case KindOuting:
		return [8]any{asOf, prog, s.out, s.t, s.v, s.c, pick(prog.Agreements, s.agreements)}
	case KindProgramme:
		return [8]any{asOf, prog}
	case KindPair:
		return [8]any{asOf, prog, s.v, s.c, s.inst, pick(prog.Agreements, s.agreements), pick(prog.Tandems, s.tandems)}
	case KindRespondent:
		return [8]any{asOf, s.resp}
	}
	return [8]any{}
}

// domain holds the goTypes of the structs subjects bind.
var domain = func() (d struct {
	programme, volunteer, child, institution, tandem, group, agreement, report, outing, response *goType
}) {
	d.programme = goTypeOf[mentoring.Programme]()
	d.volunteer = goTypeOf[volunteer.Volunteer]()
	d.child = goTypeOf[mentoring.Child]()
	d.institution = goTypeOf[mentoring.Institution]()
	d.tandem = goTypeOf[mentoring.Tandem]()
	d.group = goTypeOf[mentoring.Group]()
	d.agreement = goTypeOf[agreement.Agreement]()
	d.report = goTypeOf[agreement.Report]()
	d.outing = goTypeOf[mentoring.Outing]()
	d.response = goTypeOf[questionnaire.Response]()
	return d
}()

func ptr[T any](p *T) unsafe.Pointer { return unsafe.Pointer(p) }

// bindFast sets the frame's slots to the subject's variables, in the order
// of kindVars, without allocating.
func (s *subject) bindFast(fr *frame, prog *mentoring.Programme, asOf civil.Date) {
	d := &domain
	at, pr := dateV(asOf), objV(ptr(prog), d.programme)
	switch s.kind {
	case KindVolunteer:
		fr.slots = [8]val{at, pr, objV(ptr(s.v), d.volunteer), idxV(&fr.lists[3], prog.Tandems, s.tandems, d.tandem),
			idxV(&fr.lists[4], prog.Agreements, s.agreements, d.agreement), idxV(&fr.lists[5], prog.Reports, s.reports, d.report)}
	case KindChild:
		fr.slots = [8]val{at, pr, objV(ptr(s.c), d.child), objV(ptr(s.inst), d.institution), idxV(&fr.lists[4], prog.Tandems, s.tandems, d.tandem)}
	case KindTandem:
		fr.slots = [8]val{at, pr, objV(ptr(s.t), d.tandem), objV(ptr(s.v), d.volunteer), objV(ptr(s.c), d.child),
			objV(ptr(s.inst), d.institution), idxV(&fr.lists[6], prog.Agreements, s.agreements, d.agreement), idxV(&fr.lists[7], prog.Groups, s.groups, d.group)}
	case KindGroup:
		fr.slots = [8]val{at, pr, objV(ptr(s.g), d.group), objV(ptr(s.inst), d.institution)}
	case KindAgreement:
		fr.slots = [8]val{at, pr, objV(ptr(s.ag), d.agreement), objV(ptr(s.v), d.volunteer), idxV(&fr.lists[4], prog.Reports, s.reports, d.report)}
	case KindOuting:
		fr.slots = [8]val{at, pr, objV(ptr(s.out), d.outing), objV(ptr(s.t), d.tandem), objV(ptr(s.v), d.volunteer),
			objV(ptr(s.c), d.child), idxV(&fr.lists[6], prog.Agreements, s.agreements, d.agreement)}
	case KindProgramme:
		fr.slots = [8]val{at, pr}
	case KindPair:
		fr.slots = [8]val{at, pr, objV(ptr(s.v), d.volunteer), objV(ptr(s.c), d.child), objV(ptr(s.inst), d.institution),
			idxV(&fr.lists[5], prog.Agreements, s.agreements, d.agreement), idxV(&fr.lists[6], prog.Tandems, s.tandems, d.tandem)}
	case KindRespondent:
		fr.slots = [8]val{at, objV(ptr(s.resp), d.response)}
	}
}

// sizes are the declared list limits that subjects' lists are checked
// against before a bounded rule runs without a cost meter.
type sizes struct {
	tandems, agreements, reports, childGroups, languages, skills, weekdays, interests, mentors, children int
}

func sizesOf(l map[string]int) sizes {
	return sizes{tandems: l["tandems"], agreements: l["agreements"], reports: l["reports"], childGroups: l["child_groups"],
		languages: l["languages"], skills: l["skills"], weekdays: l["weekdays"], interests: l["interests"],
		mentors: l["mentors"], children: l["children"]}
}

// fits reports whether the subject's lists are within the declared limits,
// so that bounded rules may run without a cost meter.
func (s *subject) fits(l *sizes) bool {
	switch s.kind {
	case KindVolunteer:
		return len(s.tandems) <= l.tandems && len(s.agreements) <= l.agreements &&
			len(s.reports) <= l.reports && volunteerFits(l, s.v)
	case KindChild:
		return len(s.tandems) <= l.tandems && childFits(l, s.c)
	case KindTandem:
		return len(s.agreements) <= l.agreements && len(s.groups) <= l.childGroups &&
			volunteerFits(l, s.v) && childFits(l, s.c)
	case KindGroup:
		return len(s.g.Mentors) <= l.mentors && len(s.g.Children) <= l.children
	case KindAgreement:
		return len(s.reports) <= l.reports && volunteerFits(l, s.v) && agreementFits(l, s.ag)
	case KindOuting:
		return len(s.agreements) <= l.agreements && volunteerFits(l, s.v) && childFits(l, s.c)
	case KindPair:
		return len(s.agreements) <= l.agreements && len(s.tandems) <= l.tandems &&
			volunteerFits(l, s.v) && childFits(l, s.c)
	case KindRespondent:
		return true
	}
	return false // the programme: its lists are unbounded
}

func volunteerFits(l *sizes, v *volunteer.Volunteer) bool {
	if v == nil {
		return false
	}
	if len(v.Languages) > l.languages || len(v.Skills) > l.skills {
		return false
	}
	return v.FreeTime == nil || len(v.FreeTime.Weekdays) <= l.weekdays
}

func childFits(l *sizes, c *mentoring.Child) bool {
	return c != nil && len(c.Languages) <= l.languages && len(c.Interests) <= l.interests
}

func agreementFits(l *sizes, a *agreement.Agreement) bool {
	return len(a.Weekdays) <= l.weekdays
}

// binding is one subject bound for evaluation: the fast path's frame, and
// cel-go's activation, built only when a rule needs cel-go (a metered rule,
// a fast-path bail, a message to render).
//
// A binding holds values, not pointers to the caller's stack, so that it
// stays on the stack: only cel-go's activation is on the heap (pooled).
type binding struct {
	ke   *kindEnv
	s    subject
	prog *mentoring.Programme
	asOf civil.Date
	fr   *frame // nil: cel-go only
	a    *activation
}

// newBinding binds s. fr, if not nil, is reset and filled for s when the
// kind has a fast form.
func newBinding(ke *kindEnv, s *subject, prog *mentoring.Programme, asOf civil.Date, fr *frame) binding {
	b := binding{ke: ke, s: *s, prog: prog, asOf: asOf}
	if fr != nil && ke != nil && ke.fast != nil {
		fr.reset(ke.fast)
		s.bindFast(fr, prog, asOf)
		b.fr = fr
	}
	return b
}

// cel returns cel-go's activation for the subject, building it once.
func (b *binding) cel() *activation {
	if b.a == nil {
		a := activations.Get().(*activation)
		a.reset(b.ke)
		a.slots = b.s.celSlots(b.prog, b.asOf)
		b.a = a
	}
	return b.a
}

func (b *binding) release() {
	if b.a != nil {
		b.a.release()
		b.a = nil
	}
}
