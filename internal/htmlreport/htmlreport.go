package htmlreport

import (
	"cmp"
	"embed"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/guide"
	"github.com/birgemiz/sabaqtastyq/internal/grammar"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// Input is what a page shows. Report and Programme are required; the
// policy names the rules in the header.
type Input struct {
	Policy    *rules.Policy
	Report    *rules.Report
	Programme *mentoring.Programme
	// Coming, when not nil, adds a section of the findings that will
	// appear in the next days if nothing is done.
	Coming *Coming
}

// Coming is what comes due after the report's date.
type Coming struct {
	Days  int    // how far ahead was looked
	Items []Item // in date order
}

// Item is one finding that appears on a date.
type Item struct {
	Date    civil.Date
	Finding rules.Finding
}

// Options say how to render. The zero value is Kazakh.
type Options struct {
	Lang diag.Lang // default diag.KK
	// FindingData adds to each finding's element the attributes data-rule
	// (the rule's id) and data-subject (KIND/ID), so that a page which
	// frames the report can act on a finding: the service's console
	// explains the one clicked. Findings still to come (Input.Coming) are
	// not marked: they are not there on the report's date, which is the
	// date an explanation is of. Off by default; the page is the same
	// otherwise.
	FindingData bool
}

//go:embed templates/*.tmpl
var files embed.FS

var tmpl = template.Must(template.New("").ParseFS(files, "templates/*.tmpl"))

// Render writes the page for in to w.
func Render(w io.Writer, in Input, o Options) error {
	lang := o.Lang
	if lang == "" {
		lang = diag.KK
	}
	p := build(in, lang)
	p.Data = o.FindingData
	return tmpl.ExecuteTemplate(w, "page.html.tmpl", p)
}

type page struct {
	Lang         diag.Lang
	Data         bool // data-rule and data-subject on findings
	W            map[string]string
	Organisation string
	Policy       string
	AsOf         string
	Compliant    bool
	Counts       []count
	Charts       []chart
	Subjects     []subject
	Coming       *coming
}

type count struct{ Class, Text string }

type subject struct {
	Heading  string
	Findings []finding
}

type finding struct {
	Subject                             string // its heading, in lists not grouped by subject
	ID                                  string // the subject, KIND/ID
	Class, Label, Rule, Message, Source string
	// Cites are the source's places in the guide, each once, the lines of
	// the guide's text in its title (a tooltip); empty for an author's
	// own words, then Source is shown as written.
	Cites []cite
}

type cite struct {
	Text, Lines string
}

// citesOf groups citations by what a reader sees, keeping their order,
// with the lines each stands for.
func citesOf(cs []guide.Citation, lang diag.Lang) []cite {
	var out []cite
	at := map[string]int{}
	lines := map[string][]string{}
	for _, c := range cs {
		i, ok := at[c.Text]
		if !ok {
			i = len(out)
			at[c.Text] = i
			out = append(out, cite{Text: c.Text})
		}
		if len(c.Lines) == 2 {
			l := strconv.Itoa(c.Lines[0])
			if c.Lines[1] != c.Lines[0] {
				l += "–" + strconv.Itoa(c.Lines[1])
			}
			lines[c.Text] = append(lines[c.Text], l)
		}
	}
	for i := range out {
		if l := lines[out[i].Text]; len(l) > 0 {
			out[i].Lines = diag.Fill(word(lang, "lines"), []string{strings.Join(l, ", ")})
		}
	}
	return out
}

type coming struct {
	Title string
	Days  []comingDay
}

type comingDay struct {
	Date     string
	Findings []finding
}

var severities = []rules.Severity{rules.Deny, rules.Error, rules.Warn}

func build(in Input, lang diag.Lang) page {
	p := page{Lang: lang, W: map[string]string{}}
	for k := range words {
		p.W[k] = word(lang, k)
	}
	rep, prog := in.Report, in.Programme
	p.Organisation = prog.Organisation
	if in.Policy != nil {
		p.Policy = in.Policy.Name() + " " + in.Policy.Version() + " · " +
			grammar.Count(lang, int64(len(in.Policy.Rules())), word(lang, "count_rules"))
	}
	p.AsOf = grammar.Date(lang, rep.AsOf)
	p.Compliant = rep.Compliant

	n := map[rules.Severity]int{}
	for _, f := range rep.Findings {
		n[f.Severity]++
	}
	for _, s := range severities {
		if n[s] > 0 {
			p.Counts = append(p.Counts, count{Class: string(s),
				Text: grammar.Count(lang, int64(n[s]), word(lang, "count_"+string(s)))})
		}
	}
	if len(rep.Findings) > 0 {
		p.Charts = append(p.Charts,
			severityChart(word(lang, "by_rule"), rep.Findings, func(f rules.Finding) string { return f.Rule }, nil),
			severityChart(word(lang, "by_institution"), rep.Findings, institutionOf(prog, lang), nil),
			severityChart(word(lang, "by_kind"), rep.Findings, func(f rules.Finding) string {
				return word(lang, "kind_"+kindOf(f.Subject))
			}, kindOrder(lang)))
	}
	p.Charts = append(p.Charts, reportsChart(prog, rep.AsOf, lang))

	for i, f := range rep.Findings {
		if i == 0 || rep.Findings[i-1].Subject != f.Subject {
			p.Subjects = append(p.Subjects, subject{Heading: heading(f.Subject, lang)})
		}
		s := &p.Subjects[len(p.Subjects)-1]
		s.Findings = append(s.Findings, findingOf(f, lang))
	}

	if c := in.Coming; c != nil {
		p.Coming = &coming{Title: diag.Fill(word(lang, "due"), []string{strconv.Itoa(c.Days)})}
		for i, it := range c.Items {
			if i == 0 || c.Items[i-1].Date != it.Date {
				p.Coming.Days = append(p.Coming.Days, comingDay{Date: grammar.Date(lang, it.Date)})
			}
			d := &p.Coming.Days[len(p.Coming.Days)-1]
			f := findingOf(it.Finding, lang)
			f.Subject = heading(it.Finding.Subject, lang)
			d.Findings = append(d.Findings, f)
		}
	}
	return p
}

func findingOf(f rules.Finding, lang diag.Lang) finding {
	return finding{Class: string(f.Severity), Label: word(lang, string(f.Severity)),
		ID: f.Subject, Rule: f.Rule, Message: f.Message, Source: f.Source, Cites: citesOf(f.Citations, lang)}
}

// kindOf returns the kind of a subject KIND/ID.
func kindOf(subject string) string {
	kind, _, _ := strings.Cut(subject, "/")
	return kind
}

// heading names a subject for people: "Волонтёр v-21".
func heading(subject string, lang diag.Lang) string {
	kind, id, ok := strings.Cut(subject, "/")
	if t, known := words["one_"+kind]; ok && known {
		return t.In(lang) + " " + id
	}
	return subject
}

var kinds = []string{"volunteer", "child", "tandem", "group", "agreement", "outing", "institution", "programme"}

func kindOrder(lang diag.Lang) []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = word(lang, "kind_"+k)
	}
	return out
}

