// Package escape makes values safe for the documents sabaqtastyq renders
// (the agreement, the monthly reports, the questionnaire): one escaper per
// notation, so that every renderer is as safe as the others.
//
// The documents' templates are trusted; the values put into them — names,
// addresses, diary notes, the texts of an organisation's own form — are
// not. Markdown documents are CommonMark with GitHub's tables, and
// [Markdown] makes a value literal inline text wherever a template puts
// it: in a paragraph, a heading, a list item or a table cell, at the start
// of a line or inside one. HTML documents are written by html/template,
// which escapes markup; [Controls] removes what it lets through and what
// XML and terminals must not see: control characters.
package escape

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Markdown returns s as literal inline Markdown text. The result
//   - holds no line break: CR, LF, CRLF and the Unicode line and paragraph
//     separators become spaces, so a value cannot end its line and open a
//     block (a list item, a heading, a quote, a rule, a fence, a table
//     row);
//   - opens no block even at the start of a line, and closes no markup
//     the template put around it: white space at either end is dropped,
//     no-break and other Unicode spaces included (leading blanks would
//     make an indented code block, and white space next to the template's
//     "**" keeps it from opening or closing the bold), and a
//     leading
//     "-", "+" or "=" or the "." or ")" after leading digits is escaped
//     (a list item, a setext underline, an ordered list);
//   - forms no inline markup: \ ` * _ [ ] < > # | ~ & are escaped, so
//     there is no emphasis, code span, link or image (so no javascript:
//     link), autolink, raw HTML, entity, strikethrough or heading closer,
//     and "|" stays inside its table cell ("!" needs no escape: an image
//     needs the "[" after it). A web or e-mail address stays as written;
//     viewers with GitHub's autolinks show it as a link to itself;
//   - carries no control characters (a terminal would obey them): they
//     become U+FFFD.
//
// Markdown is the identity on text without any of these, so ordinary
// names and sentences are left as they were written.
func Markdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	start := true // no visible character written yet
	digits := false
	for i, r := range s {
		switch {
		case r == '\r' && i+1 < len(s) && s[i+1] == '\n':
			continue // CRLF is one break
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			r = ' '
		case r == '\t' || r == '\v' || r == '\f':
			r = ' '
		case unicode.IsControl(r):
			r = '\uFFFD'
		}
		if start && unicode.IsSpace(r) {
			continue
		}
		switch {
		case strings.ContainsRune("\\`*_[]<>#|~&", r):
			b.WriteByte('\\')
		case start && (r == '-' || r == '+' || r == '='):
			b.WriteByte('\\')
		case digits && (r == '.' || r == ')'):
			b.WriteByte('\\')
		}
		digits = (start || digits) && r >= '0' && r <= '9'
		start = false
		b.WriteRune(r)
	}
	return strings.TrimRightFunc(b.String(), unicode.IsSpace)
}

// Controls returns s with every control character but tab, line feed and
// carriage return, and every byte that is not UTF-8, replaced by U+FFFD:
// XML forbids them, and a terminal would obey them. Other text is left as
// it is.
func Controls(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || (unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}
