package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// bom is the byte-order mark some programs put before UTF-8 text.
var bom = []byte("\xEF\xBB\xBF")

// csvPath is the path of the CSV file of a sheet in dir.
func csvPath(dir, sheet string) string { return filepath.Join(dir, sheet+".csv") }

// ReadCSV reads a programme from a folder of CSV files, one per list
// (doc.go, "CSV folders"), and validates it like [mentoring.Load]. Only
// files inside dir are read: a symbolic link that leads out of it is an
// error. On any problem it returns a nil programme and a [diag.List] of
// every problem, each at its file and line.
func ReadCSV(dir string, opts ...Option) (*mentoring.Programme, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return ReadCSVFS(root.FS(), dir, opts...)
}

// ReadCSVFS is [ReadCSV] on the top folder of a file system; name is the
// folder in positions ("roster/" gives "roster/volunteers.csv:4").
func ReadCSVFS(fsys fs.FS, name string, opts ...Option) (*mentoring.Programme, error) {
	o := options{}.with(opts)
	r, err := newReader(name, false, o.maxProblems)
	if err != nil {
		return nil, err
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	files := make([]string, len(r.lay.sheets)) // by layout order
	var total int64
	for _, ent := range entries {
		base := ent.Name()
		if ent.IsDir() || !strings.EqualFold(filepath.Ext(base), ".csv") {
			continue
		}
		list := strings.TrimSuffix(base, filepath.Ext(base))
		def := r.lay.byName[list]
		if def == nil {
			def = r.lay.fold(list)
		}
		if def == nil {
			if !strings.HasPrefix(base, "_") {
				r.fileProblem(r.unknownSheet(filepath.Join(name, base), "", list))
			}
			continue
		}
		order := slices.Index(r.lay.sheets, def)
		if files[order] != "" {
			e := diag.New(CodeTwice, "", filepath.Join(name, files[order]))
			e.File = filepath.Join(name, base)
			r.fileProblem(e)
			continue
		}
		st, err := fs.Stat(fsys, base)
		if err != nil {
			return nil, err
		}
		total += st.Size()
		if total > o.maxBytes {
			return nil, limits.TooLarge(name, o.maxBytes)
		}
		files[order] = base
	}
	if !slices.ContainsFunc(files, func(f string) bool { return f != "" }) {
		e := diag.New(CodeNoLists, "")
		e.File = name
		return nil, diag.List{e}
	}
	budget := o.maxBytes
	for order, base := range files {
		if base == "" {
			continue
		}
		data, err := limits.ReadFS(fsys, base, budget)
		if err != nil {
			if limits.IsTooLarge(err) {
				return nil, limits.TooLarge(name, o.maxBytes)
			}
			return nil, err
		}
		budget -= int64(len(data))
		t := r.begin(r.lay.sheets[order], filepath.Join(name, base), "")
		r.readCSV(t, data)
		r.end(t)
	}
	return r.finish()
}

// fold finds a list by its name in any case ("Volunteers").
func (l *layout) fold(name string) *sheetDef {
	for _, s := range l.sheets {
		if strings.EqualFold(s.name, name) {
			return s
		}
	}
	return nil
}

// unknownSheet is the problem of a sheet or file that is no list.
func (r *reader) unknownSheet(file, sheet, name string) *diag.Error {
	e := diag.New(CodeUnknownSheet, "", quote(name), r.lay.closest(name))
	if e.Args[1] == "" {
		e = diag.New(diag.CodeUnknownField, "", quote(name))
	}
	e.File, e.Sheet = file, sheet
	return e
}

// closest returns the list whose name is nearest to name, or "".
func (l *layout) closest(name string) string {
	k := []rune(fold(name))
	best, bestD := "", -1
	for _, s := range l.sheets {
		d := distance(k, []rune(s.name))
		if d <= 1+len(s.name)/4 && (bestD < 0 || d < bestD) {
			best, bestD = s.name, d
		}
	}
	return best
}

// readCSV feeds the records of one CSV file to t.
func (r *reader) readCSV(t *table, data []byte) {
	data = bytes.TrimPrefix(data, bom)
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:invalidAt(data)], []byte("\n"))
		r.cellProblem(t, line, 0, "", "", diag.New(CodeNotUTF8, ""))
		return
	}
	rd := csv.NewReader(bytes.NewReader(data))
	rd.Comma = delimiter(data)
	rd.FieldsPerRecord = -1
	rd.ReuseRecord = true
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				r.cellProblem(t, pe.Line, 0, "", "", diag.New(CodeCSV, ""))
				if len(r.probs) >= r.max {
					return
				}
				continue
			}
			r.cellProblem(t, 0, 0, "", "", diag.New(CodeCSV, ""))
			return
		}
		line, _ := rd.FieldPos(0)
		t.recordAt, t.fieldLines = 0, t.fieldLines[:0]
		if last, _ := rd.FieldPos(len(rec) - 1); last != line {
			t.recordAt = line
			for i := range rec {
				l, _ := rd.FieldPos(i)
				t.fieldLines = append(t.fieldLines, l)
			}
		}
		r.row(t, line, rec)
	}
}

