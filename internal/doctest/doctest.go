// Package doctest reads rendered documents back, for tests: the outline of
// a Markdown or XHTML document (its structure, without its text) and the
// text a reader sees. Two renderings of one template, one with plain
// values and one with hostile ones, must have the same outline: that is
// how the renderers' tests show that no value opens a block, closes one,
// splits a table cell or makes markup of its own.
//
// Markdown is parsed with goldmark, a CommonMark parser with GitHub's
// extensions (tables, strikethrough, task lists, autolinks), so a test
// sees what a Markdown viewer would. Only tests import this package:
// goldmark stays out of the binaries.
package doctest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/birgemiz/sabaqtastyq/diag"
)

var md = goldmark.New(goldmark.WithExtensions(extension.GFM))

// Markdown lists the nodes of src, one a line, indented by depth: every
// block by its kind (a heading with its level, a table row with its number
// of cells) and every inline node except text; then the number of cells of
// every table row as written. A web address or an e-mail
// address that a viewer turns into a link counts as text: the link shows
// what it points at. Any other autolink is listed with its address.
//
// Two renderings of one template have the same outline exactly when no
// value put into it opened a block, ended one, split a table cell or made
// markup of its own.
func Markdown(src []byte) string {
	doc := md.Parser().Parse(text.NewReader(src))
	var b strings.Builder
	depth := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.HasChildren() {
				depth--
			}
			return ast.WalkContinue, nil
		}
		if n.HasChildren() {
			defer func() { depth++ }()
		}
		label := n.Kind().String()
		switch n := n.(type) {
		case *ast.Text, *ast.String:
			return ast.WalkContinue, nil
		case *ast.AutoLink:
			url := string(n.URL(src))
			if n.AutoLinkType == ast.AutoLinkEmail || hasPrefix(url, "http://", "https://", "www.") {
				return ast.WalkContinue, nil
			}
			label += " " + url
		case *ast.Heading:
			label += fmt.Sprint(n.Level)
		case *east.TableRow, *east.TableHeader:
			label += fmt.Sprintf("[%d]", n.ChildCount())
		}
		b.WriteString(strings.Repeat("  ", depth))
		b.WriteString(label)
		b.WriteByte('\n')
		return ast.WalkContinue, nil
	})
	// A table row with more cells than its header keeps the header's
	// count in the tree (GitHub drops the rest), so count the cell
	// separators of each row as written.
	for _, line := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "|") {
			fmt.Fprintf(&b, "row of %d cells\n", separators(line)-1)
		}
	}
	return b.String()
}

// separators counts the unescaped "|" of a line.
func separators(line string) int {
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n
}

func hasPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(strings.ToLower(s), p) {
			return true
		}
	}
	return false
}

var tag = regexp.MustCompile(`<[^>]*>`)

// Visible is the text a reader sees in src: rendered to HTML, tags
// dropped, entities decoded, each line trimmed.
func Visible(src []byte) string {
	var buf bytes.Buffer
	if err := md.Convert(src, &buf); err != nil {
		return "error: " + err.Error()
	}
	lines := strings.Split(html.UnescapeString(tag.ReplaceAllString(buf.String(), "")), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.Join(lines, "\n")
}

// XHTML lists the elements of src, one a line, indented by depth, with
// their attributes' names (not their values); it fails unless src is
// well-formed XML.
func XHTML(src []byte) (string, error) {
	dec := xml.NewDecoder(bytes.NewReader(src))
	dec.Strict = true
	var b strings.Builder
	depth := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if depth != 0 {
				return b.String(), errors.New("unclosed elements")
			}
			return b.String(), nil
		}
		if err != nil {
			return b.String(), err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			b.WriteString(strings.Repeat("  ", depth))
			b.WriteString(t.Name.Local)
			for _, a := range t.Attr {
				b.WriteString(" " + a.Name.Local)
			}
			b.WriteByte('\n')
			depth++
		case xml.EndElement:
			depth--
		}
	}
}

// plain holds the outlines of plain renderings by key, so that a fuzz
// target renders the plain document once, not once per input.
var plain sync.Map

// Plain returns the [Outline] of what render writes, rendered once for
// each key: the plain rendering a test compares hostile ones with.
func Plain(key string, html bool, render func(io.Writer) error) (string, error) {
	if o, ok := plain.Load(key); ok {
		return o.(string), nil
	}
	var b bytes.Buffer
	if err := render(&b); err != nil {
		return "", err
	}
	o, err := Outline(html, b.Bytes())
	if err != nil {
		return "", err
	}
	plain.Store(key, o)
	return o, nil
}

// Outline is [Markdown] of src, or [XHTML] of src when html is set.
func Outline(html bool, src []byte) (string, error) {
	if html {
		return XHTML(src)
	}
	return Markdown(src), nil
}

// Same asserts that got, a rendering with hostile values, has the outline
// want, the [Outline] of the same template rendered with plain ones: as
// Markdown, or as XHTML when html is set (got must then be well-formed,
// too). what names the rendering in the failure.
func Same(tb testing.TB, html bool, want string, got []byte, what string) bool {
	tb.Helper()
	have, err := Outline(html, got)
	if !assert.NoError(tb, err, "%s: the HTML is not well-formed", what) {
		return false
	}
	return assert.Equal(tb, want, have, "%s: the outline changed:\n%s", what, got)
}

// Check checks that one value, put everywhere a renderer puts values,
// leaves its documents' outlines as plain values leave them, in each of
// langs.
type Check func(t *testing.T, v string, langs ...diag.Lang)

// Values runs check on each value, in every language, as subtests.
func Values(t *testing.T, values []string, check Check) {
	t.Helper()
	for _, v := range values {
		t.Run(v, func(t *testing.T) { check(t, v, diag.Langs...) })
	}
}

// Fuzz seeds f with values and fuzzes check, one language an input (by
// its length): the escaping is the same in each, and [Values] runs all
// three.
func Fuzz(f *testing.F, values []string, check Check) {
	for _, v := range values {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		check(t, v, diag.Langs[len(v)%len(diag.Langs)])
	})
}
