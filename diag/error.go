package diag

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
)

// Code names a kind of problem. Codes are stable strings for programs; the
// messages for people come from the catalog registered with [Register].
type Code string

// Codes used by more than one package. Packages register their own codes
// beside their own types.
const (
	CodeSyntax        Code = "syntax"             // the file is not JSON or YAML
	CodeUnknownField  Code = "unknown_field"      // a field the format does not have
	CodeUnknownHint   Code = "unknown_field_hint" // the same, with the closest known field as {1}
	CodeWrongType     Code = "wrong_type"         // e.g. a string where a number goes
	CodeBadDate       Code = "bad_date"           // not YYYY-MM-DD or no such day
	CodeBadMonth      Code = "bad_month"          // not YYYY-MM
	CodeDuplicateID   Code = "duplicate_id"       // an id used twice in one list
	CodeDangling      Code = "dangling_ref"       // a reference that resolves to nothing
	CodeDuplicateKey  Code = "duplicate_key"      // a mapping key given twice
	CodeRequired      Code = "required"           // a required field is missing
	CodeInvalid       Code = "invalid"            // a value outside its rule (validator tags)
	CodeImpossible    Code = "impossible"         // dates in an impossible order
	CodeTooLarge      Code = "too_large"          // input above a safety limit
	CodeIllegalChange Code = "illegal_change"     // a lifecycle step that is not allowed
)

// Pos is a place in a file. Line and Col count from 1; a zero Line means the
// place is not known (the value did not come from a file).
//
// In a workbook, Sheet names the sheet and the place is a cell: Line is its
// row and Col its column (A is 1), and String writes it the way spreadsheet
// users read it, roster.xlsx!volunteers!D7.
type Pos struct {
	File  string `json:"file,omitempty"`
	Sheet string `json:"sheet,omitempty"`
	Line  int    `json:"line,omitempty"`
	Col   int    `json:"col,omitempty"`
}

// IsValid reports whether p names a line.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String returns file:line:col, or as much of it as is known; a cell of a
// workbook is file!sheet!D7 (file!sheet!7 when the column is not known).
func (p Pos) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Sheet != "" {
		b.WriteByte('!')
		b.WriteString(p.Sheet)
		if p.Line > 0 {
			b.WriteByte('!')
			b.WriteString(ColumnName(p.Col))
			b.WriteString(strconv.Itoa(p.Line))
		}
		return b.String()
	}
	if p.Line > 0 {
		if b.Len() > 0 {
			b.WriteByte(':')
		}
		b.WriteString(strconv.Itoa(p.Line))
		if p.Col > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(p.Col))
		}
	}
	return b.String()
}

// ColumnName returns a spreadsheet column's letters: 1 is A, 27 is AA. It
// returns "" for a column below 1.
func ColumnName(col int) string {
	var buf [8]byte
	i := len(buf)
	for col > 0 && i > 0 {
		col--
		i--
		buf[i] = byte('A' + col%26)
		col /= 26
	}
	return string(buf[i:])
}

// Error is one problem with one field of the input.
type Error struct {
	Pos
	// Path is the field by its JSON path, e.g. "tandems[2].mentor".
	Path string `json:"path,omitempty"`
	// Element, when set, is the id of the list element Path is in (such
	// as "t-7" for tandems[0]); messages show it after the element's
	// index, "tandems[0] (t-7).mentor", so that a problem in a long list
	// names its record. Dangling references carry it.
	Element string `json:"element,omitempty"`
	// Code says what kind of problem it is.
	Code Code `json:"code"`
	// Args fill the message: ids, limits, field names, the offending text of
	// a date or an enumeration. Never personal data.
	Args []string `json:"args,omitempty"`
	// Text, when set, is the message already written in each language (for
	// messages rendered elsewhere, such as validator translations); it wins
	// over the catalog entry for Code.
	Text *Text `json:"-"`
	// Snippet, when set, is the source line with a caret under Col, the
	// values of personal fields masked. It is for the person who wrote the
	// file, on a terminal: it has no JSON name, so no JSON output carries
	// it, and Error and Localize leave it out.
	Snippet string `json:"-"`
	// Err is the underlying error, if any (e.g. civil.ErrFormat).
	Err error `json:"-"`
}

