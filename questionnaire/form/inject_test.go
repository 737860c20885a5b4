package form_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/doctest"
	"github.com/birgemiz/sabaqtastyq/questionnaire/form"
	"github.com/birgemiz/sabaqtastyq/recruit"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// formWith is the guide's form with v in place of every text it has (an
// organisation may print its own form), and skillsWith a skills table of
// three skills named v.
func formWith(v string) *form.Form {
	d := form.Default()
	text := func(t diag.Text) diag.Text {
		if t.KK == "" && t.RU == "" && t.EN == "" {
			return t
		}
		return diag.Text{KK: v, RU: v, EN: v}
	}
	f := *d
	f.Title, f.Note, f.Thanks = text(d.Title), text(d.Note), text(d.Thanks)
	f.Intro = make([]diag.Text, len(d.Intro))
	for i, p := range d.Intro {
		f.Intro[i] = text(p)
	}
	f.Sections = make([]form.Section, len(d.Sections))
	for i, s := range d.Sections {
		s.Title, s.Note = text(s.Title), text(s.Note)
		qs := make([]form.Question, len(s.Questions))
		for j, q := range s.Questions {
			q.Label = text(q.Label)
			opts := make([]form.Option, len(q.Options))
			for k, o := range q.Options {
				o.Label = text(o.Label)
				opts[k] = o
			}
			q.Options = opts
			qs[j] = q
		}
		s.Questions = qs
		f.Sections[i] = s
	}
	f.Skills.Title, f.Skills.Intro = text(d.Skills.Title), text(d.Skills.Intro)
	f.Skills.Rows = make([]diag.Text, len(d.Skills.Rows))
	for i, r := range d.Skills.Rows {
		f.Skills.Rows[i] = text(r)
	}
	return &f
}

func skillsWith(v string) []volunteer.Skill {
	return []volunteer.Skill{{Name: v, Like: true}, {Name: v, DoWell: true, CanTeach: true}, {Name: v, WantToLearn: true}}
}

// projectWith is a project with v in every text.
func projectWith(v string) recruit.Project {
	return recruit.Project{Organisation: v, Name: v, Locality: v, Goal: v, Activities: v}
}

// checkForm renders the form, the blank skills table and a filled one with
// v in every text, in every language and both formats, and asserts that
// the outline is the one a plain value gives; and the guide's form with a
// project whose every text is v.
func checkForm(t *testing.T, v string, langs ...diag.Lang) {
	t.Helper()
	x := "X"
	if strings.TrimSpace(v) == "" {
		x = v // a blank title is no title: nothing to compare with but itself
	}
	for _, lang := range langs {
		for _, html := range []bool{false, true} {
			render := func(p recruit.Project) func(io.Writer) error {
				return func(w io.Writer) error {
					if html {
						return form.Default().HTML(w, lang, form.WithProject(p))
					}
					return form.Default().Markdown(w, lang, form.WithProject(p))
				}
			}
			want, err := doctest.Plain(fmt.Sprint("project", html, lang, x), html, render(projectWith(x)))
			require.NoError(t, err)
			var got bytes.Buffer
			require.NoError(t, render(projectWith(v))(&got))
			doctest.Same(t, html, want, got.Bytes(), fmt.Sprintf("form with a project, html %v, %s, value %q", html, lang, v))
		}
	}
	if strings.Contains(v, "{{") {
		return // the form's own texts are templates, which Parse checks
	}
	type render func(f *form.Form, w io.Writer, l diag.Lang, v string) error
	docs := map[string]render{
		"form.md":   func(f *form.Form, w io.Writer, l diag.Lang, _ string) error { return f.Markdown(w, l) },
		"form.html": func(f *form.Form, w io.Writer, l diag.Lang, _ string) error { return f.HTML(w, l) },
		"skills.md": func(f *form.Form, w io.Writer, l diag.Lang, _ string) error { return f.SkillsMarkdown(w, l, nil) },
		"skills.html": func(f *form.Form, w io.Writer, l diag.Lang, _ string) error {
			return f.SkillsHTML(w, l, nil)
		},
		"filled.md": func(f *form.Form, w io.Writer, l diag.Lang, v string) error {
			return f.SkillsMarkdown(w, l, skillsWith(v))
		},
		"filled.html": func(f *form.Form, w io.Writer, l diag.Lang, v string) error {
			return f.SkillsHTML(w, l, skillsWith(v))
		},
	}
	hostile := formWith(v)
	for name, fn := range docs {
		html := strings.HasSuffix(name, ".html")
		for _, lang := range langs {
			want, err := doctest.Plain(fmt.Sprint(name, lang, x), html, func(w io.Writer) error { return fn(formWith(x), w, lang, x) })
			require.NoError(t, err)
			var got bytes.Buffer
			require.NoError(t, fn(hostile, &got, lang, v))
			doctest.Same(t, html, want, got.Bytes(), fmt.Sprintf("%s %s, value %q", name, lang, v))
		}
	}
}

var hostile = []string{
	"Guitar\n\n## Fake section\n\n- [x] ticked for you",
	"a | b | c",
	"| x |\n|---|",
	"1. item",
	"- [ ] box",
	"[x](javascript:alert(1))",
	"<script>alert(1)</script>",
	"**b** `c` ~~s~~",
	"    code",
	"esc\x1b[2J",
	"",
	" ",
	"\u00a0",
	"0\u00a0",
	"\u2003x\u2003",
	"{{.Name}}",
	"Almaty",
	"Қарасай ауылы",
}

func TestValuesCannotChangeTheForm(t *testing.T) { doctest.Values(t, hostile, checkForm) }

func FuzzRender(f *testing.F) { doctest.Fuzz(f, hostile, checkForm) }
