package format

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/internal/yamlnode"
)

// Width is the column a folded expression is wrapped before.
const Width = 80

// longExpr is the length beyond which a one-line expression becomes a
// folded block: what still fits on the line of a rule's key ("    expr: ")
// within LineLimit stays on it.
const longExpr = LineLimit - len("    expr: ")

// LineLimit is the longest line a one-line expression may make before it
// is folded: a little over Width, so that an expression that ends just
// past column 80 is not broken for a word.
const LineLimit = 100

// Key orders. Keys not listed keep their order after the listed ones, so
// formatting never drops anything.
var (
	policyKeys   = []string{"name", "version", "extends", "description", "params", "variables", "rules", "scores", "limits"}
	ruleKeys     = []string{"id", "override", "subject", "description", "when", "expr", "severity", "message", "source", "disabled"}
	paramKeys    = []string{"type", "default", "description"}
	variableKeys = []string{"name", "subject", "expr"}
	scoreKeys    = []string{"id", "subject", "description", "expr", "weight"}
	textKeys     = []string{"kk", "ru", "en"}
)

// ErrNotPolicy is wrapped by the error for a document that is not a YAML
// mapping.
var ErrNotPolicy = errors.New("not a policy document (a YAML mapping)")

// ErrTooLarge is wrapped by the error for a policy of more than
// [limits.PolicyValues] values.
var ErrTooLarge = errors.New("too many values to lay out")

// Codes of the problems Source reports, besides diag.CodeSyntax.
const (
	CodeNotPolicy diag.Code = "format.not_policy" // the document is not a mapping
	CodeTooLarge  diag.Code = "format.too_large"  // more than {0} values
)

func init() {
	diag.Register(map[diag.Code]diag.Text{
		CodeNotPolicy: {
			KK: "бұл саясат құжаты емес: YAML кестесі (mapping) күтілді",
			RU: "это не документ политики: ожидается отображение YAML (mapping)",
			EN: "not a policy document: a YAML mapping is expected",
		},
		CodeTooLarge: {
			KK: "саясатта {0}-ден астам мән бар; sabaq fmt мұнша мәнді ғана реттейді",
			RU: "в политике больше {0} значений; sabaq fmt упорядочивает не больше",
			EN: "the policy holds more than {0} values; sabaq fmt lays out no more",
		},
	})
}

// Source formats a policy file: keys in canonical order, 2-space
// indentation, comments kept, long expressions as folded (>-) blocks and
// multi-line ones as literal (|-) blocks, a blank line between sections and
// between rules. Formatting a formatted file changes nothing.
//
// A problem is a [*diag.Error] at its line: a YAML syntax error
// ([diag.CodeSyntax]), a document that is not a mapping ([CodeNotPolicy],
// wrapping [ErrNotPolicy]) or one of more than [limits.PolicyValues]
// values ([CodeTooLarge], wrapping [ErrTooLarge]). Source reads only src;
// a caller reading a file caps its size first (sabaq fmt at
// [limits.PolicyBytes]).
func Source(src []byte) ([]byte, error) { return File("", src) }

