package sheet

import (
	"cmp"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// Reading is the same for a workbook and a CSV folder: each sheet (file)
// feeds its rows, in order, to a reader that finds the heading, turns
// cells into the programme's fields and records where each element came
// from; then the programme validates itself and its problems are placed
// back at their rows and cells.

// reader builds one programme from tables.
type reader struct {
	name     string // the workbook or the folder, as given
	workbook bool
	date1904 bool
	max      int
	lay      *layout
	prog     *mentoring.Programme
	root     reflect.Value
	tabs     []*table // by the layout's order; nil until the sheet is met
	probs    []problem
	dropped  bool // problems past max were dropped
}

// problem is one problem, with the sheet's place in the layout for
// sorting (-1: the file itself) and its JSON path, under which
// validation's own problems are dropped (a date that did not parse is
// not also "missing").
type problem struct {
	e     *diag.Error
	order int
	path  string
}

// table is one sheet (CSV file) being read.
type table struct {
	def   *sheetDef
	order int
	file  string // CSV: this file's path; a workbook: the workbook
	sheet string // a workbook: the sheet's name as it is written

	// The heading: the column of each position (nil for none), each
	// column's position (1-based), and the first non-empty row until the
	// second decides which row is the heading.
	state   int // 0 before the heading, 1 holding the first row, 2 reading data
	first   []string
	firstAt int
	cols    []*column
	named   []bool // a heading was written at the position (known or not)
	at      map[string]int
	warned  map[int]bool // positions already reported as having no heading
	skip    bool         // no heading: the rows cannot be read

	rows []int         // a list: the row of each element
	kids map[int][]int // a nested list: the rows of each parent's items
	ids  map[string]int
	seen int // rows of data, for the programme sheet

	// For a CSV record over several lines, while it is read: its first
	// line and the line of each of its fields.
	recordAt   int
	fieldLines []int
}

func newReader(name string, workbook bool, max int) (*reader, error) {
	lay, err := programmeLayout()
	if err != nil {
		return nil, err
	}
	r := &reader{name: name, workbook: workbook, max: max, lay: lay, prog: &mentoring.Programme{}}
	r.root = reflect.ValueOf(r.prog).Elem()
	r.tabs = make([]*table, len(lay.sheets))
	return r, nil
}

// begin starts reading the sheet of def, found in file (CSV) or under the
// sheet name (workbook).
func (r *reader) begin(def *sheetDef, file, sheet string) *table {
	order := slices.Index(r.lay.sheets, def)
	t := &table{def: def, order: order, file: file, sheet: sheet, at: map[string]int{}}
	r.tabs[order] = t
	return t
}

// tableOf returns the table of def, a placeholder when the input has none
// (its problems are then placed at the sheet or file that is missing).
func (r *reader) tableOf(def *sheetDef) *table {
	order := slices.Index(r.lay.sheets, def)
	if t := r.tabs[order]; t != nil {
		return t
	}
	file, sheet := r.name, def.name
	if !r.workbook {
		file, sheet = csvPath(r.name, def.name), ""
	}
	return r.begin(def, file, sheet)
}

// pos is the place of a cell (col ≥ 1) or a row (col 0) of t. In a CSV
// file a row is a record, which quoted line breaks may spread over
// several lines: a cell of the record being read is at its own line.
func (r *reader) pos(t *table, line, col int) diag.Pos {
	if r.workbook {
		return diag.Pos{File: r.name, Sheet: t.sheet, Line: line, Col: col}
	}
	if col > 0 && line == t.recordAt && col <= len(t.fieldLines) {
		line = t.fieldLines[col-1]
	}
	return diag.Pos{File: t.file, Line: line}
}

// ref names a row or cell of t inside the input, for messages that point
// at another place: "volunteers!A5" in a workbook, "volunteers.csv:5".
func (r *reader) ref(t *table, line, col int) string {
	p := r.pos(t, line, col)
	if r.workbook {
		p.File = ""
		return strings.TrimPrefix(p.String(), "!")
	}
	return p.String()
}

// add records a problem; past the cap it only notes that some were dropped.
func (r *reader) add(order int, path string, e *diag.Error) {
	if len(r.probs) >= r.max {
		r.dropped = true
		return
	}
	r.probs = append(r.probs, problem{e: e, order: order, path: path})
}

// fileProblem records a problem of the whole input or of one of its files.
func (r *reader) fileProblem(e *diag.Error) { r.add(-1, "", e) }

// cellProblem records a problem at a cell of t.
func (r *reader) cellProblem(t *table, line, col int, field, path string, e *diag.Error) {
	e.Pos = r.pos(t, line, col)
	e.Path = field
	r.add(t.order, path, e)
}

// row takes the next row of t, at line (the row's number in a workbook,
// its first line in a CSV file).
func (r *reader) row(t *table, line int, cells []string) {
	if empty(cells) {
		return
	}
	switch t.state {
	case 0:
		t.first, t.firstAt, t.state = slices.Clone(cells), line, 1
	case 1:
		// The heading is the second row when it holds the field names
		// under the template's labels, or when the first row names no
		// column at all (a title above the headings).
		t.state = 2
		if t.def.namesOnly(cells) || !t.def.namesAny(t.first) && t.def.namesAny(cells) {
			r.heading(t, line, cells)
			return
		}
		r.heading(t, t.firstAt, t.first)
		r.data(t, line, cells)
	default:
		r.data(t, line, cells)
	}
}

// end finishes t: a sheet with one row only has that row as its heading.
func (r *reader) end(t *table) {
	if t.state == 1 {
		r.heading(t, t.firstAt, t.first)
		t.state = 2
	}
}

func empty(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}

// namesOnly reports whether every cell written in a row is a field name of
// s, as the second heading row of the template is.
func (s *sheetDef) namesOnly(cells []string) bool {
	n := 0
	for _, c := range cells {
		if c == "" {
			continue
		}
		if _, ok := s.byName[strings.TrimSpace(c)]; !ok {
			return false
		}
		n++
	}
	return n > 0
}

// namesAny reports whether a cell of a row is a heading of s.
func (s *sheetDef) namesAny(cells []string) bool {
	return slices.ContainsFunc(cells, func(h string) bool { return s.resolve(h) != nil })
}

// heading reads the row of column headings. A row in which no cell names
// a column is taken for data without a heading: it is reported once,
// without repeating its cells, which may be a person's name.
func (r *reader) heading(t *table, line int, cells []string) {
	t.cols = make([]*column, len(cells))
	t.named = make([]bool, len(cells))
	if !t.def.namesAny(cells) {
		t.skip = true
		r.cellProblem(t, line, 0, "", "", diag.New(CodeNoHeadings, ""))
		return
	}
	for j, h := range cells {
		if strings.TrimSpace(h) == "" {
			continue
		}
		t.named[j] = true
		c := t.def.resolve(h)
		switch {
		case c == nil:
			e := diag.New(diag.CodeUnknownField, "", quote(strings.TrimSpace(h)))
			if hint := t.def.closest(h); hint != "" {
				e = diag.New(diag.CodeUnknownHint, "", quote(strings.TrimSpace(h)), hint)
			}
			r.cellProblem(t, line, j+1, "", "", e)
		case t.at[c.name] != 0:
			r.cellProblem(t, line, j+1, "", "", diag.New(diag.CodeDuplicateKey, "", c.name))
		default:
			t.cols[j] = c
			t.at[c.name] = j + 1
		}
	}
}

// quote shortens text of the input that a message repeats (a heading, a
// sheet's name): never meant to be long.
func quote(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// data reads one row of data into a new element.
func (r *reader) data(t *table, line int, cells []string) {
	if t.skip {
		return
	}
	def := t.def
	switch {
	case def.isProgramme():
		t.seen++
		if t.seen > 1 {
			r.cellProblem(t, line, 0, "", "", diag.New(CodeExtraRow, ""))
			return
		}
		t.rows = append(t.rows, line)
		r.fill(t, r.root, line, cells, "")
	case def.nested():
		r.item(t, line, cells)
	default:
		list := r.root.FieldByIndex(def.list)
		n := list.Len()
		if n == list.Cap() {
			list.Grow(max(1, n))
		}
		list.SetLen(n + 1)
		elem := list.Index(n)
		t.rows = append(t.rows, line)
		r.fill(t, elem, line, cells, diag.Index(def.name, n))
		if def.id != nil {
			if t.ids == nil {
				t.ids = map[string]int{}
			}
			v, _ := def.id.get(elem)
			if _, dup := t.ids[v.String()]; !dup {
				t.ids[v.String()] = n
			}
		}
	}
}

// item reads a row of a nested sheet into the list of the parent its key
// names.
func (r *reader) item(t *table, line int, cells []string) {
	def := t.def
	key := def.cols[0]
	kj := t.at[key.name]
	var id string
	if kj > 0 && kj <= len(cells) {
		id = cells[kj-1]
	}
	parent := r.tableOf(def.parent)
	pi, found := parent.ids[id]
	switch {
	case id == "":
		r.cellProblem(t, line, kj, key.name, "", diag.New(diag.CodeRequired, ""))
	case !found:
		r.cellProblem(t, line, kj, key.name, "", diag.New(diag.CodeDangling, "", id, "@"+key.name))
	}
	elem := reflect.New(def.elem).Elem()
	path := def.name
	if found {
		n := 0
		if pl, ok := (&column{steps: def.within}).get(r.root.FieldByIndex(def.parent.list).Index(pi)); ok {
			n = pl.Len()
		}
		path = diag.Index(diag.Index(def.parent.name, pi)+strings.TrimPrefix(def.name, def.parent.name), n)
	}
	r.fill(t, elem, line, cells, path)
	if !found {
		return
	}
	list := (&column{steps: def.within}).set(r.root.FieldByIndex(def.parent.list).Index(pi))
	list.Set(reflect.Append(list, elem))
	if t.kids == nil {
		t.kids = map[int][]int{}
	}
	t.kids[pi] = append(t.kids[pi], line)
}

// fill sets the fields of elem from the cells of one row.
func (r *reader) fill(t *table, elem reflect.Value, line int, cells []string, path string) {
	in := cellIn{workbook: r.workbook, date1904: r.date1904}
	for j, s := range cells {
		if s == "" {
			continue
		}
		var c *column
		if j < len(t.cols) {
			c = t.cols[j]
		}
		if c == nil {
			if j >= len(t.named) || !t.named[j] {
				if t.warned == nil {
					t.warned = map[int]bool{}
				}
				if !t.warned[j] {
					t.warned[j] = true
					r.cellProblem(t, line, j+1, "", "", diag.New(CodeNoHeader, ""))
				}
			}
			continue
		}
		if c.key {
			continue
		}
		in.text = s
		if bad := r.cell(c, elem, in); bad != nil {
			r.cellProblem(t, line, j+1, c.name, diag.JoinPath(path, c.name),
				&diag.Error{Code: bad.code, Text: bad.text})
		}
	}
	for _, c := range t.def.cols {
		if c.kind == kList && !c.omitempty {
			if v, ok := c.get(elem); ok && v.IsNil() {
				v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			}
		}
	}
}

// cell stores one cell into its column of elem.
func (r *reader) cell(c *column, elem reflect.Value, in cellIn) *badCell {
	v := c.set(elem)
	if c.kind != kList {
		return c.parse(v, c.kind, in)
	}
	items := splitList(in.text)
	if len(items) == 0 {
		return nil // only separators and spaces: an empty list
	}
	list := reflect.MakeSlice(v.Type(), len(items), len(items))
	for i, s := range items {
		in.text = s
		if bad := c.parse(list.Index(i), c.elem, in); bad != nil {
			return bad
		}
	}
	v.Set(list)
	return nil
}

// finish validates the programme and returns it, or every problem.
func (r *reader) finish() (*mentoring.Programme, error) {
	// Lists the format always writes are empty rather than absent, as
	// in a JSON file that has "institutions": [].
	for _, def := range r.lay.sheets {
		if def.list != nil && !def.omitempty {
			if v := r.root.FieldByIndex(def.list); v.IsNil() {
				v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			}
		}
	}
	converted := len(r.probs)
	for _, e := range diag.Errors(r.prog.Validate()) {
		p := r.place(e)
		if !r.under(p.path, converted) {
			r.add(p.order, p.path, p.e)
		}
	}
	if len(r.probs) == 0 {
		return r.prog, nil
	}
	slices.SortStableFunc(r.probs, func(a, b problem) int {
		return cmp.Or(cmp.Compare(a.order, b.order), cmp.Compare(a.e.Line, b.e.Line), cmp.Compare(a.e.Col, b.e.Col))
	})
	out := make(diag.List, len(r.probs), len(r.probs)+1)
	for i, p := range r.probs {
		out[i] = p.e
	}
	if r.dropped {
		more := diag.New(decode.CodeTooManyErrors, "", strconv.Itoa(r.max))
		more.Pos = out[len(out)-1].Pos
		out = append(out, more)
	}
	return nil, out
}

// under reports whether path is at or under the path of one of the first
// n problems (those found while reading cells).
func (r *reader) under(path string, n int) bool {
	for _, p := range r.probs[:n] {
		b := p.path
		if b != "" && (path == b || strings.HasPrefix(path, b+".") || strings.HasPrefix(path, b+"[")) {
			return true
		}
	}
	return false
}

// place puts a problem found by validation, named by JSON path
// ("volunteers[5].skills[2].name"), at its sheet, row and column.
func (r *reader) place(e *diag.Error) problem {
	t, line, col, field, ok := r.locate(e.Path, "")
	c := *e
	c.Snippet = ""
	if !ok {
		c.Pos = diag.Pos{File: r.name}
		return problem{e: &c, order: -1, path: e.Path}
	}
	c.Pos = r.pos(t, line, col)
	c.Path = field
	// Arguments that name another element by path (where an id was
	// first used) name its row instead.
	prefix := e.Path
	if i := strings.IndexAny(prefix, "."); i >= 0 {
		prefix = prefix[:i]
	}
	c.Args = slices.Clone(c.Args)
	for i, a := range c.Args {
		if !strings.Contains(a, "[") {
			continue
		}
		if at, l, k, _, ok := r.locate(a, prefix); ok && l > 0 {
			c.Args[i] = r.ref(at, l, k)
		}
	}
	return problem{e: &c, order: t.order, path: e.Path}
}

// locate finds the table, row and column a JSON path names, and the
// column's name. A path that does not start with a list of the programme
// is tried again under prefix (an element's path, for paths relative to
// it).
func (r *reader) locate(path, prefix string) (t *table, line, col int, field string, ok bool) {
	segs, ok := parsePath(path)
	if !ok || len(segs) == 0 {
		return nil, 0, 0, "", false
	}
	def := r.lay.byName[segs[0].name]
	if (def == nil || def.isProgramme()) && prefix != "" {
		return r.locate(prefix+"."+path, "")
	}
	if def == nil || def.isProgramme() || segs[0].idx < 0 {
		t = r.tableOf(r.lay.sheets[0])
		if len(t.rows) > 0 {
			line = t.rows[0]
		}
		field = names(segs)
		if _, known := r.lay.sheets[0].byName[field]; !known && def != nil {
			// a whole list ("volunteers"), not a field of the programme
			t, line, field = r.tableOf(def), 0, ""
		}
		return t, line, t.at[field], field, true
	}
	t = r.tableOf(def)
	parent := segs[0].idx
	if parent < len(t.rows) {
		line = t.rows[parent]
	}
	rest := segs[1:]
	for k := range rest {
		if rest[k].idx < 0 {
			continue
		}
		within := names(rest[:k+1])
		for _, child := range def.children {
			if child.name != def.name+"."+within {
				continue
			}
			t = r.tableOf(child)
			line = 0
			if rows := t.kids[parent]; rest[k].idx < len(rows) {
				line = rows[rest[k].idx]
			}
			rest = rest[k+1:]
			field = names(rest)
			return t, line, t.colOf(field), field, true
		}
	}
	field = names(rest)
	return t, line, t.colOf(field), field, true
}

// colOf is the position of a column, or for the element as a whole ("")
// of its id, or 0.
func (t *table) colOf(field string) int {
	if field == "" {
		return t.at["id"]
	}
	return t.at[field]
}

// seg is one step of a JSON path: a name and an index (-1 for none).
type seg struct {
	name string
	idx  int
}

// parsePath splits "volunteers[5] (v-9).skills[2].name". The note in
// parentheses after an index (an element's id) is skipped.
func parsePath(p string) ([]seg, bool) {
	var out []seg
	for p != "" {
		i := strings.IndexAny(p, ".[ ")
		if i < 0 {
			i = len(p)
		}
		s := seg{name: p[:i], idx: -1}
		p = p[i:]
		for strings.HasPrefix(p, "[") {
			j := strings.IndexByte(p, ']')
			if j < 0 {
				return nil, false
			}
			n, err := strconv.Atoi(p[1:j])
			if err != nil || n < 0 {
				return nil, false
			}
			s.idx = n
			p = p[j+1:]
		}
		if strings.HasPrefix(p, " (") {
			j := strings.IndexByte(p, ')')
			if j < 0 {
				return nil, false
			}
			p = p[j+1:]
		}
		if s.name == "" && s.idx < 0 {
			return nil, false
		}
		out = append(out, s)
		if strings.HasPrefix(p, ".") {
			p = p[1:]
		} else if p != "" {
			return nil, false
		}
	}
	return out, true
}

// names joins the names of segs with dots, dropping the indexes: the
// column of "languages[1]" is "languages".
func names(segs []seg) string {
	var b strings.Builder
	for _, s := range segs {
		if s.name == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.name)
	}
	return b.String()
}

// maxProblems is how many problems one read reports.
const maxProblems = limits.Problems
