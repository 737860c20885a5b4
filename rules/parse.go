package rules

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
)

// File is a policy file as written, before compilation: the parse stage of
// parse → compile → evaluate. Every field keeps its position so that the
// compile stage can point at the exact line and column of a problem.
type File struct {
	Path        string // the name errors use, e.g. "policies/guide.yaml"
	Name        string
	Version     string
	Description diag.Text
	Extends     string
	Params      []ParamDecl
	Variables   []VariableDecl
	Rules       []RuleDecl
	Scores      []ScoreDecl
	// Limits overrides the declared list sizes used by the static cost
	// estimate (see the package doc, "Cost").
	Limits map[string]int

	pos      map[string]diag.Pos // "extends", "name"… → position of the value
	problems diag.List           // what Parse reported: compiled beside, never hidden
	src      []byte
	extPos   diag.Pos
	namePos  diag.Pos
	texts    map[string]Expr // "rules[2].description.kk"… → the text where it is, a template
}

// ParamDecl declares a parameter, or in a profile overrides its default.
type ParamDecl struct {
	Name        string
	Type        string // int, double, bool, string, list(string); empty in an override
	Default     any    // int64, float64, bool, string or []string
	Description diag.Text
	Pos         diag.Pos // of the name
	DefaultPos  diag.Pos
	defaultNode *yaml.Node
}

// VariableDecl declares a named CEL expression, evaluated at most once per
// subject and only when a rule or message reads it.
type VariableDecl struct {
	Name    string
	Subject string
	Expr    Expr
	Pos     diag.Pos
}

// RuleDecl is one rule as written.
type RuleDecl struct {
	ID          string
	Subject     string
	Description diag.Text
	When        Expr // optional precondition; empty means always
	Expr        Expr // true means compliant
	Severity    string
	Message     map[diag.Lang]Expr // message templates with {{ CEL }} placeholders
	Source      string
	Disabled    bool
	// Override says that the rule replaces the base policy's rule of the
	// same id, on purpose; a profile rule reusing a base id without it,
	// or with it but no such base rule, is a policy error.
	Override bool
	Pos      diag.Pos // of the rule's "id" value
	fieldPos map[string]diag.Pos
}

// ScoreDecl is a weighted numeric expression (subject pair).
type ScoreDecl struct {
	ID          string
	Subject     string
	Description diag.Text
	Expr        Expr
	Weight      Expr
	Pos         diag.Pos
}

// Expr is a CEL expression or message template and where it starts in its
// file, so that an error at offset k inside it maps to a line and column.
type Expr struct {
	Text string
	Pos  diag.Pos // position of the first character of Text
	// A block scalar's lines start at its indentation. A folded one (>)
	// joins its lines with spaces: folds holds where each line after the
	// first starts in Text.
	block  bool
	indent int
	folds  []int
}

// IsZero reports whether the expression is absent.
func (e Expr) IsZero() bool { return e.Text == "" }

// PosAt maps a byte offset inside the expression to a file position.
func (e Expr) PosAt(offset int) diag.Pos {
	if offset < 0 || offset > len(e.Text) {
		return e.Pos
	}
	before := e.Text[:offset]
	line := strings.Count(before, "\n")
	col := offset - (strings.LastIndexByte(before, '\n') + 1)
	if e.folds != nil {
		line = 0
		for line < len(e.folds) && e.folds[line] <= offset {
			line++
		}
		col = offset
		if line > 0 {
			col = offset - e.folds[line-1]
		}
	}
	p := e.Pos
	if line == 0 {
		p.Col += len([]rune(before[len(before)-col:]))
		return p
	}
	p.Line += line
	p.Col = e.indent + 1 + len([]rune(before[len(before)-col:]))
	return p
}

