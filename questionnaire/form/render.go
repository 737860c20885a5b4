package form

import (
	"embed"
	htmltemplate "html/template"
	"io"
	"sync"
	texttemplate "text/template"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/escape"
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

// funcs are the template functions in lang. In Markdown every text the
// templates put in — the form's own (an organisation may bring its own
// form), the words added around it, a volunteer's skill — goes through
// esc, escape.Markdown; html/template escapes for HTML itself.
func funcs(lang diag.Lang, esc func(string) string) map[string]any {
	return map[string]any{
		"t":    func(t diag.Text) string { return esc(t.In(lang)) },
		"word": func(k string) string { return esc(words[k].In(lang)) },
		"set":  func(t diag.Text) bool { return t.EN != "" || t.KK != "" || t.RU != "" },
		"cell": esc,
	}
}

var (
	mdTemplates = sync.OnceValue(func() *texttemplate.Template {
		return texttemplate.Must(texttemplate.New("").Funcs(funcs(diag.EN, escape.Markdown)).ParseFS(templateFS, "templates/*.md.tmpl"))
	})
	htmlTemplates = sync.OnceValue(func() *htmltemplate.Template {
		return htmltemplate.Must(htmltemplate.New("").Funcs(funcs(diag.EN, escape.Controls)).ParseFS(templateFS, "templates/*.html.tmpl"))
	})
)

func (f *Form) markdown(w io.Writer, name string, v view) error {
	t, err := mdTemplates().Clone()
	if err != nil {
		return err
	}
	return t.Funcs(funcs(v.Lang, escape.Markdown)).ExecuteTemplate(w, name, v)
}

func (f *Form) html(w io.Writer, name string, v view) error {
	t, err := htmlTemplates().Clone()
	if err != nil {
		return err
	}
	return t.Funcs(funcs(v.Lang, escape.Controls)).ExecuteTemplate(w, name, v)
}

// Markdown writes the blank form in lang as Markdown: checkboxes for
// choices, the 1–5 scale as a table, lines for written answers.
func (f *Form) Markdown(w io.Writer, lang diag.Lang) error {
	return f.markdown(w, "form.md.tmpl", view{Lang: lang, Form: f})
}

// HTML writes the blank form in lang as a print-ready HTML page (A4, one
// section never split across pages). The page is also well-formed XML.
func (f *Form) HTML(w io.Writer, lang diag.Lang) error {
	return f.html(w, "form.html.tmpl", view{Lang: lang, Form: f})
}

// SkillsMarkdown writes the "my skills" table in lang as Markdown: blank,
// with the guide's sample skills and empty rows, when skills is empty;
// otherwise one row per skill with its columns ticked.
func (f *Form) SkillsMarkdown(w io.Writer, lang diag.Lang, skills []volunteer.Skill) error {
	return f.markdown(w, "skills.md.tmpl", f.skillsView(lang, skills))
}

// SkillsHTML writes the "my skills" table in lang as a print-ready HTML
// page, blank or filled as [Form.SkillsMarkdown] does.
func (f *Form) SkillsHTML(w io.Writer, lang diag.Lang, skills []volunteer.Skill) error {
	return f.html(w, "skills.html.tmpl", f.skillsView(lang, skills))
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