// institutionOf attributes a finding to the institution its subject
// belongs to: a child's, a tandem's or an outing's child's, a group's; a
// volunteer's (or their agreement's) through the first tandem they mentor,
// else the first group they lead. The rest is organisation-wide.
func institutionOf(p *mentoring.Programme, lang diag.Lang) func(rules.Finding) string {
	name := func(id string) string {
		if in, ok := p.Institution(id); ok {
			return in.Name
		}
		return word(lang, "organisation")
	}
	ofChild := func(id string) string {
		if c, ok := p.Child(id); ok {
			return name(c.Institution)
		}
		return word(lang, "organisation")
	}
	ofTandem := func(id string) string {
		if t, ok := p.Tandem(id); ok {
			return ofChild(t.Child)
		}
		return word(lang, "organisation")
	}
	ofVolunteer := func(id string) string {
		if ts := p.TandemsOf(id); len(ts) > 0 {
			return ofChild(ts[0].Child)
		}
		for _, g := range p.Groups {
			if slices.Contains(g.Mentors, id) {
				return name(g.Institution)
			}
		}
		return word(lang, "organisation")
	}
	return func(f rules.Finding) string {
		kind, id, _ := strings.Cut(f.Subject, "/")
		switch kind {
		case "institution":
			return name(id)
		case "child":
			return ofChild(id)
		case "tandem":
			return ofTandem(id)
		case "outing":
			tandem, _, _ := strings.Cut(id, "@")
			return ofTandem(tandem)
		case "group":
			if g, ok := p.Group(id); ok {
				return name(g.Institution)
			}
		case "volunteer":
			return ofVolunteer(id)
		case "agreement":
			if a, ok := p.Agreement(id); ok {
				return ofVolunteer(a.Volunteer)
			}
		}
		return word(lang, "organisation")
	}
}

// chart is a list of horizontal bars of stacked segments, drawn in SVG.
type chart struct {
	Title  string
	Height int
	Bars   []bar
	Legend []count
	Empty  string // shown instead of bars when there are none
}