// Parse reads one policy file. It reports every structural problem at once
// (unknown or misspelled keys, wrong value types, missing names) as a
// [diag.List] with file:line:col; expressions are checked later, by
// compilation. With structural problems it returns the File as far as it
// could be read beside the error (a key it does not know is left out, a
// value of the wrong type is empty), so that compilation can still check
// the rest; a file that is not YAML, or too deep, gives a nil File.
func Parse(path string, src []byte) (*File, error) {
	f := &File{Path: path, src: src, pos: map[string]diag.Pos{}, texts: map[string]Expr{}}
	p := &parser{f: f, src: src}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line, msg := yamlErrorLine(err)
		return nil, diag.List{p.errAt(diag.Pos{File: path, Line: line, Col: 1}, "", diag.CodeSyntax, msg)}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, diag.List{p.errAt(diag.Pos{File: path, Line: 1, Col: 1}, "", CodeEmpty)}
	}
	if e := p.guard(&doc); e != nil {
		return nil, diag.List{e}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, diag.List{p.err(root, "", diag.CodeWrongType, "@object", kindName(root))}
	}
	p.mapping(root, "", map[string]func(k, v *yaml.Node){
		"name":        func(k, v *yaml.Node) { f.Name = p.str(v, "name"); f.namePos = p.pos(v) },
		"version":     func(k, v *yaml.Node) { f.Version = p.str(v, "version") },
		"description": func(k, v *yaml.Node) { f.Description = p.text(v, "description") },
		"extends":     func(k, v *yaml.Node) { f.Extends = p.str(v, "extends"); f.extPos = p.pos(v) },
		"params":      func(k, v *yaml.Node) { p.params(v) },
		"variables":   func(k, v *yaml.Node) { p.variables(v) },
		"rules":       func(k, v *yaml.Node) { p.rules(v) },
		"scores":      func(k, v *yaml.Node) { p.scores(v) },
		"limits":      func(k, v *yaml.Node) { p.limits(v) },
	})
	if f.Name == "" && !p.has("name") {
		p.errs = append(p.errs, p.errAt(diag.Pos{File: path, Line: root.Line, Col: root.Column}, "name", diag.CodeRequired))
	}
	p.errs.Sort()
	return f, p.errs.Err()
}

// guard bounds the work a document may ask for before it is walked: it
// may nest at most limits.Depth deep, and its aliases may add at most
// limits.AliasExpansion nodes once followed (a billion laughs adds
// billions). Aliases that pass are replaced by what they name, so the rest
// of the parser reads them like any other value.
func (p *parser) guard(doc *yaml.Node) *diag.Error {
	type item struct {
		n     *yaml.Node
		depth int
	}
	stack := []item{{doc, 0}}
	expanded := 0
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.depth > limits.Depth {
			return p.err(it.n, "", diag.CodeTooLarge, fmt.Sprintf("nested deeper than %d", limits.Depth))
		}
		for i, c := range it.n.Content {
			for hops := 0; c.Kind == yaml.AliasNode && c.Alias != nil; hops++ {
				if hops > limits.Depth {
					return p.err(c, "", diag.CodeTooLarge, "an alias of an alias")
				}
				c = c.Alias
			}
			if it.n.Content[i] != c {
				expanded += size(c, limits.AliasExpansion-expanded+1)
				if expanded > limits.AliasExpansion {
					return p.err(it.n.Content[i], "", diag.CodeTooLarge,
						fmt.Sprintf("aliases expand to more than %d values", limits.AliasExpansion))
				}
				it.n.Content[i] = c
			}
			stack = append(stack, item{c, it.depth + 1})
		}
	}
	return nil
}

// size counts the nodes under n, aliases followed, stopping past most.
func size(n *yaml.Node, most int) int {
	count := 0
	stack := []*yaml.Node{n}
	for len(stack) > 0 && count <= most {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		count++
		if x.Kind == yaml.AliasNode && x.Alias != nil {
			stack = append(stack, x.Alias)
			continue
		}
		stack = append(stack, x.Content...)
	}
	return count
}

type parser struct {
	f    *File
	src  []byte
	errs diag.List
	seen map[string]bool
}

func (p *parser) has(key string) bool { return p.seen[key] }

func (p *parser) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: p.f.Path, Line: n.Line, Col: n.Column}
}

func (p *parser) errAt(pos diag.Pos, path string, code diag.Code, args ...string) *diag.Error {
	e := diag.New(code, path, args...).At(pos)
	e.Snippet = snippet(p.src, pos)
	return e
}

func (p *parser) err(n *yaml.Node, path string, code diag.Code, args ...string) *diag.Error {
	return p.errAt(p.pos(n), path, code, args...)
}

// mapping walks a mapping node, calling the handler of each known key and
// reporting unknown and repeated keys.
func (p *parser) mapping(n *yaml.Node, path string, handlers map[string]func(k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.errs = append(p.errs, p.err(n, path, diag.CodeWrongType, "@object", kindName(n)))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		at := diag.JoinPath(path, k.Value)
		if seen[k.Value] {
			p.errs = append(p.errs, p.err(k, at, diag.CodeDuplicateKey, k.Value))
			continue
		}
		seen[k.Value] = true
		h, ok := handlers[k.Value]
		if !ok {
			if hint := suggest(k.Value, handlers); hint != "" {
				p.errs = append(p.errs, p.err(k, at, diag.CodeUnknownHint, k.Value, hint))
			} else {
				p.errs = append(p.errs, p.err(k, at, diag.CodeUnknownField, k.Value))
			}
			continue
		}
		h(k, v)
	}
	if path == "" {
		p.seen = seen
	}
}

// suggest names the closest known key, for misspellings: diag.Closest
// over the keys in order, so that a tie always names the same one.
func suggest(key string, handlers map[string]func(k, v *yaml.Node)) string {
	hint, _ := diag.Closest(key, slices.Sorted(maps.Keys(handlers)))
	return hint
}

