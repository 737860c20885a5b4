package yamlnode

import (
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
)

// shape is what checkTree learns of a node: how many nodes it stands for
// once its aliases are expanded, and how deep it nests.
type shape struct {
	size, height int
}

// measure walks a document once. Only anchored nodes — the ones aliases
// point at — are remembered, so each is measured once however many
// aliases name it: checking a billion laughs costs what its bytes do, and
// an ordinary document costs no memory beyond its own tree.
type measure struct {
	anchors map[*yaml.Node]*shape // nil while an anchored node is being measured
	written int                   // nodes as written, each once
	cycle   *yaml.Node            // an alias inside the value it names
}

// ceiling keeps sizes far below overflow: anything above it is too large.
const ceiling = 1 << 40

func (m *measure) of(n *yaml.Node) shape {
	m.written++
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return shape{}
		}
		s, ok := m.anchors[n.Alias]
		switch {
		case ok && s == nil: // inside the value it names: it never ends
			if m.cycle == nil {
				m.cycle = n
			}
			return shape{size: ceiling}
		case ok:
			return *s
		}
		// An alias before its anchor's value is done cannot happen in a
		// parsed document, but measure it rather than trust that.
		return m.anchored(n.Alias)
	}
	if n.Anchor != "" {
		if s, ok := m.anchors[n]; ok && s != nil {
			return *s // reached through an alias first
		}
		return m.anchored(n)
	}
	return m.content(n)
}

func (m *measure) anchored(n *yaml.Node) shape {
	m.anchors[n] = nil
	s := m.content(n)
	m.anchors[n] = &s
	return s
}

func (m *measure) content(n *yaml.Node) shape {
	s := shape{size: 1}
	for _, c := range n.Content {
		cs := m.of(c)
		s.size = min(s.size+cs.size, ceiling)
		s.height = max(s.height, cs.height)
	}
	s.height++
	return s
}

// Check refuses a parsed YAML document before anything expands it:
// aliases may add at most [limits.AliasExpansion] values to it, and it may
// nest at most [limits.Depth] levels, counted through aliases. The problem
// is placed in file at the alias or the value at fault.
func Check(root *yaml.Node, file string) *diag.Error {
	m := &measure{anchors: map[*yaml.Node]*shape{}}
	top := m.of(root)
	at := func(n *yaml.Node) diag.Pos { return diag.Pos{File: file, Line: n.Line, Col: n.Column} }
	// An alias counts once as written and its anchor's whole size expanded.
	if m.cycle != nil || top.size-m.written > limits.AliasExpansion {
		return diag.New(CodeAliases, "", strconv.Itoa(limits.AliasExpansion)).At(at(m.biggestAlias(root)))
	}
	if top.height > limits.Depth {
		return diag.New(decode.CodeTooDeep, "", strconv.Itoa(limits.Depth)).At(at(m.tooDeep(root, 1, nil)))
	}
	return nil
}

// biggestAlias is the first alias, in document order, among those that
// expand the most: the one to point an author at.
func (m *measure) biggestAlias(root *yaml.Node) *yaml.Node {
	if m.cycle != nil {
		return m.cycle
	}
	best, size := root, -1
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.AliasNode {
			if s := m.anchors[n.Alias]; s != nil && s.size > size {
				best, size = n, s.size
			}
			return
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	return best
}

// tooDeep finds the first value nested deeper than limits.Depth, and
// returns it, or the first alias on the way there: the place the author
// wrote. Anchored values known to fit are not entered again.
func (m *measure) tooDeep(n *yaml.Node, depth int, alias *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		if alias == nil {
			alias = n
		}
		n = n.Alias
	}
	if depth > limits.Depth {
		if alias != nil {
			return alias
		}
		return n
	}
	if s := m.anchors[n]; s != nil && depth-1+s.height <= limits.Depth {
		return nil
	}
	for _, c := range n.Content {
		if found := m.tooDeep(c, depth+1, alias); found != nil {
			return found
		}
	}
	return nil
}
