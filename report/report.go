package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// Monthly is one volunteer's month, built from the good-deeds diary (D6).
type Monthly struct {
	Volunteer string `json:"volunteer"`
	// Name is the volunteer's full name, personal data: the printed report
	// shows it, JSON leaves it out (ids are enough for a program).
	Name  string      `json:"-"`
	Month civil.Month `json:"month"`
	// Entries are the month's diary entries in date order.
	Entries    []volunteer.DiaryEntry `json:"entries"`
	Activities []Activity             `json:"activities"`
	// Children adds up the children of every entry: children reached per
	// activity, not distinct children (the diary does not name them).
	Children int `json:"children"`
	// Hours is taken from the volunteer's filed report for the month; the
	// diary does not record hours.
	Hours int `json:"hours"`
	// Reported says whether the volunteer filed a report for the month.
	Reported bool `json:"reported"`
}

// Activity counts the entries and children of one form of activity.
type Activity struct {
	Form     string `json:"form"`
	Entries  int    `json:"entries"`
	Children int    `json:"children"`
}

// Achievement is a child's achievement noted in the diary.
type Achievement struct {
	Volunteer string     `json:"volunteer"`
	Date      civil.Date `json:"date"`
	Text      string     `json:"text"`
}

// Missing is a volunteer who owed a report for the month and filed none.
type Missing struct {
	Volunteer string `json:"volunteer"`
	Name      string `json:"-"` // personal data: in the printed report, not in JSON
	Agreement string `json:"agreement"`
}

// Summary is the coordinator's view of a month across all volunteers and
// tandems.
type Summary struct {
	Month civil.Month `json:"month"`
	// Through is the last day the summary looks at: the month's last day,
	// or the programme's date (as_of) when that comes first.
	Through civil.Date `json:"through"`
	// Volunteers are those who wrote in the diary or filed a report for
	// the month, by id; the totals below add up these rows.
	Volunteers   []Monthly     `json:"volunteers"`
	Activities   []Activity    `json:"activities"`
	Entries      int           `json:"entries"` // diary entries in the month
	Children     int           `json:"children"`
	Achievements []Achievement `json:"achievements"`
	// Hours adds up the hours of the reports filed for the month.
	Hours int `json:"hours"`
	// NotReported lists, by volunteer id, those whose agreement required a
	// report for the month (the agreement.monthly_report rule: signed in an
	// earlier month and not ended before this one) and who filed none.
	NotReported []Missing `json:"not_reported"`
	// ReportsByMonth counts the reports due and filed in each of the twelve
	// months up to this one that had any due, oldest first.
	ReportsByMonth []MonthReports `json:"reports_by_month"`

	// ContactDays and FirstWeekDays are the limits the tandems were read
	// with ([Options]).
	ContactDays   int `json:"contact_days"`
	FirstWeekDays int `json:"first_week_days"`
	// Tandems are the tandems open in the month, past acquaintance, with
	// their contacts in it.
	Tandems []TandemMonth `json:"tandems"`
	// Quiet are the tandems whose mentor and child went more than
	// ContactDays without meeting, in a stretch reaching into the month,
	// the longest first.
	Quiet []Quiet `json:"quiet"`
	// NoFirstWeekSupport are the tandems whose first week ended in the
	// month without a coordinator's check-in.
	NoFirstWeekSupport []FirstWeek `json:"no_first_week_support"`
	// Closures are the tandems closed in the month.
	Closures []Closure `json:"closures"`
	// DueNext is what falls due in the following month if nothing is
	// done, when the caller passed it in [Options].Due.
	DueNext *DueNext `json:"due_next,omitempty"`
}

// MonthReports counts one month's reports: due under the agreements in
// force, and filed.
type MonthReports struct {
	Month civil.Month `json:"month"`
	Due   int         `json:"due"`
	Filed int         `json:"filed"`
}

// Codes of the problems this package reports.
const (
	CodeNoProgramme      diag.Code = "report.no_programme"      // a nil programme
	CodeNoMonth          diag.Code = "report.no_month"          // the zero month
	CodeUnknownVolunteer diag.Code = "report.unknown_volunteer" // a volunteer id not in the programme
	CodeFormat           diag.Code = "report.format"            // an output format not supported
	CodeLang             diag.Code = "report.lang"              // a language not supported
	CodeDays             diag.Code = "report.days"              // a negative number of days; Args: the option
)

func init() {
	diag.Register(map[diag.Code]diag.Text{
		CodeNoProgramme: {KK: "бағдарлама берілмеген", RU: "программа не задана", EN: "no programme given"},
		CodeNoMonth:     {KK: "ай көрсетілмеген (ЖЖЖЖ-АА)", RU: "не указан месяц (ГГГГ-ММ)", EN: "no month given (YYYY-MM)"},
		CodeUnknownVolunteer: {
			KK: "бағдарламада {0} волонтері жоқ", RU: "в программе нет волонтёра {0}", EN: "the programme has no volunteer {0}",
		},
		CodeFormat: {
			KK: "{0} пішіміне қолдау көрсетілмейді; md, html немесе json таңдаңыз",
			RU: "формат {0} не поддерживается; выберите md, html или json",
			EN: "format {0} is not supported; choose md, html or json",
		},
		CodeLang: {
			KK: "{0} тіліне қолдау көрсетілмейді; kk, ru немесе en таңдаңыз",
			RU: "язык {0} не поддерживается; выберите kk, ru или en",
			EN: "language {0} is not supported; choose kk, ru or en",
		},
		CodeDays: {
			KK: "{0} теріс сан бола алмайды",
			RU: "{0} не может быть отрицательным числом",
			EN: "{0} cannot be a negative number",
		},
	})
}

