package sheet_test

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
	"testing/fstest"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/sheet"
)

// checkResult holds what every read must: a programme that validates, or
// no programme and problems that each have a code, a file and a message
// in every language.
func checkResult(t *testing.T, p *mentoring.Programme, err error) {
	t.Helper()
	if err == nil {
		if p == nil {
			t.Fatal("no programme and no error")
		}
		if verr := p.Validate(); verr != nil {
			t.Fatalf("read, then invalid: %v", verr)
		}
		return
	}
	if p != nil {
		t.Fatal("a programme with an error")
	}
	l := diag.Errors(err)
	if len(l) == 0 {
		return // an I/O error of the file system
	}
	for _, e := range l {
		if e.Code == "" || e.File == "" {
			t.Fatalf("problem without a code or a file: %#v", e)
		}
		for _, lang := range diag.Langs {
			if e.Message(lang) == "" {
				t.Fatalf("no %s message: %v", lang, e)
			}
		}
	}
}

// FuzzReadCSV reads any two files as the volunteers and their skills of a
// CSV folder. It must never panic; what reads must validate, and come
// back the same through a CSV folder of its own.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("id,full_name,birth_date,role\nv-1,A B,1990-04-02,coach\n"), []byte("volunteer,name,like\nv-1,chess,yes\n"))
	f.Add([]byte("\xEF\xBB\xBFid,full_name,birth_date,role\nv-1,A B,1990-02-30,coach\n"), []byte(""))
	f.Add([]byte("id;full_name;brith_date;role\nv-1;A;x;Коуч;extra\n\"v-2;B\n"), []byte("volunteer,name\n,x\nv-9,y\n"))
	f.Add([]byte("Идентификатор *,ФИО *\nid,full_name\nv-1,\"A\nB\"\n"), []byte("volunteer\tname\nv-1\tchess\\;go\n"))
	f.Add([]byte("id,full_name,birth_date,role,languages,free_time.weekdays\nv-1,A,02.04.1990,coach,kk;;\\ ru\\,sat; sunday\n"), []byte("\xff\xfe"))
	f.Add([]byte("id,full_name,birth_date,role,commitment_months,health.limitations\nv-1,A,1990-04-02,coach,1e3,иә\n,,,,\n"), []byte("a,b,c\n1\n1,2,3,4\n"))
	f.Fuzz(func(t *testing.T, volunteers, skills []byte) {
		fsys := fstest.MapFS{
			"programme.csv":         {Data: []byte("as_of\n2026-11-24\n")},
			"volunteers.csv":        {Data: volunteers},
			"volunteers.skills.csv": {Data: skills},
		}
		p, err := sheet.ReadCSVFS(fsys, "roster")
		checkResult(t, p, err)
		if err != nil {
			return
		}
		dir := t.TempDir()
		if err := sheet.WriteCSV(dir, p); err != nil {
			t.Fatal(err)
		}
		q, err := sheet.ReadCSV(dir)
		if err != nil {
			t.Fatalf("what was read does not read again: %v", err)
		}
		if a, b := canonical(t, p), canonical(t, q); a != b {
			t.Fatalf("not the same through CSV:\n%s\n%s", a, b)
		}
	})
}

// FuzzReadXLSX reads any bytes as a workbook. Most mutations break the
// archive's checksums, so FuzzReadXLSXSheet goes deeper.
func FuzzReadXLSX(f *testing.F) {
	f.Add(workbook(f, progSheet, rows{"volunteers", [][]any{{"id", "full_name", "birth_date", "role"}, {"v-1", "A", "1990-04-02", "coach"}}}))
	f.Add(workbook(f, progSheet, rows{"volunteers", [][]any{{"id", "brith_date"}, {"v-1", "1990-02-30", "ragged", nil, "row"}}}))
	f.Add(zipBomb(f, 4<<20))
	f.Add([]byte("PK\x03\x04 not really"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := sheet.ReadXLSX(bytes.NewReader(data), "fuzz.xlsx", sheet.WithMaxUnpacked(8<<20))
		checkResult(t, p, err)
	})
}

// FuzzReadXLSXSheet puts any bytes in a sound workbook as the XML of its
// volunteers sheet and of its shared strings, so that the rows and cells
// themselves are fuzzed.
func FuzzReadXLSXSheet(f *testing.F) {
	base := workbook(f, progSheet, rows{"volunteers", [][]any{
		{"id", "full_name", "birth_date", "role", "languages"},
		{"v-1", "A", 32965, "coach", "kk; ru"},
		{"v-2", "B", "1990-02-30", "Коуч", nil, "ragged"},
	}})
	sheetXML, sst := part(f, base, "xl/worksheets/sheet2.xml"), part(f, base, "xl/sharedStrings.xml")
	f.Add(sheetXML, sst)
	f.Add([]byte(`<worksheet><sheetData><row r="1048577"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`), sst)
	// (Rows numbered near the last row are in TestLastRow: each costs a
	// million empty rows, which slows fuzzing down a hundredfold.)
	f.Add([]byte(`<worksheet><sheetData><row><c r="XFD1" t="inlineStr"><is><t>id</t></is></c></row><row><c t="s"><v>99</v></c><c t="b"><v>1</v></c><c t="d"><v>1990-04-02T00:00:00</v></c></row></sheetData></worksheet>`), []byte(`<sst><si><t>x</t></si></sst>`))
	f.Fuzz(func(t *testing.T, sheetXML, sst []byte) {
		data := replaceParts(t, base, map[string][]byte{"xl/worksheets/sheet2.xml": sheetXML, "xl/sharedStrings.xml": sst})
		p, err := sheet.ReadXLSX(bytes.NewReader(data), "fuzz.xlsx", sheet.WithMaxUnpacked(8<<20))
		checkResult(t, p, err)
	})
}

// part returns one entry of a zip archive.
func part(tb testing.TB, data []byte, name string) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				tb.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				tb.Fatal(err)
			}
			return b
		}
	}
	tb.Fatalf("no %s in the archive", name)
	return nil
}

// replaceParts rebuilds a zip archive with some entries replaced.
func replaceParts(tb testing.TB, data []byte, parts map[string][]byte) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		body, ok := parts[f.Name]
		if !ok {
			rc, err := f.Open()
			if err != nil {
				tb.Fatal(err)
			}
			body, err = io.ReadAll(rc)
			rc.Close()
			if err != nil {
				tb.Fatal(err)
			}
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write(body); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
