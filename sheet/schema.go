package sheet

import (
	"encoding"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// The layout of a programme in flat tables is derived once from the Go
// types' `json` and `validate` tags (see doc.go, "Layout"), so that a field
// added to the domain gets its column without a change here.

// kind is how a column's cells are read and written.
type kind uint8

const (
	kString kind = iota // text as it is
	kVocab              // one code of a vocabulary (validate:"oneof=…"), written as a word
	kInt                // a whole number
	kUint               // a whole number ≥ 0
	kFloat              // a number
	kBool               // yes or no
	kDate               // civil.Date
	kMonth              // civil.Month
	kText               // any other encoding.TextUnmarshaler
	kList               // several values of elem's kind in one cell, joined by ";"
)

// step is one field on the way from a row's element to a column's value:
// the field's index (through embedded structs), and whether the field is a
// pointer, allocated when a cell under it is read.
type step struct {
	index []int
	ptr   bool
}

// column is one field of a sheet, a scalar or a list of scalars.
type column struct {
	name     string // the dotted JSON path inside the row: "screening.interview"
	steps    []step
	kind     kind
	elem     kind         // the items' kind, for kList
	typ      reflect.Type // the value's type; for kList, the items' type
	vocab    []string     // codes, for kVocab and a kList of them
	required bool         // validate:"required", on every row
	// requiredIn is, for a field required inside an optional object
	// (organisation.name), that object's path: the field is required
	// when the object is given.
	requiredIn string
	omitempty  bool   // json:",omitempty": a zero value is no cell
	min, max   *int64 // validate:"min=…,max=…" of a number, for the workbook's checks
	key        bool   // the parent's id in a nested sheet; steps is nil

	// For a vocabulary: the word of each code, the code of each word of
	// any language and of each code (folded), and the message listing
	// the words when a cell holds none of them.
	vocabOut map[string]text
	vocabIn  map[string]string
	choices  *diag.Text
}

// sheetDef is one flat table: the programme's own fields, a list of the
// programme, or a list inside the elements of a list (keyed by the
// parent's id).
type sheetDef struct {
	name      string // "programme", "volunteers", "volunteers.skills"
	list      []int  // the list's field in Programme; nil for "programme" and nested sheets
	omitempty bool   // the list's json omitempty
	elem      reflect.Type
	cols      []*column
	byName    map[string]*column

	// For a nested sheet: the parent sheet, the way from the parent's
	// element to this list, and the key column (cols[0]).
	parent *sheetDef
	within []step
	// For a sheet that has nested sheets: its id column.
	id       *column
	children []*sheetDef

	// heads finds a column by any heading it may have: its name, its
	// label in any language (with or without the " *" of a required
	// column), folded.
	heads map[string]*column
}

// nested reports whether s lists items inside the elements of another list.
func (s *sheetDef) nested() bool { return s.parent != nil }

// isProgramme reports whether s holds the programme's own fields.
func (s *sheetDef) isProgramme() bool { return s.list == nil && s.parent == nil }

// layout is every sheet, in the order of the programme's fields: the
// programme's own fields first, each nested sheet right after its parent.
type layout struct {
	sheets []*sheetDef
	byName map[string]*sheetDef
}

// programmeSheet names the sheet and CSV file of the programme's own fields.
const programmeSheet = "programme"

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	textMarshaler   = reflect.TypeFor[encoding.TextMarshaler]()
	dateType        = reflect.TypeFor[civil.Date]()
	monthType       = reflect.TypeFor[civil.Month]()
)

// programmeLayout is the layout of mentoring.Programme, built on first use.
var programmeLayout = sync.OnceValues(func() (*layout, error) {
	return layoutOf(reflect.TypeFor[mentoring.Programme]())
})

