package sheet_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/sheet"
)

// TestDateCells reads a date however a spreadsheet may hold it.
func TestDateCells(t *testing.T) {
	want := civil.D(1990, 4, 2)
	tests := []struct {
		name     string
		cell     any
		date1904 bool
	}{
		{"date cell", time.Date(1990, 4, 2, 0, 0, 0, 0, time.UTC), false},
		{"date cell, 1904 system", time.Date(1990, 4, 2, 0, 0, 0, 0, time.UTC), true},
		{"date and time cell", time.Date(1990, 4, 2, 15, 30, 0, 0, time.UTC), false},
		{"serial number", 32965, false},
		{"text", "1990-04-02", false},
		{"text with spaces", " 1990-04-02 ", false},
		{"dotted text", "02.04.1990", false},
		{"ISO date and time", "1990-04-02T00:00:00Z", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			if tt.date1904 {
				yes := true
				require.NoError(t, f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}))
			}
			require.NoError(t, f.SetSheetName("Sheet1", "programme"))
			require.NoError(t, f.SetSheetRow("programme", "A1", &[]any{"as_of"}))
			require.NoError(t, f.SetCellValue("programme", "A2", "2026-11-24"))
			_, err := f.NewSheet("volunteers")
			require.NoError(t, err)
			require.NoError(t, f.SetSheetRow("volunteers", "A1", &[]any{"id", "full_name", "birth_date", "role"}))
			require.NoError(t, f.SetSheetRow("volunteers", "A2", &[]any{"v-1", "A B", tt.cell, "coach"}))
			var buf bytes.Buffer
			_, err = f.WriteTo(&buf)
			require.NoError(t, err)
			p, err := sheet.ReadXLSX(&buf, "dates.xlsx")
			require.NoError(t, err, "%s", diag.Localize(err, diag.EN))
			assert.Equal(t, want, p.Volunteers[0].BirthDate)
		})
	}
}

// TestMonthCells reads a report's month as text or as a date.
func TestMonthCells(t *testing.T) {
	for _, cell := range []any{"2026-10", "10.2026", "2026-10-01", time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), 46296} {
		data := workbook(t, progSheet, rows{"volunteers", [][]any{{"id", "full_name", "birth_date", "role"}, {"v-1", "A", "1990-04-02", "coach"}}},
			rows{"reports", [][]any{{"volunteer", "month"}, {"v-1", cell}}})
		p, err := sheet.ReadXLSX(bytes.NewReader(data), "months.xlsx")
		require.NoError(t, err, "%v: %s", cell, diag.Localize(err, diag.EN))
		assert.Equal(t, civil.M(2026, 10), p.Reports[0].Month, "%v", cell)
	}
}

// TestListCells splits a list cell: ";" separates, a backslash escapes,
// spaces around values are dropped unless escaped, empty values vanish.
func TestListCells(t *testing.T) {
	tests := []struct {
		cell string
		want []string
	}{
		{`chess; football`, []string{"chess", "football"}},
		{`chess;football`, []string{"chess", "football"}},
		{` chess ;  football  `, []string{"chess", "football"}},
		{`a\;b; c`, []string{"a;b", "c"}},
		{`back\\slash`, []string{`back\slash`}},
		{`\ lead; trail\ `, []string{" lead", "trail "}},
		{`a;;b;`, []string{"a", "b"}},
		{`end\`, []string{`end\`}},
		{`;`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			var quoted strings.Builder
			quoted.WriteString(`"`)
			quoted.WriteString(strings.ReplaceAll(tt.cell, `"`, `""`))
			quoted.WriteString(`"`)
			dir := csvFolder(t, map[string]string{
				"programme.csv":    "as_of\n2026-11-24\n",
				"institutions.csv": "id,name,kind\ninst-1,Home,orphanage\n",
				"children.csv":     "id,birth_date,institution,interests\nc-1,2015-01-01,inst-1," + quoted.String() + "\n",
			})
			p, err := sheet.ReadCSV(dir)
			require.NoError(t, err, "%s", diag.Localize(err, diag.EN))
			assert.Equal(t, tt.want, p.Children[0].Interests)
		})
	}
}
