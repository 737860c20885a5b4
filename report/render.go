package report

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html"
	htmltemplate "html/template"
	"io"
	"strings"
	"sync"
	texttemplate "text/template"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/chart"
	"github.com/birgemiz/sabaqtastyq/internal/escape"
	"github.com/birgemiz/sabaqtastyq/internal/grammar"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// Format is the output format of a rendered report.
type Format string

// Output formats.
const (
	Markdown Format = "md"
	HTML     Format = "html"
	JSON     Format = "json"
)

// Options say how to build and render a report. The zero value is Kazakh
// Markdown with the guide's defaults.
type Options struct {
	// Lang is the language of the labels; default [diag.KK]. Diary text is
	// shown as the volunteer wrote it.
	Lang diag.Lang
	// Format is [Markdown] (the default), [HTML] or [JSON]. JSON has no
	// labels: it is the [Monthly] or [Summary] value itself.
	Format Format
	// ContactDays is the longest stretch a tandem's mentor and child may go
	// without meeting before the summary lists it; default
	// [DefaultContactDays] (14), the policy's tandem.regular_contact
	// parameter, which a caller passes on.
	ContactDays int
	// FirstWeekDays is how long after its start a tandem should have the
	// coordinator's check-in; default [DefaultFirstWeekDays] (7).
	FirstWeekDays int
	// Due is what comes due after the month if nothing is done, as the
	// rules package's Policy.Due finds it (sabaq report passes the days of
	// the month after); the summary lists those of the next month
	// ([Summary].DueNext). Nil: no such section.
	Due []Due
}

//go:embed templates/*
var templateFS embed.FS

type templates struct {
	md   *texttemplate.Template
	html *htmltemplate.Template
}

// funcs are the templates' functions in lang: dates as people write them,
// numbers with their nouns, reasons in words; and the escapers. On a
// printed page (keep) a number never parts from its noun, nor a day from
// its month: see [keepTogether].
func funcs(lang diag.Lang, keep bool) map[string]any {
	whole := func(s string) string { return s }
	if keep {
		whole = keepTogether
	}
	return map[string]any{
		"md":         escape.Markdown,
		"text":       escape.Controls, // for HTML, which html/template escapes
		"date":       func(d civil.Date) string { return whole(grammar.Date(lang, d)) },
		"days":       func(n int) string { return whole(count(lang, n, "days_n")) },
		"months":     func(n int) string { return whole(count(lang, n, "months_n")) },
		"reason":     func(r mentoring.CloseReason) string { return reasonWords(r, lang) },
		"gap":        func(q Quiet) string { return gap(lang, q, whole) },
		"person":     person,
		"who":        who,
		"chartStyle": func() htmltemplate.CSS { return chart.Style },
	}
}

var loadTemplates = sync.OnceValues(func() (*templates, error) {
	md, err := texttemplate.New("report").Option("missingkey=error").Funcs(funcs(diag.EN, false)).ParseFS(templateFS, "templates/*.md.tmpl")
	if err != nil {
		return nil, err
	}
	html, err := htmltemplate.New("report").Option("missingkey=error").Funcs(funcs(diag.EN, true)).ParseFS(templateFS, "templates/*.html.tmpl")
	if err != nil {
		return nil, err
	}
	return &templates{md: md, html: html}, nil
})

// keepTogether joins the words of a date or a counted noun with no-break
// spaces, leaving one place to break: after "жылғы" in a Kazakh date
// ("2026 жылғы | 14 сәуір"), before the year in the others ("14 апреля |
// 2026 г.", "14 April | 2026").
func keepTogether(s string) string {
	words := strings.Split(s, " ")
	brk := -1
	for i, w := range words {
		switch {
		case w == "жылғы":
			brk = i + 1
		case i > 0 && len(w) == 4 && w[0] >= '1' && w[0] <= '9' && brk < 0:
			brk = i
		}
	}
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			if i == brk {
				b.WriteByte(' ')
			} else {
				b.WriteString("\u00a0")
			}
		}
		b.WriteString(w)
	}
	return b.String()
}

// gap is a quiet stretch as people read it: from the last contact to the
// next ("3 октября 2026 г. – 24 октября 2026 г."), or since the last
// contact (or the start) and still going on.
func gap(lang diag.Lang, q Quiet, whole func(string) string) string {
	if q.Ongoing {
		from := grammar.Date(lang, q.From)
		if lang == diag.KK {
			from = grammar.DateCase(diag.KK, q.From, grammar.Ablative)
		}
		return diag.Fill(label("gap_ongoing", lang), []string{whole(from)})
	}
	return diag.Fill(label("gap_to", lang), []string{whole(grammar.Date(lang, q.From)), whole(grammar.Date(lang, q.To))})
}

// person names a volunteer in a table: the name and the id, or the id
// alone when the programme has no name.
func person(name, id string) string {
	if name == "" {
		return id
	}
	return name + " (" + id + ")"
}

// who is [person] for a printed page: the id never breaks across lines.
func who(name, id string) htmltemplate.HTML {
	code := `<span class="code">` + html.EscapeString(escape.Controls(id)) + `</span>`
	if name == "" {
		return htmltemplate.HTML(code) //nolint:gosec // escaped above
	}
	return htmltemplate.HTML(html.EscapeString(escape.Controls(name)) + ` <span class="code">(` + //nolint:gosec // escaped
		html.EscapeString(escape.Controls(id)) + `)</span>`)
}