// Error returns "file:line:col: path: message" in English.
func (e *Error) Error() string { return e.Localize(EN) }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Message returns the message alone, without position or path.
func (e *Error) Message(lang Lang) string {
	if e.Text != nil {
		return e.Text.In(lang)
	}
	return render(e.Code, lang, e.Args)
}

// Localize returns "file:line:col: path: message" in lang.
func (e *Error) Localize(lang Lang) string {
	var b strings.Builder
	if s := e.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	if e.Path != "" {
		b.WriteString(e.ShownPath())
		b.WriteString(": ")
	}
	b.WriteString(e.Message(lang))
	return b.String()
}

// ShownPath returns Path with the Element after the element's index:
// "tandems[0] (t-7).mentor".
func (e *Error) ShownPath() string {
	if e.Element == "" {
		return e.Path
	}
	if i := strings.IndexByte(e.Path, ']'); i >= 0 {
		return e.Path[:i+1] + " (" + e.Element + ")" + e.Path[i+1:]
	}
	return e.Path + " (" + e.Element + ")"
}

// List is every problem found in one input, in file order. A nil List is no
// problem; functions return it as an error only when it is not empty.
type List []*Error

// Error lists the problems in English, one a line.
func (l List) Error() string { return l.Localize(EN) }

// Localize lists the problems in lang, one a line.
func (l List) Localize(lang Lang) string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Localize(lang)
	}
	return strings.Join(lines, "\n")
}

// Unwrap gives errors.Is and errors.As every problem.
func (l List) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Err returns l as an error, or nil when l is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Sort orders l by file, line, column and path, keeping the order of equals.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Sheet, b.Sheet), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col), cmp.Compare(a.Path, b.Path))
	})
}

// Errors returns every [*Error] inside err (a single one, a List, or joined
// errors), in order. It returns nil for nil.
func Errors(err error) List {
	if err == nil {
		return nil
	}
	var l List
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) { // walking a tree of our own types, not inspecting a foreign error
		case *Error:
			l = append(l, e)
		case List:
			l = append(l, e...)
		case interface{ Unwrap() []error }:
			for _, inner := range e.Unwrap() {
				walk(inner)
			}
		default:
			var de *Error
			if errors.As(err, &de) {
				l = append(l, de)
			}
		}
	}
	walk(err)
	return l
}

// Localize renders any error in lang: a [*Error] or [List] in that language,
// anything else with its own Error text.
func Localize(err error, lang Lang) string {
	if err == nil {
		return ""
	}
	if l := Errors(err); len(l) > 0 {
		return l.Localize(lang)
	}
	return err.Error()
}

// New returns an error with a code, a path and message arguments.
func New(code Code, path string, args ...string) *Error {
	return &Error{Code: code, Path: path, Args: args}
}

// At returns a copy of e placed at p.
func (e *Error) At(p Pos) *Error {
	c := *e
	c.Pos = p
	return &c
}

// Prefix returns a copy of e whose path is prefix + "." + path (or
// prefix + path when path starts with '[').
func (e *Error) Prefix(prefix string) *Error {
	c := *e
	c.Path = JoinPath(prefix, e.Path)
	return &c
}

// JoinPath joins JSON path parts: JoinPath("volunteers[3]", "screening") is
// "volunteers[3].screening", JoinPath("tandems", "[2]") is "tandems[2]".
func JoinPath(prefix, path string) string {
	switch {
	case prefix == "":
		return path
	case path == "":
		return prefix
	case path[0] == '[':
		return prefix + path
	}
	return prefix + "." + path
}

// Index returns path[i].
func Index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }
