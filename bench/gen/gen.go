package gen

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// AsOf is the date of every generated programme.
var AsOf = civil.D(2026, 11, 24)

// Config describes a generated programme. The zero Config is an empty
// programme.
type Config struct {
	// Volunteers is N, the number of volunteers. Every second one mentors a
	// child in a tandem; eight consecutive volunteers and their four
	// children meet as a group.
	Volunteers int
	// Seed picks the random names, dates and breaches; the same Config gives
	// the same programme.
	Seed uint64
	// Violations is the share of subjects, 0 to 1, given one deliberate
	// breach of a guide rule (an under-age mentor, a missing report, a group
	// of 19, …). Zero gives a programme on which the guide policy finds
	// nothing.
	Violations float64
}

// ErrConfig reports a Config that cannot describe a programme.
var ErrConfig = errors.New("gen: bad config")

// maxVolunteers keeps a typo from asking for terabytes: ten times the
// national roster the loader is built for.
const maxVolunteers = 10_000_000

// Programme builds the programme c describes. It is neither indexed nor
// validated: write it out and load it, as a user's file would be.
func Programme(c Config) (*mentoring.Programme, error) {
	if c.Volunteers < 0 || c.Volunteers > maxVolunteers {
		return nil, fmt.Errorf("%w: volunteers %d, want 0 to %d", ErrConfig, c.Volunteers, maxVolunteers)
	}
	if !(c.Violations >= 0 && c.Violations <= 1) {
		return nil, fmt.Errorf("%w: violations %v, want 0 to 1", ErrConfig, c.Violations)
	}
	g := &generator{cfg: c, rng: rand.New(rand.NewPCG(c.Seed, 0x5abaa)), n: c.Volunteers}
	g.build()
	if c.Violations > 0 {
		g.breach()
	}
	return g.p, nil
}

type generator struct {
	cfg Config
	rng *rand.Rand
	n   int
	p   *mentoring.Programme

	// tandemOf[i] is the index of volunteer i's tandem, or -1.
	tandemOf []int
	// visitsOf[t] is where tandem t's visits lie in Visits: [from, to).
	visitsOf [][2]int
	// dropped marks reports a breach removed, droppedVisits visits.
	dropped, droppedVisits []bool
}

// Volunteers are grouped in blocks of eight: one group session each, with
// the four children of its even-numbered volunteers. Twelve groups share an
// institution.
const (
	groupMentors      = 8
	groupsPerInstitut = 12
	reportsPerYear    = 8 // March to October: the months between signing in February and as_of
	visitsPerTandem   = 20
)

func (g *generator) build() {
	n := g.n
	g.p = &mentoring.Programme{
		AsOf:         AsOf,
		Organisation: "«Бірге» волонтерлік орталығы",
		Volunteers:   make([]volunteer.Volunteer, 0, n),
		Children:     make([]mentoring.Child, 0, (n+1)/2),
		Tandems:      make([]mentoring.Tandem, 0, (n+1)/2),
		Groups:       make([]mentoring.Group, 0, n/groupMentors+1),
		Agreements:   make([]agreement.Agreement, 0, n),
		Reports:      make([]agreement.Report, 0, reportsPerYear*n),
		Outings:      make([]mentoring.Outing, 0, n/8+1),
		Visits:       make([]mentoring.Visit, 0, visitsPerTandem*((n+1)/2)),
		CheckIns:     make([]mentoring.CheckIn, 0, (n+1)/2),
	}
	g.tandemOf = make([]int, n)
	blocks := (n + groupMentors - 1) / groupMentors
	for k := range (blocks + groupsPerInstitut - 1) / groupsPerInstitut {
		g.institution(k)
	}
	for i := range n {
		g.tandemOf[i] = -1
		v := g.volunteer(i)
		a := g.agreement(i, v)
		g.reports(v.ID, a.SignedOn)
		if i%2 == 0 {
			g.tandem(i, v, a)
		}
	}
	for b := range blocks {
		g.group(b)
	}
	for m := 1; m <= int(AsOf.Month()); m++ {
		g.p.Meetings = append(g.p.Meetings, mentoring.Meeting{
			ID: fmt.Sprintf("m-%d-%02d", AsOf.Year(), m), Kind: mentoring.General,
			Date: civil.D(AsOf.Year(), time.Month(m), 5+g.rng.IntN(20)),
		})
	}
}

// between is a random date from lo to hi, both included.
func (g *generator) between(lo, hi civil.Date) civil.Date {
	return lo.AddDays(g.rng.IntN(lo.DaysUntil(hi) + 1))
}

