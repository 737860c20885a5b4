package guide

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
)

// Ref is one place a source string points at, as written: the ids of the
// guide's digest it supports ("R10", "D2"), the step or clause number its
// label names ("3.10" in "D2 §3.10"), and its lines; or an article of the
// Law on Volunteer Activity. A Ref knows nothing of languages.
type Ref struct {
	IDs    []string // digest ids, e.g. ["R10", "D2"]; may be empty
	Label  string   // the label as written before the lines, e.g. "D2 §3.10"
	Number string   // a step or clause number named in the label, e.g. "3.10"
	Lines  Range    // zero when the label has no lines
	Note   string   // words written beside the lines, e.g. "Nastavniki"

	Law       bool // the Law of the Republic of Kazakhstan on Volunteer Activity
	Article   int  // the law's article, 0 if none
	Paragraph int  // the article's paragraph, 0 if none
}

var (
	reID     = regexp.MustCompile(`^([RD][0-9]+)(?:\s*§\s*([0-9]+(?:\.[0-9]+)*))?$`)
	reNumber = regexp.MustCompile(`^§?\s*([0-9]+(?:\.[0-9]+)*)$`)
	reLines  = regexp.MustCompile(`^(?:([^0-9]*?)\s+)?[Ll]\s*([0-9]+)(?:\s*[–—-]\s*[Ll]?\s*([0-9]+))?$`)
	reLaw    = regexp.MustCompile(`(?i)^(?:the\s+)?law(?:\s+of\s+the\s+republic\s+of\s+kazakhstan)?(?:\s+on\s+volunteer\s+activity)?$`)
	reArt    = regexp.MustCompile(`(?i)^art(?:icle)?\.?\s*([0-9]+)(?:\s*(?:§|p\.|para\.?)\s*([0-9]+))?$`)
)

// maxSource caps the source strings Parse reads; a longer one is free text.
const maxSource = 4096

// Parse reads a rule's source string into the places it names. It knows
// the forms the embedded policies write:
//
//	R1 (L1557, L2030); R2 (L2033)
//	R17, 1.3 (L1663), 2.4 (L1708)
//	R10, D2 §6.1 (L2293)
//	D5 (respect for cultural diversity, L2453–L2493)
//	R5 (L1602; Nastavniki L2399)
//	Law of the Republic of Kazakhstan on Volunteer Activity, art. 12 §2
//
// Items are separated by commas or semicolons; ranges by an en dash, an em
// dash or a hyphen; spaces are free. A digest id written without lines
// joins the next item that has them ("R10, D2 §6.1 (L2293)"); a bare step
// number takes the digest ids before it ("R17, 1.3 (L1663)"). Anything
// else — a policy author's own words — is free text: Parse returns false
// and the source is shown as written.
func Parse(source string) ([]Ref, bool) {
	if len(source) > maxSource {
		return nil, false
	}
	items, ok := split(source)
	if !ok || len(items) == 0 {
		return nil, false
	}
	var refs []Ref
	var pending, context []string
	for i := 0; i < len(items); i++ {
		label, inner, hasInner := items[i].label, items[i].inner, items[i].hasInner
		if reLaw.MatchString(label) && !hasInner {
			law := Ref{Label: label, Law: true}
			if i+1 < len(items) && !items[i+1].hasInner {
				if m := reArt.FindStringSubmatch(items[i+1].label); m != nil {
					law.Article, _ = strconv.Atoi(m[1])
					law.Paragraph, _ = strconv.Atoi(m[2])
					law.Label += ", " + items[i+1].label
					i++
				}
			}
			refs = append(refs, law)
			continue
		}
		var ids []string
		var number string
		switch {
		case label == "" && hasInner:
			ids = context
		case reID.MatchString(label):
			m := reID.FindStringSubmatch(label)
			number = m[2]
			if !hasInner {
				pending = append(pending, m[1])
				continue
			}
			ids = append(append([]string(nil), pending...), m[1])
			pending, context = nil, ids
		case reNumber.MatchString(label):
			number = reNumber.FindStringSubmatch(label)[1]
			if len(pending) > 0 {
				context, pending = pending, nil
			}
			ids = context
			if !hasInner {
				refs = append(refs, Ref{IDs: ids, Label: label, Number: number})
				continue
			}
		default:
			return nil, false
		}
		lines, ok := parseInner(inner)
		if !ok {
			return nil, false
		}
		for _, l := range lines {
			refs = append(refs, Ref{IDs: ids, Label: label, Number: number, Lines: l.r, Note: l.note})
		}
	}
	if len(pending) > 0 {
		refs = append(refs, Ref{IDs: pending, Label: strings.Join(pending, ", ")})
	}
	return refs, true
}

type item struct {
	label, inner string
	hasInner     bool
}