func check(p *mentoring.Programme, m civil.Month) error {
	if p == nil {
		return diag.New(CodeNoProgramme, "programme")
	}
	if m.IsZero() {
		return diag.New(CodeNoMonth, "month")
	}
	return nil
}

// MonthlyOf returns the month's report of the volunteer with the id or,
// when the id is empty, of every volunteer with diary entries in the month,
// ordered by id. An unknown id is an error; a known volunteer without
// entries gets an empty report.
func MonthlyOf(p *mentoring.Programme, m civil.Month, volunteerID string) ([]Monthly, error) {
	if err := check(p, m); err != nil {
		return nil, err
	}
	if volunteerID != "" {
		if _, ok := p.Volunteer(volunteerID); !ok {
			return nil, diag.New(CodeUnknownVolunteer, "volunteer", volunteerID)
		}
		return []Monthly{monthly(p, m, volunteerID)}, nil
	}
	var out []Monthly
	for _, id := range diarists(p, m) {
		out = append(out, monthly(p, m, id))
	}
	return out, nil
}

// diarists are the ids of the volunteers with diary entries in m, sorted.
func diarists(p *mentoring.Programme, m civil.Month) []string {
	seen := map[string]bool{}
	var ids []string
	for _, e := range p.Diary {
		if e.Date.In() == m && !seen[e.Volunteer] {
			seen[e.Volunteer] = true
			ids = append(ids, e.Volunteer)
		}
	}
	sortIDs(ids)
	return ids
}

func monthly(p *mentoring.Programme, m civil.Month, id string) Monthly {
	r := Monthly{Volunteer: id, Month: m, Entries: []volunteer.DiaryEntry{}, Activities: []Activity{}}
	if v, ok := p.Volunteer(id); ok {
		r.Name = v.FullName
	}
	for _, e := range p.DiaryOf(id) {
		if e.Date.In() == m {
			r.Entries = append(r.Entries, *e)
			r.Children += e.Children
		}
	}
	slices.SortStableFunc(r.Entries, func(a, b volunteer.DiaryEntry) int { return a.Date.Compare(b.Date) })
	r.Activities = activities(r.Entries)
	for _, rep := range p.ReportsOf(id) {
		if rep.Month == m {
			r.Reported = true
			r.Hours += rep.Hours
		}
	}
	return r
}

// activities groups entries by form; forms that differ only in case or
// surrounding space are one form, named as first written.
func activities(entries []volunteer.DiaryEntry) []Activity {
	at := map[string]int{}
	out := []Activity{}
	for _, e := range entries {
		form := strings.TrimSpace(e.Activity)
		key := strings.ToLower(form)
		i, ok := at[key]
		if !ok {
			i = len(out)
			at[key] = i
			out = append(out, Activity{Form: form})
		}
		out[i].Entries++
		out[i].Children += e.Children
	}
	slices.SortStableFunc(out, func(a, b Activity) int {
		return cmp.Or(cmp.Compare(b.Entries, a.Entries), cmp.Compare(a.Form, b.Form))
	})
	return out
}

