package guide

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/diag"
)

//go:embed structure.yaml
var structureYAML []byte

// Kind says what an [Entry] of the guide is.
type Kind string

// The kinds of entries.
const (
	Part     Kind = "part"     // I, II, III
	Section  Kind = "section"  // a titled section of a part, of an appendix, or outside both
	Steps    Kind = "steps"    // a titled list of numbered steps (Part II's roadmaps)
	Step     Kind = "step"     // one numbered step, "3.6"
	Appendix Kind = "appendix" // 1–8
	Clause   Kind = "clause"   // a numbered clause of an appendix, "3.10"
)

// Range is a span of lines of the guide's text, both ends included.
type Range struct {
	From, To int
}

// Contains reports whether o lies inside r.
func (r Range) Contains(o Range) bool { return r.From <= o.From && o.To <= r.To }

// Entry is one part, section, list of steps, step, appendix or clause of
// the guide. Steps and clauses have a number and may have no title; every
// other entry has a title in the three languages. An Entry is read-only.
type Entry struct {
	Kind     Kind
	Number   string    // "II", "3.6", "2"; empty for a section
	Lines    []Range   // where it is in the text; more than one when the text interleaves it with another entry
	Title    diag.Text // kk in the guide's own words
	Parent   *Entry
	Children []*Entry
}

// Contains reports whether every line of r lies in one of the entry's ranges.
func (e *Entry) Contains(r Range) bool {
	for _, l := range e.Lines {
		if l.Contains(r) {
			return true
		}
	}
	return false
}

// Table is the structure of the guide: its top-level entries in the order
// of the text, and the number of lines of the text.
type Table struct {
	Lines   int
	Entries []*Entry
}

type rawEntry struct {
	Kind     Kind       `yaml:"kind"`
	Number   string     `yaml:"number"`
	Lines    [2]int     `yaml:"lines"`
	Also     [][2]int   `yaml:"also"`
	Title    diag.Text  `yaml:"title"`
	Children []rawEntry `yaml:"children"`
}

type rawTable struct {
	Lines   int        `yaml:"lines"`
	Entries []rawEntry `yaml:"entries"`
}

// Structure returns the embedded table of the guide's structure. It is
// parsed once; the table is shared and must not be changed.
func Structure() *Table { return structure() }

var structure = sync.OnceValue(func() *Table {
	t, err := parse(structureYAML)
	if err != nil {
		// The table is embedded and tested: this is a build error.
		panic(fmt.Sprintf("guide: embedded structure: %v", err))
	}
	return t
})

func parse(data []byte) (*Table, error) {
	var raw rawTable
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil {
		return nil, err
	}
	t := &Table{Lines: raw.Lines}
	var build func(rs []rawEntry, parent *Entry) []*Entry
	build = func(rs []rawEntry, parent *Entry) []*Entry {
		out := make([]*Entry, 0, len(rs))
		for _, r := range rs {
			e := &Entry{Kind: r.Kind, Number: r.Number, Title: r.Title, Parent: parent}
			e.Lines = append(e.Lines, Range{r.Lines[0], r.Lines[1]})
			for _, a := range r.Also {
				e.Lines = append(e.Lines, Range{a[0], a[1]})
			}
			e.Children = build(r.Children, e)
			out = append(out, e)
		}
		return out
	}
	t.Entries = build(raw.Entries, nil)
	return t, nil
}

// Walk calls fn on every entry, parents before children, in the order of
// the table.
func (t *Table) Walk(fn func(*Entry)) {
	var walk func([]*Entry)
	walk = func(es []*Entry) {
		for _, e := range es {
			fn(e)
			walk(e.Children)
		}
	}
	walk(t.Entries)
}

// Locate returns the innermost entry whose lines hold all of r, or nil when
// no entry does (a range past the end of the text, or one that spans two
// parts).
func (t *Table) Locate(r Range) *Entry {
	var found *Entry
	es := t.Entries
	for {
		var next *Entry
		for _, e := range es {
			if e.Contains(r) {
				next = e
				break
			}
		}
		if next == nil {
			return found
		}
		found, es = next, next.Children
	}
}

// Numbered returns the step or clause numbered n that is e or lies under
// e, or nil.
func (e *Entry) Numbered(n string) *Entry {
	if (e.Kind == Step || e.Kind == Clause) && e.Number == n {
		return e
	}
	for _, c := range e.Children {
		if f := c.Numbered(n); f != nil {
			return f
		}
	}
	return nil
}

// Top returns the part, appendix or top-level section e lies in.
func (e *Entry) Top() *Entry {
	for e.Parent != nil {
		e = e.Parent
	}
	return e
}