// layoutOf derives the sheets of a programme type.
func layoutOf(t reflect.Type) (*layout, error) {
	l := &layout{byName: map[string]*sheetDef{}}
	top := &sheetDef{name: programmeSheet, elem: t, byName: map[string]*column{}}
	l.add(top)
	for _, f := range jsonFields(t) {
		if f.Type.Kind() == reflect.Slice && isStruct(f.Type.Elem()) {
			s := &sheetDef{name: f.name, list: f.Index, omitempty: f.omitempty, elem: f.Type.Elem(), byName: map[string]*column{}}
			l.add(s)
			if err := l.walk(s, s.elem, "", nil); err != nil {
				return nil, err
			}
			continue
		}
		if err := l.field(top, f, "", nil); err != nil {
			return nil, err
		}
	}
	for _, s := range l.sheets {
		s.indexHeadings()
	}
	return l, nil
}

// indexHeadings fills s.heads.
func (s *sheetDef) indexHeadings() {
	s.heads = map[string]*column{}
	for _, c := range s.cols {
		s.heads[fold(c.name)] = c
	}
	for _, c := range s.cols {
		t, ok := labelOf(s.name, c.name)
		if !ok {
			continue
		}
		former, _ := lookup(formerLabels, s.name, c.name)
		for _, h := range append(former, t.KK, t.RU, t.EN) {
			if k := fold(h); s.heads[k] == nil {
				s.heads[k] = c
			}
		}
	}
}

// resolve finds the column of a heading: a field name, a label in any
// language (a required column's label ends in "*"), or "Label (name)".
func (s *sheetDef) resolve(h string) *column {
	k := fold(h)
	if c := s.heads[k]; c != nil {
		return c
	}
	k = strings.TrimSpace(strings.TrimSuffix(k, "*"))
	if c := s.heads[k]; c != nil {
		return c
	}
	if strings.HasSuffix(k, ")") {
		if i := strings.LastIndex(k, "("); i >= 0 {
			if c := s.byName[strings.TrimSpace(k[i+1:len(k)-1])]; c != nil {
				return c
			}
		}
	}
	return nil
}

// closest returns the name of the column whose name or label is nearest
// to an unknown heading, or "" when none is near.
func (s *sheetDef) closest(h string) string {
	k := []rune(strings.TrimSpace(strings.TrimSuffix(fold(h), "*")))
	best, bestD := "", -1
	for head, c := range s.heads {
		d := distance(k, []rune(head))
		if d > 1+len([]rune(head))/4 {
			continue
		}
		if bestD < 0 || d < bestD || d == bestD && c.name < best {
			best, bestD = c.name, d
		}
	}
	return best
}