// File is [Source] for a file: its problems name file.
func File(file string, src []byte) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(src)).Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlnode.Syntax(file, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		e := diag.New(CodeNotPolicy, "").At(diag.Pos{File: file, Line: max(doc.Line, 1), Col: max(doc.Column, 1)})
		e.Err = ErrNotPolicy
		return nil, e
	}
	root := doc.Content[0]
	if n := count(root, limits.PolicyValues+1); n > limits.PolicyValues {
		e := diag.New(CodeTooLarge, "", strconv.Itoa(limits.PolicyValues)).At(diag.Pos{File: file, Line: 1, Col: 1})
		e.Err = ErrTooLarge
		return nil, e
	}
	// A comment at the very top belongs to the file, not to whichever key
	// happens to come first: keep it on top when the keys move.
	if len(root.Content) > 0 && root.Content[0].HeadComment != "" && root.Content[0].Value != policyKeys[0] {
		doc.HeadComment = strings.TrimSpace(doc.HeadComment + "\n\n" + root.Content[0].HeadComment)
		root.Content[0].HeadComment = ""
	}
	kept := &blocks{lines: strings.Split(string(src), "\n")}
	if bytes.Contains(src, []byte(blockToken)) {
		kept = nil // a file that holds the token itself is laid out whole
	}
	order(root, policyKeys)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i].Value, root.Content[i+1]
		switch k {
		case "description":
			order(v, textKeys)
		case "params":
			if v.Kind == yaml.MappingNode {
				for j := 1; j < len(v.Content); j += 2 {
					order(v.Content[j], paramKeys)
					if d := value(v.Content[j], "description"); d != nil {
						order(d, textKeys)
					}
				}
			}
		case "variables":
			items(v, kept, variableKeys, "expr")
		case "rules":
			items(v, kept, ruleKeys, "when", "expr")
		case "scores":
			items(v, kept, scoreKeys, "expr", "weight")
		}
	}
	keepBlocks(root, kept)
	nullsInFlow(root, false)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, fmt.Errorf("format: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("format: %w", err)
	}
	return kept.restore(layout(b.Bytes())), nil
}

// nullsInFlow writes an empty null inside a flow collection ({a}, [a, ])
// as "null": the encoder would write an empty quoted string there, and so
// change what the policy says.
func nullsInFlow(n *yaml.Node, flow bool) {
	flow = flow || n.Style&yaml.FlowStyle != 0
	for _, c := range n.Content {
		if flow && c.Kind == yaml.ScalarNode && c.Tag == "!!null" && c.Value == "" {
			c.Value = "null"
		}
		nullsInFlow(c, flow)
	}
}

// count counts the values of a document as written (an alias is one),
// stopping at limit.
func count(n *yaml.Node, limit int) int {
	c := 1
	for _, x := range n.Content {
		if c >= limit {
			break
		}
		c += count(x, limit-c)
	}
	return c
}

// items orders the keys of every item of a list and styles its expressions.
func items(list *yaml.Node, kept *blocks, keys []string, exprKeys ...string) {
	if list.Kind != yaml.SequenceNode {
		return
	}
	for _, item := range list.Content {
		order(item, keys)
		for _, k := range []string{"description", "message"} {
			if t := value(item, k); t != nil {
				order(t, textKeys)
			}
		}
		for _, k := range exprKeys {
			if e := value(item, k); e != nil && !kept.keep(keyOf(item, k), e) {
				styleExpr(e)
			}
		}
	}
}

// styleExpr writes an expression plainly when it is short, as a folded
// block when it is long, and as a literal block when it has several lines
// (folding would join them).
func styleExpr(n *yaml.Node) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		return
	}
	switch {
	case strings.Contains(n.Value, "\n"):
		n.Style = yaml.LiteralStyle
	case len(n.Value) > longExpr && foldable(n.Value):
		n.Style = yaml.FoldedStyle
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		// The author's quotes stay: a CEL string inside reads more easily
		// in the other kind.
		n.Style &= yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle
	default:
		n.Style = 0 // plain, or quoted when plain would read differently
	}
}

// foldable reports whether a one-line value survives a folded block: no
// leading, trailing or doubled spaces, no tabs.
func foldable(s string) bool {
	return s == strings.TrimSpace(s) && !strings.Contains(s, "  ") && !strings.Contains(s, "\t")
}

