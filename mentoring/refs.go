package mentoring

import "unsafe"

// Refs are a programme's references resolved to positions in its lists, as
// its index holds them: what an evaluator needs to walk the programme
// without looking an id up again (the rules engine reads them).
type Refs struct {
	// Institutions … Agreements map each id to its first position.
	Institutions, Volunteers, Children, Tandems, Groups, Agreements map[string]int
	// The position each element refers to (-1 when the reference dangles),
	// by the position of the referring element: ChildInstitution[i] is the
	// institution of Children[i].
	ChildInstitution, GroupInstitution, TandemMentor, TandemChild, AgreementVolunteer []int
	OutingTandem, VisitTandem, CheckInTandem, ReportVolunteer                         []int
}

// Refs returns the resolved references of the programme's index (built
// on first use), and false when a list the index covers has been replaced
// or resized since it was built: call [Programme.Index] again. The maps
// and slices are the index's own: read them, never change them.
func (p *Programme) Refs() (Refs, bool) {
	ix := p.ix()
	if !ix.lists.Of(p) {
		return Refs{}, false
	}
	return Refs{
		Institutions: ix.institutions, Volunteers: ix.volunteers, Children: ix.children,
		Tandems: ix.tandems, Groups: ix.groups, Agreements: ix.agreements,
		ChildInstitution: ix.childInstitution, GroupInstitution: ix.groupInstitution,
		TandemMentor: ix.tandemMentor, TandemChild: ix.tandemChild, AgreementVolunteer: ix.agreementVolunteer,
		OutingTandem: ix.outingTandem, VisitTandem: ix.visitTandem, CheckInTandem: ix.checkInTandem,
		ReportVolunteer: ix.reportVolunteer,
	}, true
}

// Lists is where a programme's twelve lists are and how long they are: a
// list replaced or resized since changes it; an id changed in place does
// not. The index keeps the Lists it was built for, and so may whatever
// else is derived from a programme (the rules engine's positions).
type Lists [12]struct {
	p unsafe.Pointer
	n int
}

// Lists returns where the programme's lists are now.
func (p *Programme) Lists() Lists {
	return Lists{
		{unsafe.Pointer(unsafe.SliceData(p.Institutions)), len(p.Institutions)},
		{unsafe.Pointer(unsafe.SliceData(p.Volunteers)), len(p.Volunteers)},
		{unsafe.Pointer(unsafe.SliceData(p.Children)), len(p.Children)},
		{unsafe.Pointer(unsafe.SliceData(p.Tandems)), len(p.Tandems)},
		{unsafe.Pointer(unsafe.SliceData(p.Groups)), len(p.Groups)},
		{unsafe.Pointer(unsafe.SliceData(p.Agreements)), len(p.Agreements)},
		{unsafe.Pointer(unsafe.SliceData(p.Outings)), len(p.Outings)},
		{unsafe.Pointer(unsafe.SliceData(p.Reports)), len(p.Reports)},
		{unsafe.Pointer(unsafe.SliceData(p.Meetings)), len(p.Meetings)},
		{unsafe.Pointer(unsafe.SliceData(p.Diary)), len(p.Diary)},
		{unsafe.Pointer(unsafe.SliceData(p.Visits)), len(p.Visits)},
		{unsafe.Pointer(unsafe.SliceData(p.CheckIns)), len(p.CheckIns)},
	}
}

// Of reports whether l is where p's lists are now, list by list, stopping
// at the first that differs: the common case, a programme unchanged,
// compares twelve pairs of words and builds nothing.
func (l *Lists) Of(p *Programme) bool {
	same := func(i int, data unsafe.Pointer, n int) bool { return l[i].p == data && l[i].n == n }
	return same(0, unsafe.Pointer(unsafe.SliceData(p.Institutions)), len(p.Institutions)) &&
		same(1, unsafe.Pointer(unsafe.SliceData(p.Volunteers)), len(p.Volunteers)) &&
		same(2, unsafe.Pointer(unsafe.SliceData(p.Children)), len(p.Children)) &&
		same(3, unsafe.Pointer(unsafe.SliceData(p.Tandems)), len(p.Tandems)) &&
		same(4, unsafe.Pointer(unsafe.SliceData(p.Groups)), len(p.Groups)) &&
		same(5, unsafe.Pointer(unsafe.SliceData(p.Agreements)), len(p.Agreements)) &&
		same(6, unsafe.Pointer(unsafe.SliceData(p.Outings)), len(p.Outings)) &&
		same(7, unsafe.Pointer(unsafe.SliceData(p.Reports)), len(p.Reports)) &&
		same(8, unsafe.Pointer(unsafe.SliceData(p.Meetings)), len(p.Meetings)) &&
		same(9, unsafe.Pointer(unsafe.SliceData(p.Diary)), len(p.Diary)) &&
		same(10, unsafe.Pointer(unsafe.SliceData(p.Visits)), len(p.Visits)) &&
		same(11, unsafe.Pointer(unsafe.SliceData(p.CheckIns)), len(p.CheckIns))
}
