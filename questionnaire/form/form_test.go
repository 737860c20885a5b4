package form_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/questionnaire"
	"github.com/birgemiz/sabaqtastyq/questionnaire/form"
	"github.com/birgemiz/sabaqtastyq/recruit"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(tb testing.TB, name string, got []byte) {
	tb.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(tb, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(tb, err, "run go test -update to create it")
	assert.Equal(tb, string(want), string(got), "%s differs; run go test -update if the change is right", path)
}

// sampleProject is an invented organisation's project.
var sampleProject = recruit.Project{
	Organisation: "«Бірге» волонтерлік орталығы",
	Name:         "Бірге",
	Locality:     "Шымкент",
	Goal:         "балалар үйлерінің тәрбиеленушілерін тәлімгермен достық арқылы өз бетінше өмірге дайындау.",
	Activities:   "баламен аптасына бір рет кездесу, сабақ үлгеріміне көмектесу, бірге серуендеу.",
}

var filled = []volunteer.Skill{
	{Name: "Guitar", Like: true, DoWell: true, CanTeach: true},
	{Name: "First aid", Like: true, WantToLearn: true},
	{Name: "Excel | Sheets", DoWell: true},
}

func TestRenderGolden(t *testing.T) {
	f := form.Default()
	type render func(io.Writer, diag.Lang) error
	docs := map[string]render{
		"form.md":   func(w io.Writer, l diag.Lang) error { return f.Markdown(w, l) },
		"form.html": func(w io.Writer, l diag.Lang) error { return f.HTML(w, l) },
		"form-project.md": func(w io.Writer, l diag.Lang) error {
			return f.Markdown(w, l, form.WithProject(sampleProject))
		},
		"form-project.html": func(w io.Writer, l diag.Lang) error {
			return f.HTML(w, l, form.WithProject(sampleProject))
		},
		"skills.md":        func(w io.Writer, l diag.Lang) error { return f.SkillsMarkdown(w, l, nil) },
		"skills.html":      func(w io.Writer, l diag.Lang) error { return f.SkillsHTML(w, l, nil) },
		"skills-filled.md": func(w io.Writer, l diag.Lang) error { return f.SkillsMarkdown(w, l, filled) },
		"skills-filled.html": func(w io.Writer, l diag.Lang) error {
			return f.SkillsHTML(w, l, filled)
		},
	}
	for doc, fn := range docs {
		for _, lang := range diag.Langs {
			base, ext, _ := strings.Cut(doc, ".")
			name := base + "." + string(lang) + "." + ext
			t.Run(name, func(t *testing.T) {
				var b bytes.Buffer
				require.NoError(t, fn(&b, lang))
				golden(t, name, b.Bytes())
				if ext == "html" {
					require.NoError(t, wellFormed(b.Bytes()))
				}
			})
		}
	}
}

// wellFormed parses XHTML-compatible HTML as XML: every element closed,
// properly nested, attributes quoted.
func wellFormed(page []byte) error {
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	depth := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			if depth != 0 {
				return errors.New("unclosed elements at the end")
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
}

func TestWellFormedCatchesBrokenPages(t *testing.T) {
	tests := []struct {
		name, page string
		ok         bool
	}{
		{"balanced", "<!DOCTYPE html>\n<html><body><p>a<b>b</b></p><br /></body></html>", true},
		{"unclosed", "<html><body><p>a</body></html>", false},
		{"crossed", "<html><b><i>x</b></i></html>", false},
		{"void without slash", `<html><meta charset="utf-8"></html>`, false},
		{"unquoted attribute", "<html lang=kk></html>", false},
		{"open at end", "<html><body>", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := wellFormed([]byte(tt.page))
			if tt.ok {
				assert.NoError(t, err)
			} else {
				assert.Error(t, err)
			}
		})
	}
}

// TestFormMatchesResponse keeps the printed form and the Response type in
// step: every question is a field of Response, every option an id the
// validation accepts, and the limits are the same.
func TestFormMatchesResponse(t *testing.T) {
	f := form.Default()
	ids := func(xs ...[]string) []string { return xs[0] }
	str := func(s any) []string {
		switch v := s.(type) {
		case []questionnaire.Gender:
			return conv(v)
		case []questionnaire.Education:
			return conv(v)
		case []questionnaire.FreeTime:
			return conv(v)
		case []questionnaire.Motive:
			return conv(v)
		case []questionnaire.YearsInLocality:
			return conv(v)
		case []questionnaire.Experience:
			return conv(v)
		case []questionnaire.YesNo:
			return conv(v)
		case []questionnaire.Activity:
			return conv(v)
		}
		t.Fatalf("no conversion for %T", s)
		return nil
	}
	choices := map[string][]string{
		"gender":             ids(str(questionnaire.Genders)),
		"education":          str(questionnaire.Educations),
		"free_time":          str(questionnaire.FreeTimes),
		"motives":            str(questionnaire.Motives),
		"years_in_locality":  str(questionnaire.YearsInLocalities),
		"experience":         str(questionnaire.Experiences),
		"health_limitations": str(questionnaire.YesNos),
		"activities":         str(questionnaire.Activities),
	}
	for id, want := range choices {
		t.Run(id, func(t *testing.T) {
			q, ok := f.Question(id)
			require.True(t, ok)
			assert.Equal(t, want, q.OptionIDs())
		})
	}
	limits := map[string]int{"motives": questionnaire.MaxMotives, "activities": questionnaire.MaxActivities}
	for id, want := range limits {
		q, _ := f.Question(id)
		assert.Equal(t, want, q.MaxChoices, id)
	}
	var scales int
	for _, q := range f.Questions() {
		if q.Kind == form.KindScale {
			scales++
			assert.Equal(t, []int{questionnaire.MinRating, 2, 3, 4, questionnaire.MaxRating}, q.Scale(), q.ID)
		}
	}
	assert.Equal(t, 8, scales, "the eight qualities")

	// A response that answers each question by the form's own first option
	// (and the top of each scale) must pass validation: the form's ids and
	// the Response's json names agree.
	var doc strings.Builder
	doc.WriteString("full_name: A\nbirth_date: 1990-01-01\nqualities:\n")
	for _, q := range f.Questions() {
		if q.Kind == form.KindScale {
			doc.WriteString("  " + q.Field() + ": 5\n")
		}
	}
	for _, q := range f.Questions() {
		switch q.Kind {
		case form.KindSingle:
			doc.WriteString(q.ID + ": " + q.Options[0].ID + "\n")
		case form.KindMulti:
			doc.WriteString(q.ID + ": [" + q.Options[0].ID + "]\n")
		}
	}
	_, err := questionnaire.Decode(strings.NewReader(doc.String()), "by-form.yaml")
	require.NoError(t, err, doc.String())
}

func conv[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

func TestParseRejectsBrokenForms(t *testing.T) {
	ok, err := os.ReadFile("form.yaml")
	require.NoError(t, err)
	tests := []struct{ name, old, new string }{
		{"unknown field", "  - id: contacts\n", "  - id: contacts\n    colour: red\n"},
		{"unknown kind", "kind: date", "kind: calendar"},
		{"duplicate question", "id: phone", "id: full_name"},
		{"bad scale", "{id: qualities.respect, kind: scale, min: 1, max: 5", "{id: qualities.respect, kind: scale, min: 5, max: 5"},
		{"label missing in a language", `{kk: "Телефон", ru: "Телефон", en: "Phone"}`, `{kk: "Телефон", en: "Phone"}`},
		{"duplicate option", "- {id: male,", "- {id: female,"},
	}
	_, err = form.Parse(ok)
	require.NoError(t, err)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Contains(t, string(ok), tt.old)
			broken := strings.Replace(string(ok), tt.old, tt.new, 1)
			_, err := form.Parse([]byte(broken))
			assert.Error(t, err)
		})
	}
}

