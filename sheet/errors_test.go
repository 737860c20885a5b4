package sheet_test

import (
	"archive/zip"
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/sheet"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// rows is one sheet of a test workbook: its name and its rows of cells.
type rows struct {
	name  string
	cells [][]any
}

// workbook builds an .xlsx file the way another program would: cells of
// any type (a time.Time is a date cell), no template.
func workbook(tb testing.TB, sheets ...rows) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			require.NoError(tb, f.SetSheetName("Sheet1", s.name))
		} else {
			_, err := f.NewSheet(s.name)
			require.NoError(tb, err)
		}
		for r, row := range s.cells {
			for c, v := range row {
				if v == nil {
					continue
				}
				cell, err := excelize.CoordinatesToCellName(c+1, r+1)
				require.NoError(tb, err)
				require.NoError(tb, f.SetCellValue(s.name, cell, v))
			}
		}
	}
	var buf bytes.Buffer
	_, err := f.WriteTo(&buf)
	require.NoError(tb, err)
	return buf.Bytes()
}

// csvFolder writes files into a new folder and returns it.
func csvFolder(tb testing.TB, files map[string]string) string {
	tb.Helper()
	dir := tb.TempDir()
	for name, body := range files {
		require.NoError(tb, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	return dir
}

var (
	progSheet = rows{"programme", [][]any{{"as_of"}, {"2026-11-24"}}}
	instSheet = rows{"institutions", [][]any{{"id", "name", "kind"}, {"inst-1", "Home", "orphanage"}}}
	date      = func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
)

// TestReadErrors reads broken workbooks and CSV folders and compares every
// problem, in English and Russian, with a golden file. Each case also
// names personal data its input holds, which no message may repeat.
func TestReadErrors(t *testing.T) {
	tests := []struct {
		name   string
		xlsx   []byte
		csv    map[string]string
		secret []string
	}{
		{
			name: "bad date cell",
			xlsx: workbook(t, progSheet, rows{"volunteers", [][]any{
				{"id", "full_name", "birth_date", "role"},
				{"v-1", "Айгерім Сәдуақасова", "1990-02-30", "individual_mentor"},
				{"v-2", "Нұрлан Жақсыбеков", "02/04/1990", "coach"},
				{"v-3", "Дарья Ковальчук", date(1995, 1, 23), "coach"},
			}}),
			secret: []string{"Айгерім", "1990-02-30", "02/04/1990", "Нұрлан"},
		},
		{
			name: "unknown columns and sheets",
			xlsx: workbook(t, progSheet, rows{"volunteers", [][]any{
				{"id", "full_name", "brith_date", "Туған күні", "role", "favourite colour"},
				{"v-1", "A B", "x", date(1990, 4, 2), "coach", "blue"},
			}}, rows{"Volunter", [][]any{{"id"}, {"v-2"}}}, rows{"Sheet9", nil}, rows{"_notes", [][]any{{"anything"}}}),
		},
		{
			name: "words and numbers",
			xlsx: workbook(t, progSheet, instSheet, rows{"volunteers", [][]any{
				{"id", "full_name", "birth_date", "role", "gender", "commitment_months", "parental_consent", "free_time.weekdays"},
				{"v-1", "A B", "1990-04-02", "Жеке тәлімгер", "Женский", "24", "иә", "сенбі; Sunday"},
				{"v-2", "C D", "1990-04-02", "Анна Иванова", "женщина", "12.5", "perhaps", "sat; funday"},
				{"v-3", "E F", "1990-04-02", "coach", "male", "99999999999999999999", "TRUE", ""},
			}}),
			secret: []string{"Анна Иванова", "funday"},
		},
		{
			name: "references and ids",
			xlsx: workbook(t, progSheet, instSheet, rows{"volunteers", [][]any{
				{"id", "full_name", "birth_date", "role"},
				{"v-1", "A B", "1990-04-02", "coach"},
				{"v-1", "C D", "1991-04-02", "coach"},
			}}, rows{"volunteers.skills", [][]any{
				{"volunteer", "name", "like"},
				{"v-1", "chess", "yes"},
				{"v-7", "chess", "yes"},
				{"", "drawing", "no"},
			}}, rows{"tandems", [][]any{
				{"id", "mentor", "child", "started_on", "phase", nil, "note?"},
				{"t-1", "v-9", "c-1", "2026-01-01", "active", "stray", nil},
			}}),
		},
		{
			name: "missing columns and rows",
			xlsx: workbook(t, rows{"programme", [][]any{{"as_of", "organisation"}, {nil, "Centre"}, {"2026-11-24"}}},
				rows{"volunteers", [][]any{{"id", "full_name"}, {"v-1", "A B"}}}),
		},
		{
			name: "impossible dates are placed",
			xlsx: workbook(t, progSheet, instSheet, rows{"volunteers", [][]any{
				{"id", "full_name", "birth_date", "role", "screening.interview"},
				{"v-1", "A B", "2027-01-01", "coach", "2026-01-01"},
			}}, rows{"children", [][]any{
				{"id", "birth_date", "institution"},
				{"c-1", "2015-01-01", "inst-1"},
			}}, rows{"tandems", [][]any{
				{"id", "mentor", "child", "started_on", "phase", "closed_on"},
				{"t-1", "v-1", "c-1", "2026-01-01", "active", "2025-01-01"},
			}}),
			secret: []string{"2027-01-01", "2015-01-01"},
		},
		{
			name: "csv problems",
			csv: map[string]string{
				"programme.csv":  "\xEF\xBB\xBFas_of\n2026-11-24\n",
				"volunteers.csv": "id;full_name;birth_date;role;birth_dat\nv-1;Айгерім;1990-02-30;coach;\n\"v-2;B;1990-01-01;coach\n",
				"childen.csv":    "id\n",
				"tandems.csv":    "id,mentor\r\nt-1,v-1\r\n",
				"groups.csv":     "id,institution,date\ng-1,inst-1,\xff\xfe\n",
				"notes.txt":      "not a list",
			},
			secret: []string{"Айгерім", "1990-02-30"},
		},
		{
			name: "csv rows and lines",
			csv: map[string]string{
				"programme.csv":         "as_of,organisation\n2026-11-24,\"A, B\"\n",
				"institutions.csv":      "id,name,kind\ninst-1,\"Home\nNo. 1\",orphan home\n",
				"volunteers.csv":        "id,full_name,birth_date,role,languages\nv-1,A,1990-04-02,coach,kk; ru\n\nv-2,B,1990-04-02,coach,kk; not a tag\n",
				"volunteers.skills.csv": "volunteer,name\nv-1,chess\nv-1,Chess\n",
			},
		},
		{
			name: "empty folder",
			csv:  map[string]string{"README.md": "lists go here"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.xlsx != nil {
				_, err = sheet.ReadXLSX(bytes.NewReader(tt.xlsx), "roster.xlsx")
			} else {
				dir := csvFolder(t, tt.csv)
				_, err = sheet.ReadCSV(dir)
				err = relative(err, dir)
			}
			require.Error(t, err)
			got := diag.Localize(err, diag.EN) + "\n\n" + diag.Localize(err, diag.RU) + "\n"
			golden(t, filepath.Join("testdata", "errors", strings.ReplaceAll(tt.name, " ", "_")+".golden"), got)
			kk := diag.Localize(err, diag.KK)
			for _, s := range tt.secret {
				assert.NotContains(t, got+kk, s, "a message repeats personal data")
			}
			for _, e := range diag.Errors(err) {
				assert.NotEmpty(t, e.Code)
				assert.NotEmpty(t, e.File, "%v", e)
			}
		})
	}
}

// relative names a temporary CSV folder "roster", so that golden files
// do not hold a temporary path.
func relative(err error, dir string) error {
	l := diag.Errors(err)
	for _, e := range l {
		e.File = strings.Replace(e.File, dir, "roster", 1)
		for i, a := range e.Args {
			e.Args[i] = strings.ReplaceAll(a, dir, "roster")
		}
	}
	return l
}

func golden(tb testing.TB, path, got string) {
	tb.Helper()
	if *update {
		require.NoError(tb, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(tb, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(tb, err, "run go test ./sheet -update to write it")
	assert.Equal(tb, string(want), got)
}

// TestLimits refuses input above the caps before reading it: a file too
// large, a folder too large, a workbook that unpacks to too much (a zip
// bomb), a file that is no workbook.
func TestLimits(t *testing.T) {
	p, err := mentoring.Load("../examples/data/programme.json")
	require.NoError(t, err)
	var book bytes.Buffer
	require.NoError(t, sheet.WriteXLSX(&book, p, diag.EN))
	dir := t.TempDir()
	path := filepath.Join(dir, "p.xlsx")
	require.NoError(t, os.WriteFile(path, book.Bytes(), 0o644))
	folder := filepath.Join(dir, "csv")
	require.NoError(t, sheet.WriteCSV(folder, p))

	t.Run("file", func(t *testing.T) {
		_, err := sheet.ReadXLSXFile(path, sheet.WithMaxBytes(1000))
		assert.True(t, limits.IsTooLarge(err), "%v", err)
		_, err = sheet.Load(path, sheet.WithMaxBytes(1000))
		assert.True(t, limits.IsTooLarge(err), "%v", err)
	})
	t.Run("folder", func(t *testing.T) {
		_, err := sheet.ReadCSV(folder, sheet.WithMaxBytes(5000))
		assert.True(t, limits.IsTooLarge(err), "%v", err)
		_, err = sheet.ReadCSV(folder, sheet.WithMaxBytes(1<<20))
		assert.NoError(t, err)
	})
	t.Run("unpacked", func(t *testing.T) {
		_, err := sheet.ReadXLSX(bytes.NewReader(book.Bytes()), "p.xlsx", sheet.WithMaxUnpacked(64<<10))
		require.Error(t, err)
		assert.Equal(t, "p.xlsx: the workbook unpacks to more than the limit of 64 KiB", err.Error())
	})
	t.Run("zip bomb", func(t *testing.T) {
		_, err := sheet.ReadXLSX(bytes.NewReader(zipBomb(t, 2<<30)), "bomb.xlsx")
		require.Error(t, err)
		assert.Contains(t, err.Error(), "unpacks to more than the limit of 1 GiB")
	})
	t.Run("lying archive", func(t *testing.T) {
		// An entry that declares less than it holds stops unpacking.
		_, err := sheet.ReadXLSX(bytes.NewReader(lyingZip(t)), "liar.xlsx")
		require.Error(t, err)
		var e *diag.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, sheet.CodeUnreadable, e.Code)
	})
	t.Run("not a workbook", func(t *testing.T) {
		_, err := sheet.ReadXLSX(strings.NewReader("id,name\n"), "p.xlsx")
		require.Error(t, err)
		assert.Equal(t, "p.xlsx: the file cannot be read as an .xlsx workbook: it is damaged, encrypted or in another format", err.Error())
	})
}

// zipBomb is a small archive whose entries declare size bytes unpacked.
func zipBomb(tb testing.TB, size int64) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	const chunk = 64 << 20
	for i := int64(0); i*chunk < size; i++ {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: "xl/worksheets/sheet" + string(rune('a'+i%26)) + ".xml", Method: zip.Deflate})
		require.NoError(tb, err)
		_, err = w.Write(make([]byte, 1<<20)) // compresses to almost nothing
		require.NoError(tb, err)
	}
	require.NoError(tb, zw.Close())
	// Declare each entry 64 MiB in the central directory.
	data := buf.Bytes()
	return patchSizes(tb, data, chunk)
}

// patchSizes rewrites the uncompressed size of every central-directory
// entry of a zip archive.
func patchSizes(tb testing.TB, data []byte, size uint32) []byte {
	tb.Helper()
	out := bytes.Clone(data)
	sig := []byte{'P', 'K', 1, 2}
	for i := 0; ; {
		j := bytes.Index(out[i:], sig)
		if j < 0 {
			break
		}
		at := i + j + 24 // uncompressed size in a central directory header
		out[at], out[at+1], out[at+2], out[at+3] = byte(size), byte(size>>8), byte(size>>16), byte(size>>24)
		i += j + 4
	}
	return out
}

// lyingZip is a workbook whose sheet declares fewer bytes than it holds.
func lyingZip(tb testing.TB) []byte {
	tb.Helper()
	data := workbook(tb, progSheet)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(tb, err)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(tb, err)
		body, err := io.ReadAll(rc)
		require.NoError(tb, err)
		require.NoError(tb, rc.Close())
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		require.NoError(tb, err)
		_, err = w.Write(body)
		require.NoError(tb, err)
	}
	require.NoError(tb, zw.Close())
	return patchSizes(tb, buf.Bytes(), 10)
}

