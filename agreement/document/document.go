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
	"github.com/birgemiz/sabaqtastyq/internal/grammar"
	"github.com/birgemiz/sabaqtastyq/mentoring"
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
	// Volunteer is the volunteer's record in the programme. Where the
	// agreement's party does not give them, it supplies the name and the
	// contacts (phone, e-mail, address), and it gives the date of the
	// safety instruction (clause 7.4). Nil leaves blank lines.
	Volunteer *volunteer.Volunteer
	// Terms are the organisation's requirements Part I says an agreement
	// lists (clauses 7.4–7.7); nil, or an empty field, leaves a line to
	// fill in by hand.
	Terms *Terms
}

// Terms are the requirements Part I of the guide says an agreement
// lists besides hours, weekdays and reimbursed costs (L846–L852):
// "тәртіпке және қауіпсіздік техникасына, сондай-ақ оқыту мен сапарларға,
// техника мен байланыс құралдарын пайдалануға, мансаптық өсуге қойылатын
// талаптар". Each is the organisation's own text, shown as written.
type Terms struct {
	Discipline string `json:"discipline,omitempty" yaml:"discipline"` // discipline and safety
	Training   string `json:"training,omitempty" yaml:"training"`     // training and trips
	Equipment  string `json:"equipment,omitempty" yaml:"equipment"`   // equipment and means of communication
	Career     string `json:"career,omitempty" yaml:"career"`         // career steps, if any
}

// Codes of the problems Render reports.
const (
	CodeLang   diag.Code = "document.lang"   // a language the document has no text in
	CodeFormat diag.Code = "document.format" // an output format not supported
	CodeData   diag.Code = "document.data"   // the embedded clause data or templates are broken

	CodeNoProgramme diag.Code = "document.no_programme" // RenderVolunteer was given no programme
	CodeVolunteer   diag.Code = "document.volunteer"    // the programme has no volunteer with the id; Args: the id
	CodeNoAgreement diag.Code = "document.no_agreement" // the volunteer has no agreement in the programme; Args: the id
)