func (p *parser) str(n *yaml.Node, path string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errs = append(p.errs, p.err(n, path, diag.CodeWrongType, "@string", kindName(n)))
		return ""
	}
	return n.Value
}

func (p *parser) boolean(n *yaml.Node, path string) bool {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		p.errs = append(p.errs, p.err(n, path, diag.CodeWrongType, "@bool", kindName(n)))
		return false
	}
	return n.Value == "true"
}

// text reads a text in three languages, keeping where each is: a
// description is a template over params (compile renders it).
func (p *parser) text(n *yaml.Node, path string) diag.Text {
	var t diag.Text
	lang := func(l diag.Lang, into *string) func(k, v *yaml.Node) {
		return func(_, v *yaml.Node) {
			e := p.expr(v, path+"."+string(l))
			*into = e.Text
			p.f.texts[path+"."+string(l)] = e
		}
	}
	p.mapping(n, path, map[string]func(k, v *yaml.Node){
		"kk": lang(diag.KK, &t.KK),
		"ru": lang(diag.RU, &t.RU),
		"en": lang(diag.EN, &t.EN),
	})
	return t
}

func (p *parser) expr(n *yaml.Node, path string) Expr {
	s := p.str(n, path)
	e := Expr{Text: s, Pos: p.pos(n)}
	switch n.Style {
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		e.Pos.Col++
	case yaml.LiteralStyle, yaml.FoldedStyle:
		// The text starts on the line after the indicator, at the block's
		// indentation.
		e.block = true
		e.Pos.Line++
		e.indent = indentOf(p.src, e.Pos.Line)
		e.Pos.Col = e.indent + 1
	}
	if n.Style == yaml.LiteralStyle || n.Style == yaml.FoldedStyle {
		e.Text = strings.TrimRight(e.Text, "\n")
	}
	if n.Style == yaml.FoldedStyle {
		e.folds = folds(p.src, e.Pos.Line, e.indent, e.Text)
	}
	return e
}

// folds returns where each source line after the first starts in the
// text of a folded block scalar whose lines start at line, indented by
// indent: the lines joined by single spaces. A block folded any other way
// (blank or more-indented lines keep their breaks) gives nil, and
// positions in it count its breaks as newlines.
func folds(src []byte, line, indent int, text string) []int {
	lines := bytes.Split(src, []byte("\n"))
	var starts []int
	n := 0
	for i := line - 1; i < len(lines) && n < len(text); i++ {
		l := bytes.TrimRight(lines[i], "\r")
		if len(l) < indent || len(bytes.TrimLeft(l[:indent], " ")) > 0 {
			return nil
		}
		if i > line-1 {
			if text[n] != ' ' {
				return nil
			}
			n++
			starts = append(starts, n)
		}
		content := string(l[indent:])
		if !strings.HasPrefix(text[n:], content) {
			return nil
		}
		n += len(content)
	}
	if n != len(text) {
		return nil
	}
	return starts
}

func indentOf(src []byte, line int) int {
	lines := bytes.SplitN(src, []byte("\n"), line+1)
	if line-1 >= len(lines) {
		return 0
	}
	l := lines[line-1]
	return len(l) - len(bytes.TrimLeft(l, " "))
}

func (p *parser) seq(n *yaml.Node, path string, each func(i int, item *yaml.Node)) {
	if n.Kind != yaml.SequenceNode {
		if n.Tag == "!!null" {
			return
		}
		p.errs = append(p.errs, p.err(n, path, diag.CodeWrongType, "@list", kindName(n)))
		return
	}
	for i, item := range n.Content {
		each(i, item)
	}
}

func (p *parser) params(n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		p.errs = append(p.errs, p.err(n, "params", diag.CodeWrongType, "@object", kindName(n)))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		path := "params." + k.Value
		d := ParamDecl{Name: k.Value, Pos: p.pos(k)}
		p.mapping(v, path, map[string]func(k, v *yaml.Node){
			"type":        func(_, v *yaml.Node) { d.Type = p.str(v, path+".type") },
			"default":     func(_, v *yaml.Node) { d.defaultNode = v; d.DefaultPos = p.pos(v) },
			"description": func(_, v *yaml.Node) { d.Description = p.text(v, path+".description") },
		})
		if d.defaultNode == nil {
			p.errs = append(p.errs, p.err(k, path+".default", diag.CodeRequired))
		}
		p.f.Params = append(p.f.Params, d)
	}
}

func (p *parser) variables(n *yaml.Node) {
	p.seq(n, "variables", func(i int, item *yaml.Node) {
		path := diag.Index("variables", i)
		d := VariableDecl{Pos: p.pos(item)}
		p.mapping(item, path, map[string]func(k, v *yaml.Node){
			"name":    func(_, v *yaml.Node) { d.Name = p.str(v, path+".name"); d.Pos = p.pos(v) },
			"subject": func(_, v *yaml.Node) { d.Subject = p.str(v, path+".subject") },
			"expr":    func(_, v *yaml.Node) { d.Expr = p.expr(v, path+".expr") },
		})
		p.f.Variables = append(p.f.Variables, d)
	})
}

