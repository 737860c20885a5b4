package decode

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/birgemiz/sabaqtastyq/diag"
)

// Finish sorts errs into file order (a [CodeTooManyErrors] entry last) and gives each positioned problem
// without a snippet the line of data it points at, with a caret under its
// column. It reads data once, however many problems there are, and
// returns errs.
//
// A snippet quotes the input back to its author; it can hold personal data
// from that line, so show it to the person who wrote the file and keep it
// out of logs (diag's Error and Localize leave it out).
func Finish(data []byte, errs diag.List) diag.List {
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
	data = trimBOM(data)
	line, start := 1, 0
	for _, e := range errs {
		if !e.IsValid() || e.Snippet != "" || e.Line < line {
			continue
		}
		for line < e.Line {
			i := bytes.IndexByte(data[start:], '\n')
			if i < 0 {
				start = len(data)
				break
			}
			start += i + 1
			line++
		}
		if line != e.Line {
			continue // past the end of data
		}
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start
		}
		e.Snippet = Snippet(strings.TrimRight(string(data[start:end]), "\r"), e.Col)
	}
	return errs
}

// Snippet returns line and, below it, a caret under column col (counted in
// characters from 1). A long line is cut to a window around the column.
func Snippet(line string, col int) string {
	const width, before = 100, 40
	if !utf8.ValidString(line) {
		line = strings.ToValidUTF8(line, "\uFFFD")
	}
	runes := []rune(line)
	col = max(1, min(col, len(runes)+1))
	from, to := 0, len(runes)
	var b strings.Builder
	if len(runes) > width {
		from = max(0, col-1-before)
		to = min(len(runes), from+width)
		if from > 0 {
			b.WriteString("…")
		}
	}
	lead := b.Len() > 0
	b.WriteString(string(runes[from:to]))
	if to < len(runes) {
		b.WriteString("…")
	}
	b.WriteByte('\n')
	if lead {
		b.WriteByte(' ')
	}
	for _, r := range runes[from : col-1] {
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	b.WriteByte('^')
	return b.String()
}