type bar struct {
	Label, Full string // the label as drawn (cut to fit) and whole
	Y           int
	Segs        []seg
	Value       string
	ValueX      int
}

type seg struct {
	X, W  int
	Class string
}

// Geometry of a chart, in SVG user units.
const (
	labelWidth = 230
	barWidth   = 340
	rowHeight  = 22
	labelChars = 34
)

// severityChart counts findings by key, each bar split by severity. order,
// when given, fixes the order of keys (and drops none); otherwise bars go
// from the largest count down.
func severityChart(title string, fs []rules.Finding, key func(rules.Finding) string, order []string) chart {
	counts := map[string]map[rules.Severity]int{}
	var keys []string
	for _, f := range fs {
		k := key(f)
		if counts[k] == nil {
			counts[k] = map[rules.Severity]int{}
			keys = append(keys, k)
		}
		counts[k][f.Severity]++
	}
	total := func(k string) int {
		n := 0
		for _, v := range counts[k] {
			n += v
		}
		return n
	}
	if order != nil {
		slices.SortStableFunc(keys, func(a, b string) int {
			return cmp.Compare(slices.Index(order, a), slices.Index(order, b))
		})
	} else {
		slices.SortStableFunc(keys, func(a, b string) int {
			return cmp.Or(cmp.Compare(total(b), total(a)), cmp.Compare(a, b))
		})
	}
	rows := make([][]segValue, len(keys))
	for i, k := range keys {
		for _, s := range severities {
			if n := counts[k][s]; n > 0 {
				rows[i] = append(rows[i], segValue{n, string(s)})
			}
		}
	}
	return draw(title, keys, rows, nil)
}

type segValue struct {
	n     int
	class string
}

// draw lays out bars; values gives each bar's text, else its total.
func draw(title string, labels []string, rows [][]segValue, values []string) chart {
	c := chart{Title: title, Height: len(labels)*rowHeight + 4}
	most := 1
	for _, r := range rows {
		sum := 0
		for _, s := range r {
			sum += s.n
		}
		most = max(most, sum)
	}
	for i, label := range labels {
		b := bar{Label: cut(label), Full: label, Y: i*rowHeight + 2}
		x, sum := labelWidth, 0
		for _, s := range rows[i] {
			w := s.n * barWidth / most
			b.Segs = append(b.Segs, seg{X: x, W: max(w, 1), Class: s.class})
			x += w
			sum += s.n
		}
		b.ValueX = x + 6
		b.Value = strconv.Itoa(sum)
		if values != nil {
			b.Value = values[i]
		}
		c.Bars = append(c.Bars, b)
	}
	return c
}

// cut shortens a label to fit its column, keeping whole characters.
func cut(s string) string {
	if utf8.RuneCountInString(s) <= labelChars {
		return s
	}
	r := []rune(s)
	return string(r[:labelChars-1]) + "…"
}

// reportsChart shows, for each of the twelve months before as_of, how many
// of the reports due that month were filed: a volunteer owes a report for
// every month after the one the agreement was signed in, up to the month
// it ends in, as agreement.monthly_report reads the guide (R10).
func reportsChart(p *mentoring.Programme, asOf civil.Date, lang diag.Lang) chart {
	last := asOf.In().Add(-1)
	first := last.Add(-11)
	var labels, values []string
	var rows [][]segValue
	for m := first; !m.After(last); m = m.Add(1) {
		due, filed := 0, 0
		for i := range p.Agreements {
			a := &p.Agreements[i]
			if a.SignedOn.IsZero() || !a.SignedOn.In().Before(m) || (!a.EndsOn.IsZero() && a.EndsOn.In().Before(m)) {
				continue
			}
			due++
			if slices.ContainsFunc(p.ReportsOf(a.Volunteer), func(r *agreement.Report) bool { return r.Month == m }) {
				filed++
			}
		}
		if due == 0 {
			continue
		}
		labels = append(labels, monthsShort[lang][m.Month()-1]+" "+strconv.Itoa(m.Year()))
		rows = append(rows, []segValue{{filed, "filed"}, {due - filed, "deny"}})
		values = append(values, strconv.Itoa(filed)+" / "+strconv.Itoa(due))
	}
	c := draw(word(lang, "reports_by_month"), labels, rows, values)
	c.Legend = []count{{"filed", word(lang, "filed")}, {"deny", word(lang, "missing")}}
	if len(labels) == 0 {
		c.Empty = word(lang, "no_reports_due")
		c.Legend = nil
	}
	return c
}
