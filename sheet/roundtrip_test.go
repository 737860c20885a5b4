package sheet_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/sheet"
)

// TestRoundTripProperty writes random valid programmes as workbooks (in
// each language), CSV folders and YAML, reads them back and wants the
// same programme.
func TestRoundTripProperty(t *testing.T) {
	runs := 60
	if testing.Short() {
		runs = 10
	}
	langs := diag.Langs
	for i := range runs {
		seed := uint64(i + 1)
		data := newGen(t, seed).programme(6)
		p, err := mentoring.Parse(data, fmt.Sprintf("generated-%d.json", seed), mentoring.JSON)
		require.NoError(t, err, "the generator made an invalid programme (seed %d):\n%s\n%s", seed, diag.Localize(err, diag.EN), data)
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			sameProgramme(t, p, throughXLSX(t, p, langs[i%len(langs)]))
			sameProgramme(t, p, throughCSV(t, p))
			var y bytes.Buffer
			require.NoError(t, sheet.WriteYAML(&y, p))
			q, err := mentoring.Parse(y.Bytes(), "roundtrip.yaml", mentoring.YAML)
			require.NoError(t, err, "%s\n%s", diag.Localize(err, diag.EN), y.String())
			sameProgramme(t, p, q)
		})
	}
}

// TestRoundTripExamples wants each example programme back from every form
// with the same findings under the guide.
func TestRoundTripExamples(t *testing.T) {
	pol, err := rules.Resolve("guide")
	require.NoError(t, err)
	for _, file := range []string{"programme.json", "problems.json"} {
		t.Run(file, func(t *testing.T) {
			p, err := mentoring.Load(filepath.Join("..", "examples", "data", file))
			require.NoError(t, err)
			want := findings(t, pol, p)
			for form, q := range map[string]*mentoring.Programme{
				"xlsx": throughXLSX(t, p, diag.KK),
				"csv":  throughCSV(t, p),
				"save": throughSave(t, p),
			} {
				sameProgramme(t, p, q)
				assert.Equal(t, want, findings(t, pol, q), form)
			}
		})
	}
}

// TestRoundTripSuiteFixtures takes every fixture of the embedded policies'
// test suites through a workbook and a CSV folder, and wants the same
// findings under the suite's policy.
func TestRoundTripSuiteFixtures(t *testing.T) {
	suites, err := filepath.Glob(filepath.Join("..", "rules", "policies", "*_test.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, suites)
	n := 0
	for _, file := range suites {
		src, err := os.ReadFile(file)
		require.NoError(t, err)
		var suite struct {
			Policy   string               `yaml:"policy"`
			Fixtures map[string]yaml.Node `yaml:"fixtures"`
		}
		require.NoError(t, yaml.Unmarshal(src, &suite))
		pol, err := rules.Resolve(suite.Policy)
		require.NoError(t, err)
		for name, node := range suite.Fixtures {
			if node.Kind != yaml.MappingNode || len(node.Content) > 0 && node.Content[0].Value == "file" {
				continue // a fixture read from a file: those are the examples
			}
			data, err := yaml.Marshal(&node)
			require.NoError(t, err)
			p, err := mentoring.Parse(data, file+"#"+name, mentoring.YAML)
			require.NoError(t, err, "%s", diag.Localize(err, diag.EN))
			n++
			t.Run(filepath.Base(file)+"/"+name, func(t *testing.T) {
				want := findings(t, pol, p)
				for form, q := range map[string]*mentoring.Programme{"xlsx": throughXLSX(t, p, diag.RU), "csv": throughCSV(t, p)} {
					sameProgramme(t, p, q)
					assert.Equal(t, want, findings(t, pol, q), form)
				}
			})
		}
	}
	require.Positive(t, n, "no inline fixture found")
}

func findings(tb testing.TB, pol *rules.Policy, p *mentoring.Programme) []rules.Finding {
	tb.Helper()
	rep, err := pol.Evaluate(context.Background(), p)
	require.NoError(tb, err)
	return rep.Findings
}

// throughSave saves p in every form with Save and loads each with Load.
func throughSave(tb testing.TB, p *mentoring.Programme) *mentoring.Programme {
	tb.Helper()
	dir := tb.TempDir()
	var last *mentoring.Programme
	for _, name := range []string{"p.json", "p.yaml", "p.xlsx", "folder" + string(filepath.Separator)} {
		path := filepath.Join(dir, name)
		if name[len(name)-1] == filepath.Separator {
			path += string(filepath.Separator)
		}
		require.NoError(tb, sheet.Save(path, p, diag.RU), name)
		q, err := sheet.Load(path)
		require.NoError(tb, err, "%s: %s", name, diag.Localize(err, diag.EN))
		sameProgramme(tb, p, q)
		last = q
	}
	return last
}

// TestConcurrent reads and writes from several goroutines at once: the
// layout and the catalog are shared, and nothing else is.
func TestConcurrent(t *testing.T) {
	p, err := mentoring.Load(filepath.Join("..", "examples", "data", "programme.json"))
	require.NoError(t, err)
	var book bytes.Buffer
	require.NoError(t, sheet.WriteXLSX(&book, p, diag.KK))
	dir := t.TempDir()
	require.NoError(t, sheet.WriteCSV(dir, p))
	want := canonical(t, p)
	errs := make(chan error, 8)
	for i := range 8 {
		go func() {
			var q *mentoring.Programme
			var err error
			if i%2 == 0 {
				q, err = sheet.ReadXLSX(bytes.NewReader(book.Bytes()), "p.xlsx")
			} else {
				q, err = sheet.ReadCSV(dir)
			}
			if err == nil {
				err = sheet.WriteXLSX(io.Discard, q, diag.Langs[i%3])
			}
			if err == nil {
				if got, cerr := canonicalOf(q); cerr != nil || got != want {
					err = fmt.Errorf("goroutine %d read another programme (%v)", i, cerr)
				}
			}
			errs <- err
		}()
	}
	for range 8 {
		assert.NoError(t, <-errs)
	}
}
