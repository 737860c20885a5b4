package sheet_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/sheet"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

func template(tb testing.TB, lang diag.Lang) *excelize.File {
	tb.Helper()
	var buf bytes.Buffer
	require.NoError(tb, sheet.WriteTemplate(&buf, lang))
	f, err := excelize.OpenReader(&buf)
	require.NoError(tb, err)
	tb.Cleanup(func() { f.Close() })
	return f
}

// TestTemplateText keeps the words of the template in golden files, one
// per language: the instructions, each sheet's two heading rows, the
// drop-down lists.
func TestTemplateText(t *testing.T) {
	for _, lang := range diag.Langs {
		t.Run(string(lang), func(t *testing.T) {
			f := template(t, lang)
			var b strings.Builder
			for _, name := range f.GetSheetList() {
				visible, err := f.GetSheetVisible(name)
				require.NoError(t, err)
				fmt.Fprintf(&b, "== %s (visible: %v)\n", name, visible)
				rows, err := f.GetRows(name)
				require.NoError(t, err)
				for i, row := range rows {
					if i >= 2 && name != f.GetSheetList()[0] && name != "_lists" {
						break
					}
					fmt.Fprintln(&b, strings.Join(row, " | "))
				}
			}
			golden(t, filepath.Join("testdata", "template", string(lang)+".golden"), b.String())
		})
	}
}

// TestTemplateLayout checks what a spreadsheet shows: the sheets in
// order, the headings, a drop-down list of words on every vocabulary
// column and yes/no column, date checks and date formats on date
// columns, frozen headings.
func TestTemplateLayout(t *testing.T) {
	sheets, err := sheet.Layout()
	require.NoError(t, err)
	for _, lang := range diag.Langs {
		t.Run(string(lang), func(t *testing.T) {
			f := template(t, lang)
			names := f.GetSheetList()
			require.Len(t, names, len(sheets)+2)
			assert.Equal(t, "_lists", names[len(names)-1])
			visible, err := f.GetSheetVisible("_lists")
			require.NoError(t, err)
			assert.False(t, visible)
			assert.Equal(t, 0, f.GetActiveSheetIndex(), "the instructions open first")
			for i, s := range sheets {
				require.Equal(t, s.Name, names[i+1])
				dvs, err := f.GetDataValidations(s.Name)
				require.NoError(t, err)
				byCol := map[string]*excelize.DataValidation{}
				for _, dv := range dvs {
					col := strings.TrimRight(strings.Split(dv.Sqref, ":")[0], "0123456789")
					byCol[col] = dv
				}
				for j, c := range s.Columns {
					col, _ := excelize.ColumnNumberToName(j + 1)
					label, err := f.GetCellValue(s.Name, col+"1")
					require.NoError(t, err)
					want := c.Label.In(lang)
					if c.Required {
						want += " *"
					}
					assert.Equal(t, want, label)
					name, err := f.GetCellValue(s.Name, col+"2")
					require.NoError(t, err)
					assert.Equal(t, c.Name, name)
					dv := byCol[col]
					switch c.Kind {
					case sheet.KindChoice, sheet.KindYesNo:
						require.NotNil(t, dv, "%s.%s has no drop-down list", s.Name, c.Name)
						assert.Equal(t, "list", dv.Type)
						words := listWords(t, f, dv.Formula1)
						if c.Kind == sheet.KindChoice {
							for _, ch := range c.Choices {
								assert.Contains(t, words, ch.Word.In(lang))
							}
						} else {
							assert.Len(t, words, 2)
						}
					case sheet.KindDate, sheet.KindMonth:
						require.NotNil(t, dv, "%s.%s has no date check", s.Name, c.Name)
						assert.Equal(t, "date", dv.Type)
						style, err := f.GetCellStyle(s.Name, col+"3")
						require.NoError(t, err)
						st, err := f.GetStyle(style)
						require.NoError(t, err)
						require.NotNil(t, st.CustomNumFmt, "%s.%s is not formatted as a date", s.Name, c.Name)
						assert.Contains(t, *st.CustomNumFmt, "yyyy")
					}
				}
				panes, err := f.GetPanes(s.Name)
				require.NoError(t, err)
				assert.True(t, panes.Freeze)
				assert.Equal(t, 2, panes.YSplit)
			}
		})
	}
}

