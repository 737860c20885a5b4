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
	if ix.shape != shapeOf(p) {
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

// shape is where the indexed lists were and how long: a list replaced or
// resized since leaves its index stale.
type shape [10]struct {
	p unsafe.Pointer
	n int
}

func shapeOf(p *Programme) shape {
	return shape{
		{unsafe.Pointer(unsafe.SliceData(p.Institutions)), len(p.Institutions)},
		{unsafe.Pointer(unsafe.SliceData(p.Volunteers)), len(p.Volunteers)},
		{unsafe.Pointer(unsafe.SliceData(p.Children)), len(p.Children)},
		{unsafe.Pointer(unsafe.SliceData(p.Tandems)), len(p.Tandems)},
		{unsafe.Pointer(unsafe.SliceData(p.Groups)), len(p.Groups)},
		{unsafe.Pointer(unsafe.SliceData(p.Agreements)), len(p.Agreements)},
		{unsafe.Pointer(unsafe.SliceData(p.Outings)), len(p.Outings)},
		{unsafe.Pointer(unsafe.SliceData(p.Reports)), len(p.Reports)},
		{unsafe.Pointer(unsafe.SliceData(p.Visits)), len(p.Visits)},
		{unsafe.Pointer(unsafe.SliceData(p.CheckIns)), len(p.CheckIns)},
	}
}