func TestSkillsHTMLEscapesNames(t *testing.T) {
	var b bytes.Buffer
	err := form.Default().SkillsHTML(&b, diag.EN, []volunteer.Skill{{Name: "<script>x</script> & co", Like: true}})
	require.NoError(t, err)
	assert.NotContains(t, b.String(), "<script>")
	assert.Contains(t, b.String(), "&lt;script&gt;x&lt;/script&gt; &amp; co")
	require.NoError(t, wellFormed(b.Bytes()))
}

func TestRenderConcurrently(t *testing.T) {
	f := form.Default()
	var want bytes.Buffer
	require.NoError(t, f.HTML(&want, diag.KK))
	done := make(chan string)
	for range 8 {
		go func() {
			var b bytes.Buffer
			_ = f.HTML(&b, diag.KK)
			done <- b.String()
		}()
	}
	for range 8 {
		assert.Equal(t, want.String(), <-done)
	}
}

// TestLocalityInKazakh: the guide's "_________-дағы [Елді мекеннің атауы]"
// filled with a place name takes the attributive locative its last sound
// and vowel ask for.
func TestLocalityInKazakh(t *testing.T) {
	cases := map[string]string{
		"Алматы":        "Алматыдағы",
		"Астана":        "Астанадағы",
		"Шымкент":       "Шымкенттегі",
		"Қонаев":        "Қонаевтағы",
		"Ақтау":         "Ақтаудағы",
		"Семей":         "Семейдегі",
		"Түркістан":     "Түркістандағы",
		"Өскемен":       "Өскемендегі",
		"Талдықорған":   "Талдықорғандағы",
		"Орал":          "Оралдағы",
		"Қарасай ауылы": "Қарасай ауылындағы",
		"Ұлытау кенті":  "Ұлытау кентіндегі",
		"Petropavl":     "Petropavl елді мекеніндегі",
	}
	for place, want := range cases {
		var b bytes.Buffer
		require.NoError(t, form.Default().Markdown(&b, diag.KK, form.WithProject(recruit.Project{Name: "N", Locality: place})))
		assert.Contains(t, b.String(), "Сіз "+want+" «N» жобасын", place)
	}
}

// TestParseChecksPlaceholders: a misspelt placeholder in an
// organisation's own form is found when the form is read.
func TestParseChecksPlaceholders(t *testing.T) {
	raw, err := os.ReadFile("form.yaml")
	require.NoError(t, err)
	_, err = form.Parse(raw)
	require.NoError(t, err)
	for _, bad := range []string{"{{.Nmae}}", "{{.Name"} {
		broken := strings.Replace(string(raw), "{{.Name}} жобасында", bad+" жобасында", 1)
		_, err = form.Parse([]byte(broken))
		assert.Error(t, err, bad)
	}
}

// TestEveryWordInThreeLanguages: the words the templates add around the
// form's own text exist in kk, ru and en, and so does every text of the
// form itself (Parse refuses a question or option without one).
func TestEveryWordInThreeLanguages(t *testing.T) {
	for key, w := range form.Words() {
		assert.NotEmpty(t, w.KK, key)
		assert.NotEmpty(t, w.RU, key)
		assert.NotEmpty(t, w.EN, key)
	}
	f := form.Default()
	for i, p := range f.Intro {
		assert.True(t, p.KK != "" && p.RU != "" && p.EN != "", "intro %d", i)
	}
}
