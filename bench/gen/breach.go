package gen

import (
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// breach gives each subject, with probability Violations, one of the
// breaches of its kind. Every breach keeps the file well-formed (no date
// after as_of or before a birth): the guide forbids it, the loader does not.
func (g *generator) breach() {
	p := g.p
	g.dropped = make([]bool, len(p.Reports))
	g.droppedVisits = make([]bool, len(p.Visits))
	hit := func() bool { return g.rng.Float64() < g.cfg.Violations }
	for i := range p.Institutions {
		if hit() {
			g.institutionBreach(i)
		}
	}
	for i := range p.Volunteers {
		if hit() {
			g.volunteerBreach(&p.Volunteers[i])
		}
	}
	for i := range p.Children {
		if hit() {
			g.childBreach(&p.Children[i])
		}
	}
	for i := range p.Tandems {
		if hit() {
			g.tandemBreach(&p.Tandems[i])
		}
	}
	for i := range p.Groups {
		if hit() {
			g.groupBreach(i)
		}
	}
	for i := range p.Agreements {
		if hit() {
			g.agreementBreach(i)
		}
	}
	for i := range p.Outings {
		if hit() {
			g.outingBreach(&p.Outings[i])
		}
	}
	if hit() {
		// No general meeting in the month before as_of.
		prev := AsOf.In().Add(-1)
		kept := p.Meetings[:0]
		for _, m := range p.Meetings {
			if m.Date.In() != prev {
				kept = append(kept, m)
			}
		}
		p.Meetings = kept
	}
	kept := p.Reports[:0]
	for i, r := range p.Reports {
		if !g.dropped[i] {
			kept = append(kept, r)
		}
	}
	p.Reports = kept
	visits := p.Visits[:0]
	for i, v := range p.Visits {
		if !g.droppedVisits[i] {
			visits = append(visits, v)
		}
	}
	p.Visits = visits
}

// institutionBreach takes the breaches in turn (institutions are few).
func (g *generator) institutionBreach(i int) {
	in := &g.p.Institutions[i]
	switch i % 3 {
	case 0: // institution.coordinator: none named
		in.Coordinator = ""
	case 1: // institution.partnership_agreement: signed after its tandems began
		in.PartnershipSignedOn = AsOf.AddDays(-20)
	default: // institution.interaction_rules: adopted after its outings
		in.InteractionRulesOn = AsOf.AddDays(-20)
	}
}

// ageOn returns a birth date that makes someone exactly years old on d,
// their next birthday within the next few days.
func (g *generator) ageOn(years int, d civil.Date) civil.Date {
	return d.AddMonths(-12 * (years + 1)).AddDays(1 + g.rng.IntN(20))
}

func (g *generator) volunteerBreach(v *volunteer.Volunteer) {
	if i := volunteerIndex(v.ID); g.tandemOf[i] >= 0 && g.rng.IntN(6) == 0 {
		// mentor.single_tandem: a second child, getting acquainted
		g.secondTandem(i)
		return
	}
	switch g.rng.IntN(5) {
	case 0: // mentor.min_age: 24 on as_of (a group volunteer is allowed to be)
		v.BirthDate = g.ageOn(24, AsOf)
	case 1: // mentor.commitment
		v.CommitmentMonths = 11
	case 2: // volunteer.minor_consent: 13, no consent
		v.BirthDate, v.ParentalConsent = g.ageOn(13, AsOf), false
	case 3: // volunteer.event_min_age
		v.Role, v.BirthDate = volunteer.EventVolunteer, g.ageOn(17, AsOf)
	default: // volunteer.cascade_level
		v.Level, v.CompletedCycles = volunteer.Master, 2
	}
}

func (g *generator) childBreach(c *mentoring.Child) {
	switch g.rng.IntN(3) {
	case 0: // coaching.age_range: 13
		c.Programme, c.BirthDate = mentoring.Coaching, g.ageOn(13, AsOf)
	case 1: // child.adaptation_centre_stay, in an adaptation centre
		if !c.AdmittedOn.IsZero() {
			c.AdmittedOn = AsOf.AddMonths(-7)
		}
	default: // child.adaptation_centre_age, in an adaptation centre: 19
		if !c.AdmittedOn.IsZero() {
			c.BirthDate = g.ageOn(19, AsOf)
		}
	}
}

// secondTandem gives volunteer i a second open tandem, with a new child of
// the same institution, started three days before as_of: nothing else is
// due for it yet.
func (g *generator) secondTandem(i int) {
	p := g.p
	first := p.Tandems[g.tandemOf[i]]
	inst := p.Children[i/2].Institution
	c := mentoring.Child{ID: first.Child + "-2", Institution: inst, Programme: mentoring.Individual,
		BirthDate: civil.D(2013, 6, 1), AdmittedOn: p.Children[i/2].AdmittedOn}
	p.Children = append(p.Children, c)
	p.Tandems = append(p.Tandems, mentoring.Tandem{ID: first.ID + "-2", Mentor: first.Mentor, Child: c.ID,
		StartedOn: AsOf.AddDays(-3), Phase: mentoring.Acquaintance})
}

func (g *generator) tandemBreach(t *mentoring.Tandem) {
	p := g.p
	k := volunteerIndex(t.Mentor) / 2 // the tandem's position, its child's too
	if k < len(g.visitsOf) && p.Tandems[k].ID == t.ID {
		switch g.rng.IntN(9) {
		case 0: // tandem.regular_contact: two visits in a row missed
			if v := g.visitsOf[k]; v[1]-v[0] >= 6 {
				mid := (v[0] + v[1]) / 2
				g.droppedVisits[mid], g.droppedVisits[mid+1] = true, true
				return
			}
		case 1: // tandem.first_week_support: the coordinator came on day 8 or later
			p.CheckIns[k].Date = t.StartedOn.AddDays(8 + g.rng.IntN(10))
			return
		case 2: // mentor.safety_briefing: instructed after the start
			p.Volunteers[volunteerIndex(t.Mentor)].Screening.SafetyBriefing = t.StartedOn.AddDays(1 + g.rng.IntN(10))
			return
		case 3: // tandem.early_closure: the mentor withdrew after two months
			if t.Phase == mentoring.ActivePhase {
				t.Phase, t.ClosedOn, t.CloseReason = mentoring.Closed, minDate(t.StartedOn.AddMonths(2), AsOf), mentoring.MentorWithdrew
				return
			}
		}
	}
	switch g.rng.IntN(4) {
	case 0: // mentor.screening: documents not yet handed in
		m := &p.Volunteers[volunteerIndex(t.Mentor)]
		m.Screening.Documents = civil.Date{}
	case 1: // mentor.agreement: signed the day after the tandem started
		a := &p.Agreements[volunteerIndex(t.Mentor)]
		a.SignedOn = t.StartedOn.AddDays(1)
	case 2: // child.min_age, in an orphanage: 9 when the tandem started
		c := &p.Children[volunteerIndex(t.Mentor)/2]
		c.BirthDate = g.ageOn(9, t.StartedOn)
	default: // tandem.group_first: started the day before the group met
		grp := &p.Groups[volunteerIndex(t.Mentor)/groupMentors]
		if grp.Date.AddDays(-1).Before(t.StartedOn) {
			t.StartedOn = grp.Date.AddDays(-1)
		}
	}
}

func (g *generator) groupBreach(i int) {
	grp := &g.p.Groups[i]
	if g.rng.IntN(2) == 0 || i+1 >= len(g.p.Groups) {
		// group.min_size: a child fewer
		if len(grp.Children) > 0 {
			grp.Children = grp.Children[: len(grp.Children)-1 : len(grp.Children)-1]
		}
		return
	}
	// group.max_size: the next group's people join, 24 in all.
	next := g.p.Groups[i+1]
	grp.Mentors = append(append([]string(nil), grp.Mentors...), next.Mentors...)
	grp.Children = append(append([]string(nil), grp.Children...), next.Children...)
}

func (g *generator) agreementBreach(i int) {
	a := &g.p.Agreements[i]
	switch g.rng.IntN(3) {
	case 0: // agreement.notice: 13 days
		a.EndsOn = AsOf.AddDays(-g.rng.IntN(10))
		a.NoticeGivenOn = a.EndsOn.AddDays(-13)
	case 1: // agreement.notice: none
		a.EndsOn = AsOf.AddDays(-g.rng.IntN(10))
	default: // agreement.monthly_report: one of the last three months missing
		if first := g.firstReport(i); first >= 0 {
			g.dropped[first+reportsPerYear-1-g.rng.IntN(3)] = true
		}
	}
}

// firstReport is the index of volunteer i's first report: every volunteer
// has reportsPerYear of them, in volunteer order, until breaches drop some.
func (g *generator) firstReport(i int) int {
	k := i * reportsPerYear
	if k >= len(g.p.Reports) || g.p.Reports[k].Volunteer != g.p.Volunteers[i].ID {
		return -1
	}
	return k
}

func (g *generator) outingBreach(o *mentoring.Outing) {
	t := &g.p.Tandems[volunteerIndex(o.Tandem[len("t-"):])/2]
	if g.rng.IntN(2) == 0 && t.Phase != mentoring.Closed {
		// tandem.outing_agreement: still meeting inside the institution
		t.Phase = mentoring.InsideInstitution
		return
	}
	// tandem.outing_agreement: before the tandem started
	o.Date = t.StartedOn.AddDays(-3)
}

// volunteerIndex parses the number of a generated id "v-123".
func volunteerIndex(id string) int {
	n := 0
	for _, c := range id[len("v-"):] {
		n = n*10 + int(c-'0')
	}
	return n
}
