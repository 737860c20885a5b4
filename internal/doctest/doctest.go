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

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

var md = goldmark.New(goldmark.WithExtensions(extension.GFM))

// Markdown lists the nodes of src, one a line, indented by depth: every
// block by its kind (a heading with its level, a table row with its number
// of cells) and every inline node except text. A web address or an e-mail
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
	return b.String()
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
