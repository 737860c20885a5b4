package mentoring

import (
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/validation"
)

// Each element type validates itself in two steps: plain Go checks that
// build nothing confirm a well-formed element (the hot path: a programme of
// a million volunteers has a few million elements), and only when they
// fail does the tag validator run, to name every problem in three
// languages. The plain checks answer exactly what the tags do; the tests
// hold them to it on every boundary.

var institutionKinds = []InstitutionKind{Orphanage, AdaptationCentre, InspectorRegistry, SocialServiceCentre, School, CrisisCentre, YardClub, NGO}

// Validate reports every problem with the institution at once: its
// validate tags (id and name given, a known kind, a coordinator's name of
// at most 200 characters).
func (in *Institution) Validate() error {
	if in.ID != "" && validation.MaxLen(in.ID, 64) && in.Name != "" && validation.MaxLen(in.Name, 300) &&
		validation.OneOf(in.Kind, institutionKinds...) && validation.MaxLen(in.City, 100) &&
		validation.MaxLen(in.District, 100) && validation.MaxLen(in.Coordinator, 200) {
		return nil
	}
	return validation.Struct(in).Err()
}

// Validate reports every problem with the child at once: its validate tags
// and an admission before birth. Rules of the guide (ages, length of stay)
// are not checked here; the policy reports them.
func (c *Child) Validate() error {
	if c.wellFormed() {
		return nil
	}
	errs := validation.Struct(c)
	if before(c.AdmittedOn, c.BirthDate) {
		errs = append(errs, impossible("admitted_on", diag.Text{
			KK: "қабылданған күні туған күнінен бұрын",
			RU: "дата поступления раньше даты рождения",
			EN: "admitted_on is before the birth date",
		}))
	}
	return errs.Err()
}

func (c *Child) wellFormed() bool {
	ok := c.ID != "" && validation.MaxLen(c.ID, 64) && !c.BirthDate.IsZero() &&
		(c.Gender == "" || c.Gender == "female" || c.Gender == "male") &&
		c.Institution != "" && validation.MaxLen(c.Institution, 64) &&
		(c.Programme == "" || validation.OneOf(c.Programme, Individual, Coaching, GroupFmt)) &&
		len(c.Interests) <= 50 && len(c.Languages) <= 20 &&
		(c.MentorGender == "" || c.MentorGender == "female" || c.MentorGender == "male") &&
		!before(c.AdmittedOn, c.BirthDate)
	if !ok {
		return false
	}
	for _, s := range c.Interests {
		if !validation.MaxLen(s, 100) {
			return false
		}
	}
	for _, l := range c.Languages {
		if !validation.LanguageTag(l) {
			return false
		}
	}
	return true
}

// Validate reports every problem with the tandem at once: its validate
// tags (a close_reason from [CloseReasons]), a closing date before the
// start, and a closing date on a tandem that is not closed.
func (t *Tandem) Validate() error {
	if t.ID != "" && validation.MaxLen(t.ID, 64) && t.Mentor != "" && validation.MaxLen(t.Mentor, 64) &&
		t.Child != "" && validation.MaxLen(t.Child, 64) && !t.StartedOn.IsZero() && t.Phase.Valid() &&
		(t.CloseReason == "" || validation.OneOf(t.CloseReason, CloseReasons...)) &&
		validation.MaxLen(t.CloseNote, 1000) &&
		!before(t.ClosedOn, t.StartedOn) && (t.ClosedOn.IsZero() || t.Phase == Closed) {
		return nil
	}
	errs := validation.Struct(t)
	if before(t.ClosedOn, t.StartedOn) {
		errs = append(errs, impossible("closed_on", diag.Text{
			KK: "тандем басталмай тұрып жабылған (closed_on < started_on)",
			RU: "тандем закрыт раньше, чем начат (closed_on < started_on)",
			EN: "the tandem closed before it started (closed_on < started_on)",
		}))
	}
	if !t.ClosedOn.IsZero() && t.Phase != Closed && t.Phase != "" {
		errs = append(errs, impossible("closed_on", diag.Text{
			KK: "closed_on берілген, бірақ тандем әлі жабылмаған",
			RU: "указан closed_on, но тандем ещё не закрыт",
			EN: "closed_on is given but the tandem is not closed",
		}))
	}
	return errs.Err()
}

