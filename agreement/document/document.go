package document

import (
	"bytes"
	"embed"
	"fmt"
	htmltemplate "html/template"
	"io"
	"strconv"
	"strings"
	"sync"
	texttemplate "text/template"

	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/escape"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// Format is the output format of a rendered document.
type Format string

// Output formats.
const (
	Markdown Format = "md"   // CommonMark, for reading and versioning
	HTML     Format = "html" // print-ready A4 page, XHTML-compatible
)

// Options say how to render an agreement. The zero value renders the Kazakh
// original as Markdown without the mentor addendum.
type Options struct {
	// Lang is the document's language; default [diag.KK], the guide's own.
	Lang diag.Lang
	// Format is [Markdown] (the default) or [HTML].
	Format Format
	// MentorAddendum adds the mentor's addendum (children's rights first,
	// the prohibitions) after the signatures; default false.
	MentorAddendum bool
	// Organisation stands in for the agreement's organisation when the
	// agreement names none; nil leaves blank lines to fill by hand.
	Organisation *agreement.Organisation
}

// Codes of the problems Render reports.
const (
	CodeLang   diag.Code = "document.lang"   // a language the document has no text in
	CodeFormat diag.Code = "document.format" // an output format not supported
	CodeData   diag.Code = "document.data"   // the embedded clause data or templates are broken
)

func init() {
	diag.Register(map[diag.Code]diag.Text{
		CodeLang: {
			KK: "{0} тілінде келісім мәтіні жоқ; kk, ru немесе en таңдаңыз",
			RU: "текста соглашения на языке {0} нет; выберите kk, ru или en",
			EN: "there is no agreement text in language {0}; choose kk, ru or en",
		},
		CodeFormat: {
			KK: "{0} пішімі қолдау таппайды; md немесе html таңдаңыз",
			RU: "формат {0} не поддерживается; выберите md или html",
			EN: "format {0} is not supported; choose md or html",
		},
		CodeData: {
			KK: "келісімнің ішкі деректері бүлінген: {0}",
			RU: "встроенные данные соглашения повреждены: {0}",
			EN: "the embedded agreement data is broken: {0}",
		},
	})
}

//go:embed clauses/*.yaml templates/*
var files embed.FS

// text is one language's clause file (clauses/LANG.yaml).
type text struct {
	Lang      string            `yaml:"lang"`
	Title     string            `yaml:"title"`
	DateLine  string            `yaml:"date_line"`
	CityLine  string            `yaml:"city_line"`
	Preamble  []string          `yaml:"preamble"`
	Sections  []section         `yaml:"sections"`
	Closing   string            `yaml:"closing"`
	Signature signature         `yaml:"signature"`
	Addendum  addendumText      `yaml:"addendum"`
	Labels    labels            `yaml:"labels"`
	Months    []string          `yaml:"months"`
	Weekdays  map[string]string `yaml:"weekdays"`
	Costs     map[string]string `yaml:"costs"`
}

type section struct {
	ID      string   `yaml:"id"`
	Title   string   `yaml:"title"`
	Clauses []clause `yaml:"clauses"`
}

type clause struct {
	ID   string `yaml:"id"`
	Text string `yaml:"text"`
}

type signature struct {
	Organisation string `yaml:"organisation"`
	Volunteer    string `yaml:"volunteer"`
	OnBehalf     string `yaml:"on_behalf"`
	Name         string `yaml:"name"`
	Sign         string `yaml:"sign"`
	Seal         string `yaml:"seal"`
}

type addendumText struct {
	Title    string    `yaml:"title"`
	Intro    string    `yaml:"intro"`
	Sections []section `yaml:"sections"`
}

type labels struct {
	Page       string `yaml:"page"`
	AddendumOf string `yaml:"addendum_of"`
}

type compiled struct {
	texts map[diag.Lang]*text
	md    *texttemplate.Template
	html  *htmltemplate.Template
}

var load = sync.OnceValues(func() (*compiled, error) {
	c := &compiled{texts: map[diag.Lang]*text{}}
	for _, lang := range diag.Langs {
		b, err := files.ReadFile("clauses/" + string(lang) + ".yaml")
		if err != nil {
			return nil, err
		}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		t := new(text)
		if err := dec.Decode(t); err != nil {
			return nil, fmt.Errorf("clauses/%s.yaml: %w", lang, err)
		}
		if len(t.Months) != 12 {
			return nil, fmt.Errorf("clauses/%s.yaml: %d month names, want 12", lang, len(t.Months))
		}
		c.texts[lang] = t
	}
	var err error
	c.md, err = texttemplate.New("agreement.md.tmpl").Funcs(texttemplate.FuncMap{"md": escapeMarkdown}).
		ParseFS(files, "templates/agreement.md.tmpl")
	if err != nil {
		return nil, err
	}
	c.html, err = htmltemplate.New("agreement.html.tmpl").ParseFS(files, "templates/agreement.html.tmpl")
	if err != nil {
		return nil, err
	}
	return c, nil
})

// Render writes the agreement a as a document in opts.Lang and opts.Format:
// the guide's Appendix 2 with the parties, the date and the city filled in
// from a, the working terms of section 7 (hours, weekdays, reimbursed
// costs), signature lines for both parties and, with opts.MentorAddendum,
// the mentor's addendum. Anything a does not say (a missing party, an
// unsigned date) is left as a blank line to fill in by hand; it is not an
// error.
//
// The document holds the volunteer's personal data — that is its purpose —
// but errors never do: they name only the option at fault.
func Render(w io.Writer, a agreement.Agreement, opts Options) error {
	lang := opts.Lang
	if lang == "" {
		lang = diag.KK
	}
	format := opts.Format
	if format == "" {
		format = Markdown
	}
	if _, ok := diag.ParseLang(string(lang)); !ok {
		return diag.New(CodeLang, "options.lang", string(lang))
	}
	if format != Markdown && format != HTML {
		return diag.New(CodeFormat, "options.format", string(format))
	}
	c, err := load()
	if err != nil {
		return &diag.Error{Code: CodeData, Path: "options.lang", Args: []string{err.Error()}, Err: err}
	}
	v, err := build(c.texts[lang], a, opts)
	if err != nil {
		return &diag.Error{Code: CodeData, Path: "options.lang", Args: []string{err.Error()}, Err: err}
	}
	var buf bytes.Buffer
	if format == HTML {
		err = c.html.Execute(&buf, v)
	} else {
		err = c.md.Execute(&buf, v)
	}
	if err != nil {
		return &diag.Error{Code: CodeData, Path: "options.format", Args: []string{err.Error()}, Err: err}
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// view is what the templates see: every text already in the document's
// language with its blanks filled.
type view struct {
	Lang     string
	Title    string
	DateLine string
	CityLine string
	Preamble []string
	Sections []section
	Closing  string
	Sig      sigView
	Addendum *addendumView
	Labels   labels
}

type sigView struct {
	signature
	OrgName        string
	Representative string
	Basis          string
	VolunteerName  string
	Line           string
}

type addendumView struct {
	Title    string
	Of       string
	Intro    string
	Sections []section
}

// fields are the blanks of the clause texts, referred to as {{.Name}} etc.
type fields struct {
	OrgName, Name, IDNumber, IssuedOn, Issuer, Address, Contacts string
	Date, City, Hours, Weekdays, Costs                           string
}

func blank(n int) string { return strings.Repeat("_", n) }

// or is the value s as the document shows it — without control
// characters, which neither XML nor a terminal may see — or a blank line
// of n underscores when s is empty.
func or(s string, n int) string {
	if s = strings.TrimSpace(escape.Controls(s)); s == "" {
		return blank(n)
	}
	return s
}

func build(t *text, a agreement.Agreement, opts Options) (*view, error) {
	org := a.Organisation
	if org == nil {
		org = opts.Organisation
	}
	if org == nil {
		org = &agreement.Organisation{}
	}
	party := a.Party
	if party == nil {
		party = &agreement.Party{}
	}
	contacts := party.Contacts
	if contacts == nil {
		contacts = &volunteer.Contacts{}
	}
	var reach []string
	for _, s := range []string{contacts.Phone, contacts.Email} {
		if s = strings.TrimSpace(s); s != "" {
			reach = append(reach, s)
		}
	}
	f := fields{
		OrgName:  or(org.Name, 50),
		Name:     or(party.FullName, 40),
		IDNumber: or(party.IDDocument.Number, 16),
		IssuedOn: issued(t, diag.Lang(t.Lang), party.IDDocument.IssuedOn),
		Issuer:   or(party.IDDocument.Issuer, 30),
		Address:  or(contacts.Address, 40),
		Contacts: or(strings.Join(reach, ", "), 40),
		Date:     dated(t, diag.Lang(t.Lang), a.SignedOn),
		City:     or(a.City, 16),
		Hours:    blank(4),
		Weekdays: blank(30),
		Costs:    blank(40),
	}
	if a.HoursPerWeek > 0 {
		f.Hours = strconv.Itoa(a.HoursPerWeek)
	}
	if len(a.Weekdays) > 0 {
		days := make([]string, len(a.Weekdays))
		for i, d := range a.Weekdays {
			days[i] = lookup(t.Weekdays, string(d))
		}
		f.Weekdays = strings.Join(days, ", ")
	}
	if len(a.ReimbursedCosts) > 0 {
		costs := make([]string, len(a.ReimbursedCosts))
		for i, c := range a.ReimbursedCosts {
			costs[i] = lookup(t.Costs, string(c))
		}
		f.Costs = strings.Join(costs, "; ")
	}

	x := expander{f: f}
	sig := t.Signature
	sig.OnBehalf = x.do(sig.OnBehalf)
	v := &view{
		Lang:     t.Lang,
		Title:    x.do(t.Title),
		DateLine: x.do(t.DateLine),
		CityLine: x.do(t.CityLine),
		Closing:  x.do(t.Closing),
		Sections: x.sections(t.Sections),
		Labels:   t.Labels,
		Sig: sigView{
			signature:      sig,
			OrgName:        f.OrgName,
			Representative: or(org.Representative, 30),
			Basis:          strings.TrimSpace(escape.Controls(org.Basis)),
			VolunteerName:  f.Name,
			Line:           blank(24),
		},
	}
	for _, p := range t.Preamble {
		v.Preamble = append(v.Preamble, x.do(p))
	}
	if opts.MentorAddendum {
		v.Addendum = &addendumView{
			Title:    x.do(t.Addendum.Title),
			Of:       t.Labels.AddendumOf,
			Intro:    x.do(t.Addendum.Intro),
			Sections: x.sections(t.Addendum.Sections),
		}
	}
	return v, x.err
}

// lookup names a vocabulary value in the document's language, or leaves it
// as it is when the language file has no name for it.
func lookup(names map[string]string, key string) string {
	if s, ok := names[key]; ok {
		return s
	}
	return key
}

// expander fills the blanks of clause texts; the first failure sticks.
type expander struct {
	f   fields
	err error
}

func (x *expander) do(s string) string {
	if x.err != nil || !strings.Contains(s, "{{") {
		return s
	}
	t, err := texttemplate.New("clause").Option("missingkey=error").Parse(s)
	if err != nil {
		x.err = err
		return s
	}
	var b strings.Builder
	if err := t.Execute(&b, x.f); err != nil {
		x.err = err
		return s
	}
	return b.String()
}

func (x *expander) sections(in []section) []section {
	out := make([]section, len(in))
	for i, s := range in {
		out[i] = section{ID: s.ID, Title: x.do(s.Title), Clauses: make([]clause, len(s.Clauses))}
		for j, c := range s.Clauses {
			out[i].Clauses[j] = clause{ID: c.ID, Text: x.do(c.Text)}
		}
	}
	return out
}

// dated is the agreement's date line, in each language's usual order.
func dated(t *text, lang diag.Lang, d civil.Date) string {
	if d.IsZero() {
		switch lang {
		case diag.KK:
			return "20__ жылғы «__» __________"
		case diag.RU:
			return "«__» __________ 20__ г."
		}
		return "__ __________ 20__"
	}
	month := t.Months[d.Month()-1]
	switch lang {
	case diag.KK:
		return fmt.Sprintf("%d жылғы «%02d» %s", d.Year(), d.Day(), month)
	case diag.RU:
		return fmt.Sprintf("«%02d» %s %d г.", d.Day(), month, d.Year())
	}
	return fmt.Sprintf("%d %s %d", d.Day(), month, d.Year())
}

// issued is the identity document's date of issue; the clause text adds
// the year mark ("ж.", "г.") itself.
func issued(t *text, lang diag.Lang, d civil.Date) string {
	if d.IsZero() {
		if lang == diag.EN {
			return "__ __________ ____"
		}
		return "«__» __________ ____"
	}
	month := t.Months[d.Month()-1]
	if lang == diag.EN {
		return fmt.Sprintf("%d %s %d", d.Day(), month, d.Year())
	}
	return fmt.Sprintf("«%02d» %s %d", d.Day(), month, d.Year())
}

// escapeMarkdown makes s literal inline text in CommonMark: a clause with
// the party's name in it stays one paragraph whatever the name holds.
func escapeMarkdown(s string) string { return escape.Markdown(s) }