// distance is the Levenshtein distance of a and b, or a number larger
// than either when their lengths alone are far apart.
func distance(a, b []rune) int {
	if d := len(a) - len(b); d > 8 || d < -8 {
		return max(len(a), len(b))
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func (l *layout) add(s *sheetDef) {
	l.sheets = append(l.sheets, s)
	l.byName[s.name] = s
}

// walk adds the fields of struct type t to s, under the dotted prefix.
func (l *layout) walk(s *sheetDef, t reflect.Type, prefix string, steps []step) error {
	for _, f := range jsonFields(t) {
		if err := l.field(s, f, prefix, steps); err != nil {
			return err
		}
	}
	return nil
}

// field adds one struct field to s: a column, the columns of a nested
// object, or a nested sheet.
func (l *layout) field(s *sheetDef, f jsonField, prefix string, steps []step) error {
	name := prefix + f.name
	t, ptr := f.Type, false
	if t.Kind() == reflect.Pointer {
		t, ptr = t.Elem(), true
	}
	here := append(steps[:len(steps):len(steps)], step{index: f.Index, ptr: ptr})
	if k, ok := scalar(t); ok {
		return s.addColumn(&column{name: name, steps: here, kind: k, typ: t, omitempty: f.omitempty}, f.validate, false)
	}
	switch t.Kind() {
	case reflect.Struct:
		return l.walk(s, t, name+".", here)
	case reflect.Slice:
		if ptr {
			break
		}
		et := t.Elem()
		if k, ok := scalar(et); ok {
			return s.addColumn(&column{name: name, steps: here, kind: kList, elem: k, typ: et, omitempty: f.omitempty}, f.validate, true)
		}
		if isStruct(et) && !s.isProgramme() {
			return l.nestedSheet(s, name, here, et)
		}
	}
	return fmt.Errorf("sheet: %s.%s: a %s has no place in a flat table", s.name, name, f.Type)
}

// nestedSheet adds the sheet of a list of objects inside the rows of s,
// keyed by the id of s's rows.
func (l *layout) nestedSheet(s *sheetDef, name string, within []step, et reflect.Type) error {
	if s.nested() {
		return fmt.Errorf("sheet: %s.%s: lists of objects nest one level deep at most", s.name, name)
	}
	id := s.byName["id"]
	if id == nil || id.kind != kString {
		return fmt.Errorf("sheet: %s.%s: a list of objects needs an id on %s to hang from", s.name, name, s.name)
	}
	n := &sheetDef{name: s.name + "." + name, elem: et, byName: map[string]*column{}, parent: s, within: within}
	keyName := singular(s.name)
	n.cols = append(n.cols, &column{name: keyName, kind: kString, typ: id.typ, key: true, required: true})
	n.byName[keyName] = n.cols[0]
	if err := l.walk(n, et, "", nil); err != nil {
		return err
	}
	if len(n.name) > maxSheetName {
		return fmt.Errorf("sheet: %s: a sheet name has at most %d characters", n.name, maxSheetName)
	}
	s.id = id
	s.children = append(s.children, n)
	l.add(n)
	return nil
}

// maxSheetName is the longest sheet name a workbook allows.
const maxSheetName = 31

// singular names the key column of a nested sheet after its parent list:
// volunteers → volunteer, children → child, entries → entry.
func singular(list string) string {
	switch {
	case strings.HasSuffix(list, "children"):
		return strings.TrimSuffix(list, "ren")
	case strings.HasSuffix(list, "ies"):
		return strings.TrimSuffix(list, "ies") + "y"
	case strings.HasSuffix(list, "s"):
		return strings.TrimSuffix(list, "s")
	}
	return list + "_id"
}

// addColumn reads the validate tag into c and adds it to s.
func (s *sheetDef) addColumn(c *column, tag string, list bool) error {
	if _, dup := s.byName[c.name]; dup {
		return fmt.Errorf("sheet: %s: two fields are named %q", s.name, c.name)
	}
	own, items, _ := strings.Cut(tag, "dive")
	if !list {
		items = own
	}
	for _, r := range strings.Split(own, ",") {
		if r == "required" {
			c.required = true
		}
	}
	// Under an optional object, required means required when it is there.
	for i := len(c.steps) - 2; c.required && i >= 0; i-- {
		if c.steps[i].ptr {
			c.requiredIn = strings.Join(strings.Split(c.name, ".")[:i+1], ".")
			c.required = false
		}
	}
	for _, r := range strings.Split(items, ",") {
		name, param, _ := strings.Cut(r, "=")
		switch name {
		case "oneof":
			c.vocab = strings.Fields(param)
		case "min", "max":
			if list || (c.kind != kInt && c.kind != kUint) {
				continue
			}
			if n, err := strconv.ParseInt(param, 10, 64); err == nil {
				if name == "min" {
					c.min = &n
				} else {
					c.max = &n
				}
			}
		}
	}
	if len(c.vocab) > 0 {
		switch {
		case list && c.elem == kString:
			c.elem = kVocab
		case !list && c.kind == kString:
			c.kind = kVocab
		}
		c.words(s.name)
	}
	s.cols = append(s.cols, c)
	s.byName[c.name] = c
	return nil
}

// words fills in the vocabulary's words from the catalog; a code without
// words is its own word.
func (c *column) words(sheet string) {
	c.vocabOut = map[string]text{}
	c.vocabIn = map[string]string{}
	all := wordsOf(sheet, c.name)
	former, _ := lookup(formerWords, sheet, c.name)
	var list diag.Text
	for i, code := range c.vocab {
		w, ok := all[code]
		if !ok {
			w = text{KK: code, RU: code, EN: code}
		}
		c.vocabOut[code] = w
		c.vocabIn[fold(code)] = code
		for _, l := range diag.Langs {
			c.vocabIn[fold(w.In(l))] = code
		}
		for _, former := range former[code] {
			c.vocabIn[fold(former)] = code
		}
		sep := ""
		if i > 0 {
			sep = "; "
		}
		list.KK += sep + w.KK
		list.RU += sep + w.RU
		list.EN += sep + w.EN
	}
	c.choices = &diag.Text{
		KK: diag.Fill(mustTemplate(CodeBadChoice, diag.KK), []string{list.KK}),
		RU: diag.Fill(mustTemplate(CodeBadChoice, diag.RU), []string{list.RU}),
		EN: diag.Fill(mustTemplate(CodeBadChoice, diag.EN), []string{list.EN}),
	}
}

func mustTemplate(code diag.Code, lang diag.Lang) string {
	t, _ := diag.Template(code, lang)
	return t
}

// scalar says how a value of type t fits in one cell, if it does.
func scalar(t reflect.Type) (kind, bool) {
	switch t {
	case dateType:
		return kDate, true
	case monthType:
		return kMonth, true
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) && t.Implements(textMarshaler) {
		return kText, true
	}
	switch t.Kind() {
	case reflect.String:
		return kString, true
	case reflect.Bool:
		return kBool, true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return kInt, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return kUint, true
	case reflect.Float32, reflect.Float64:
		return kFloat, true
	}
	return 0, false
}

// isStruct reports whether t is an object that is not a single value (a
// slice of pointers to structs has no place in a table).
func isStruct(t reflect.Type) bool {
	if _, ok := scalar(t); ok {
		return false
	}
	return t.Kind() == reflect.Struct
}

// jsonField is a struct field as encoding/json sees it.
type jsonField struct {
	reflect.StructField
	name      string
	omitempty bool
	validate  string
}

// jsonFields lists the fields of t that encoding/json encodes, by their
// JSON names, in order: exported, not tagged "-", the fields of embedded
// structs promoted (except through pointers, which decoding does not
// allocate).
func jsonFields(t reflect.Type) []jsonField {
	var out []jsonField
	seen := map[string]bool{}
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || throughPointer(t, f.Index) {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			continue // its fields are promoted
		}
		if name == "" {
			name = f.Name
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		omit := false
		for _, o := range strings.Split(opts, ",") {
			omit = omit || o == "omitempty" || o == "omitzero"
		}
		out = append(out, jsonField{StructField: f, name: name, omitempty: omit, validate: f.Tag.Get("validate")})
	}
	return out
}

func throughPointer(t reflect.Type, index []int) bool {
	for _, i := range index[:len(index)-1] {
		f := t.Field(i)
		if f.Type.Kind() == reflect.Pointer {
			return true
		}
		t = f.Type
	}
	return false
}

// get returns the value at c in the row's element v, and false when a nil
// pointer on the way means there is none.
func (c *column) get(v reflect.Value) (reflect.Value, bool) {
	for _, s := range c.steps {
		v = v.FieldByIndex(s.index)
		if s.ptr {
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		}
	}
	return v, true
}

// set returns the settable value at c in v, allocating pointers on the way.
func (c *column) set(v reflect.Value) reflect.Value {
	for _, s := range c.steps {
		v = v.FieldByIndex(s.index)
		if s.ptr {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
	}
	return v
}

// items returns the nested list of s inside the parent's element v.
func (s *sheetDef) items(v reflect.Value) (reflect.Value, bool) {
	c := column{steps: s.within}
	return c.get(v)
}
