package recruit

import (
	"io"
	"strings"
	"sync"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/escape"
)

// MentorCall is what the mentor call of Appendix 3 (L2354–L2440; D4) says
// beyond the project: the numbers come from the policy, never from the
// text. The guide's sample is the Nastavniki project's call: mentors of 25
// and over, for at least two years, children from 11.
type MentorCall struct {
	// City, when set, heads the call ("ШЫМКЕНТ!") and picks the contacts
	// of that city from the project's list.
	City string
	// MentorMinAge is the policy's mentor_min_age (the guide's 25).
	// Required.
	MentorMinAge int
	// CommitmentMonths is the policy's mentor_min_commitment_months (the
	// guide's 12, Nastavniki's 24). Required.
	CommitmentMonths int
	// ChildMinAge is the policy's orphanage_child_min_age (the guide's 10,
	// Nastavniki's 11); zero leaves out the paragraph on which children
	// take part.
	ChildMinAge int
}

// EventCall is what the event call of Appendix 3 (L2314–L2352; D4) says:
// the event, its days and the briefing, who may apply and where to send a
// CV. Only MinAge is required; what else is missing is left as a line to
// fill in (Event, From, Email) or left out (Place, Goals, Briefing, City,
// Offers).
type EventCall struct {
	Event string // the event's name
	Place string // where it is held
	// From and To are the event's first and last days; a zero To is a
	// one-day event.
	From, To civil.Date
	// NeededFrom and NeededTo are the days volunteers are needed; zero
	// means the event's own days.
	NeededFrom, NeededTo civil.Date
	// Briefing is the day of the volunteers' briefing.
	Briefing civil.Date
	// Goals are the event's aims, one a line.
	Goals []string
	// City, when set, asks applicants to live there.
	City string
	// MinAge is the policy's event_volunteer_min_age (the guide's 18).
	// Required.
	MinAge int
	// Offers says what the organisers give volunteers (branded clothes,
	// letters of thanks…).
	Offers string
	// Email is where to send a CV; empty means the project's.
	Email string
}

type calls struct {
	Mentor *doc `yaml:"mentor"`
	Event  *doc `yaml:"event"`
}

var loadCalls = sync.OnceValues(func() (map[diag.Lang]*calls, error) { return readTexts[calls]("calls") })

// mentorView is what the mentor call's texts see, every value in the
// document's language and as written.
type mentorView struct {
	City          string
	Email, Phone  string
	Project       string // the project's name, or ""
	ProjectPrefix string // "«Name» жобасы " or "Жоба " (the subject of the default aim)
	Goal          string
	Activities    string
	MentorAge     int
	MentorAgeGen  string
	Commitment    string
	CommitmentGen string
	ChildAge      int
	ChildAgeGen   string
	InCities      string
	Contacts      []string
}

type eventView struct {
	Event      string
	Place      string
	DatesAt    string
	NeededAt   string
	BriefingAt string
	Goals      []string
	City       string
	MinAge     int
	MinAgeGen  string
	Offers     string
	Email      string
}

// line is a value as the document shows it — without control characters,
// trimmed — or a line of n underscores to fill in when it is empty.
func line(s string, n int) string {
	if s = clean(s); s == "" {
		return strings.Repeat("_", n)
	}
	return s
}

func clean(s string) string { return strings.TrimSpace(escape.Controls(s)) }

// whole keeps a phone number on one line: its spaces become no-break
// spaces.
func whole(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }

