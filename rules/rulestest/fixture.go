package rulestest

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// programme builds the programme of a case: a copy of its fixture with the
// case's changes applied, decoded by mentoring.Parse. A problem in the
// programme is placed where its value was written — in the fixture, or in
// the case's set/append — not in the re-encoded document.
func (s *Suite) programme(c *Case) (*mentoring.Programme, error) {
	f := s.Fixtures[c.Fixture]
	if f == nil {
		return nil, diag.New(CodeUnknownFixture, "fixture", c.Fixture).At(c.Pos)
	}
	root := clone(f.node, map[*yaml.Node]*yaml.Node{})
	written := map[*yaml.Node]string{} // values a change wrote → the suite
	var errs diag.List
	for _, ch := range c.Changes {
		if err := apply(root, ch, written, s.Path); err != nil {
			e := diag.New(CodeBadPath, "", ch.Path, err.Error()).At(ch.Pos)
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	data, err := yaml.Marshal(root)
	if err != nil {
		return nil, err
	}
	name := fmt.Sprintf("%s (fixture %s)", s.Path, f.Name)
	prog, err := mentoring.Parse(data, name, mentoring.YAML)
	if err != nil {
		return nil, place(diag.Errors(err), root, f.File, written)
	}
	return prog, nil
}

// place moves each problem to the node its JSON path names.
func place(l diag.List, root *yaml.Node, file string, written map[*yaml.Node]string) diag.List {
	out := make(diag.List, len(l))
	for i, e := range l {
		n, where := locate(root, e.Path, file, written)
		c := e.At(diag.Pos{File: where, Line: n.Line, Col: n.Column})
		c.Snippet = ""
		out[i] = c
	}
	return out
}

// locate walks a JSON path as far as it goes and says which file the node
// it reaches was written in.
func locate(root *yaml.Node, path, file string, written map[*yaml.Node]string) (*yaml.Node, string) {
	n := root
	segs, err := splitPath(path)
	if err != nil {
		return n, file
	}
	for _, s := range segs {
		next := child(n, s)
		if next == nil {
			break
		}
		n = next
		if f, ok := written[n]; ok {
			file = f
		}
	}
	return n, file
}

// segment is one step of a path: a key or an index.
type segment struct {
	key   string
	index int // -1 for a key
}

// splitPath splits "volunteers[0].screening.training".
func splitPath(path string) ([]segment, error) {
	var out []segment
	for _, part := range strings.Split(path, ".") {
		key, rest, _ := strings.Cut(part, "[")
		if key != "" {
			out = append(out, segment{key: key, index: -1})
		}
		for rest != "" {
			num, after, ok := strings.Cut(rest, "]")
			i, err := strconv.Atoi(num)
			if !ok || err != nil || i < 0 {
				return nil, fmt.Errorf("bad index in %q", part)
			}
			out = append(out, segment{index: i})
			rest = strings.TrimPrefix(after, "[")
		}
		if key == "" && !strings.Contains(part, "[") {
			return nil, fmt.Errorf("empty step in %q", path)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("empty path")
	}
	return out, nil
}

func child(n *yaml.Node, s segment) *yaml.Node {
	switch {
	case s.index < 0 && n.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == s.key {
				return n.Content[i+1]
			}
		}
	case s.index >= 0 && n.Kind == yaml.SequenceNode && s.index < len(n.Content):
		return n.Content[s.index]
	}
	return nil
}

// apply performs one change on the document.
func apply(root *yaml.Node, ch Change, written map[*yaml.Node]string, suite string) error {
	segs, err := splitPath(ch.Path)
	if err != nil {
		return err
	}
	n := root
	for i, s := range segs {
		last := i == len(segs)-1
		if s.index >= 0 {
			if n.Kind != yaml.SequenceNode || s.index >= len(n.Content) {
				return fmt.Errorf("no item %d", s.index)
			}
			if last && ch.Op == "set" {
				n.Content[s.index] = mark(ch.value, written, suite)
				return nil
			}
			n = n.Content[s.index]
			continue
		}
		if n.Kind != yaml.MappingNode {
			return fmt.Errorf("%q is not inside an object", s.key)
		}
		next := child(n, s)
		if last && ch.Op == "set" {
			v := mark(ch.value, written, suite)
			if next == nil {
				n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s.key}, v)
				return nil
			}
			*next = *v
			written[next] = suite
			return nil
		}
		if next == nil {
			kind := yaml.MappingNode
			if last || segs[i+1].index >= 0 {
				kind = yaml.SequenceNode
			}
			next = &yaml.Node{Kind: kind}
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s.key}, next)
		}
		n = next
	}
	// append
	if n.Kind != yaml.SequenceNode {
		return fmt.Errorf("not a list")
	}
	for _, item := range ch.value.Content {
		n.Content = append(n.Content, mark(item, written, suite))
	}
	return nil
}

// mark copies a value written by a case, with its aliases expanded (the
// anchor they name may be replaced by the change itself), and remembers,
// for every node in it, that it comes from the suite file.
func mark(v *yaml.Node, written map[*yaml.Node]string, suite string) *yaml.Node {
	var copyOf func(n *yaml.Node) *yaml.Node
	copyOf = func(n *yaml.Node) *yaml.Node {
		for n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		c := *n
		c.Anchor = ""
		c.Content = make([]*yaml.Node, len(n.Content))
		for i, x := range n.Content {
			c.Content[i] = copyOf(x)
		}
		written[&c] = suite
		return &c
	}
	return copyOf(v)
}

// clone deep-copies a node, keeping positions. Each node is copied once:
// an alias points at the copy of its anchor, as in the original, so a
// document full of aliases costs what it holds, not what it expands to.
// The copy is written out and read back, and the reader expands aliases
// within its own budget (Parse has already refused documents whose aliases
// expand past limits.AliasExpansion).
func clone(n *yaml.Node, done map[*yaml.Node]*yaml.Node) *yaml.Node {
	if n == nil {
		return nil
	}
	if c, ok := done[n]; ok {
		return c
	}
	c := new(yaml.Node)
	done[n] = c
	*c = *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, x := range n.Content {
		c.Content[i] = clone(x, done)
	}
	c.Alias = clone(n.Alias, done)
	return c
}