// invalidAt returns the offset of the first byte that is not UTF-8.
func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// delimiter guesses the separator of a CSV file from its first line: a
// comma, or the semicolon or tab a spreadsheet in some locales writes.
// Headings never hold any of them.
func delimiter(data []byte) rune {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	comma, semi, tab := bytes.Count(line, []byte(",")), bytes.Count(line, []byte(";")), bytes.Count(line, []byte("\t"))
	switch {
	case semi > comma && semi >= tab:
		return ';'
	case tab > comma && tab > semi:
		return '\t'
	}
	return ','
}

// WriteCSV writes p into dir as a folder of CSV files (doc.go, "CSV
// folders"), creating dir if needed and replacing the list files in it: a
// file for every list, with a heading row of field names even when the
// list is empty. Values are codes (orphanage, female, true), dates
// YYYY-MM-DD; files are UTF-8 with a byte-order mark, so that spreadsheet
// programs read them as UTF-8. ReadCSV gives back the same programme.
func WriteCSV(dir string, p *mentoring.Programme) error {
	lay, err := programmeLayout()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := checkKeys(lay, p); err != nil {
		return err
	}
	for _, s := range lay.sheets {
		if err := writeCSVFile(csvPath(dir, s.name), s, p); err != nil {
			return err
		}
	}
	return nil
}

func writeCSVFile(path string, s *sheetDef, p *mentoring.Programme) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	bw := bufio.NewWriter(f)
	if err := writeCSVTo(bw, s, p); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return bw.Flush()
}

// writeCSVTo writes the sheet s of p as CSV.
func writeCSVTo(w io.Writer, s *sheetDef, p *mentoring.Programme) error {
	if _, err := w.Write(bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	head := make([]string, len(s.cols))
	for i, c := range s.cols {
		head[i] = c.name
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	rec := make([]string, len(s.cols))
	err := eachRow(s, reflect.ValueOf(p).Elem(), func(key string, elem reflect.Value) error {
		for i, c := range s.cols {
			rec[i] = ""
			if c.key {
				rec[i] = key
				continue
			}
			if v, ok := c.get(elem); ok {
				if out, ok := c.format(v, diag.EN, false); ok {
					rec[i] = out.text
				}
			}
		}
		return cw.Write(rec)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// eachRow calls row for each row of sheet s of the programme root: the
// programme itself, each element of a list, or each item of a nested list
// with its parent's id.
func eachRow(s *sheetDef, root reflect.Value, row func(key string, elem reflect.Value) error) error {
	switch {
	case s.isProgramme():
		return row("", root)
	case s.nested():
		parents := root.FieldByIndex(s.parent.list)
		for i := range parents.Len() {
			pe := parents.Index(i)
			items, ok := s.items(pe)
			if !ok {
				continue
			}
			id, _ := s.parent.id.get(pe)
			for j := range items.Len() {
				if err := row(id.String(), items.Index(j)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	list := root.FieldByIndex(s.list)
	for i := range list.Len() {
		if err := row("", list.Index(i)); err != nil {
			return err
		}
	}
	return nil
}

// ErrAmbiguous is wrapped by the error for a programme that tables cannot
// hold without loss: items of a nested list (a volunteer's skills) under
// a parent whose id is empty or used twice, so that a row could not say
// whose item it is.
var ErrAmbiguous = errors.New("sheet: nested items need a unique parent id")

// checkKeys reports parents of nested items with an empty or repeated id.
func checkKeys(lay *layout, p *mentoring.Programme) error {
	root := reflect.ValueOf(p).Elem()
	for _, s := range lay.sheets {
		if !s.nested() {
			continue
		}
		parents := root.FieldByIndex(s.parent.list)
		seen := map[string]bool{}
		for i := range parents.Len() {
			pe := parents.Index(i)
			id, _ := s.parent.id.get(pe)
			items, ok := s.items(pe)
			has := ok && items.Len() > 0
			if has && (id.String() == "" || seen[id.String()]) {
				return fmt.Errorf("%w: %s", ErrAmbiguous, diag.Index(s.parent.name, i))
			}
			seen[id.String()] = true
		}
	}
	return nil
}