// listWords reads the words a drop-down list refers to.
func listWords(tb testing.TB, f *excelize.File, ref string) []string {
	tb.Helper()
	sheetName, rng, ok := strings.Cut(ref, "!")
	require.True(tb, ok, ref)
	sheetName = strings.Trim(sheetName, "'")
	from, to, _ := strings.Cut(strings.ReplaceAll(rng, "$", ""), ":")
	c1, r1, err := excelize.CellNameToCoordinates(from)
	require.NoError(tb, err)
	_, r2, err := excelize.CellNameToCoordinates(to)
	require.NoError(tb, err)
	var out []string
	for r := r1; r <= r2; r++ {
		cell, _ := excelize.CoordinatesToCellName(c1, r)
		v, err := f.GetCellValue(sheetName, cell)
		require.NoError(tb, err)
		out = append(out, v)
	}
	return out
}

// TestTemplateEmpty reads the empty template: the one problem is the
// missing as_of.
func TestTemplateEmpty(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, sheet.WriteTemplate(&buf, diag.KK))
	_, err := sheet.ReadXLSX(&buf, "empty.xlsx")
	require.Error(t, err)
	assert.Equal(t, "empty.xlsx!programme: as_of: required field is missing", err.Error())
}

// TestTemplateFilled fills the template the way a coordinator would, with
// words from the drop-down lists in Kazakh, date cells typed as dates and
// numbers as numbers, and reads it back.
func TestTemplateFilled(t *testing.T) {
	f := template(t, diag.KK)
	set := func(sheetName, cell string, v any) {
		t.Helper()
		require.NoError(t, f.SetCellValue(sheetName, cell, v))
	}
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		require.NoError(t, err)
		return d
	}
	set("programme", "A3", day("2026-11-24"))
	set("institutions", "A3", "inst-1")
	set("institutions", "B3", "№1 балалар үйі")
	set("institutions", "C3", "Балалар үйі")
	row := map[string]any{
		"id": "v-1", "full_name": "Айгерім Сәдуақасова", "birth_date": day("1990-04-02"), "gender": "Әйел",
		"languages": "kk; ru", "role": "Жеке тәлімгер", "commitment_months": 24, "parental_consent": "жоқ",
		"screening.interview": day("2026-01-10"), "free_time.weekdays": "сенбі; жексенбі",
	}
	sheets, err := sheet.Layout()
	require.NoError(t, err)
	vi := slices.IndexFunc(sheets, func(s sheet.Sheet) bool { return s.Name == "volunteers" })
	for j, c := range sheets[vi].Columns {
		if v, ok := row[c.Name]; ok {
			col, _ := excelize.ColumnNumberToName(j + 1)
			set("volunteers", col+"3", v)
		}
	}
	var buf bytes.Buffer
	_, err = f.WriteTo(&buf)
	require.NoError(t, err)
	p, err := sheet.ReadXLSX(&buf, "filled.xlsx")
	require.NoError(t, err, "%s", diag.Localize(err, diag.EN))
	assert.Equal(t, civil.D(2026, 11, 24), p.AsOf)
	require.Len(t, p.Institutions, 1)
	assert.Equal(t, mentoring.Orphanage, p.Institutions[0].Kind)
	require.Len(t, p.Volunteers, 1)
	v := p.Volunteers[0]
	assert.Equal(t, volunteer.IndividualMentor, v.Role)
	assert.Equal(t, volunteer.Female, v.Gender)
	assert.Equal(t, civil.D(1990, 4, 2), v.BirthDate)
	assert.Equal(t, civil.D(2026, 1, 10), v.Screening.Interview)
	assert.Equal(t, []string{"kk", "ru"}, v.Languages)
	assert.Equal(t, 24, v.CommitmentMonths)
	require.NotNil(t, v.FreeTime)
	assert.Equal(t, []volunteer.Weekday{volunteer.Sat, volunteer.Sun}, v.FreeTime.Weekdays)
}
