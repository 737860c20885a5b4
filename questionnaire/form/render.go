package form

import (
	"embed"
	"fmt"
	htmltemplate "html/template"
	"io"
	"strings"
	"sync"
	texttemplate "text/template"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/escape"
	"github.com/birgemiz/sabaqtastyq/internal/grammar"
	"github.com/birgemiz/sabaqtastyq/recruit"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

//go:embed templates
var templateFS embed.FS

// words are the few words the templates add around the form's own text.
var words = map[string]diag.Text{
	"explain":  {KK: "Түсіндірме", RU: "Пояснение", EN: "Explanation"},
	"addition": {KK: "Нұсқаулықтағы сауалнамада жоқ: жасқа байланысты рөлдерді ұсыну үшін қосылған.", RU: "Нет в анкете руководства: добавлено, чтобы предлагать роли, зависящие от возраста.", EN: "Not on the guide's form: added so that roles that depend on age can be suggested."},
	"date":     {KK: "КК.АА.ЖЖЖЖ", RU: "ДД.ММ.ГГГГ", EN: "DD.MM.YYYY"},
	"signed":   {KK: "Күні", RU: "Дата", EN: "Date"},
	"skill":    {KK: "Дағды", RU: "Навык", EN: "Skill"},
	"filled":   {KK: "Волонтердің дағдылары", RU: "Навыки волонтёра", EN: "The volunteer's skills"},
}

// row is one line of the skills table as the templates see it.
type row struct {
	Name  string
	Marks [4]bool
	Blank bool // a row left empty for the volunteer to fill in
}

type view struct {
	Lang   diag.Lang
	Form   *Form
	Rows   []row
	Filled bool
}

// A RenderOption changes how the form is printed.
type RenderOption func(*settings)

type settings struct{ project recruit.Project }

// WithProject fills the blanks of the guide's letter to the applicant
// and of question 2 from the organisation's project: its name ("[Атауы]"),
// its locality ("[Елді мекеннің атауы]"), its aim and what its volunteers
// do. Whatever the project leaves empty stays a line to fill in, with the
// guide's hint in brackets. Without this option every blank is such a line.
func WithProject(p recruit.Project) RenderOption { return func(s *settings) { s.project = p } }

// blanks are the values of the form's placeholders in one language: the
// project's, or a line to fill in with the guide's hint.
type blanks struct {
	Name       string // «Name», or a line with the hint [Атауы]
	Locality   string // the locality as written, or a line
	LocalityIn string // Kazakh only: "Алматыдағы", or "____________-дағы [Елді мекеннің атауы]"
	Goal       string
	Activities string
}

// line is the length of a line to fill in by hand.
const line = "____________"

func blankOf(lang diag.Lang, hint string) string { return line + " [" + hint + "]" }

func newBlanks(lang diag.Lang, p recruit.Project) blanks {
	clean := func(s string) string { return strings.TrimSpace(escape.Controls(s)) }
	hint := map[diag.Lang][2]string{
		diag.KK: {"Атауы", "Елді мекеннің атауы"},
		diag.RU: {"название", "название населённого пункта"},
		diag.EN: {"name", "name of the town or village"},
	}[lang]
	b := blanks{Goal: clean(p.Goal), Activities: clean(p.Activities)}
	if name := clean(p.Name); name != "" {
		b.Name = "«" + name + "»"
		if lang == diag.EN {
			b.Name = "“" + name + "”"
		}
	} else {
		b.Name = blankOf(lang, hint[0])
	}
	if loc := clean(p.Locality); loc != "" {
		b.Locality, b.LocalityIn = loc, attributive(loc)
	} else {
		b.Locality = blankOf(lang, hint[1])
		b.LocalityIn = line + "-дағы [" + hint[1] + "]"
	}
	return b
}

// attributive is a Kazakh place name with the attributive locative
// ending, "in X" before a noun, as [grammar.Attributive] writes it
// (Алматыдағы, Шымкенттегі, Қонаевтағы, Қарасай ауылындағы). A name that is
// not written in Kazakh letters takes no ending: the sentence names the
// settlement instead ("Almaty елді мекеніндегі").
func attributive(place string) string {
	if s := grammar.Attributive(place); s != "" {
		return s
	}
	return place + " елді мекеніндегі"
}

// funcs are the template functions in lang. In Markdown every text the
// templates put in — the form's own (an organisation may bring its own
// form), the words added around it, a volunteer's skill — goes through
// esc, escape.Markdown; html/template escapes for HTML itself. A text of
// the form with placeholders is filled from b first.
func funcs(lang diag.Lang, esc func(string) string, b blanks) map[string]any {
	return map[string]any{
		"t":    func(t diag.Text) (string, error) { s, err := fill(t.In(lang), lang, b); return esc(s), err },
		"word": func(k string) string { return esc(words[k].In(lang)) },
		"set":  func(t diag.Text) bool { return t.EN != "" || t.KK != "" || t.RU != "" },
		"cell": esc,
	}
}

// fill expands the placeholders of one text of the form.
func fill(s string, lang diag.Lang, b blanks) (string, error) {
	if !strings.Contains(s, "{{") {
		return s, nil
	}
	t, err := texttemplate.New("").Option("missingkey=error").
		Funcs(texttemplate.FuncMap{"blank": func(hint string) string { return blankOf(lang, hint) }}).Parse(s)
	if err != nil {
		return "", fmt.Errorf("form text %q: %w", s, err)
	}
	var out strings.Builder
	if err := t.Execute(&out, b); err != nil {
		return "", fmt.Errorf("form text %q: %w", s, err)
	}
	return out.String(), nil
}

var (
	mdTemplates = sync.OnceValue(func() *texttemplate.Template {
		return texttemplate.Must(texttemplate.New("").Funcs(funcs(diag.EN, escape.Markdown, blanks{})).ParseFS(templateFS, "templates/*.md.tmpl"))
	})
	htmlTemplates = sync.OnceValue(func() *htmltemplate.Template {
		return htmltemplate.Must(htmltemplate.New("").Funcs(funcs(diag.EN, escape.Controls, blanks{})).ParseFS(templateFS, "templates/*.html.tmpl"))
	})
)

func (f *Form) markdown(w io.Writer, name string, v view, opts []RenderOption) error {
	t, err := mdTemplates().Clone()
	if err != nil {
		return err
	}
	return execute(w, t.Funcs(funcs(v.Lang, escape.Markdown, blanksOf(v.Lang, opts))), name, v)
}

func (f *Form) html(w io.Writer, name string, v view, opts []RenderOption) error {
	t, err := htmlTemplates().Clone()
	if err != nil {
		return err
	}
	return execute(w, t.Funcs(funcs(v.Lang, escape.Controls, blanksOf(v.Lang, opts))), name, v)
}

func blanksOf(lang diag.Lang, opts []RenderOption) blanks {
	var s settings
	for _, o := range opts {
		o(&s)
	}
	return newBlanks(lang, s.project)
}

// execute writes the document in one piece, or nothing on an error.
func execute(w io.Writer, t interface {
	ExecuteTemplate(io.Writer, string, any) error
}, name string, v view) error {
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, name, v); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Markdown writes the form in lang as Markdown: the guide's letter to the
// applicant, checkboxes for choices, the 1–5 scale as a table, lines for
// written answers. Its blanks are lines to fill in, or the project's
// words with [WithProject].
func (f *Form) Markdown(w io.Writer, lang diag.Lang, opts ...RenderOption) error {
	return f.markdown(w, "form.md.tmpl", view{Lang: lang, Form: f}, opts)
}

// HTML writes the form in lang as a print-ready HTML page (A4, one
// section never split across pages), its blanks as [Form.Markdown] fills
// them. The page is also well-formed XML.
func (f *Form) HTML(w io.Writer, lang diag.Lang, opts ...RenderOption) error {
	return f.html(w, "form.html.tmpl", view{Lang: lang, Form: f}, opts)
}

// SkillsMarkdown writes the "my skills" table in lang as Markdown: blank,
// with the guide's sample skills and empty rows, when skills is empty;
// otherwise one row per skill with its columns ticked.
func (f *Form) SkillsMarkdown(w io.Writer, lang diag.Lang, skills []volunteer.Skill) error {
	return f.markdown(w, "skills.md.tmpl", f.skillsView(lang, skills), nil)
}

// SkillsHTML writes the "my skills" table in lang as a print-ready HTML
// page, blank or filled as [Form.SkillsMarkdown] does.
func (f *Form) SkillsHTML(w io.Writer, lang diag.Lang, skills []volunteer.Skill) error {
	return f.html(w, "skills.html.tmpl", f.skillsView(lang, skills), nil)
}

func (f *Form) skillsView(lang diag.Lang, skills []volunteer.Skill) view {
	v := view{Lang: lang, Form: f, Filled: len(skills) > 0}
	if v.Filled {
		for _, s := range skills {
			v.Rows = append(v.Rows, row{Name: s.Name, Marks: [4]bool{s.Like, s.DoWell, s.CanTeach, s.WantToLearn}})
		}
		return v
	}
	for _, r := range f.Skills.Rows {
		v.Rows = append(v.Rows, row{Name: r.In(lang)})
	}
	for range f.Skills.BlankRows {
		v.Rows = append(v.Rows, row{Blank: true})
	}
	return v
}