// page is what a template sees.
type page struct {
	Lang       string
	Title      string
	Month      string
	Through    string // "data up to …" when the summary stops before the month's end
	L          map[string]string
	Monthly    []Monthly
	Summary    *Summary
	QuietTitle string
	WeekTitle  string
	WeekNone   string
	Charts     []htmltemplate.HTML
	// DueTitle and DueRows are what falls due next month; DueTitle is
	// empty when the caller gave no Options.Due.
	DueTitle string
	DueRows  []dueRow
}

func resolve(opts Options) (diag.Lang, Format, error) {
	lang, format := opts.Lang, opts.Format
	if lang == "" {
		lang = diag.KK
	}
	if format == "" {
		format = Markdown
	}
	l, ok := diag.ParseLang(string(lang))
	if !ok {
		return "", "", diag.New(CodeLang, "options.lang", string(lang))
	}
	switch format {
	case Markdown, HTML, JSON:
	default:
		return "", "", diag.New(CodeFormat, "options.format", string(format))
	}
	return l, format, nil
}

func newPage(lang diag.Lang, title string, m civil.Month) *page {
	p := &page{Lang: string(lang), Title: label(title, lang), Month: grammar.Month(lang, m), L: map[string]string{}}
	for k, t := range labels {
		p.L[k] = t.In(lang)
	}
	return p
}

// RenderMonthly writes the monthly report of the volunteer with the id (or,
// with an empty id, of every volunteer with diary entries in m): the
// diary's columns — date, form of activity, children, achievements, note —
// then the totals by form, the hours of a filed report and whether one was
// filed. HTML puts each volunteer on a new A4 page with a signature line.
func RenderMonthly(w io.Writer, p *mentoring.Programme, m civil.Month, volunteerID string, opts Options) error {
	lang, format, err := resolve(opts)
	if err != nil {
		return err
	}
	rs, err := MonthlyOf(p, m, volunteerID)
	if err != nil {
		return err
	}
	if format == JSON {
		if volunteerID != "" {
			return writeJSON(w, rs[0])
		}
		return writeJSON(w, rs)
	}
	pg := newPage(lang, "monthly_title", m)
	pg.Monthly = rs
	return execute(w, lang, format, "monthly", pg)
}

// RenderSummary writes the coordinator's summary of month m (see
// [Summarise]): the totals, which add up the volunteers' rows; in HTML,
// charts of the volunteers' hours, of the monthly reports filed and due
// over the last twelve months, and of each tandem's contacts; the
// activities by form, the achievements, the volunteers' rows and who has
// not reported; then the tandems that went more than opts.ContactDays
// without a meeting, those without the coordinator's support in their
// first opts.FirstWeekDays, and those that closed, with their reasons in
// words.
func RenderSummary(w io.Writer, p *mentoring.Programme, m civil.Month, opts Options) error {
	lang, format, err := resolve(opts)
	if err != nil {
		return err
	}
	s, err := Summarise(p, m, opts)
	if err != nil {
		return err
	}
	if format == JSON {
		return writeJSON(w, s)
	}
	pg := newPage(lang, "summary_title", m)
	pg.Summary = &s
	if s.Through.Before(m.Last()) {
		pg.Through = diag.Fill(label("through", lang), []string{throughDate(lang, s.Through)})
	}
	pg.QuietTitle = quietTitle(lang, s.ContactDays)
	pg.WeekTitle = weekTitle(lang, s.FirstWeekDays)
	pg.WeekNone = weekNone(lang, s.FirstWeekDays)
	if s.DueNext != nil {
		pg.DueTitle = dueTitle(lang, s.DueNext.Month)
		for _, d := range s.DueNext.Items {
			pg.DueRows = append(pg.DueRows, dueRow{Due: d, Severity: severityWord(lang, d.Severity)})
		}
	}
	if format == HTML {
		pg.Charts = summaryCharts(&s, lang)
	}
	return execute(w, lang, format, "summary", pg)
}

// throughDate is the summary's last day where "up to" needs it: the
// Kazakh dative ("2026 жылғы 20 қазанға дейінгі").
func throughDate(lang diag.Lang, d civil.Date) string {
	if lang == diag.KK {
		return grammar.DateCase(diag.KK, d, grammar.Dative)
	}
	return grammar.Date(lang, d)
}

func writeJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

func execute(w io.Writer, lang diag.Lang, format Format, name string, pg *page) error {
	t, err := loadTemplates()
	if err != nil {
		return fmt.Errorf("report templates: %w", err)
	}
	var buf bytes.Buffer
	if format == HTML {
		var h *htmltemplate.Template
		if h, err = t.html.Clone(); err == nil {
			err = h.Funcs(funcs(lang, true)).ExecuteTemplate(&buf, name+".html.tmpl", pg)
		}
	} else {
		var m *texttemplate.Template
		if m, err = t.md.Clone(); err == nil {
			err = m.Funcs(funcs(lang, false)).ExecuteTemplate(&buf, name+".md.tmpl", pg)
		}
	}
	if err != nil {
		return fmt.Errorf("report %s: %w", name, err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}
