package decode

import (
	"bytes"
	"maps"
	"strings"
	"unicode/utf8"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
)

// Finish sorts errs into file order (a [CodeTooManyErrors] entry last) and
// gives each positioned problem without a snippet the line of data it
// points at, with a caret under its column ([Snippet]), the values of the
// keys in mask hidden. It reads data once, forward, however many problems
// there are, and returns errs.
//
// A snippet quotes the input back to its author, who needs to see it; the
// values of personal fields are masked, but it is still the file's text:
// keep it out of logs and JSON (diag's Error and Localize leave it out,
// and it has no JSON name).
func Finish(data []byte, errs diag.List, mask Mask) diag.List {
	errs = order(errs)
	mask = mask.unknown(errs)
	data = trimBOM(data)
	var c cursor
	c.reset(data)
	for _, e := range errs {
		if !e.IsValid() || e.Snippet != "" {
			continue
		}
		off, ok := c.seek(e.Line, e.Col)
		if !ok {
			continue // past the end of data
		}
		e.Snippet = Snippet(data, off, mask)
	}
	return errs
}

// order sorts errs into file order, a [CodeTooManyErrors] entry last.
func order(errs diag.List) diag.List {
	errs.Sort()
	// "Too many problems" closes the list wherever it was raised.
	for i := len(errs) - 1; i >= 0; i-- {
		if errs[i].Code == CodeTooManyErrors {
			last := errs[i]
			copy(errs[i:], errs[i+1:])
			errs[len(errs)-1] = last
			break
		}
	}
	return errs
}

// cursor turns lines and columns into byte offsets, forward: each call
// starts where the last one ended when it can, so that a file is walked
// once for any number of positions in order.
type cursor struct {
	data            []byte
	line, lineStart int // the line the cursor is on and where it starts
	col, off        int // a column on that line and its offset
}

func (c *cursor) reset(data []byte) { *c = cursor{data: data, line: 1, col: 1} }

// seek returns the offset of line and col (col counts characters from 1; a
// column past the end of the line gives the end of the line).
func (c *cursor) seek(line, col int) (int, bool) {
	if line < c.line || line == c.line && col < c.col {
		c.reset(c.data)
	}
	for c.line < line {
		i := bytes.IndexByte(c.data[c.lineStart:], '\n')
		if i < 0 {
			return 0, false
		}
		c.lineStart += i + 1
		c.line++
		c.col, c.off = 1, c.lineStart
	}
	var moved int
	c.off, moved = skipRunes(c.data, c.off, col-c.col)
	c.col += moved
	return c.off, true
}

// skipRunes moves n characters forward from off, stopping at the end of
// the line or of data, and returns the new offset and how many characters
// it moved. ASCII is skipped eight bytes at a time.
func skipRunes(data []byte, off, n int) (int, int) { return skipRunesUntil(data, off, n, len(data)) }

// skipRunesUntil is skipRunes that starts no character at or after stop
// (a character that starts before it may end after it).
func skipRunesUntil(data []byte, off, n, stop int) (int, int) {
	moved := 0
	for moved < n && off < stop {
		if n-moved >= 8 && off+8 <= stop && asciiNoNewline(data[off:off+8]) {
			off += 8
			moved += 8
			continue
		}
		if data[off] == '\n' {
			break
		}
		_, size := utf8.DecodeRune(data[off:])
		off += size
		moved++
	}
	return off, moved
}

// asciiNoNewline reports whether the eight bytes of w are ASCII and none is
// a newline.
func asciiNoNewline(w []byte) bool {
	x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
	const ones, highs, nl = 0x0101010101010101, 0x8080808080808080, 0x0a0a0a0a0a0a0a0a
	y := x ^ nl // a zero byte where x had a newline
	return x&highs == 0 && (y-ones)&^y&highs == 0
}

// Width is how many characters of a line a snippet shows at most
// (limits.SnippetWidth), besides the "…" marking where it is cut.
const Width = limits.SnippetWidth