// Validate reports every problem with the group session at once: its
// validate tags (no one listed twice). Its size is a rule of the guide,
// checked by the policy.
func (g *Group) Validate() error {
	if g.ID != "" && validation.MaxLen(g.ID, 64) && g.Institution != "" && validation.MaxLen(g.Institution, 64) &&
		!g.Date.IsZero() && validation.MaxLen(g.Topic, 300) &&
		allGiven(g.Mentors) && allGiven(g.Children) && validation.Unique(g.Mentors) && validation.Unique(g.Children) {
		return nil
	}
	return validation.Struct(g).Err()
}

func allGiven(ids []string) bool {
	for _, id := range ids {
		if id == "" {
			return false
		}
	}
	return true
}

// Validate reports every problem with the outing at once.
func (o *Outing) Validate() error {
	if o.Tandem != "" && validation.MaxLen(o.Tandem, 64) && !o.Date.IsZero() && validation.MaxLen(o.Note, 1000) {
		return nil
	}
	return validation.Struct(o).Err()
}

// Validate reports every problem with the visit at once.
func (v *Visit) Validate() error {
	if v.Tandem != "" && validation.MaxLen(v.Tandem, 64) && !v.Date.IsZero() && validation.MaxLen(v.Note, 1000) {
		return nil
	}
	return validation.Struct(v).Err()
}

// Validate reports every problem with the check-in at once.
func (c *CheckIn) Validate() error {
	if c.Tandem != "" && validation.MaxLen(c.Tandem, 64) && !c.Date.IsZero() && validation.MaxLen(c.Note, 1000) {
		return nil
	}
	return validation.Struct(c).Err()
}

// Validate reports every problem with the meeting at once.
func (m *Meeting) Validate() error {
	if m.ID != "" && validation.MaxLen(m.ID, 64) && (m.Kind == Planning || m.Kind == General) &&
		validation.MaxLen(m.Institution, 64) && !m.Date.IsZero() && validation.Unique(m.Attendees) {
		return nil
	}
	return validation.Struct(m).Err()
}

// Validate checks that the programme is well-formed and returns every
// problem at once as a [diag.List] of problems named by JSON path
// ("tandems[2].mentor"), or nil. [Load] and [Decode] run it and add file
// positions.
//
// It checks, in this order: as_of is given and the top-level fields keep
// their limits (organisation at most 300 characters); each element's own
// Validate (tags and cross-field checks, paths prefixed "volunteers[3]."
// and so on); ids are unique and references resolve ([Programme.Index]);
// and the dates, as the package doc's "Malformed or a finding" lists them.
//
// It does not check the guide's rules: a 24-year-old mentor or a group of
// 19 is well-formed, and the policy reports it.
func (p *Programme) Validate() error { return p.validateUpTo(0) }

// validateUpTo validates p, keeping the problems of at most limit elements
// of each list in each pass (0: all), which is enough to report the first
// limit problems in file order.
func (p *Programme) validateUpTo(limit int) error {
	ix := p.buildIndex(limit)
	err := p.validate(ix, limit)
	p.state.Store(&state{ix: ix, validated: true, problems: err})
	return err
}

// Validated returns what [Programme.Validate] found, validating p first if
// nothing has since it was last indexed. Programmes from [Load], [Decode]
// and [Parse] are validated already. It is safe for concurrent use, so a
// service may share one programme between requests; changes made to the
// slices after validation are not seen until Validate or Index runs again.
func (p *Programme) Validated() error {
	if s := p.state.Load(); s != nil && s.validated {
		return s.problems
	}
	return p.Validate()
}

