package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// maxParts caps the entries of a workbook's archive; a workbook has a few
// dozen.
const maxParts = 10_000

// unpackedInMemory is the largest sheet excelize unpacks in memory; a
// larger one it unpacks to a temporary file and reads from there.
const unpackedInMemory = 16 << 20

// ReadXLSXFile reads a programme from the workbook at path (doc.go,
// "Workbooks") and validates it like [mentoring.Load]. The file's size is
// checked before it is read. On any problem it returns a nil programme and
// a [diag.List] of every problem, each at its sheet and cell
// (roster.xlsx!volunteers!D7).
func ReadXLSXFile(path string, opts ...Option) (*mentoring.Programme, error) {
	o := options{}.with(opts)
	data, err := limits.ReadFile(path, o.maxBytes)
	if err != nil {
		return nil, err
	}
	return readXLSX(data, path, o)
}

// ReadXLSX reads a workbook from r, named name in positions, like
// [ReadXLSXFile].
func ReadXLSX(r io.Reader, name string, opts ...Option) (*mentoring.Programme, error) {
	o := options{}.with(opts)
	data, err := limits.Read(r, name, o.maxBytes)
	if err != nil {
		return nil, err
	}
	return readXLSX(data, name, o)
}

func readXLSX(data []byte, name string, o options) (*mentoring.Programme, error) {
	largest, e := checkArchive(data, o.maxUnpacked)
	if e != nil {
		e.File = name
		return nil, diag.List{e}
	}
	r, err := newReader(name, true, o.maxProblems)
	if err != nil {
		return nil, err
	}
	if err := r.readWorkbook(data, o, largest > unpackedInMemory); err != nil {
		e := diag.New(CodeUnreadable, "")
		e.File, e.Err = name, err
		return nil, diag.List{e}
	}
	return r.finish()
}

// checkArchive looks at the archive's directory before anything is
// unpacked: its entries, and the sizes they declare. (Unpacking then
// stops at an entry that holds more than it declared.) It returns the
// largest declared size.
func checkArchive(data []byte, limit int64) (uint64, *diag.Error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return 0, &diag.Error{Code: CodeUnreadable, Err: err}
	}
	if len(zr.File) > maxParts {
		return 0, diag.New(CodeUnpacked, "", limits.Size(limit))
	}
	var total, largest uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		largest = max(largest, f.UncompressedSize64)
		if total > uint64(limit) {
			return 0, diag.New(CodeUnpacked, "", limits.Size(limit))
		}
	}
	return largest, nil
}

// readWorkbook feeds every sheet of the workbook to r. An error means the
// workbook could not be read at all.
func (r *reader) readWorkbook(data []byte, o options, large bool) (err error) {
	// excelize is not ours: should it panic on a damaged file, the file
	// is reported as unreadable rather than taking the program down.
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("excelize: %v", p)
		}
	}()
	// Large sheets are unpacked to temporary files, in a folder of our
	// own that goes whatever happens: excelize keeps no record of the
	// files of a workbook it fails to open.
	var tmp string
	if large {
		if tmp, err = os.MkdirTemp("", "sabaq-xlsx-"); err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    o.maxUnpacked,
		UnzipXMLSizeLimit: min(o.maxUnpacked, unpackedInMemory),
		TmpDir:            tmp,
	})
	if f != nil {
		defer f.Close()
	}
	if err != nil {
		return err
	}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		r.date1904 = *props.Date1904
	}
	found := make([]string, len(r.lay.sheets))
	for _, name := range f.GetSheetList() {
		def := r.lay.byName[name]
		if def == nil {
			def = r.lay.fold(strings.TrimSpace(name))
		}
		if def == nil {
			if !ignored(name) && hasData(f, name) {
				r.fileProblem(r.unknownSheet(r.name, name, name))
			}
			continue
		}
		order := r.lay.index(def)
		if found[order] != "" {
			e := diag.New(CodeTwice, "", found[order])
			e.File, e.Sheet = r.name, name
			r.fileProblem(e)
			continue
		}
		found[order] = name
	}
	for order, name := range found {
		if name == "" {
			continue
		}
		t := r.begin(r.lay.sheets[order], r.name, name)
		if err := r.readSheet(f, t); err != nil {
			return err
		}
		r.end(t)
	}
	return nil
}

// index is the place of s in the layout.
func (l *layout) index(s *sheetDef) int {
	for i, x := range l.sheets {
		if x == s {
			return i
		}
	}
	return -1
}

// ignored reports whether a sheet that is no list is meant to be there:
// the instructions of the template, its lists of words, and any sheet
// whose name starts with "_".
func ignored(name string) bool {
	if strings.HasPrefix(name, "_") {
		return true
	}
	for _, l := range diag.Langs {
		if strings.EqualFold(strings.TrimSpace(name), ui.instructions.In(l)) {
			return true
		}
	}
	return false
}

// hasData reports whether a sheet has a value in any cell.
func hasData(f *excelize.File, sheet string) bool {
	rows, err := f.Rows(sheet)
	if err != nil {
		return true
	}
	defer rows.Close()
	for rows.Next() {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil || !empty(cells) {
			return true
		}
	}
	return rows.Error() != nil
}

// readSheet feeds the rows of one sheet to t, with the raw values of the
// cells: a date is its serial number, so that the reader, not the
// spreadsheet's display format, decides what it means.
func (r *reader) readSheet(f *excelize.File, t *table) error {
	rows, err := f.Rows(t.sheet)
	if err != nil {
		return err
	}
	defer rows.Close()
	raw := excelize.Options{RawCellValue: true}
	line, wide := 0, 0
	for rows.Next() {
		line++
		cells, err := rows.Columns(raw)
		if err != nil {
			return err
		}
		// A value far to the right makes excelize fill the row up to it;
		// a sheet of such rows would cost minutes, so a few are read and
		// the rest of the sheet is not.
		if len(cells) > maxRowCells {
			if wide++; wide > maxWideRows {
				r.cellProblem(t, line, 0, "", "", diag.New(CodeTooWide, "", strconv.Itoa(maxRowCells)))
				return nil
			}
		}
		r.row(t, line, cells)
	}
	return rows.Error()
}

// A row may reach past column maxRowCells (IV) in maxWideRows rows of a
// sheet; the format's widest sheet has a few dozen columns.
const (
	maxRowCells = 256
	maxWideRows = 100
)