// TestNoHeadings reads a list saved without its heading row: one problem,
// which does not repeat the names in the row.
func TestNoHeadings(t *testing.T) {
	dir := csvFolder(t, map[string]string{
		"programme.csv":  "as_of\n2026-11-24\n",
		"volunteers.csv": "v-1,Aigerim Sadykova,1990-04-02,coach\nv-2,Nurlan Zhaksybekov,1986-09-14,coach\n",
	})
	_, err := sheet.ReadCSV(dir)
	require.Error(t, err)
	err = relative(err, dir)
	assert.Equal(t, "roster/volunteers.csv:1: the first row names no field: a sheet's first row names its columns (id, full_name, …)", err.Error())
}

// TestWideRows stops reading a sheet whose rows reach far to the right:
// each such row costs a reader thousands of cells.
func TestWideRows(t *testing.T) {
	var x strings.Builder
	x.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	x.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>`)
	for r := 2; r < 200_000; r++ {
		x.WriteString(`<row r="` + strconv.Itoa(r) + `"><c r="XFD` + strconv.Itoa(r) + `" t="inlineStr"><is><t>x</t></is></c></row>`)
	}
	x.WriteString(`</sheetData></worksheet>`)
	base := workbook(t, progSheet, rows{"volunteers", [][]any{{"id"}}})
	data := replaceParts(t, base, map[string][]byte{"xl/worksheets/sheet2.xml": []byte(x.String())})
	_, err := sheet.ReadXLSX(bytes.NewReader(data), "wide.xlsx")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "wide.xlsx!volunteers!102: too many rows hold values past column 256: the rest of the sheet was not read")
}

// TestLastRow reads a sheet whose rows are numbered as far down as a
// workbook goes, and places a problem there.
func TestLastRow(t *testing.T) {
	x := `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>full_name</t></is></c></row>` +
		`<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>v-1</t></is></c><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>` +
		`</sheetData></worksheet>`
	base := workbook(t, progSheet, rows{"volunteers", [][]any{{"id"}}})
	data := replaceParts(t, base, map[string][]byte{"xl/worksheets/sheet2.xml": []byte(x)})
	_, err := sheet.ReadXLSX(bytes.NewReader(data), "last.xlsx")
	require.Error(t, err)
	assert.Equal(t, "last.xlsx!volunteers!1048576: birth_date: birth_date is a required field\n"+
		"last.xlsx!volunteers!1048576: role: role is a required field\n"+
		"last.xlsx!volunteers!B1048576: full_name: full_name is a required field\n"+
		"last.xlsx!volunteers!XFD1048576: this column has no heading, so its values cannot be read", err.Error())
}

// TestLargeSheet reads a sheet too large to unpack in memory, from a
// temporary file that is gone afterwards.
func TestLargeSheet(t *testing.T) {
	if testing.Short() {
		t.Skip("a 20 MiB sheet")
	}
	var x strings.Builder
	x.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	x.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>full_name</t></is></c>` +
		`<c r="C1" t="inlineStr"><is><t>birth_date</t></is></c><c r="D1" t="inlineStr"><is><t>role</t></is></c></row>`)
	n := 0
	for r := 2; x.Len() < 20<<20; r++ {
		row := strconv.Itoa(r)
		x.WriteString(`<row r="` + row + `"><c r="A` + row + `" t="inlineStr"><is><t>v-` + row + `</t></is></c>` +
			`<c r="B` + row + `" t="inlineStr"><is><t>Айгерім Сәдуақасова</t></is></c><c r="C` + row + `"><v>32965</v></c>` +
			`<c r="D` + row + `" t="inlineStr"><is><t>coach</t></is></c></row>`)
		n++
	}
	x.WriteString(`</sheetData></worksheet>`)
	base := workbook(t, progSheet, rows{"volunteers", [][]any{{"id"}}})
	data := replaceParts(t, base, map[string][]byte{"xl/worksheets/sheet2.xml": []byte(x.String())})
	tmp := t.TempDir()
	t.Setenv("TMPDIR", filepath.Join(tmp, "missing"))
	_, err := sheet.ReadXLSX(bytes.NewReader(data), "large.xlsx")
	require.Error(t, err, "a large sheet needs a temporary folder")
	t.Setenv("TMPDIR", tmp)
	p, err := sheet.ReadXLSX(bytes.NewReader(data), "large.xlsx")
	require.NoError(t, err, "%s", diag.Localize(err, diag.EN))
	assert.Len(t, p.Volunteers, n)
	left, err := os.ReadDir(tmp)
	require.NoError(t, err)
	assert.Empty(t, left, "temporary files left behind")
}