// Summarise builds the coordinator's summary of the month: the diary and
// the reports of every volunteer who wrote in the diary or filed a report
// for it (the totals add up these rows), who has not reported, the
// reports due and filed over the last twelve months, and the month's
// tandems — their contacts, those that went more than opts.ContactDays
// without a meeting, those without the coordinator's support in their
// first opts.FirstWeekDays, and those that closed, with their reasons.
// Only opts' days are read here; zero means the defaults.
func Summarise(p *mentoring.Programme, m civil.Month, opts Options) (Summary, error) {
	if err := check(p, m); err != nil {
		return Summary{}, err
	}
	contactDays, firstWeek, err := days(opts)
	if err != nil {
		return Summary{}, err
	}
	s := Summary{Month: m, Through: through(p, m), Volunteers: []Monthly{}, Achievements: []Achievement{},
		NotReported: []Missing{}, ContactDays: contactDays, FirstWeekDays: firstWeek}
	var all []volunteer.DiaryEntry
	for _, id := range active(p, m) {
		r := monthly(p, m, id)
		s.Volunteers = append(s.Volunteers, r)
		s.Children += r.Children
		s.Entries += len(r.Entries)
		s.Hours += r.Hours
		all = append(all, r.Entries...)
		for _, e := range r.Entries {
			if t := strings.TrimSpace(e.Achievements); t != "" {
				s.Achievements = append(s.Achievements, Achievement{Volunteer: id, Date: e.Date, Text: t})
			}
		}
	}
	s.Activities = activities(all)
	slices.SortStableFunc(s.Achievements, func(a, b Achievement) int {
		return cmp.Or(a.Date.Compare(b.Date), byID(a.Volunteer, b.Volunteer))
	})
	s.NotReported = notReported(p, m)
	s.ReportsByMonth = reportsByMonth(p, m)
	c := monthCycle(p, m, contactDays, firstWeek)
	s.Tandems, s.Quiet, s.NoFirstWeekSupport, s.Closures = nonNil(c.tandems), nonNil(c.quiet), nonNil(c.firstWeek), nonNil(c.closures)
	s.DueNext = dueNext(m, opts.Due)
	return s, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// days returns the contact and first-week limits of opts, with their
// defaults.
func days(opts Options) (contact, firstWeek int, err error) {
	if opts.ContactDays < 0 {
		return 0, 0, diag.New(CodeDays, "options.contact_days", "contact_days")
	}
	if opts.FirstWeekDays < 0 {
		return 0, 0, diag.New(CodeDays, "options.first_week_days", "first_week_days")
	}
	return cmp.Or(opts.ContactDays, DefaultContactDays), cmp.Or(opts.FirstWeekDays, DefaultFirstWeekDays), nil
}

// active are the ids of the volunteers who wrote in the diary in m or
// filed a report for m, sorted.
func active(p *mentoring.Programme, m civil.Month) []string {
	ids := diarists(p, m)
	for _, r := range p.Reports {
		if r.Month == m && !slices.Contains(ids, r.Volunteer) {
			ids = append(ids, r.Volunteer)
		}
	}
	sortIDs(ids)
	return ids
}

// reportsByMonth counts, for each of the twelve months up to m, the
// reports due (as [owes] reads an agreement) and filed; months with none
// due are left out.
func reportsByMonth(p *mentoring.Programme, m civil.Month) []MonthReports {
	out := []MonthReports{}
	for month := m.Add(-11); !month.After(m); month = month.Add(1) {
		r := MonthReports{Month: month}
		seen := map[string]bool{}
		for i := range p.Agreements {
			a := &p.Agreements[i]
			if seen[a.Volunteer] || !owes(a, month) {
				continue
			}
			seen[a.Volunteer] = true
			r.Due++
			if slices.ContainsFunc(p.ReportsOf(a.Volunteer), func(rep *agreement.Report) bool { return rep.Month == month }) {
				r.Filed++
			}
		}
		if r.Due > 0 {
			out = append(out, r)
		}
	}
	return out
}

// owes reports whether the agreement asks for a report for month m, as the
// agreement.monthly_report rule reads it: signed in an earlier month, and
// not ended before m.
func owes(a *agreement.Agreement, m civil.Month) bool {
	if a.SignedOn.IsZero() || !a.SignedOn.In().Before(m) {
		return false
	}
	return a.EndsOn.IsZero() || !m.After(a.EndsOn.In())
}

func notReported(p *mentoring.Programme, m civil.Month) []Missing {
	out := []Missing{}
	seen := map[string]bool{}
	for i := range p.Agreements {
		a := &p.Agreements[i]
		if seen[a.Volunteer] || !owes(a, m) {
			continue
		}
		filed := false
		for _, r := range p.ReportsOf(a.Volunteer) {
			filed = filed || r.Month == m
		}
		if filed {
			continue
		}
		seen[a.Volunteer] = true
		miss := Missing{Volunteer: a.Volunteer, Agreement: a.ID}
		if v, ok := p.Volunteer(a.Volunteer); ok {
			miss.Name = v.FullName
		}
		out = append(out, miss)
	}
	slices.SortFunc(out, func(a, b Missing) int { return byID(a.Volunteer, b.Volunteer) })
	return out
}

// ReportsFromDiary returns the monthly reports the month's diary implies:
// one [agreement.Report] for each volunteer who wrote diary entries in m
// and has not filed a report for m, ordered by volunteer id. Its Summary
// counts the entries, the children and the forms of activity, in lang; its
// Hours and SubmittedOn stay zero, as the diary records neither. Appending
// them to the programme's Reports lets the agreement.monthly_report rule
// count the diary as reporting.
func ReportsFromDiary(p *mentoring.Programme, m civil.Month, lang diag.Lang) ([]agreement.Report, error) {
	if err := check(p, m); err != nil {
		return nil, err
	}
	out := []agreement.Report{}
	for _, id := range diarists(p, m) {
		r := monthly(p, m, id)
		if r.Reported {
			continue
		}
		forms := make([]string, len(r.Activities))
		for i, a := range r.Activities {
			forms[i] = a.Form + " ×" + strconv.Itoa(a.Entries)
		}
		sum := diag.Fill(label("implied", lang), []string{count(lang, len(r.Entries), "entries_n"),
			count(lang, r.Children, "children_n"), strings.Join(forms, ", ")})
		out = append(out, agreement.Report{Volunteer: id, Month: m, Summary: sum})
	}
	return out, nil
}