func (g *generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func instID(k int) string { return "inst-" + strconv.Itoa(k) }

// institutionKinds repeat every ten institutions: mostly orphanages, as in
// the guide's programme, and one of each other kind that takes tandems.
var institutionKinds = [10]mentoring.InstitutionKind{
	mentoring.Orphanage, mentoring.Orphanage, mentoring.Orphanage, mentoring.SocialServiceCentre,
	mentoring.Orphanage, mentoring.Orphanage, mentoring.AdaptationCentre, mentoring.Orphanage,
	mentoring.CrisisCentre, mentoring.Orphanage,
}

func (g *generator) institution(k int) {
	kind := institutionKinds[k%len(institutionKinds)]
	city := g.pick(cities)
	// Its coordinator, its written agreement with the organisation and
	// its rules for contact and outings come before any tandem (from
	// March) or outing.
	g.p.Institutions = append(g.p.Institutions, mentoring.Institution{
		ID: instID(k), Name: fmt.Sprintf("%s №%d (%s)", institutionNames[kind], k+1, city),
		Kind: kind, City: city, District: g.pick(districts),
		Coordinator:         g.name(volunteer.Female),
		PartnershipSignedOn: g.between(civil.D(2025, 12, 1), civil.D(2026, 1, 31)),
		InteractionRulesOn:  g.between(civil.D(2026, 1, 1), civil.D(2026, 2, 14)),
	})
}

func (g *generator) volunteer(i int) *volunteer.Volunteer {
	r := g.rng
	gender := volunteer.Female
	if r.IntN(5) < 2 {
		gender = volunteer.Male
	}
	v := volunteer.Volunteer{
		ID:        "v-" + strconv.Itoa(i),
		FullName:  g.name(gender),
		Gender:    gender,
		City:      g.pick(cities),
		Languages: languageSets[r.IntN(len(languageSets))],
		Contacts: &volunteer.Contacts{
			Phone: fmt.Sprintf("+7 7%02d %03d %02d %02d", r.IntN(100), r.IntN(1000), r.IntN(100), r.IntN(100)),
			Email: fmt.Sprintf("volunteer%d@example.kz", i),
		},
		Education: educations[r.IntN(len(educations))],
		Role:      volunteer.IndividualMentor,
		Status:    volunteer.Active,
	}
	if r.IntN(3) == 0 {
		v.Contacts.Address = fmt.Sprintf("%s, %s көшесі, %d", v.City, g.pick(streets), 1+r.IntN(150))
	}
	// Every second volunteer mentors a child; of the others most are
	// individual mentors still waiting for one, some help in groups and
	// may be younger than 25.
	young := i%2 == 1 && r.IntN(10) < 2
	if young {
		v.Role = volunteer.GroupVolunteer
		v.BirthDate = g.between(civil.D(2002, 1, 1), civil.D(2007, 12, 31))
		v.CommitmentMonths = []int{6, 12}[r.IntN(2)]
	} else {
		v.BirthDate = g.between(civil.D(1966, 1, 1), civil.D(2000, 12, 31))
		v.CommitmentMonths = []int{12, 18, 24, 36}[r.IntN(4)]
	}
	// Screening: the four stages in order, all before the agreement is
	// signed in February.
	in := g.between(civil.D(2025, 10, 1), civil.D(2025, 11, 30))
	psy := in.AddDays(2 + r.IntN(9))
	tr := psy.AddDays(5 + r.IntN(16))
	v.Screening = volunteer.Screening{Interview: in, PsychologicalTest: psy, Training: tr, Documents: tr.AddDays(2 + r.IntN(9))}
	v.Screening.SafetyBriefing = v.Screening.Documents.AddDays(1 + r.IntN(5))
	switch x := r.IntN(20); {
	case x < 14:
		v.Level, v.CompletedCycles = volunteer.Trainee, r.IntN(2)
	case x < 19:
		v.Level, v.CompletedCycles = volunteer.Mentor, 1+r.IntN(3)
	default:
		v.Level, v.CompletedCycles = volunteer.Master, 3+r.IntN(4)
	}
	g.p.Volunteers = append(g.p.Volunteers, v)
	return &g.p.Volunteers[len(g.p.Volunteers)-1]
}

func (g *generator) name(gender volunteer.Gender) string {
	if gender == volunteer.Female {
		return g.pick(femaleNames) + " " + g.pick(surnames) + "а"
	}
	return g.pick(maleNames) + " " + g.pick(surnames)
}

func (g *generator) agreement(i int, v *volunteer.Volunteer) *agreement.Agreement {
	r := g.rng
	g.p.Agreements = append(g.p.Agreements, agreement.Agreement{
		ID: "a-" + v.ID, Volunteer: v.ID, City: v.City,
		HoursPerWeek: 2 + r.IntN(9),
		Weekdays:     weekdaySets[r.IntN(len(weekdaySets))],
		SignedOn:     g.between(civil.D(2026, 2, 1), civil.D(2026, 2, 28)),
	})
	if r.IntN(4) == 0 {
		g.p.Agreements[len(g.p.Agreements)-1].ReimbursedCosts = []agreement.Cost{agreement.Transport}
	}
	return &g.p.Agreements[len(g.p.Agreements)-1]
}

// reports adds a monthly report for every month between the agreement's
// signing and as_of.
func (g *generator) reports(id string, signed civil.Date) {
	for _, m := range civil.Between(signed.In(), AsOf.In()) {
		rep := agreement.Report{Volunteer: id, Month: m,
			SubmittedOn: m.Add(1).First().AddDays(g.rng.IntN(5)), Hours: 4 + g.rng.IntN(37)}
		if g.rng.IntN(10) == 0 {
			rep.Summary = g.pick(summaries)
		}
		g.p.Reports = append(g.p.Reports, rep)
	}
}

func (g *generator) tandem(i int, v *volunteer.Volunteer, a *agreement.Agreement) {
	r := g.rng
	inst := &g.p.Institutions[i/groupMentors/groupsPerInstitut]
	c := mentoring.Child{
		ID: "c-" + strconv.Itoa(i), Gender: []string{"female", "male"}[r.IntN(2)],
		Institution: inst.ID, Programme: mentoring.Individual,
		BirthDate: g.between(civil.D(2009, 1, 1), civil.D(2015, 12, 31)),
		Interests: interestSets[r.IntN(len(interestSets))],
		Languages: languageSets[r.IntN(len(languageSets))],
	}
	if age := c.BirthDate.YearsUntil(AsOf); age >= 14 && r.IntN(3) == 0 {
		c.Programme = mentoring.Coaching
	}
	t := mentoring.Tandem{ID: "t-" + v.ID, Mentor: v.ID, Child: c.ID, Phase: mentoring.ActivePhase,
		StartedOn: g.between(civil.D(2026, 3, 1), civil.D(2026, 5, 31))}
	if inst.Kind == mentoring.AdaptationCentre {
		// A stay is short: admitted within the last six months, paired soon after.
		c.AdmittedOn = g.between(AsOf.AddDays(-170), AsOf.AddDays(-60))
		t.StartedOn = c.AdmittedOn.AddDays(3 + r.IntN(20))
	}
	switch x := r.IntN(20); {
	case x < 2:
		t.Phase = mentoring.InsideInstitution
	case x < 3:
		t.Phase = mentoring.Closing
	}
	if t.Phase == mentoring.ActivePhase && (i/2)%2 == 0 {
		on := g.between(t.StartedOn.AddDays(14), minDate(t.StartedOn.AddDays(53), AsOf))
		g.p.Outings = append(g.p.Outings, mentoring.Outing{Tandem: t.ID, Date: on, Note: g.pick(outingNotes)})
	}
	// The coordinator's first-week support, and a visit every 12 to 14
	// days from the start to as_of: never a stretch of more than 14 days
	// without a meeting (tandem.regular_contact).
	g.p.CheckIns = append(g.p.CheckIns, mentoring.CheckIn{Tandem: t.ID, Date: t.StartedOn.AddDays(1 + r.IntN(7))})
	from := len(g.p.Visits)
	for d := t.StartedOn.AddDays(12 + r.IntN(3)); !d.After(AsOf); d = d.AddDays(12 + r.IntN(3)) {
		g.p.Visits = append(g.p.Visits, mentoring.Visit{Tandem: t.ID, Date: d})
	}
	g.visitsOf = append(g.visitsOf, [2]int{from, len(g.p.Visits)})
	g.tandemOf[i] = len(g.p.Tandems)
	g.p.Children = append(g.p.Children, c)
	g.p.Tandems = append(g.p.Tandems, t)
}

// group b holds volunteers 8b…8b+7 and their children, before any of
// their tandems starts, so that every tandem began in a group session.
func (g *generator) group(b int) {
	first := b * groupMentors
	last := min(first+groupMentors, g.n)
	grp := mentoring.Group{ID: "g-" + strconv.Itoa(first), Institution: instID(b / groupsPerInstitut),
		Date: g.between(civil.D(2026, 2, 16), civil.D(2026, 2, 28)), Topic: g.pick(topics)}
	for i := first; i < last; i++ {
		grp.Mentors = append(grp.Mentors, g.p.Volunteers[i].ID)
		if t := g.tandemOf[i]; t >= 0 {
			grp.Children = append(grp.Children, g.p.Tandems[t].Child)
		}
	}
	g.p.Groups = append(g.p.Groups, grp)
}

func minDate(a, b civil.Date) civil.Date {
	if a.Before(b) {
		return a
	}
	return b
}