// split cuts a source at the commas and semicolons outside parentheses,
// each item a label and what its parentheses hold.
func split(s string) ([]item, bool) {
	var out []item
	var cur item
	var b strings.Builder
	depth := 0
	flush := func() bool {
		if !cur.hasInner {
			cur.label = strings.TrimSpace(b.String())
		}
		b.Reset()
		if cur.label == "" && !cur.hasInner {
			return false
		}
		out = append(out, cur)
		cur = item{}
		return true
	}
	for _, c := range s {
		switch {
		case c == '(':
			if depth > 0 || cur.hasInner {
				return nil, false
			}
			cur.label = strings.TrimSpace(b.String())
			b.Reset()
			depth = 1
		case c == ')':
			if depth == 0 {
				return nil, false
			}
			cur.inner, cur.hasInner = b.String(), true
			b.Reset()
			depth = 0
		case (c == ',' || c == ';') && depth == 0:
			if !flush() {
				return nil, false
			}
		default:
			if depth == 0 && cur.hasInner && !isSpace(c) {
				return nil, false // words after the parentheses
			}
			b.WriteRune(c)
		}
	}
	if depth != 0 {
		return nil, false
	}
	if cur.hasInner || strings.TrimSpace(b.String()) != "" {
		if !flush() {
			return nil, false
		}
	}
	return out, true
}

func isSpace(c rune) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\u00a0' }

type noted struct {
	r    Range
	note string
}