func (p *Programme) validate(ix *index, limit int) error {
	c := &collector{limit: limit}
	if p.AsOf.IsZero() {
		c.errs = append(c.errs, diag.New(diag.CodeRequired, "as_of"))
	}
	if !validation.MaxLen(p.Organisation, 300) {
		c.errs = append(c.errs, validation.Var("organisation", p.Organisation, "max=300")...)
	}
	each(c, "institutions", p.Institutions, (*Institution).Validate)
	each(c, "volunteers", p.Volunteers, validateVolunteer)
	each(c, "children", p.Children, (*Child).Validate)
	each(c, "tandems", p.Tandems, (*Tandem).Validate)
	each(c, "groups", p.Groups, (*Group).Validate)
	each(c, "agreements", p.Agreements, validateAgreement)
	each(c, "outings", p.Outings, (*Outing).Validate)
	each(c, "reports", p.Reports, validateReport)
	each(c, "meetings", p.Meetings, (*Meeting).Validate)
	each(c, "diary", p.Diary, validateDiary)
	each(c, "visits", p.Visits, (*Visit).Validate)
	each(c, "check_ins", p.CheckIns, (*CheckIn).Validate)
	errs := append(c.errs, ix.problems...)
	errs = append(errs, p.dates(ix, limit)...)
	return errs.Err()
}

func each[T any](c *collector, list string, items []T, validate func(*T) error) {
	for i := range items {
		if err := validate(&items[i]); err != nil && c.take(list, i) {
			for _, e := range diag.Errors(err) {
				c.errs = append(c.errs, e.Prefix(diag.Index(list, i)))
			}
		}
	}
}

// before reports whether both dates are set and a is before b.
func before(a, b civil.Date) bool { return !a.IsZero() && !b.IsZero() && a.Before(b) }

// impossible is a problem of dates in an impossible order. Its message
// names fields, never the dates, which may be a child's birth date.
func impossible(path string, t diag.Text) *diag.Error {
	return &diag.Error{Path: path, Code: diag.CodeImpossible, Args: []string{t.EN}, Text: &t}
}

// The years a date in a programme may have. A birth in 1899 or an
// agreement signed in 9999 is a typing slip, not a record.
const (
	FirstYear = 1900
	LastYear  = 2199
)

var (
	afterAsOf = diag.Text{
		KK: "бұл күн as_of күнінен кейін: әлі болмаған нәрсе жазылған",
		RU: "эта дата позже as_of: записано то, чего ещё не было",
		EN: "this date is after as_of: it records what has not happened yet",
	}
	implausible = diag.Text{
		KK: "бұл күн 1900–2199 жылдардан тыс: мұндай жазба болмайды",
		RU: "эта дата вне 1900–2199 годов: такой записи быть не может",
		EN: "this date is outside the years 1900–2199: no record can have it",
	}
	beforeMentorBirth = diag.Text{
		KK: "бұл күн тәлімгер туғанға дейін",
		RU: "эта дата раньше рождения наставника",
		EN: "this date is before the mentor was born",
	}
	beforeChildBirth = diag.Text{
		KK: "бұл күн бала туғанға дейін",
		RU: "эта дата раньше рождения ребёнка",
		EN: "this date is before the child was born",
	}
	beforeVolunteerBirth = diag.Text{
		KK: "бұл күн волонтер туғанға дейін",
		RU: "эта дата раньше рождения волонтёра",
		EN: "this date is before the volunteer was born",
	}
	monthAfterAsOf = diag.Text{
		KK: "есеп айы as_of айынан кейін",
		RU: "месяц отчёта позже месяца as_of",
		EN: "the report's month is after the month of as_of",
	}
)

// dateCheck checks dates one by one, building a path only for a problem.
type dateCheck struct {
	collector
	asOf civil.Date
}

// check checks the field of the i-th element of list: a year from
// FirstYear to LastYear, and, for what has happened (past), not after
// as_of.
func (c *dateCheck) check(list string, i int, field string, d civil.Date, past bool) {
	switch {
	case d.IsZero():
	case d.Year() < FirstYear || d.Year() > LastYear:
		c.add(list, i, field, implausible)
	case past && before(c.asOf, d):
		c.add(list, i, field, afterAsOf)
	}
}

func (c *dateCheck) add(list string, i int, field string, t diag.Text) {
	if c.take(list, i) {
		c.errs = append(c.errs, impossible(diag.Index(list, i)+"."+field, t))
	}
}