func value(m *yaml.Node, key string) *yaml.Node {
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// order sorts a mapping's pairs by keys, stable for the keys not listed.
func order(m *yaml.Node, keys []string) {
	if m == nil || m.Kind != yaml.MappingNode {
		return
	}
	rank := func(k string) int {
		for i, x := range keys {
			if x == k {
				return i
			}
		}
		return len(keys)
	}
	type pair struct{ k, v *yaml.Node }
	pairs := make([]pair, 0, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		pairs = append(pairs, pair{m.Content[i], m.Content[i+1]})
	}
	// Insertion sort: stable, and lists are short.
	for i := 1; i < len(pairs); i++ {
		for j := i; j > 0 && rank(pairs[j].k.Value) < rank(pairs[j-1].k.Value); j-- {
			pairs[j], pairs[j-1] = pairs[j-1], pairs[j]
		}
	}
	m.Content = m.Content[:0]
	for _, p := range pairs {
		m.Content = append(m.Content, p.k, p.v)
	}
}

// layout adds the blank lines the encoder drops — before every top-level
// key but the first and before every rule — each above the comments that
// belong to the line, and wraps long folded lines.
func layout(out []byte) []byte {
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	var res []string
	section := ""
	seenKey := false
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		top := len(line) > 0 && line[0] != ' ' && line[0] != '#' && line[0] != '-'
		if top {
			section, _, _ = strings.Cut(line, ":")
		}
		blank := (top && seenKey && !headerKey(section)) || (section == "rules" && strings.HasPrefix(line, "  - ") && hasItemBefore(lines, i))
		if top {
			seenKey = true
		}
		if blank {
			// Put the blank line above the comment block of this line.
			j := len(res)
			for j > 0 && strings.HasPrefix(strings.TrimSpace(res[j-1]), "#") {
				j--
			}
			if j > 0 && res[j-1] != "" {
				res = append(res[:j], append([]string{""}, res[j:]...)...)
			}
		}
		res = append(res, line)
		if strings.HasSuffix(line, ": >-") {
			// The folded block's lines follow, more indented than the key.
			indent := len(line) - len(strings.TrimLeft(line, " -")) + 2
			for i+1 < len(lines) && strings.HasPrefix(lines[i+1], strings.Repeat(" ", indent)) {
				i++
				res = append(res, wrap(lines[i], indent)...)
			}
		}
	}
	return []byte(strings.Join(res, "\n") + "\n")
}

// headerKey reports whether a top-level key belongs to the policy's header
// (name, version, description, extends), which is not broken by blank lines.
func headerKey(k string) bool {
	return k == "name" || k == "version" || k == "description" || k == "extends"
}

// hasItemBefore reports whether a rule item precedes line i (so that the
// first rule follows its key directly).
func hasItemBefore(lines []string, i int) bool {
	for j := i - 1; j >= 0; j-- {
		if strings.HasPrefix(lines[j], "  - ") {
			return true
		}
		if len(lines[j]) > 0 && lines[j][0] != ' ' && lines[j][0] != '#' {
			return false
		}
	}
	return false
}

// cutAt finds where to break text before column limit: preferably after a
// logical operator (&&, ||) or a +, else at any single space.
func cutAt(text string, limit int) int {
	single := func(k int) bool {
		return k > 0 && k+1 < len(text) && text[k] == ' ' && text[k-1] != ' ' && text[k+1] != ' '
	}
	for k := min(limit, len(text)-1); k > limit/2; k-- {
		if single(k) && (strings.HasSuffix(text[:k], "&&") || strings.HasSuffix(text[:k], "||") || strings.HasSuffix(text[:k], " +")) {
			return k
		}
	}
	for k := min(limit, len(text)-1); k > 0; k-- {
		if single(k) {
			return k
		}
	}
	return -1
}

// wrap breaks one line of a folded block at single spaces so that no line
// is longer than Width where it can be helped. In a folded block a line
// break between two lines of the same indentation reads as one space, so
// the value is unchanged.
func wrap(line string, indent int) []string {
	pad := strings.Repeat(" ", indent)
	text := strings.TrimPrefix(line, pad)
	if len(line) <= Width || strings.HasPrefix(text, " ") {
		return []string{line}
	}
	var out []string
	for len(pad)+len(text) > Width {
		cut := cutAt(text, Width-len(pad))
		if cut < 0 {
			break
		}
		out = append(out, pad+text[:cut])
		text = text[cut+1:]
	}
	return append(out, pad+text)
}

func keyOf(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return nil
}

