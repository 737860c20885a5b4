package mentoring

import (
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/validation"
)

// Validate reports every problem with the institution at once: its
// validate tags (id and name given, a known kind).
func (in *Institution) Validate() error { return validation.Struct(in).Err() }

// Validate reports every problem with the child at once: its validate tags
// and an admission before birth. Rules of the guide (ages, length of stay)
// are not checked here; the policy reports them.
func (c *Child) Validate() error {
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

// Validate reports every problem with the tandem at once: its validate
// tags, a closing date before the start, and a closing date on a tandem
// that is not closed.
func (t *Tandem) Validate() error {
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
func (g *Group) Validate() error { return validation.Struct(g).Err() }

// Validate reports every problem with the outing at once.
func (o *Outing) Validate() error { return validation.Struct(o).Err() }

// Validate reports every problem with the meeting at once.
func (m *Meeting) Validate() error { return validation.Struct(m).Err() }

// Validate checks that the programme is well-formed and returns every
// problem at once as a [diag.List] of problems named by JSON path
// ("tandems[2].mentor"), or nil. [Load] and [Decode] run it and add file
// positions.
//
// It checks, in this order: as_of is given; each element's own Validate
// (tags and cross-field checks, paths prefixed "volunteers[3]." and so
// on); ids are unique and references resolve ([Programme.Index]); and no
// dates are in an impossible order — a birth, a screening, a start or a
// signing after as_of, a tandem before either person was born, a tandem
// closed before it started, an outing before the child's birth or after
// the tandem closed, an agreement signed before the volunteer was born
// (agreement.Agreement.Validate rejects one ending or noticed before it
// was signed), a report for a month after as_of.
//
// It does not check the guide's rules: a 24-year-old mentor or a group of
// 19 is well-formed, and the policy reports it.
func (p *Programme) Validate() error {
	ix := p.buildIndex()
	err := p.validate(ix)
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

func (p *Programme) validate(ix *index) error {
	var errs diag.List
	if p.AsOf.IsZero() {
		errs = append(errs, diag.New(diag.CodeRequired, "as_of"))
	}
	each(&errs, "institutions", p.Institutions, (*Institution).Validate)
	each(&errs, "volunteers", p.Volunteers, validateVolunteer)
	each(&errs, "children", p.Children, (*Child).Validate)
	each(&errs, "tandems", p.Tandems, (*Tandem).Validate)
	each(&errs, "groups", p.Groups, (*Group).Validate)
	each(&errs, "agreements", p.Agreements, validateAgreement)
	each(&errs, "outings", p.Outings, (*Outing).Validate)
	each(&errs, "reports", p.Reports, validateReport)
	each(&errs, "meetings", p.Meetings, (*Meeting).Validate)
	each(&errs, "diary", p.Diary, validateDiary)
	errs = append(errs, ix.problems...)
	errs = append(errs, p.dates()...)
	return errs.Err()
}

func each[T any](errs *diag.List, list string, items []T, validate func(*T) error) {
	for i := range items {
		for _, e := range diag.Errors(validate(&items[i])) {
			*errs = append(*errs, e.Prefix(diag.Index(list, i)))
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

var (
	afterAsOf = diag.Text{
		KK: "бұл күн as_of күнінен кейін: әлі болмаған нәрсе жазылған",
		RU: "эта дата позже as_of: записано то, чего ещё не было",
		EN: "this date is after as_of: it records what has not happened yet",
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
	afterClosing = diag.Text{
		KK: "сыртқа шығу тандем жабылғаннан кейін",
		RU: "выход после закрытия тандема",
		EN: "the outing is after the tandem closed",
	}
	monthAfterAsOf = diag.Text{
		KK: "есеп айы as_of айынан кейін",
		RU: "месяц отчёта позже месяца as_of",
		EN: "the report's month is after the month of as_of",
	}
)

// dates finds dates in an impossible order across the programme. It runs
// after Index, so look-ups work even when some references dangle.
func (p *Programme) dates() diag.List {
	var errs diag.List
	asOf := p.AsOf
	future := func(path string, d civil.Date) {
		if before(asOf, d) {
			errs = append(errs, impossible(path, afterAsOf))
		}
	}
	for i, v := range p.Volunteers {
		at := diag.Index("volunteers", i)
		future(at+".birth_date", v.BirthDate)
		s := v.Screening
		future(at+".screening.interview", s.Interview)
		future(at+".screening.psychological_test", s.PsychologicalTest)
		future(at+".screening.training", s.Training)
		future(at+".screening.documents", s.Documents)
	}
	for i, c := range p.Children {
		at := diag.Index("children", i)
		future(at+".birth_date", c.BirthDate)
		future(at+".admitted_on", c.AdmittedOn)
	}
	for i, t := range p.Tandems {
		at := diag.Index("tandems", i)
		future(at+".started_on", t.StartedOn)
		future(at+".closed_on", t.ClosedOn)
		if m, ok := p.Volunteer(t.Mentor); ok && before(t.StartedOn, m.BirthDate) {
			errs = append(errs, impossible(at+".started_on", beforeMentorBirth))
		}
		if c, ok := p.Child(t.Child); ok && before(t.StartedOn, c.BirthDate) {
			errs = append(errs, impossible(at+".started_on", beforeChildBirth))
		}
	}
	for i, o := range p.Outings {
		at := diag.Index("outings", i) + ".date"
		t, ok := p.Tandem(o.Tandem)
		if !ok {
			continue
		}
		if c, ok := p.Child(t.Child); ok && before(o.Date, c.BirthDate) {
			errs = append(errs, impossible(at, beforeChildBirth))
		}
		if before(t.ClosedOn, o.Date) {
			errs = append(errs, impossible(at, afterClosing))
		}
	}
	for i, a := range p.Agreements {
		at := diag.Index("agreements", i)
		future(at+".signed_on", a.SignedOn)
		future(at+".notice_given_on", a.NoticeGivenOn)
		if v, ok := p.Volunteer(a.Volunteer); ok && before(a.SignedOn, v.BirthDate) {
			errs = append(errs, impossible(at+".signed_on", beforeVolunteerBirth))
		}
	}
	for i, r := range p.Reports {
		if !asOf.IsZero() && !r.Month.IsZero() && r.Month.After(asOf.In()) {
			errs = append(errs, impossible(diag.Index("reports", i)+".month", monthAfterAsOf))
		}
	}
	return errs
}