func init() {
	diag.Register(map[diag.Code]diag.Text{
		CodeLang: {
			KK: "{0} тілінде келісім мәтіні жоқ; kk, ru немесе en таңдаңыз",
			RU: "текста соглашения на языке {0} нет; выберите kk, ru или en",
			EN: "there is no agreement text in language {0}; choose kk, ru or en",
		},
		CodeFormat: {
			KK: "{0} пішіміне қолдау көрсетілмейді; md немесе html таңдаңыз",
			RU: "формат {0} не поддерживается; выберите md или html",
			EN: "format {0} is not supported; choose md or html",
		},
		CodeData: {
			KK: "келісімнің ішкі деректері бүлінген: {0}",
			RU: "встроенные данные соглашения повреждены: {0}",
			EN: "the embedded agreement data is broken: {0}",
		},
		CodeNoProgramme: {KK: "бағдарлама берілмеген", RU: "программа не задана", EN: "no programme given"},
		CodeVolunteer: {
			KK: "бағдарламада {0} волонтері жоқ",
			RU: "в программе нет волонтёра {0}",
			EN: "the programme has no volunteer {0}",
		},
		CodeNoAgreement: {
			KK: "бағдарламада {0} волонтерінің келісімі жоқ",
			RU: "в программе нет соглашения волонтёра {0}",
			EN: "the programme has no agreement of volunteer {0}",
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

// RenderVolunteer writes the agreement of the volunteer with the id in
// the programme p: the volunteer's latest agreement (by its signing date;
// among unsigned drafts, the last in the file), filled from the programme
// where the agreement leaves a blank — the volunteer's name and contacts
// from their record, the date of their safety instruction, the
// organisation's name from the programme file. An individual mentor, or a
// volunteer who mentors a tandem, gets the mentor addendum. opts may still
// set anything: an Organisation, a Volunteer record or MentorAddendum
// given there win.
//
// An unknown volunteer or one without an agreement is an error naming the
// id; nothing is written then.
func RenderVolunteer(w io.Writer, p *mentoring.Programme, volunteerID string, opts Options) error {
	if p == nil {
		return diag.New(CodeNoProgramme, "programme")
	}
	v, ok := p.Volunteer(volunteerID)
	if !ok {
		return diag.New(CodeVolunteer, "volunteer", volunteerID)
	}
	agreements := p.AgreementsOf(volunteerID)
	if len(agreements) == 0 {
		return diag.New(CodeNoAgreement, "volunteer", volunteerID)
	}
	latest := agreements[0]
	for _, a := range agreements[1:] {
		if !a.SignedOn.Before(latest.SignedOn) {
			latest = a
		}
	}
	if opts.Volunteer == nil {
		opts.Volunteer = v
	}
	if opts.Organisation == nil && strings.TrimSpace(p.Organisation) != "" {
		opts.Organisation = &agreement.Organisation{Name: p.Organisation}
	}
	if v.Role == volunteer.IndividualMentor || len(p.TandemsOf(volunteerID)) > 0 {
		opts.MentorAddendum = true
	}
	return Render(w, *latest, opts)
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
	Date, City, Hours, Weekdays, Costs, Notice                   string
	Discipline, Briefing, Training, Equipment, Career            string
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

// named is the volunteer's name in the preamble, or, when the programme
// has none, the guide's blank with its label to fill in: "(ТАӘ) ____".
func named(name, label string) string {
	if s := or(name, 40); s != blank(40) {
		return s
	}
	return "(" + label + ") " + blank(40)
}

func build(t *text, a agreement.Agreement, opts Options) (*view, error) {
	lang := diag.Lang(t.Lang)
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
	name := party.FullName
	var briefing civil.Date
	if v := opts.Volunteer; v != nil {
		// The volunteer's record fills what the agreement's party leaves
		// out, field by field.
		if strings.TrimSpace(name) == "" {
			name = v.FullName
		}
		if v.Contacts != nil {
			c := *contacts
			c.Phone = orValue(c.Phone, v.Contacts.Phone)
			c.Email = orValue(c.Email, v.Contacts.Email)
			c.Address = orValue(c.Address, v.Contacts.Address)
			contacts = &c
		}
		briefing = v.Screening.SafetyBriefing
	}
	var reach []string
	for _, s := range []string{contacts.Phone, contacts.Email} {
		if s = strings.TrimSpace(s); s != "" {
			reach = append(reach, s)
		}
	}
	terms := opts.Terms
	if terms == nil {
		terms = &Terms{}
	}
	f := fields{
		OrgName:    or(org.Name, 50),
		Name:       named(name, t.Signature.Name),
		IDNumber:   or(party.IDDocument.Number, 16),
		IssuedOn:   issued(lang, party.IDDocument.IssuedOn),
		Issuer:     or(party.IDDocument.Issuer, 30),
		Address:    or(contacts.Address, 40),
		Contacts:   or(strings.Join(reach, ", "), 40),
		Date:       dated(lang, a.SignedOn),
		City:       or(a.City, 16),
		Hours:      hours(lang, a.HoursPerWeek),
		Weekdays:   blank(30),
		Costs:      blank(40),
		Notice:     notice(lang, a.NoticeDays),
		Discipline: or(term(terms.Discipline), 40),
		Briefing:   briefed(lang, briefing),
		Training:   or(term(terms.Training), 40),
		Equipment:  or(term(terms.Equipment), 40),
		Career:     or(term(terms.Career), 40),
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
			VolunteerName:  or(name, 40),
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

// orValue is s, or def when s is blank.
func orValue(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// term is an organisation's requirement as a clause ends it: its own
// closing full stop dropped, since the clause adds one.
func term(s string) string {
	return strings.TrimRight(strings.TrimSpace(s), ".")
}

// dated is the agreement's date line: the date as people write it
// ("2026 жылғы 15 ақпан", "15 февраля 2026 г.", "15 February 2026"), or
// the guide's blank to fill in.
func dated(lang diag.Lang, d civil.Date) string {
	if d.IsZero() {
		switch lang {
		case diag.KK:
			return "20__ жылғы «__» __________"
		case diag.RU:
			return "«__» __________ 20__ г."
		}
		return "__ __________ 20__"
	}
	return grammar.Date(lang, d)
}

// issued is the identity document's date of issue as the preamble's
// sentence needs it: Kazakh in the locative ("2015 жылғы 3 маусымда …
// берілген"), Russian and English as written; or a blank.
func issued(lang diag.Lang, d civil.Date) string {
	if d.IsZero() {
		switch lang {
		case diag.KK:
			return "«__» __________ ____ ж."
		case diag.RU:
			return "«__» __________ ____ г."
		}
		return "__ __________ ____"
	}
	return grammar.DateCase(lang, d, grammar.Locative)
}

// briefed is the date the volunteer was given the safety instruction, or a
// blank.
func briefed(lang diag.Lang, d civil.Date) string {
	if d.IsZero() {
		return dated(lang, d)
	}
	return grammar.Date(lang, d)
}

// hours is the hours a week of clause 7.1 with the noun its language
// puts after a number ("4 часа", "1 hour"); Kazakh's clause writes
// "сағат" itself.
func hours(lang diag.Lang, n int) string {
	if n <= 0 {
		switch lang {
		case diag.RU:
			return blank(4) + " ч."
		case diag.EN:
			return blank(4) + " hours"
		}
		return blank(4)
	}
	switch lang {
	case diag.RU:
		return grammar.Count(diag.RU, int64(n), "час|часа|часов")
	case diag.EN:
		return grammar.Count(diag.EN, int64(n), "hour|hours")
	}
	return strconv.Itoa(n)
}

// notice is the notice period of clause 3.10: the agreement's own when it
// sets one, else the guide's two weeks; in weeks when it is whole weeks
// ("2 апта", "за 2 недели", "2 weeks"), else in days ("за 10 дней").
func notice(lang diag.Lang, days int) string {
	if days <= 0 {
		days = agreement.DefaultNoticeDays
	}
	n, weeks := int64(days), days%7 == 0
	if weeks {
		n /= 7
	}
	switch lang {
	case diag.KK:
		if weeks {
			return strconv.FormatInt(n, 10) + " апта"
		}
		return strconv.FormatInt(n, 10) + " күн"
	case diag.RU: // after "за": accusative
		if weeks {
			return grammar.Count(diag.RU, n, "неделю|недели|недель")
		}
		return grammar.Count(diag.RU, n, "день|дня|дней")
	}
	if weeks {
		return grammar.Count(diag.EN, n, "week|weeks")
	}
	return grammar.Count(diag.EN, n, "day|days")
}

// escapeMarkdown makes s literal inline text in CommonMark: a clause with
// the party's name in it stays one paragraph whatever the name holds.
func escapeMarkdown(s string) string { return escape.Markdown(s) }
