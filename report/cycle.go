package report

import (
	"cmp"
	"slices"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// The mentoring cycle in a month: how often each tandem's mentor and child
// met, which tandems went too long without meeting, which missed the
// coordinator's support in their first week, and which closed and why.
// The readings are those of the contract's rules tandem.regular_contact
// and tandem.first_week_support, so that the summary and `sabaq check`
// agree.

// Defaults of [Options].ContactDays and [Options].FirstWeekDays: the
// policy's defaults (a contact at least every 14 days, R3, L1590; the
// coordinator's support in the first week, step 3.6, L1905).
const (
	DefaultContactDays   = 14
	DefaultFirstWeekDays = 7
)

// TandemMonth is a tandem that was open in the month, with its contacts
// in it: visits inside the institution, outings, and group sessions that
// both its mentor and its child attended; and the coordinator's check-ins.
type TandemMonth struct {
	Tandem     string `json:"tandem"`
	Mentor     string `json:"mentor"`
	MentorName string `json:"-"` // personal data: in the printed report, not in JSON
	Child      string `json:"child"`
	Visits     int    `json:"visits"`
	Outings    int    `json:"outings"`
	Groups     int    `json:"groups"`
	CheckIns   int    `json:"check_ins"`
}

// Contacts is the number of the tandem's mentor–child contacts in the
// month.
func (t TandemMonth) Contacts() int { return t.Visits + t.Outings + t.Groups }

// Quiet is a tandem whose mentor and child went longer than the contact
// days without meeting, in a stretch that reaches into the month: the
// longest such stretch. From is the last contact before it (or the
// tandem's start), To the next contact (or the summary's last day, the
// tandem's closing day). Ongoing says no contact ended it by then.
type Quiet struct {
	Tandem      string     `json:"tandem"`
	Mentor      string     `json:"mentor"`
	MentorName  string     `json:"-"`
	Child       string     `json:"child"`
	From        civil.Date `json:"from"`
	To          civil.Date `json:"to"`
	Days        int        `json:"days"`
	LastContact civil.Date `json:"last_contact,omitzero"` // zero when the pair never met
	Ongoing     bool       `json:"ongoing"`
}

// FirstWeek is a tandem whose first week ended in the month without a
// coordinator's check-in: none from its start to WeekEnd, both days
// included.
type FirstWeek struct {
	Tandem     string     `json:"tandem"`
	Mentor     string     `json:"mentor"`
	MentorName string     `json:"-"`
	Child      string     `json:"child"`
	StartedOn  civil.Date `json:"started_on"`
	WeekEnd    civil.Date `json:"week_end"`
}

// Closure is a tandem that closed in the month, with its reason: a code
// of mentoring.CloseReasons (empty when none was given) that the printed
// report names in words, and the coordinator's note.
type Closure struct {
	Tandem     string                `json:"tandem"`
	Mentor     string                `json:"mentor"`
	MentorName string                `json:"-"`
	Child      string                `json:"child"`
	StartedOn  civil.Date            `json:"started_on"`
	ClosedOn   civil.Date            `json:"closed_on"`
	Months     int                   `json:"months"` // whole months from start to closing
	Reason     mentoring.CloseReason `json:"reason,omitempty"`
	Note       string                `json:"note,omitempty"`
}

// cycle is what the summary says of the month's tandems.
type cycle struct {
	tandems   []TandemMonth
	quiet     []Quiet
	firstWeek []FirstWeek
	closures  []Closure
}

// through is the last day a summary of m looks at: the month's last day,
// or the programme's date when that comes first.
func through(p *mentoring.Programme, m civil.Month) civil.Date {
	last := m.Last()
	if !p.AsOf.IsZero() && p.AsOf.Before(last) {
		return p.AsOf
	}
	return last
}

// contactDays are the days the tandem's mentor and child met, from its
// start to end, sorted and without repeats.
func contactDays(p *mentoring.Programme, t *mentoring.Tandem, end civil.Date) (visits, outings, groups []civil.Date) {
	in := func(d civil.Date) bool { return !d.Before(t.StartedOn) && !d.After(end) }
	for _, v := range p.VisitsOf(t.ID) {
		if in(v.Date) {
			visits = append(visits, v.Date)
		}
	}
	for _, o := range p.OutingsOf(t.ID) {
		if in(o.Date) {
			outings = append(outings, o.Date)
		}
	}
	for _, g := range p.GroupsWith(t.Child) {
		if in(g.Date) && slices.Contains(g.Mentors, t.Mentor) {
			groups = append(groups, g.Date)
		}
	}
	return visits, outings, groups
}

func countIn(days []civil.Date, m civil.Month) int {
	n := 0
	for _, d := range days {
		if d.In() == m {
			n++
		}
	}
	return n
}

// monthCycle reads the month's tandems. A tandem counts in the month when
// it had started by the summary's last day, had not closed before the
// month began, and is past the acquaintance phase (the regular contact
// the guide asks starts when the pair meets on its own); a closed tandem
// without a closing day cannot be placed and is left out.
func monthCycle(p *mentoring.Programme, m civil.Month, contactLimit, firstWeek int) cycle {
	var c cycle
	last := through(p, m)
	first := m.First()
	name := func(id string) string {
		if v, ok := p.Volunteer(id); ok {
			return v.FullName
		}
		return ""
	}
	for i := range p.Tandems {
		t := &p.Tandems[i]
		if t.StartedOn.IsZero() {
			continue
		}
		if !t.ClosedOn.IsZero() && t.ClosedOn.In() == m && !t.ClosedOn.After(last) {
			c.closures = append(c.closures, Closure{Tandem: t.ID, Mentor: t.Mentor, MentorName: name(t.Mentor),
				Child: t.Child, StartedOn: t.StartedOn, ClosedOn: t.ClosedOn, Months: monthsBetween(t.StartedOn, t.ClosedOn),
				Reason: t.CloseReason, Note: t.CloseNote})
		}
		if weekEnd := t.StartedOn.AddDays(firstWeek); weekEnd.In() == m && !weekEnd.After(last) &&
			(t.ClosedOn.IsZero() || !t.ClosedOn.Before(weekEnd)) {
			supported := slices.ContainsFunc(p.CheckInsOf(t.ID), func(ci *mentoring.CheckIn) bool {
				return !ci.Date.Before(t.StartedOn) && !ci.Date.After(weekEnd)
			})
			if !supported {
				c.firstWeek = append(c.firstWeek, FirstWeek{Tandem: t.ID, Mentor: t.Mentor, MentorName: name(t.Mentor),
					Child: t.Child, StartedOn: t.StartedOn, WeekEnd: weekEnd})
			}
		}
		end := last
		if !t.ClosedOn.IsZero() && t.ClosedOn.Before(end) {
			end = t.ClosedOn
		}
		open := !t.StartedOn.After(last) && !end.Before(first)
		if !open || t.Phase == mentoring.Acquaintance || (t.Phase == mentoring.Closed && t.ClosedOn.IsZero()) {
			continue
		}
		visits, outings, groups := contactDays(p, t, end)
		checkIns := 0
		for _, ci := range p.CheckInsOf(t.ID) {
			if ci.Date.In() == m && !ci.Date.After(last) {
				checkIns++
			}
		}
		c.tandems = append(c.tandems, TandemMonth{Tandem: t.ID, Mentor: t.Mentor, MentorName: name(t.Mentor), Child: t.Child,
			Visits: countIn(visits, m), Outings: countIn(outings, m), Groups: countIn(groups, m), CheckIns: checkIns})
		if q, ok := longestQuiet(t.StartedOn, end, first, slices.Concat(visits, outings, groups), contactLimit); ok {
			q.Tandem, q.Mentor, q.MentorName, q.Child = t.ID, t.Mentor, name(t.Mentor), t.Child
			c.quiet = append(c.quiet, q)
		}
	}
	byTandem := byID
	slices.SortFunc(c.tandems, func(a, b TandemMonth) int { return byTandem(a.Tandem, b.Tandem) })
	slices.SortFunc(c.quiet, func(a, b Quiet) int { return cmp.Or(cmp.Compare(b.Days, a.Days), byTandem(a.Tandem, b.Tandem)) })
	slices.SortFunc(c.firstWeek, func(a, b FirstWeek) int {
		return cmp.Or(a.StartedOn.Compare(b.StartedOn), byTandem(a.Tandem, b.Tandem))
	})
	slices.SortFunc(c.closures, func(a, b Closure) int { return cmp.Or(a.ClosedOn.Compare(b.ClosedOn), byTandem(a.Tandem, b.Tandem)) })
	return c
}

// longestQuiet finds, between start and end, the longest stretch without
// a contact that is longer than limit days and reaches into the month
// (ends on or after its first day). The stretches run from the start to
// the first contact, between contacts, and from the last contact to end.
func longestQuiet(start, end, monthFirst civil.Date, contacts []civil.Date, limit int) (Quiet, bool) {
	slices.SortFunc(contacts, civil.Date.Compare)
	contacts = slices.Compact(contacts)
	var best Quiet
	found := false
	from, last := start, civil.Date{}
	consider := func(to civil.Date, ongoing bool) {
		days := from.DaysUntil(to)
		if days > limit && !to.Before(monthFirst) && days > best.Days {
			best = Quiet{From: from, To: to, Days: days, LastContact: last, Ongoing: ongoing}
			found = true
		}
	}
	for _, d := range contacts {
		consider(d, false)
		from, last = d, d
	}
	consider(end, true)
	return best, found
}

// monthsBetween is the whole months from a to b: 2026-01-15 to 2026-03-14
// is one month, to 2026-03-15 two.
func monthsBetween(a, b civil.Date) int {
	n := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	if n > 0 && a.AddMonths(n).After(b) {
		n--
	}
	return max(n, 0)
}