// blockToken stands, while the encoder writes the document, for an
// expression block whose lines are kept as the author broke them.
const blockToken = "sabaq-fmt-block-"

// blocks keeps the expressions an author wrote as blocks (>- or |-):
// their lines are the author's, broken where the author chose (after an
// operator, before a clause), and re-wrapping them would only undo that.
// The formatter re-indents them and leaves their text alone, so their
// value is unchanged.
type blocks struct {
	lines []string // the source, by line
	kept  []block
}

type block struct {
	indicator string   // ">-", "|-", …
	text      []string // the content lines, as written
	indent    int      // their least indentation
}

// keep takes over the block scalar n, the value of key, if it was written
// as a block: n becomes a placeholder the encoder writes plainly.
func (b *blocks) keep(key, n *yaml.Node) bool {
	if b == nil || key == nil || n.Kind != yaml.ScalarNode || n.Anchor != "" ||
		n.Style&(yaml.FoldedStyle|yaml.LiteralStyle) == 0 || n.Line < 1 || n.Line > len(b.lines) {
		return false
	}
	head := b.lines[n.Line-1]
	if n.Column-1 >= len(head) {
		return false
	}
	fields := strings.Fields(head[n.Column-1:])
	if len(fields) == 0 || strings.ContainsAny(fields[0], "0123456789") {
		return false // an explicit indentation would not survive re-indenting
	}
	blk := block{indicator: fields[0], indent: -1}
	for i := n.Line; i < len(b.lines); i++ {
		line := b.lines[i]
		trimmed := strings.TrimLeft(line, " ")
		ind := len(line) - len(trimmed)
		if trimmed != "" && ind <= key.Column-1 {
			break
		}
		blk.text = append(blk.text, line)
		if trimmed != "" && (blk.indent < 0 || ind < blk.indent) {
			blk.indent = ind
		}
	}
	for len(blk.text) > 0 && strings.TrimSpace(blk.text[len(blk.text)-1]) == "" {
		blk.text = blk.text[:len(blk.text)-1]
	}
	if len(blk.text) == 0 {
		return false
	}
	n.Value = blockToken + strconv.Itoa(len(b.kept))
	n.Style = 0
	b.kept = append(b.kept, blk)
	return true
}

// restore writes each kept block back in place of its placeholder,
// indented two spaces deeper than its key.
func (b *blocks) restore(out []byte) []byte {
	if b == nil || len(b.kept) == 0 {
		return out
	}
	lines := strings.Split(string(out), "\n")
	res := make([]string, 0, len(lines))
	for _, line := range lines {
		i := strings.Index(line, blockToken)
		if i < 0 {
			res = append(res, line)
			continue
		}
		j := i + len(blockToken)
		k := j
		for k < len(line) && line[k] >= '0' && line[k] <= '9' {
			k++
		}
		n, err := strconv.Atoi(line[j:k])
		if err != nil || n >= len(b.kept) {
			res = append(res, line)
			continue
		}
		blk := b.kept[n]
		res = append(res, line[:i]+blk.indicator+line[k:])
		indent := len(line) - len(strings.TrimLeft(line, " -")) + 2
		for _, t := range blk.text {
			if strings.TrimSpace(t) == "" {
				res = append(res, "")
				continue
			}
			res = append(res, strings.Repeat(" ", indent)+t[blk.indent:])
		}
	}
	return []byte(strings.Join(res, "\n"))
}

// keepBlocks keeps, as the author broke them, the lines of every other
// text written as a block (a long message, a description): they are
// prose, and the author's breaks are where a reader expects them.
func keepBlocks(n *yaml.Node, kept *blocks) {
	if n.Kind != yaml.MappingNode && n.Kind != yaml.SequenceNode {
		return
	}
	for i, c := range n.Content {
		if n.Kind == yaml.MappingNode && i%2 == 1 && c.Kind == yaml.ScalarNode {
			kept.keep(n.Content[i-1], c)
			continue
		}
		keepBlocks(c, kept)
	}
}