// dates finds dates that no reading of the data makes sense of: outside
// the years 1900–2199, a past event after as_of, something before the
// birth of the person it concerns. It runs after Index, so look-ups work
// even when some references dangle.
func (p *Programme) dates(ix *index, limit int) diag.List {
	c := &dateCheck{collector: collector{limit: limit}, asOf: p.AsOf}
	if !p.AsOf.IsZero() && (p.AsOf.Year() < FirstYear || p.AsOf.Year() > LastYear) {
		c.errs = append(c.errs, impossible("as_of", implausible))
	}
	for i := range p.Institutions {
		in := &p.Institutions[i]
		c.check("institutions", i, "partnership_signed_on", in.PartnershipSignedOn, true)
		c.check("institutions", i, "interaction_rules_on", in.InteractionRulesOn, true)
	}
	for i := range p.Volunteers {
		v := &p.Volunteers[i]
		c.check("volunteers", i, "birth_date", v.BirthDate, true)
		s := &v.Screening
		c.check("volunteers", i, "screening.interview", s.Interview, true)
		c.check("volunteers", i, "screening.psychological_test", s.PsychologicalTest, true)
		c.check("volunteers", i, "screening.training", s.Training, true)
		c.check("volunteers", i, "screening.documents", s.Documents, true)
		c.check("volunteers", i, "screening.safety_briefing", s.SafetyBriefing, true)
	}
	for i := range p.Children {
		ch := &p.Children[i]
		c.check("children", i, "birth_date", ch.BirthDate, true)
		c.check("children", i, "admitted_on", ch.AdmittedOn, true)
	}
	for i := range p.Tandems {
		t := &p.Tandems[i]
		c.check("tandems", i, "started_on", t.StartedOn, true)
		c.check("tandems", i, "closed_on", t.ClosedOn, true)
		if m := ix.tandemMentor[i]; m >= 0 && before(t.StartedOn, p.Volunteers[m].BirthDate) {
			c.add("tandems", i, "started_on", beforeMentorBirth)
		}
		if ch := ix.tandemChild[i]; ch >= 0 && before(t.StartedOn, p.Children[ch].BirthDate) {
			c.add("tandems", i, "started_on", beforeChildBirth)
		}
	}
	for i := range p.Groups {
		c.check("groups", i, "date", p.Groups[i].Date, false)
	}
	// An outing, a visit or a check-in before the child was born concerns
	// no one. One after the tandem closed (or before it started) is a
	// finding of the policy, not malformed: it loads.
	contact := func(list string, i int, tandem int, date civil.Date, past bool) {
		c.check(list, i, "date", date, past)
		if tandem < 0 {
			return
		}
		if ch := ix.tandemChild[tandem]; ch >= 0 && before(date, p.Children[ch].BirthDate) {
			c.add(list, i, "date", beforeChildBirth)
		}
	}
	for i := range p.Outings {
		contact("outings", i, ix.outingTandem[i], p.Outings[i].Date, false)
	}
	for i := range p.Visits {
		contact("visits", i, ix.visitTandem[i], p.Visits[i].Date, true)
	}
	for i := range p.CheckIns {
		contact("check_ins", i, ix.checkInTandem[i], p.CheckIns[i].Date, true)
	}
	for i := range p.Agreements {
		a := &p.Agreements[i]
		c.check("agreements", i, "signed_on", a.SignedOn, true)
		c.check("agreements", i, "notice_given_on", a.NoticeGivenOn, true)
		c.check("agreements", i, "ends_on", a.EndsOn, false)
		if a.Party != nil {
			c.check("agreements", i, "party.id_document.issued_on", a.Party.IDDocument.IssuedOn, true)
		}
		if v := ix.agreementVolunteer[i]; v >= 0 && before(a.SignedOn, p.Volunteers[v].BirthDate) {
			c.add("agreements", i, "signed_on", beforeVolunteerBirth)
		}
	}
	asOfMonth := p.AsOf.In()
	for i := range p.Reports {
		r := &p.Reports[i]
		switch {
		case r.Month.IsZero():
		case r.Month.Year() < FirstYear || r.Month.Year() > LastYear:
			c.add("reports", i, "month", implausible)
		case !p.AsOf.IsZero() && r.Month.After(asOfMonth):
			c.add("reports", i, "month", monthAfterAsOf)
		}
		c.check("reports", i, "submitted_on", r.SubmittedOn, false)
	}
	for i := range p.Meetings {
		c.check("meetings", i, "date", p.Meetings[i].Date, false)
	}
	for i := range p.Diary {
		c.check("diary", i, "date", p.Diary[i].Date, false)
	}
	return c.errs
}