// SnippetAt is [Snippet] for a position given as a line and a column, as
// the YAML parser gives them. It walks data from the start to the line
// (use [Finish] for many problems in one file).
func SnippetAt(data []byte, p diag.Pos, mask Mask) string {
	if !p.IsValid() {
		return ""
	}
	var c cursor
	c.reset(trimBOM(data))
	off, ok := c.seek(p.Line, max(p.Col, 1))
	if !ok {
		return ""
	}
	return Snippet(trimBOM(data), off, mask)
}

// Snippet returns the line of src that holds byte offset off and, under
// it, a caret under that character. A line longer than
// limits.SnippetWidth characters is cut to a window around the caret,
// marked "…" where it is cut; the work and the memory are in proportion
// to the window, not to the line, so a problem on a line of a gigabyte
// costs what one on a short line does. Tabs are kept under the caret so
// that it lines up. Values of the keys in mask (the fields marked
// personal) are shown as •••, whether the line is JSON or YAML.
//
// This is the project's one snippet function: every positioned problem
// of every file it reads is shown with it.
func Snippet(src []byte, off int, mask Mask) string { return snippet(src, off, mask, true) }

// snippet is Snippet for src that is a window of the input: startsLine
// says whether src[0] starts a line (else the line began before it).
func snippet(src []byte, off int, mask Mask, startsLine bool) string {
	const width, before = Width, 40
	off = max(0, min(off, len(src)))
	// The line's start, if within reach: at most width characters back.
	start, back := off, 0
	for start > 0 && src[start-1] != '\n' && back <= width {
		start = prevRune(src, start)
		back++
	}
	lineStart := start > 0 && src[start-1] == '\n' || start == 0 && startsLine
	// The line's end, if within reach.
	end, ahead := off, 0
	for end < len(src) && src[end] != '\n' && ahead <= width {
		_, size := utf8.DecodeRune(src[end:])
		end += size
		ahead++
	}
	lineEnd := end == len(src) || src[end] == '\n'
	for end > off && lineEnd && src[end-1] == '\r' {
		end--
	}
	from, to := start, end
	cutLeft, cutRight := false, false
	if !lineStart || !lineEnd || back+ahead > width {
		// Long: 40 characters before the caret, the rest after it.
		if !lineStart || back > before {
			from, back = off, 0
			for back < before && from > 0 {
				from = prevRune(src, from)
				back++
			}
			cutLeft = from > 0 && src[from-1] != '\n' || from == 0 && !startsLine
		}
		to, ahead = off, 0
		for to < len(src) && src[to] != '\n' && ahead < width-back {
			_, size := utf8.DecodeRune(src[to:])
			to += size
			ahead++
		}
		if to > off && src[to-1] == '\r' && (to == len(src) || src[to] == '\n') {
			to--
		}
		cutRight = to < len(src) && src[to] != '\n' && !(src[to] == '\r' && (to+1 == len(src) || src[to+1] == '\n'))
	}
	text, caret := maskWindow(src, from, to, off, mask, startsLine)
	var b strings.Builder
	if cutLeft {
		b.WriteString("…")
	}
	b.WriteString(strings.ToValidUTF8(string(text), "\uFFFD"))
	if cutRight {
		b.WriteString("…")
	}
	b.WriteByte('\n')
	if cutLeft {
		b.WriteByte(' ')
	}
	for _, r := range string(text[:caret]) {
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	b.WriteByte('^')
	return b.String()
}

func prevRune(src []byte, i int) int {
	_, size := utf8.DecodeLastRune(src[:i])
	return i - size
}

// unknown widens a mask that hides personal data with the keys errs
// report as unknown whose value may be personal: a key with no near field
// (nothing says what it holds) and a misspelt personal field (full_nmae
// holds a name). A misspelt field that is not personal (langauges) keeps
// its value in sight. A mask with nothing personal to hide stays empty.
func (m Mask) unknown(errs diag.List) Mask {
	if len(m) == 0 {
		return m
	}
	var wider Mask
	for _, e := range errs {
		hide := e.Code == diag.CodeUnknownField && len(e.Args) > 0 ||
			e.Code == diag.CodeUnknownHint && len(e.Args) > 1 && m[e.Args[1]]
		if !hide || m[e.Args[0]] {
			continue
		}
		if wider == nil {
			wider = maps.Clone(m)
		}
		wider[e.Args[0]] = true
	}
	if wider == nil {
		return m
	}
	return wider
}
