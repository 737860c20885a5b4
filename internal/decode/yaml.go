package decode

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
)

// yamlSource walks the node tree of go.yaml.in/yaml/v3, which keeps every
// node's line and column. Aliases are followed, each node reached through
// one spending a budget, so that a few anchors reused are fine and a
// billion laughs stops at the budget.
type yamlSource struct {
	file   string
	root   *yaml.Node
	stack  []yamlFrame
	budget int // nodes that aliases may still add
}

type yamlFrame struct {
	n       *yaml.Node
	i       int  // next member in n.Content
	aliased bool // reached through an alias: its members spend the budget
}

func newYAML(data []byte, file string, aliasBudget int) (src *yamlSource, err error) {
	defer func() {
		// The parser is third-party code; a panic on hostile input must
		// not take the caller down.
		if r := recover(); r != nil {
			src, err = nil, syntaxAt(file, pos{}, fmt.Sprintf("the YAML parser failed: %v", r))
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, syntaxAt(file, pos{line: 1, col: 1}, "empty document")
		}
		return nil, yamlSyntax(file, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		if err != nil {
			return nil, yamlSyntax(file, err)
		}
		return nil, syntaxAt(file, pos{line: extra.Line, col: extra.Column}, "more than one YAML document")
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil, syntaxAt(file, pos{line: 1, col: 1}, "empty document")
		}
		root = root.Content[0]
	}
	if aliasBudget < 0 {
		// Aliases are refused: the document is not read at all if it has one.
		if a := firstAlias(root); a != nil {
			return nil, syntaxAt(file, pos{line: a.Line, col: a.Column}, "aliases are not allowed here")
		}
	}
	return &yamlSource{file: file, root: root, budget: max(aliasBudget, 0)}, nil
}

// firstAlias returns the first alias in document order under n, or nil.
func firstAlias(n *yaml.Node) *yaml.Node {
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n = stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Kind == yaml.AliasNode {
			return n
		}
		for i := len(n.Content) - 1; i >= 0; i-- {
			stack = append(stack, n.Content[i])
		}
	}
	return nil
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlSyntax places a parser error by the line its message names.
func yamlSyntax(file string, err error) *diag.Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	p := pos{}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil {
			p.line = n
		}
		msg = strings.TrimPrefix(msg, m[0]+": ")
	}
	return syntaxAt(file, p, msg)
}

func syntaxAt(file string, p pos, msg string) *diag.Error {
	e := diag.New(diag.CodeSyntax, "", msg)
	e.Pos = diag.Pos{File: file, Line: p.line, Col: p.col}
	return e
}

// resolve follows aliases, spending the budget on every node reached
// through one (inAlias: the node's parent was).
func (s *yamlSource) resolve(n *yaml.Node, inAlias bool) (*yaml.Node, bool, error) {
	if n.Kind == yaml.AliasNode {
		inAlias = true
	}
	for hops := 0; n.Kind == yaml.AliasNode; hops++ {
		if n.Alias == nil || hops > 100 {
			return nil, false, syntaxAt(s.file, pos{line: n.Line, col: n.Column}, "unknown or circular alias")
		}
		n = n.Alias
	}
	if inAlias {
		s.budget--
		if s.budget < 0 {
			e := diag.New(diag.CodeTooLarge, "", fmt.Sprintf("YAML aliases expand to more than %d values", limits.AliasExpansion))
			e.Pos = diag.Pos{File: s.file, Line: n.Line, Col: n.Column}
			return nil, false, e
		}
	}
	return n, inAlias, nil
}

func (s *yamlSource) place(p pos) diag.Pos { return diag.Pos{File: s.file, Line: p.line, Col: p.col} }

func (s *yamlSource) value() (token, error) {
	var n *yaml.Node
	inAlias := false
	if len(s.stack) == 0 {
		if s.root == nil {
			return token{}, syntaxAt(s.file, pos{}, "no more values")
		}
		n, s.root = s.root, nil
	} else {
		f := &s.stack[len(s.stack)-1]
		if f.i >= len(f.n.Content) {
			return token{}, syntaxAt(s.file, pos{line: f.n.Line, col: f.n.Column}, "missing value")
		}
		n = f.n.Content[f.i]
		f.i++
		inAlias = f.aliased
	}
	n, inAlias, err := s.resolve(n, inAlias)
	if err != nil {
		return token{}, err
	}
	p := pos{line: n.Line, col: n.Column}
	switch n.Kind {
	case yaml.MappingNode:
		s.stack = append(s.stack, yamlFrame{n: n, aliased: inAlias})
		return token{kind: kindObject, pos: p}, nil
	case yaml.SequenceNode:
		s.stack = append(s.stack, yamlFrame{n: n, aliased: inAlias})
		return token{kind: kindArray, pos: p}, nil
	case yaml.ScalarNode:
		plain := n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0
		switch n.ShortTag() {
		case "!!null":
			return token{kind: kindNull, pos: p}, nil
		case "!!bool":
			if strings.EqualFold(n.Value, "true") {
				return token{kind: kindBool, text: literalTrue, pos: p, plain: plain}, nil
			}
			return token{kind: kindBool, text: literalFalse, pos: p, plain: plain}, nil
		case "!!int", "!!float":
			return token{kind: kindNumber, text: view(n.Value), pos: p, plain: plain}, nil
		}
		return token{kind: kindString, text: view(n.Value), pos: p, plain: plain}, nil
	}
	return token{}, syntaxAt(s.file, p, "unexpected YAML node")
}

func (s *yamlSource) more() (bool, error) {
	if len(s.stack) == 0 {
		return false, nil
	}
	f := s.stack[len(s.stack)-1]
	return f.i < len(f.n.Content), nil
}

func (s *yamlSource) key() ([]byte, pos, error) {
	if len(s.stack) == 0 {
		return nil, pos{}, syntaxAt(s.file, pos{}, "no open mapping")
	}
	f := &s.stack[len(s.stack)-1]
	at := pos{line: f.n.Line, col: f.n.Column}
	if f.n.Kind != yaml.MappingNode || f.i >= len(f.n.Content) {
		return nil, at, syntaxAt(s.file, at, "no key here")
	}
	k, _, err := s.resolve(f.n.Content[f.i], f.aliased)
	if err != nil {
		return nil, at, err
	}
	f.i++
	return view(k.Value), pos{line: k.Line, col: k.Column}, nil
}

func (s *yamlSource) close() error {
	if len(s.stack) == 0 {
		return syntaxAt(s.file, pos{}, "nothing to close")
	}
	s.stack = s.stack[:len(s.stack)-1]
	return nil
}

func (s *yamlSource) finish() error { return nil }
