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
)

// yamlSource walks the node tree of go.yaml.in/yaml/v3, which keeps every
// node's line and column. Aliases are followed; a budget on the nodes
// visited stops alias bombs.
type yamlSource struct {
	file   string
	root   *yaml.Node
	stack  []yamlFrame
	budget int // nodes that may still be visited
}

type yamlFrame struct {
	n *yaml.Node
	i int // next member in n.Content
}

func newYAML(data []byte, file string) (src *yamlSource, err error) {
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
			return nil, syntaxAt(file, pos{1, 1}, "empty document")
		}
		return nil, yamlSyntax(file, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		if err != nil {
			return nil, yamlSyntax(file, err)
		}
		return nil, syntaxAt(file, pos{extra.Line, extra.Column}, "more than one YAML document")
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil, syntaxAt(file, pos{1, 1}, "empty document")
		}
		root = root.Content[0]
	}
	return &yamlSource{file: file, root: root, budget: 2*len(data) + 64}, nil
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

// resolve follows aliases and spends the budget.
func (s *yamlSource) resolve(n *yaml.Node) (*yaml.Node, error) {
	for hops := 0; n.Kind == yaml.AliasNode; hops++ {
		if n.Alias == nil || hops > 100 {
			return nil, syntaxAt(s.file, pos{n.Line, n.Column}, "unknown or circular alias")
		}
		n = n.Alias
	}
	s.budget--
	if s.budget < 0 {
		e := diag.New(diag.CodeTooLarge, "", "aliases expand to more values than the file holds")
		e.Pos = diag.Pos{File: s.file, Line: n.Line, Col: n.Column}
		return nil, e
	}
	return n, nil
}

func (s *yamlSource) value() (token, error) {
	var n *yaml.Node
	if len(s.stack) == 0 {
		if s.root == nil {
			return token{}, syntaxAt(s.file, pos{}, "no more values")
		}
		n, s.root = s.root, nil
	} else {
		f := &s.stack[len(s.stack)-1]
		if f.i >= len(f.n.Content) {
			return token{}, syntaxAt(s.file, pos{f.n.Line, f.n.Column}, "missing value")
		}
		n = f.n.Content[f.i]
		f.i++
	}
	n, err := s.resolve(n)
	if err != nil {
		return token{}, err
	}
	p := pos{n.Line, n.Column}
	switch n.Kind {
	case yaml.MappingNode:
		s.stack = append(s.stack, yamlFrame{n: n})
		return token{kind: kindObject, pos: p}, nil
	case yaml.SequenceNode:
		s.stack = append(s.stack, yamlFrame{n: n})
		return token{kind: kindArray, pos: p}, nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return token{kind: kindNull, pos: p}, nil
		case "!!bool":
			if strings.EqualFold(n.Value, "true") {
				return token{kind: kindBool, text: "true", pos: p}, nil
			}
			return token{kind: kindBool, text: "false", pos: p}, nil
		case "!!int", "!!float":
			return token{kind: kindNumber, text: n.Value, pos: p}, nil
		}
		return token{kind: kindString, text: n.Value, pos: p}, nil
	}
	return token{}, syntaxAt(s.file, p, "unexpected YAML node")
}

func (s *yamlSource) more() bool {
	if len(s.stack) == 0 {
		return false
	}
	f := s.stack[len(s.stack)-1]
	return f.i < len(f.n.Content)
}

func (s *yamlSource) key() (string, pos, error) {
	if len(s.stack) == 0 {
		return "", pos{}, syntaxAt(s.file, pos{}, "no open mapping")
	}
	f := &s.stack[len(s.stack)-1]
	if f.n.Kind != yaml.MappingNode || f.i >= len(f.n.Content) {
		return "", pos{f.n.Line, f.n.Column}, syntaxAt(s.file, pos{f.n.Line, f.n.Column}, "no key here")
	}
	k, err := s.resolve(f.n.Content[f.i])
	if err != nil {
		return "", pos{}, err
	}
	f.i++
	return k.Value, pos{k.Line, k.Column}, nil
}

func (s *yamlSource) close() error {
	if len(s.stack) == 0 {
		return syntaxAt(s.file, pos{}, "nothing to close")
	}
	s.stack = s.stack[:len(s.stack)-1]
	return nil
}

func (s *yamlSource) finish() error { return nil }