// RenderMentorCall writes the mentor call of Appendix 3 for the project,
// in opts.Lang and opts.Format: the invitation, where to apply (the
// contacts of call.City when the project lists it, else the project's),
// who a mentor is, what it takes and what a mentor does, which children
// take part, and the cities the project works in; the organisation signs
// it at the foot. The ages and the
// commitment are call's, which come from the policy; Kazakh follows the
// guide's wording, Russian and English translate it.
//
// An error names only the field at fault (call.mentor_min_age, …); the
// project's texts are shown as written, escaped for the format.
func RenderMentorCall(w io.Writer, p Project, call MentorCall, opts Options) error {
	lang, format, err := resolve(opts)
	if err != nil {
		return err
	}
	if call.MentorMinAge <= 0 {
		return diag.New(CodeParam, "call.mentor_min_age", "mentor_min_age")
	}
	if call.CommitmentMonths <= 0 {
		return diag.New(CodeParam, "call.commitment_months", "mentor_min_commitment_months")
	}
	if call.ChildMinAge < 0 {
		return diag.New(CodeParam, "call.child_min_age", "orphanage_child_min_age")
	}
	texts, err := loadCalls()
	if err != nil {
		return dataError(err)
	}
	v := mentorView{
		City:          clean(call.City),
		Email:         clean(p.Email),
		Phone:         whole(clean(p.Phone)),
		Project:       clean(p.Name),
		Goal:          clean(p.Goal),
		Activities:    clean(p.Activities),
		MentorAge:     call.MentorMinAge,
		MentorAgeGen:  ageGen(lang, call.MentorMinAge),
		Commitment:    duration(lang, call.CommitmentMonths, false),
		CommitmentGen: duration(lang, call.CommitmentMonths, true),
		ChildAge:      call.ChildMinAge,
		ChildAgeGen:   ageGen(lang, call.ChildMinAge),
	}
	for _, c := range p.Cities {
		name := clean(c.Name)
		if v.City != "" && strings.EqualFold(name, v.City) {
			v.Email = or(clean(c.Email), v.Email)
			v.Phone = or(whole(clean(c.Phone)), v.Phone)
		}
		var reach []string
		for _, s := range []string{whole(clean(c.Phone)), clean(c.Email)} {
			if s != "" {
				reach = append(reach, s)
			}
		}
		v.Contacts = append(v.Contacts, name+": "+or(strings.Join(reach, ", "), "—"))
	}
	v.InCities = inCities(lang, len(v.Contacts))
	v.Email, v.Phone = line(v.Email, 24), line(v.Phone, 18)
	v.ProjectPrefix = projectPrefix(lang, v.Project)
	d := texts[lang].Mentor
	blocks, err := fill(d, v)
	if err != nil {
		return dataError(err)
	}
	return write(w, format, &page{Lang: lang, Title: d.Title, Blocks: blocks, Source: clean(p.Organisation)})
}

// projectPrefix is the subject of the call's default sentence on the
// project's aim: the project by its name when it has one.
func projectPrefix(lang diag.Lang, name string) string {
	switch lang {
	case diag.KK:
		if name != "" {
			return "«" + name + "» жобасы "
		}
		return "Жоба "
	case diag.RU:
		if name != "" {
			return "Проект «" + name + "» "
		}
		return "Проект "
	}
	if name != "" {
		return "The “" + name + "” project "
	}
	return "The project "
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// RenderEventCall writes the event call of Appendix 3 for the project, in
// opts.Lang and opts.Format: the event and its days, its aims, how to
// apply, when volunteers are needed and the briefing, the requirements
// (the age from the policy, and the city when call names one) and what the
// organisers offer. Dates are written as people write them, in each
// language's way.
//
// An error names only the field at fault (call.min_age, call.to, …).
func RenderEventCall(w io.Writer, p Project, call EventCall, opts Options) error {
	lang, format, err := resolve(opts)
	if err != nil {
		return err
	}
	if call.MinAge <= 0 {
		return diag.New(CodeParam, "call.min_age", "event_volunteer_min_age")
	}
	for _, c := range []struct {
		from, to     civil.Date
		fromF, field string
	}{
		{call.From, call.To, "from", "to"},
		{call.NeededFrom, call.NeededTo, "needed_from", "needed_to"},
	} {
		if !c.from.IsZero() && !c.to.IsZero() && c.to.Before(c.from) {
			return diag.New(CodeDates, "call."+c.field, c.fromF, c.field)
		}
	}
	texts, err := loadCalls()
	if err != nil {
		return dataError(err)
	}
	needFrom, needTo := call.NeededFrom, call.NeededTo
	if needFrom.IsZero() {
		needFrom, needTo = call.From, call.To
	}
	v := eventView{
		Event:      line(call.Event, 30),
		Place:      clean(call.Place),
		DatesAt:    line(when(lang, call.From, call.To), 20),
		NeededAt:   line(when(lang, needFrom, needTo), 20),
		BriefingAt: briefing(lang, call.Briefing),
		City:       clean(call.City),
		MinAge:     call.MinAge,
		MinAgeGen:  ageGen(lang, call.MinAge),
		Offers:     clean(call.Offers),
		Email:      line(or(clean(call.Email), clean(p.Email)), 24),
	}
	for _, g := range call.Goals {
		if g = clean(g); g != "" {
			v.Goals = append(v.Goals, g)
		}
	}
	d := texts[lang].Event
	blocks, err := fill(d, v)
	if err != nil {
		return dataError(err)
	}
	return write(w, format, &page{Lang: lang, Title: d.Title, Blocks: blocks, Source: clean(p.Organisation)})
}

// briefing is the briefing's day as the call's sentence needs it: kk
// "2026 жылғы 19 тамызда", ru "19 августа 2026 г.", en "on 19 August
// 2026"; "" when there is none.
func briefing(lang diag.Lang, d civil.Date) string { return when(lang, d, civil.Date{}) }