// parseInner reads what parentheses hold: line numbers and ranges, each
// perhaps after a few words; parts of words alone are notes for the lines
// that follow.
func parseInner(s string) ([]noted, bool) {
	var out []noted
	var note []string
	for _, part := range strings.FieldsFunc(s, func(c rune) bool { return c == ',' || c == ';' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		m := reLines.FindStringSubmatch(part)
		if m == nil {
			note = append(note, part)
			continue
		}
		from, err1 := strconv.Atoi(m[2])
		to := from
		var err2 error
		if m[3] != "" {
			to, err2 = strconv.Atoi(m[3])
		}
		if err1 != nil || err2 != nil || from < 1 || to < from {
			return nil, false
		}
		if m[1] != "" {
			note = append(note, m[1])
		}
		out = append(out, noted{Range{from, to}, strings.Join(note, ", ")})
		note = nil
	}
	if len(out) == 0 {
		return nil, false
	}
	return out, true
}

// Citation is one place a rule rests on, in one language: a section of
// the guide with its lines, or an article of the law. Its JSON form is
// the "citations" entries of `sabaq check --format json`:
//
//	{"ref": "R10, D2", "section": "2-қосымша, 3.10-тармақ",
//	 "title": "Волонтердің міндеттері",
//	 "text": "2-қосымша (Келісім), «Волонтердің міндеттері», 3.10-тармақ",
//	 "lines": [2262, 2262]}
type Citation struct {
	Ref     string `json:"ref,omitempty"`     // the digest ids, "R10, D2"; "law" for the law
	Section string `json:"section,omitempty"` // where, without titles: "II бөлім, 3.6-қадам"
	Title   string `json:"title,omitempty"`   // the title of the innermost titled section it lies in
	Text    string `json:"text"`              // the whole citation for a reader
	Lines   []int  `json:"lines,omitempty"`   // [first, last] line of the guide's Kazakh text
}

// Citations holds one source's citations in the three languages, resolved
// once (when a policy is compiled) and then only read; it is safe for
// concurrent use.
type Citations struct {
	kk, ru, en []Citation
}

// Resolve parses source and resolves every place it names against the
// guide's structure, in the three languages. A source that does not parse
// gives empty Citations; a line the table does not hold keeps its lines
// and shows its label as written.
func Resolve(source string) Citations {
	refs, ok := Parse(source)
	if !ok {
		return Citations{}
	}
	t := Structure()
	return Citations{kk: cite(t, refs, diag.KK), ru: cite(t, refs, diag.RU), en: cite(t, refs, diag.EN)}
}

// In returns the citations in lang (English for an unknown language); nil
// when the source was free text. The slice is shared: do not change it.
func (c Citations) In(lang diag.Lang) []Citation {
	switch lang {
	case diag.KK:
		return c.kk
	case diag.RU:
		return c.ru
	}
	return c.en
}

func cite(t *Table, refs []Ref, lang diag.Lang) []Citation {
	out := make([]Citation, 0, len(refs))
	for _, r := range refs {
		out = append(out, One(t, r, lang))
	}
	return out
}

// One resolves a single place in lang.
func One(t *Table, r Ref, lang diag.Lang) Citation {
	if r.Law {
		return lawCitation(r, lang)
	}
	c := Citation{Ref: strings.Join(r.IDs, ", ")}
	if r.Lines == (Range{}) {
		c.Text = r.Label
		return c
	}
	c.Lines = []int{r.Lines.From, r.Lines.To}
	e := t.Locate(r.Lines)
	if e != nil && r.Number != "" {
		// The label's own number wins over a line that sits a blank line
		// before its clause ("§5.1 (L2285)").
		for a := e; a != nil; a = a.Parent {
			if n := a.Numbered(r.Number); n != nil {
				e = n
				break
			}
		}
	}
	if e == nil {
		c.Text = r.Label + " (" + lineText(r.Lines) + ")"
		return c
	}
	c.Section, c.Title, c.Text = describe(e, lang)
	return c
}

func lineText(r Range) string {
	if r.From == r.To {
		return "L" + strconv.Itoa(r.From)
	}
	return "L" + strconv.Itoa(r.From) + "–L" + strconv.Itoa(r.To)
}

// describe names e in lang: the part or appendix, the innermost titled
// entry under it, and the step or clause.
func describe(e *Entry, lang diag.Lang) (section, title, text string) {
	top := e.Top()
	var titled, numbered *Entry
	for a := e; a != nil && a != top; a = a.Parent {
		if numbered == nil && (a.Kind == Step || a.Kind == Clause) {
			numbered = a
		}
		if titled == nil && a.Title.EN != "" {
			titled = a
		}
	}
	var parts, locator []string
	switch top.Kind {
	case Part:
		l := word("guide.part", lang, top.Number)
		locator = append(locator, l)
		parts = append(parts, l)
		if titled == nil {
			titled = top
		}
	case Appendix:
		l := word("guide.appendix", lang, top.Number)
		locator = append(locator, l)
		parts = append(parts, l+" ("+top.Title.In(lang)+")")
		title = top.Title.In(lang)
	default:
		titled = top
	}
	if titled != nil {
		title = titled.Title.In(lang)
		parts = append(parts, "«"+title+"»")
	}
	if numbered != nil {
		code := diag.Code("guide.step")
		if numbered.Kind == Clause {
			code = "guide.clause"
		}
		l := word(code, lang, numbered.Number)
		locator = append(locator, l)
		parts = append(parts, l)
	}
	return strings.Join(locator, ", "), title, strings.Join(parts, ", ")
}

func lawCitation(r Ref, lang diag.Lang) Citation {
	name := word("guide.law", lang)
	c := Citation{Ref: "law", Title: name, Text: name}
	switch {
	case r.Article > 0 && r.Paragraph > 0:
		c.Section = word("guide.law.article_paragraph", lang, strconv.Itoa(r.Article), strconv.Itoa(r.Paragraph))
	case r.Article > 0:
		c.Section = word("guide.law.article", lang, strconv.Itoa(r.Article))
	}
	if c.Section != "" {
		c.Text += ", " + c.Section
	}
	return c
}

func word(code diag.Code, lang diag.Lang, args ...string) string {
	t, _ := diag.Template(code, lang)
	return diag.Fill(t, args)
}

// Text joins citations for one line of text, each place once, in the
// order given: "II бөлім, «…», 3.6-қадам; 2-қосымша (Келісім), 3.10-тармақ".
// With no citations it returns source, as written.
func Text(cs []Citation, source string) string {
	if len(cs) == 0 {
		return source
	}
	seen := make(map[string]bool, len(cs))
	var b strings.Builder
	last := "" // the titled section the previous citation ended in
	for _, c := range cs {
		if seen[c.Text] {
			continue
		}
		seen[c.Text] = true
		// Steps or clauses of the section just cited follow it without
		// its (often long) title again: "…, 3.6-қадам, 3.7-қадам".
		if within, tail, ok := c.splitTail(); ok && within == last {
			b.WriteString(", " + tail)
			continue
		}
		if b.Len() > 0 {
			b.WriteString("; ")
		}
		b.WriteString(c.Text)
		last, _, _ = c.splitTail()
	}
	return b.String()
}

// splitTail splits a citation's text after its title: "II бөлім, «…»,
// 3.6-қадам" is "II бөлім, «…»" and "3.6-қадам"; false when no step or
// clause follows the title.
func (c Citation) splitTail() (within, tail string, ok bool) {
	title := "«" + c.Title + "»"
	i := strings.Index(c.Text, title)
	if c.Title == "" || i < 0 {
		return "", "", false
	}
	end := i + len(title)
	tail, ok = strings.CutPrefix(c.Text[end:], ", ")
	return c.Text[:end], tail, ok && tail != ""
}

func init() {
	diag.Register(map[diag.Code]diag.Text{
		"guide.part":     {KK: "{0} бөлім", RU: "Часть {0}", EN: "Part {0}"},
		"guide.appendix": {KK: "{0}-қосымша", RU: "Приложение {0}", EN: "Appendix {0}"},
		"guide.step":     {KK: "{0}-қадам", RU: "шаг {0}", EN: "step {0}"},
		"guide.clause":   {KK: "{0}-тармақ", RU: "п. {0}", EN: "clause {0}"},
		"guide.law": {
			KK: "«Волонтерлік қызмет туралы» Қазақстан Республикасының Заңы",
			RU: "Закон Республики Казахстан «О волонтёрской деятельности»",
			EN: "Law of the Republic of Kazakhstan on Volunteer Activity",
		},
		"guide.law.article":           {KK: "{0}-бап", RU: "ст. {0}", EN: "art. {0}"},
		"guide.law.article_paragraph": {KK: "{0}-бап, {1}-тармақ", RU: "ст. {0}, п. {1}", EN: "art. {0} §{1}"},
	})
}