func (p *parser) rules(n *yaml.Node) {
	p.seq(n, "rules", func(i int, item *yaml.Node) {
		path := diag.Index("rules", i)
		d := RuleDecl{Pos: p.pos(item), fieldPos: map[string]diag.Pos{}}
		at := func(key string, v *yaml.Node) { d.fieldPos[key] = p.pos(v) }
		p.mapping(item, path, map[string]func(k, v *yaml.Node){
			"id":          func(_, v *yaml.Node) { d.ID = p.str(v, path+".id"); d.Pos = p.pos(v) },
			"subject":     func(_, v *yaml.Node) { d.Subject = p.str(v, path+".subject"); at("subject", v) },
			"description": func(_, v *yaml.Node) { d.Description = p.text(v, path+".description") },
			"when":        func(_, v *yaml.Node) { d.When = p.expr(v, path+".when") },
			"expr":        func(_, v *yaml.Node) { d.Expr = p.expr(v, path+".expr"); at("expr", v) },
			"severity":    func(_, v *yaml.Node) { d.Severity = p.str(v, path+".severity"); at("severity", v) },
			"source":      func(_, v *yaml.Node) { d.Source = p.str(v, path+".source") },
			"disabled":    func(_, v *yaml.Node) { d.Disabled = p.boolean(v, path+".disabled"); at("disabled", v) },
			"override":    func(_, v *yaml.Node) { d.Override = p.boolean(v, path+".override"); at("override", v) },
			"message": func(k, v *yaml.Node) {
				at("message", k) // a missing language is reported at the key
				d.Message = map[diag.Lang]Expr{}
				p.mapping(v, path+".message", map[string]func(k, v *yaml.Node){
					"kk": func(_, v *yaml.Node) { d.Message[diag.KK] = p.expr(v, path+".message.kk") },
					"ru": func(_, v *yaml.Node) { d.Message[diag.RU] = p.expr(v, path+".message.ru") },
					"en": func(_, v *yaml.Node) { d.Message[diag.EN] = p.expr(v, path+".message.en") },
				})
			},
		})
		p.f.Rules = append(p.f.Rules, d)
	})
}

func (p *parser) scores(n *yaml.Node) {
	p.seq(n, "scores", func(i int, item *yaml.Node) {
		path := diag.Index("scores", i)
		d := ScoreDecl{Pos: p.pos(item)}
		p.mapping(item, path, map[string]func(k, v *yaml.Node){
			"id":          func(_, v *yaml.Node) { d.ID = p.str(v, path+".id"); d.Pos = p.pos(v) },
			"subject":     func(_, v *yaml.Node) { d.Subject = p.str(v, path+".subject") },
			"description": func(_, v *yaml.Node) { d.Description = p.text(v, path+".description") },
			"expr":        func(_, v *yaml.Node) { d.Expr = p.expr(v, path+".expr") },
			"weight":      func(_, v *yaml.Node) { d.Weight = p.expr(v, path+".weight") },
		})
		p.f.Scores = append(p.f.Scores, d)
	})
}

func (p *parser) limits(n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		p.errs = append(p.errs, p.err(n, "limits", diag.CodeWrongType, "@object", kindName(n)))
		return
	}
	p.f.Limits = map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		x, err := strconv.Atoi(v.Value)
		if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || err != nil || x < 0 {
			p.errs = append(p.errs, p.err(v, "limits."+k.Value, diag.CodeWrongType, "@integer", kindName(v)))
			continue
		}
		p.f.Limits[k.Value] = x
	}
}

// kindName names what a node holds, as a term for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "@object"
	case yaml.SequenceNode:
		return "@list"
	}
	switch n.Tag {
	case "!!int", "!!float":
		return "@number"
	case "!!bool":
		return "@bool"
	case "!!null":
		return "@null"
	}
	return "@string"
}

// snippet returns the source line at pos and a caret under its column, a
// long line cut to a window around the column: the project's one snippet
// function (a policy holds no personal data to mask).
func snippet(src []byte, pos diag.Pos) string { return decode.SnippetAt(src, pos, nil) }

// yamlErrorLine pulls the line number out of a yaml.v3 syntax error.
func yamlErrorLine(err error) (int, string) {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	var line int
	if _, scanErr := fmt.Sscanf(msg, "line %d:", &line); scanErr == nil {
		if i := strings.IndexByte(msg, ':'); i >= 0 {
			msg = strings.TrimSpace(msg[i+1:])
		}
		return line, msg
	}
	return 1, msg
}
