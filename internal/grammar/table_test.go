package grammar_test

import (
	"os"
	"strings"
	"testing"
	stdtime "time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/grammar"
)

// The tables in testdata were written by a linguist fluent in Kazakh and
// Russian without reading this code; they are the ground truth.

func load(t *testing.T, name string, into any) {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	require.NoError(t, yaml.Unmarshal(b, into))
}

var kkCases = map[string]grammar.Case{
	"nominative": grammar.Nominative, "genitive": grammar.Genitive, "dative": grammar.Dative,
	"accusative": grammar.Accusative, "locative": grammar.Locative, "ablative": grammar.Ablative,
}

func TestKazakhTable(t *testing.T) {
	var kk struct {
		Numbers   map[int64]map[string]any     `yaml:"numbers"`
		Months    map[int]map[string]string    `yaml:"months"`
		Dates     map[string]map[string]string `yaml:"dates"`
		MonthYear map[int]map[string]string    `yaml:"month_year"`
	}
	load(t, "kk-cases.yaml", &kk)
	require.NotEmpty(t, kk.Numbers)
	for n, forms := range kk.Numbers {
		for name, c := range kkCases {
			if want, ok := forms[name].(string); ok && c != grammar.Nominative {
				assert.Equal(t, want, grammar.Number(n, c), "%d %s", n, name)
			}
		}
	}
	for m, forms := range kk.Months {
		nom := forms["nominative"]
		month := civil.M(2026, stdtime.Month(m))
		assert.Equal(t, "2026 жылғы "+nom, grammar.Month(diag.KK, month))
		for name, c := range kkCases {
			assert.Equal(t, forms[name], grammar.KK(nom, c), "month %d %s", m, name)
		}
	}
	for iso, forms := range kk.Dates {
		d, err := civil.ParseDate(iso)
		require.NoError(t, err)
		assert.Equal(t, forms["plain"], grammar.Date(diag.KK, d))
		assert.Equal(t, forms["from"], grammar.DateCase(diag.KK, d, grammar.Ablative)+" бастап")
		assert.Equal(t, forms["until"], grammar.DateCase(diag.KK, d, grammar.Dative)+" дейін")
		assert.Equal(t, forms["on_date"], grammar.DateCase(diag.KK, d, grammar.Locative))
	}
	for m, forms := range kk.MonthYear {
		month := civil.M(2026, stdtime.Month(m))
		assert.Equal(t, forms["nominative"], grammar.Month(diag.KK, month))
		assert.Equal(t, forms["in"], grammar.MonthCase(diag.KK, month, grammar.Locative))
		assert.Equal(t, forms["from"], grammar.MonthCase(diag.KK, month, grammar.Ablative)+" бастап")
		assert.Equal(t, forms["until"], grammar.MonthCase(diag.KK, month, grammar.Dative)+" дейін")
	}
}

func TestRussianTable(t *testing.T) {
	var ru struct {
		Categories map[int64]string `yaml:"plural_category"`
		Words      map[string]struct {
			Forms map[string]map[string]string `yaml:"forms"`
			Nom   map[int64]string             `yaml:"nominative"`
			Gen   map[int64]string             `yaml:"genitive"`
		} `yaml:"words"`
		Months map[int]map[string]string    `yaml:"months"`
		Dates  map[string]map[string]string `yaml:"dates"`
	}
	load(t, "ru-cases.yaml", &ru)
	require.NotEmpty(t, ru.Categories)
	names := map[grammar.Form]string{grammar.One: "one", grammar.Few: "few", grammar.Many: "many"}
	for n, want := range ru.Categories {
		assert.Equal(t, want, names[grammar.PluralOf(diag.RU, n)], "%d", n)
	}
	for word, w := range ru.Words {
		for kase, numbers := range map[string]map[int64]string{"nominative": w.Nom, "genitive": w.Gen} {
			f := w.Forms[kase]
			forms := f["one"] + "|" + f["few"] + "|" + f["many"]
			for n, want := range numbers {
				if kase == "genitive" {
					want = strings.TrimPrefix(want, "от ")
				}
				assert.Equal(t, want, grammar.Count(diag.RU, n, forms), "%s %s %d", word, kase, n)
			}
		}
	}
	for m, forms := range ru.Months {
		month := civil.M(2026, stdtime.Month(m))
		assert.Equal(t, forms["with_year"], grammar.Month(diag.RU, month))
		assert.Equal(t, forms["in"], "в "+grammar.MonthCase(diag.RU, month, grammar.Locative))
		assert.Equal(t, forms["from"], "с "+grammar.MonthCase(diag.RU, month, grammar.Genitive))
	}
	for iso, forms := range ru.Dates {
		d, err := civil.ParseDate(iso)
		require.NoError(t, err)
		assert.Equal(t, forms["plain"], grammar.Date(diag.RU, d))
	}
}
