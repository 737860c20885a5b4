package htmlreport_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/htmlreport"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

var update = flag.Bool("update", false, "rewrite golden files")

func input(t *testing.T, file string) htmlreport.Input {
	t.Helper()
	prog, err := mentoring.Load(file)
	require.NoError(t, err)
	pol, err := rules.Resolve("guide")
	require.NoError(t, err)
	return htmlreport.Input{Policy: pol, Programme: prog, Report: nil}
}

func render(t *testing.T, in htmlreport.Input, lang diag.Lang) string {
	t.Helper()
	rep, err := in.Policy.Evaluate(context.Background(), in.Programme, rules.WithLang(lang))
	require.NoError(t, err)
	in.Report = rep
	var b bytes.Buffer
	require.NoError(t, htmlreport.Render(&b, in, htmlreport.Options{Lang: lang}))
	return b.String()
}

func TestGolden(t *testing.T) {
	for _, c := range []struct{ name, file string }{
		{"problems", "../../examples/data/problems.json"},
		{"programme", "../../examples/data/programme.json"},
	} {
		for _, lang := range diag.Langs {
			t.Run(c.name+"."+string(lang), func(t *testing.T) {
				got := render(t, input(t, c.file), lang)
				golden := filepath.Join("testdata", c.name+"."+string(lang)+".html")
				if *update {
					require.NoError(t, os.MkdirAll("testdata", 0o755))
					require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
				}
				want, err := os.ReadFile(golden)
				require.NoError(t, err)
				assert.Equal(t, string(want), got)
			})
		}
	}
}

// The page opens offline: nothing in it points outside the page.
func TestSelfContained(t *testing.T) {
	page := render(t, input(t, "../../examples/data/problems.json"), diag.RU)
	for _, banned := range []string{"<script", "<link", "<img", "<iframe", "@import", "url(", "src=", "href="} {
		assert.NotContains(t, page, banned)
	}
	// The only address is the SVG namespace, which is a name, not a fetch.
	for _, u := range regexp.MustCompile(`https?://[^"' ]+`).FindAllString(page, -1) {
		assert.Equal(t, "http://www.w3.org/2000/svg", u)
	}
}

// What a programme holds reaches the page as text, never as markup.
func TestEscapes(t *testing.T) {
	in := input(t, "../../examples/data/problems.json")
	in.Programme.Organisation = `<script>alert(1)</script>`
	in.Programme.Institutions[0].Name = `</text><script>x</script>`
	page := render(t, in, diag.EN)
	assert.NotContains(t, page, "<script")
	assert.Contains(t, page, "&lt;script&gt;")
}

// A compliant programme says so, without findings; the reports chart is
// still drawn.
func TestCompliant(t *testing.T) {
	page := render(t, input(t, "../../examples/data/programme.json"), diag.KK)
	assert.Contains(t, page, "Бағдарлама ережелерге сәйкес келеді")
	assert.Contains(t, page, "Ешқандай ескертпе жоқ.")
	assert.Contains(t, page, "<svg")
}

func TestComingSection(t *testing.T) {
	in := input(t, "../../examples/data/programme.json")
	in.Coming = &htmlreport.Coming{Days: 30, Items: []htmlreport.Item{
		{Date: civil.D(2026, 12, 1), Finding: rules.Finding{Rule: "agreement.monthly_report", Severity: rules.Deny,
			Subject: "agreement/a-1", Message: "No report for November 2026.", Source: "R10"}},
	}}
	page := render(t, in, diag.RU)
	assert.Contains(t, page, "Сроки на ближайшие 30 дн.")
	assert.Contains(t, page, "1 декабря 2026 г.")
	assert.Contains(t, page, "Соглашение a-1")
	assert.True(t, strings.Index(page, "Соглашение a-1") < strings.Index(page, "Все замечания"))
}

// With FindingData each finding names its rule and subject in data
// attributes, escaped; without, the page has none.
func TestFindingData(t *testing.T) {
	in := input(t, "../../examples/data/problems.json")
	rep, err := in.Policy.Evaluate(context.Background(), in.Programme, rules.WithLang(diag.EN))
	require.NoError(t, err)
	require.NotEmpty(t, rep.Findings)
	rep.Findings[0].Subject = `volunteer/"><b>`
	in.Report = rep
	var plain, marked bytes.Buffer
	require.NoError(t, htmlreport.Render(&plain, in, htmlreport.Options{Lang: diag.EN}))
	require.NoError(t, htmlreport.Render(&marked, in, htmlreport.Options{Lang: diag.EN, FindingData: true}))
	assert.NotContains(t, plain.String(), "data-rule")
	got := regexp.MustCompile(`<div class="finding" data-rule="[^"]*" data-subject="[^"]*">`).FindAllString(marked.String(), -1)
	assert.Len(t, got, len(rep.Findings))
	assert.Contains(t, marked.String(), `data-rule="`+rep.Findings[1].Rule+`" data-subject="`+rep.Findings[1].Subject+`"`)
	assert.NotContains(t, marked.String(), `"><b>`)
	// Without the attributes the two pages are the same.
	assert.Equal(t, plain.String(), regexp.MustCompile(` data-rule="[^"]*" data-subject="[^"]*"`).ReplaceAllString(marked.String(), ""))
}
