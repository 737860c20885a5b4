package sheet_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/sheet"
)

// TestEveryFieldHasColumn walks the programme's Go types on its own and
// wants every JSON field of every type in a column of the layout: a field
// added to the domain must not be lost on the way through a table.
func TestEveryFieldHasColumn(t *testing.T) {
	sheets, err := sheet.Layout()
	require.NoError(t, err)
	have := map[string]bool{}
	for _, s := range sheets {
		for _, c := range s.Columns {
			have[s.Name+"|"+c.Name] = true
		}
	}
	var want []string
	var walk func(sheetName, prefix string, t reflect.Type)
	walk = func(sheetName, prefix string, t reflect.Type) {
		for _, f := range reflect.VisibleFields(t) {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "-" || f.Anonymous {
				continue
			}
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			switch {
			case ft == reflect.TypeFor[civil.Date]() || ft == reflect.TypeFor[civil.Month]():
				want = append(want, sheetName+"|"+prefix+name)
			case ft.Kind() == reflect.Struct:
				walk(sheetName, prefix+name+".", ft)
			case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct && ft.Elem() != reflect.TypeFor[civil.Date]():
				if sheetName == "programme" {
					walk(name, "", ft.Elem())
				} else {
					walk(sheetName+"."+prefix+name, "", ft.Elem())
				}
			default:
				want = append(want, sheetName+"|"+prefix+name)
			}
		}
	}
	walk("programme", "", reflect.TypeFor[mentoring.Programme]())
	require.NotEmpty(t, want)
	for _, w := range want {
		assert.True(t, have[w], "field %s has no column", w)
	}
	// A nested sheet's first column is its parent's id, and every other
	// column is a field.
	for _, s := range sheets {
		for i, c := range s.Columns {
			if s.Parent != "" && i == 0 {
				assert.True(t, c.Required, "%s: the key column is required", s.Name)
				continue
			}
			assert.Contains(t, want, s.Name+"|"+c.Name)
		}
	}
}

// TestWords wants every sheet title, column label and vocabulary word in
// Kazakh, Russian and English, headings that tell columns apart in every
// language, and words that tell codes apart.
func TestWords(t *testing.T) {
	sheets, err := sheet.Layout()
	require.NoError(t, err)
	full := func(tx diag.Text) bool { return tx.KK != "" && tx.RU != "" && tx.EN != "" }
	for _, s := range sheets {
		assert.True(t, full(s.Title), "sheet %s: title", s.Name)
		assert.True(t, full(s.About), "sheet %s: about", s.Name)
		heads := map[string]string{}
		for _, c := range s.Columns {
			assert.True(t, full(c.Label), "%s.%s: label", s.Name, c.Name)
			for _, l := range diag.Langs {
				label := c.Label.In(l)
				assert.NotContains(t, label, ",", "a CSV heading holds no separator")
				assert.NotContains(t, label, ";")
				k := strings.ToLower(label)
				if other, dup := heads[k]; dup && other != c.Name {
					t.Errorf("%s: the heading %q names both %s and %s", s.Name, label, other, c.Name)
				}
				heads[k] = c.Name
			}
			if len(c.Choices) == 0 {
				continue
			}
			words := map[string]string{}
			for _, ch := range c.Choices {
				assert.True(t, full(ch.Word), "%s.%s: %s has no word", s.Name, c.Name, ch.Code)
				for _, w := range []string{ch.Code, ch.Word.KK, ch.Word.RU, ch.Word.EN} {
					k := strings.ToLower(w)
					if other, dup := words[k]; dup && other != ch.Code {
						t.Errorf("%s.%s: %q is the word of %s and %s", s.Name, c.Name, w, other, ch.Code)
					}
					words[k] = ch.Code
				}
			}
		}
	}
}

// TestLayoutKinds pins what a few columns are, the way a reader sees them.
func TestLayoutKinds(t *testing.T) {
	sheets, err := sheet.Layout()
	require.NoError(t, err)
	byName := map[string]sheet.Sheet{}
	var names []string
	for _, s := range sheets {
		byName[s.Name] = s
		names = append(names, s.Name)
	}
	assert.Equal(t, "programme", names[0])
	assert.Less(t, slices.Index(names, "volunteers"), slices.Index(names, "volunteers.skills"))
	tests := []struct {
		sheet, col string
		kind, item sheet.Kind
		required   bool
		requiredIn string
	}{
		{"programme", "as_of", sheet.KindDate, "", true, ""},
		{"volunteers", "birth_date", sheet.KindDate, "", true, ""},
		{"volunteers", "role", sheet.KindChoice, "", true, ""},
		{"volunteers", "languages", sheet.KindList, sheet.KindText, false, ""},
		{"volunteers", "free_time.weekdays", sheet.KindList, sheet.KindChoice, false, ""},
		{"volunteers", "screening.interview", sheet.KindDate, "", false, ""},
		{"volunteers", "health.limitations", sheet.KindYesNo, "", false, ""},
		{"volunteers", "commitment_months", sheet.KindWhole, "", false, ""},
		{"volunteers.skills", "volunteer", sheet.KindText, "", true, ""},
		{"agreements", "party.id_document.number", sheet.KindText, "", false, "party"},
		{"agreements", "organisation.name", sheet.KindText, "", false, "organisation"},
		{"reports", "month", sheet.KindMonth, "", true, ""},
		{"groups", "mentors", sheet.KindList, sheet.KindText, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.sheet+"."+tt.col, func(t *testing.T) {
			c, ok := colOf(byName[tt.sheet], tt.col)
			require.True(t, ok)
			assert.Equal(t, tt.kind, c.Kind)
			assert.Equal(t, tt.item, c.Item)
			assert.Equal(t, tt.required, c.Required)
			assert.Equal(t, tt.requiredIn, c.RequiredIn)
		})
	}
	assert.Equal(t, "volunteers", byName["volunteers.skills"].Parent)
}
