package decode

import (
	"bytes"
	"io"
	"unicode/utf8"

	"github.com/birgemiz/sabaqtastyq/diag"
)

// When a file streamed by [DecodeReader] turns out to have problems, it is
// read again to place and show them — as a stream too, so that a file of a
// gigabyte with a few problems is never held whole: [LocateReader] finds
// the positions of paths and [FinishReader] adds the snippets, each in one
// forward pass through a window.

// LocateReader is [Locate] on input read from r (JSON streamed; YAML, which
// is capped far lower, read whole).
func LocateReader(r io.Reader, o Options, paths []string) Positions {
	if len(paths) == 0 {
		return Positions{}
	}
	s := newStreamScanner(r, o.File, o.maxBytes())
	s.skipBOM()
	if s.detect(o) == YAML {
		data, err := io.ReadAll(io.LimitReader(s.rest(), o.maxYAML()))
		if err != nil {
			return Positions{}
		}
		o.Format = YAML
		return Locate(data, o, paths)
	}
	return locate(newJSON(s), o, paths)
}

// FinishReader is [Finish] on input read from r: it sorts errs and gives
// each positioned problem its snippet, reading r once, forward, and
// keeping only a window of it around the problem at hand.
func FinishReader(r io.Reader, errs diag.List, mask Mask) diag.List {
	errs = order(errs)
	mask = mask.unknown(errs)
	c := &streamCursor{r: r, line: 1, col: 1}
	for _, e := range errs {
		if !e.IsValid() || e.Snippet != "" {
			continue
		}
		if !c.seek(e.Line, max(e.Col, 1)) {
			break // past the end of the input
		}
		c.ahead(4 << 10)
		if c.lineStart >= 0 {
			e.Snippet = snippet(c.buf[c.lineStart:], c.off-c.lineStart, mask, true)
		} else {
			e.Snippet = snippet(c.buf, c.off, mask, false)
		}
	}
	return errs
}

// streamCursor walks an input by lines and columns, forward, holding a
// window: the current line from its start when it is short, else the
// last keep bytes before the position.
type streamCursor struct {
	r         io.Reader
	buf       []byte
	eof       bool
	line      int // the line the cursor is on
	lineStart int // where it starts in buf, or -1 when it starts before buf
	col, off  int // a column on the line and its offset in buf
}

// keep is how much of the line before the position a window holds: more
// than a snippet and its masking look at.
const keep = 8 << 10

// more reads more of the input, first dropping what the window no longer
// needs: the line being walked from its start when that start is more
// than keep bytes back. It reports whether anything could be read.
func (c *streamCursor) more() bool {
	if c.eof {
		return false
	}
	if drop := c.off - keep; drop > 0 {
		switch {
		case c.lineStart >= drop:
			c.lineStart -= drop
		default:
			c.lineStart = -1 // the line started before the window
		}
		n := copy(c.buf, c.buf[drop:])
		c.buf = c.buf[:n]
		c.off -= drop
	}
	if cap(c.buf)-len(c.buf) < window/2 {
		grown := make([]byte, len(c.buf), len(c.buf)+window)
		copy(grown, c.buf)
		c.buf = grown
	}
	first := c.buf == nil || len(c.buf) == 0 && c.line == 1 && c.off == 0
	n, err := c.r.Read(c.buf[len(c.buf):cap(c.buf)])
	c.buf = c.buf[:len(c.buf)+n]
	if first && bytes.HasPrefix(c.buf, bom) {
		c.buf = c.buf[:copy(c.buf, c.buf[len(bom):])]
	}
	if err != nil {
		c.eof = true
	}
	return n > 0 || !c.eof
}

// seek moves to line and col, which do not come before the cursor; false
// when the input ends before the line. A column past the end of the line
// stops at its end.
func (c *streamCursor) seek(line, col int) bool {
	if c.buf == nil {
		c.more()
	}
	for c.line < line {
		i := bytes.IndexByte(c.buf[c.off:], '\n')
		if i < 0 {
			c.off = len(c.buf)
			c.lineStart = -1 // a line being skipped need not be kept
			if !c.more() {
				return false
			}
			continue
		}
		c.off += i + 1
		c.line++
		c.lineStart, c.col = c.off, 1
	}
	for c.col < col {
		end := len(c.buf)
		if !c.eof {
			end -= utf8.UTFMax // never cut a character in two
		}
		if c.off >= end {
			if c.eof {
				return true
			}
			c.more()
			continue
		}
		if c.buf[c.off] == '\n' {
			return true
		}
		var moved int
		c.off, moved = skipRunesUntil(c.buf, c.off, col-c.col, end)
		c.col += moved
	}
	return true
}

// ahead reads until n bytes follow the position, or the line or the input
// ends.
func (c *streamCursor) ahead(n int) {
	for len(c.buf)-c.off < n && bytes.IndexByte(c.buf[c.off:], '\n') < 0 && c.more() {
	}
}
