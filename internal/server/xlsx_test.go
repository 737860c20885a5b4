package server_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/server"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/sheet"
)

// workbook returns the example with problems as an .xlsx workbook in lang,
// after edit (when not nil) has changed it.
func workbook(tb testing.TB, lang diag.Lang, edit func(f *excelize.File)) []byte {
	tb.Helper()
	prog, err := mentoring.Parse(readFile(tb, examples, "problems.json"), "problems.json", mentoring.JSON)
	require.NoError(tb, err)
	var buf bytes.Buffer
	require.NoError(tb, sheet.WriteXLSX(&buf, prog, lang))
	if edit == nil {
		return buf.Bytes()
	}
	f, err := excelize.OpenReader(&buf)
	require.NoError(tb, err)
	edit(f)
	var out bytes.Buffer
	require.NoError(tb, f.Write(&out))
	return out.Bytes()
}

// cellOf finds the cell of a field on a list sheet of the template's
// layout: row 2 holds the field names, data starts on row 3.
func cellOf(tb testing.TB, f *excelize.File, sheetName, field string, item int) string {
	tb.Helper()
	rows, err := f.GetRows(sheetName)
	require.NoError(tb, err)
	require.Greater(tb, len(rows), 2)
	for i, name := range rows[1] {
		if name == field {
			cell, err := excelize.CoordinatesToCellName(i+1, 3+item)
			require.NoError(tb, err)
			return cell
		}
	}
	tb.Fatalf("no column %s on sheet %s", field, sheetName)
	return ""
}

// A workbook gets the findings a JSON programme gets, on every route that
// reads a programme, whatever the language of its headings.
func TestCheckWorkbook(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	golden := string(readFile(t, examples, "problems.expected.json"))
	for _, lang := range diag.Langs {
		t.Run(string(lang), func(t *testing.T) {
			w := post(t, s, "/v1/check", server.XLSXType, workbook(t, lang, nil))
			require.Equal(t, http.StatusOK, w.Code, w.Body.String())
			assert.Equal(t, golden, w.Body.String())
		})
	}
	book := workbook(t, diag.RU, nil)
	for _, target := range []string{
		"/v1/check/volunteer/v-21",
		"/v1/explain?rule=mentor.min_age&subject=volunteer/v-21",
		"/v1/plan/groups",
		"/v1/match",
	} {
		t.Run(target, func(t *testing.T) {
			w := post(t, s, target, server.XLSXType+"; charset=binary", book)
			require.Equal(t, http.StatusOK, w.Code, w.Body.String())
		})
	}
}

// A workbook's problems are at their cells: the file the file parameter
// names, the sheet, the row and the column.
func TestCheckWorkbookProblems(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	var cell string
	book := workbook(t, diag.KK, func(f *excelize.File) {
		cell = cellOf(t, f, "volunteers", "birth_date", 4)
		require.NoError(t, f.SetCellStr("volunteers", cell, "31.02.1990"))
	})
	col, row, err := excelize.CellNameToCoordinates(cell)
	require.NoError(t, err)

	w := post(t, s, "/v1/check?file=roster.xlsx&lang=ru", server.XLSXType, book)
	require.Equal(t, http.StatusBadRequest, w.Code, w.Body.String())
	e := errorOf(t, w)
	assert.Equal(t, wire.CodeInvalidInput, e.Code)
	require.NotEmpty(t, e.Problems)
	p := e.Problems[0]
	assert.Equal(t, wire.Problem{File: "roster.xlsx", Sheet: "volunteers", Line: row, Column: col,
		Path: "birth_date", Code: string(diag.CodeBadDate), Message: p.Message}, p)
	assert.NotContains(t, w.Body.String(), "31.02.1990", "a birth date is personal data")

	// Without a name, the problem names no file.
	w = post(t, s, "/v1/check", server.XLSXType, book)
	require.Equal(t, http.StatusBadRequest, w.Code)
	assert.Empty(t, errorOf(t, w).Problems[0].File)
	assert.Equal(t, "volunteers", errorOf(t, w).Problems[0].Sheet)
}

func TestCheckWorkbookRefused(t *testing.T) {
	s, _ := newServer(t, server.Options{MaxUnpacked: 64 << 10, MaxBody: 1 << 20})
	book := workbook(t, diag.EN, nil)
	tests := []struct {
		name   string
		target string
		body   []byte
		status int
		code   wire.Code
		sheet  diag.Code // the problem's code
	}{
		{"unpacks past the cap", "/v1/check", book, http.StatusBadRequest, wire.CodeInvalidInput, sheet.CodeUnpacked},
		{"not a workbook", "/v1/check", []byte(`{"as_of": "2026-11-24"}`), http.StatusBadRequest, wire.CodeInvalidInput, sheet.CodeUnreadable},
		{"a damaged zip", "/v1/check", append([]byte("PK\x03\x04"), bytes.Repeat([]byte{0}, 100)...), http.StatusBadRequest, wire.CodeInvalidInput, sheet.CodeUnreadable},
		{"over the body cap", "/v1/check", bytes.Repeat([]byte("PK"), 1<<20), http.StatusRequestEntityTooLarge, wire.CodeTooLarge, ""},
		{"a name with a folder", "/v1/check?file=../roster.xlsx", book, http.StatusBadRequest, wire.CodeBadRequest, "server.body_name"},
		{"a name too long", "/v1/check?file=" + strings.Repeat("x", 129), book, http.StatusBadRequest, wire.CodeBadRequest, "server.body_name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := post(t, s, tt.target, server.XLSXType, tt.body)
			require.Equal(t, tt.status, w.Code, w.Body.String())
			e := errorOf(t, w)
			assert.Equal(t, tt.code, e.Code)
			if tt.sheet != "" {
				require.NotEmpty(t, e.Problems)
				assert.Equal(t, string(tt.sheet), e.Problems[0].Code)
			}
		})
	}
	w := get(t, s, "/healthz")
	assert.Equal(t, http.StatusOK, w.Code)
}
