package questionnaire

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
)

// MaxSize is the largest response file [Decode] reads: a filled-in
// questionnaire is a few kilobytes.
const MaxSize = 1 << 20

// Load reads the response file at path (JSON, or YAML when the name ends in
// .yaml or .yml), checks it and validates it. See [Decode].
func Load(path string) (Response, error) {
	f, err := os.Open(path)
	if err != nil {
		return Response{}, err
	}
	defer f.Close()
	return Decode(f, path)
}

// Decode reads one response from r; name is the file name used in
// positions and chooses the format: YAML when it ends in .yaml or .yml,
// JSON otherwise. It returns every problem at once as a [diag.List]: syntax
// errors, unknown fields, duplicate keys, wrong types and bad dates, each at
// its file:line:col; then the problems of [Response.Validate], placed at the
// field they name (or the nearest enclosing field that appears in the file).
//
// In YAML a plain scalar may stand for a string (years_in_locality: 3_10);
// in JSON types are strict.
func Decode(r io.Reader, name string) (Response, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return Response{}, err
	}
	if len(data) > MaxSize {
		return Response{}, diag.List{diag.New(diag.CodeTooLarge, "", strconv.Itoa(MaxSize)+" bytes").At(diag.Pos{File: name})}
	}
	var root *node
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		root, err = parseYAML(data, name)
	default:
		root, err = parseJSON(data, name)
	}
	if err != nil {
		return Response{}, err
	}
	s := &schema{file: name, pos: map[string]diag.Pos{}}
	plain := s.check(root, reflect.TypeFor[Response](), "")
	if len(s.errs) > 0 {
		s.errs.Sort()
		return Response{}, s.errs
	}
	// The tree now matches Response field by field, so this round trip
	// cannot fail on the input; an error would be a bug here.
	b, err := json.Marshal(plain)
	if err != nil {
		return Response{}, fmt.Errorf("questionnaire: re-encoding %s: %w", name, err)
	}
	var resp Response
	if err := json.Unmarshal(b, &resp); err != nil {
		return Response{}, fmt.Errorf("questionnaire: decoding %s: %w", name, err)
	}
	if err := resp.Validate(); err != nil {
		l := diag.Errors(err)
		for i, e := range l {
			path := e.Path
			if q, ok := explains[path]; ok && e.Code == CodeExplain {
				if _, given := s.pos[path]; !given {
					path = q
				}
			}
			l[i] = e.At(s.place(path))
		}
		l.Sort()
		return resp, l
	}
	return resp, nil
}

// kind is the shape of a value in the file.
type kind int

const (
	kNull kind = iota
	kString
	kNumber
	kBool
	kList
	kObject
	kScalar // a YAML plain scalar other than null: string, number or bool as the target needs
)

// node is one value of the file with its position.
type node struct {
	kind   kind
	pos    diag.Pos
	text   string  // scalars: the value as text
	fields []field // objects, in file order
	items  []*node // lists
}

type field struct {
	key string
	pos diag.Pos
	val *node
}

// term names a kind in messages ("@string" is rendered in the reader's
// language by diag).
func (k kind) term() string {
	return [...]string{"@null", "@string", "@number", "@bool", "@list", "@object", "@string"}[k]
}

// parseJSON builds the tree of a JSON document, positions included.
func parseJSON(data []byte, file string) (*node, error) {
	p := &jsonParser{data: data, file: file, dec: json.NewDecoder(bytes.NewReader(data))}
	p.dec.UseNumber()
	n, err := p.value()
	if err == nil {
		off := p.start()
		if _, extra := p.dec.Token(); extra != io.EOF {
			err = p.syntax(int64(off), "extra data after the response")
		}
	}
	if err != nil {
		return nil, err
	}
	return n, nil
}

type jsonParser struct {
	data []byte
	file string
	dec  *json.Decoder
}

// start returns the offset where the next token begins.
func (p *jsonParser) start() int {
	off := int(p.dec.InputOffset())
	for off < len(p.data) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

func (p *jsonParser) at(off int) diag.Pos { return position(p.data, off, p.file) }

func (p *jsonParser) syntax(off int64, msg string) error {
	return diag.List{diag.New(diag.CodeSyntax, "", msg).At(p.at(int(off)))}
}

func (p *jsonParser) token() (json.Token, int, error) {
	off := p.start()
	tok, err := p.dec.Token()
	if err != nil {
		if se, ok := errors.AsType[*json.SyntaxError](err); ok {
			return nil, off, p.syntax(se.Offset, strings.TrimPrefix(se.Error(), "json: "))
		}
		if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, off, p.syntax(int64(len(p.data)), "unexpected end of the file")
		}
		return nil, off, p.syntax(int64(off), strings.TrimPrefix(err.Error(), "json: "))
	}
	return tok, off, nil
}

func (p *jsonParser) value() (*node, error) {
	tok, off, err := p.token()
	if err != nil {
		return nil, err
	}
	return p.valueFrom(tok, off)
}

func (p *jsonParser) valueFrom(tok json.Token, off int) (*node, error) {
	n := &node{pos: p.at(off)}
	switch t := tok.(type) {
	case nil:
		n.kind = kNull
	case string:
		n.kind, n.text = kString, t
	case json.Number:
		n.kind, n.text = kNumber, t.String()
	case bool:
		n.kind, n.text = kBool, strconv.FormatBool(t)
	case json.Delim:
		switch t {
		case '[':
			n.kind = kList
			for p.dec.More() {
				item, err := p.value()
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, item)
			}
		case '{':
			n.kind = kObject
			for p.dec.More() {
				tok, off, err := p.token()
				if err != nil {
					return nil, err
				}
				key, _ := tok.(string) // the decoder only gives strings as keys
				val, err := p.value()
				if err != nil {
					return nil, err
				}
				n.fields = append(n.fields, field{key: key, pos: p.at(off), val: val})
			}
		}
		if _, _, err := p.token(); err != nil { // the closing ']' or '}'
			return nil, err
		}
	}
	return n, nil
}

// position turns a byte offset into a line and a column counted in
// characters, both from 1.
func position(data []byte, off int, file string) diag.Pos {
	off = min(max(off, 0), len(data))
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	lineStart := bytes.LastIndexByte(data[:off], '\n') + 1
	return diag.Pos{File: file, Line: line, Col: 1 + utf8.RuneCount(data[lineStart:off])}
}

// parseYAML builds the tree of a YAML document.
func parseYAML(data []byte, file string) (*node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		pos := diag.Pos{File: file}
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		// yaml.v3 says "line N: …" without a column.
		if rest, ok := strings.CutPrefix(msg, "line "); ok {
			if i := strings.IndexByte(rest, ':'); i > 0 {
				if n, err := strconv.Atoi(rest[:i]); err == nil {
					pos.Line, msg = n, strings.TrimSpace(rest[i+1:])
				}
			}
		}
		return nil, diag.List{diag.New(diag.CodeSyntax, "", msg).At(pos)}
	}
	if len(doc.Content) == 0 {
		return &node{kind: kNull, pos: diag.Pos{File: file, Line: 1, Col: 1}}, nil
	}
	return fromYAML(doc.Content[0], file)
}

func fromYAML(y *yaml.Node, file string) (*node, error) {
	n := &node{pos: diag.Pos{File: file, Line: y.Line, Col: y.Column}}
	switch y.Kind {
	case yaml.AliasNode:
		return nil, diag.List{diag.New(diag.CodeSyntax, "", "aliases are not allowed in a response").At(n.pos)}
	case yaml.ScalarNode:
		switch {
		case y.Tag == "!!null":
			n.kind = kNull
		case y.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 || y.Tag == "!!str":
			n.kind, n.text = kString, y.Value
		default:
			n.kind, n.text = kScalar, y.Value
		}
	case yaml.SequenceNode:
		n.kind = kList
		for _, c := range y.Content {
			item, err := fromYAML(c, file)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, item)
		}
	case yaml.MappingNode:
		n.kind = kObject
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			val, err := fromYAML(v, file)
			if err != nil {
				return nil, err
			}
			n.fields = append(n.fields, field{key: k.Value, pos: diag.Pos{File: file, Line: k.Line, Col: k.Column}, val: val})
		}
	default:
		return nil, diag.List{diag.New(diag.CodeSyntax, "", "unsupported YAML node").At(n.pos)}
	}
	return n, nil
}

// schema checks a tree against a Go type by its json tags, collecting every
// problem and the position of every path.
type schema struct {
	file string
	errs diag.List
	pos  map[string]diag.Pos
}

func (s *schema) fail(n diag.Pos, code diag.Code, path string, args ...string) any {
	s.errs = append(s.errs, diag.New(code, path, args...).At(n))
	return nil
}

var dateType = reflect.TypeFor[civil.Date]()

// check returns n as a plain value (map, slice, string, json.Number, bool,
// nil) shaped for t, or records why it cannot be.
func (s *schema) check(n *node, t reflect.Type, path string) any {
	s.pos[path] = n.pos
	if n.kind == kNull {
		return nil // the zero value: "not given"; Validate says whether it is required
	}
	wrong := func(want string) any { return s.fail(n.pos, diag.CodeWrongType, path, want, n.kind.term()) }
	switch {
	case t == dateType:
		if n.kind != kString && n.kind != kScalar {
			return wrong("@date")
		}
		if _, err := civil.ParseDate(n.text); err != nil {
			s.errs = append(s.errs, &diag.Error{Pos: n.pos, Path: path, Code: diag.CodeBadDate, Args: []string{n.text}, Err: err})
			return nil
		}
		return n.text
	case t.Kind() == reflect.String:
		if n.kind != kString && n.kind != kScalar {
			return wrong("@string")
		}
		return n.text
	case t.Kind() == reflect.Int:
		if n.kind != kNumber && n.kind != kScalar {
			return wrong("@integer")
		}
		if _, err := strconv.Atoi(n.text); err != nil {
			return wrong("@integer")
		}
		return json.Number(n.text)
	case t.Kind() == reflect.Slice:
		if n.kind != kList {
			return wrong("@list")
		}
		out := make([]any, len(n.items))
		for i, item := range n.items {
			out[i] = s.check(item, t.Elem(), diag.Index(path, i))
		}
		return out
	case t.Kind() == reflect.Struct:
		if n.kind != kObject {
			return wrong("@object")
		}
		out := map[string]any{}
		seen := map[string]bool{}
		for _, f := range n.fields {
			p := diag.JoinPath(path, f.key)
			if seen[f.key] {
				s.fail(f.pos, diag.CodeDuplicateKey, p, f.key)
				continue
			}
			seen[f.key] = true
			ft, ok := fieldType(t, f.key)
			if !ok {
				s.fail(f.pos, diag.CodeUnknownField, p, f.key)
				continue
			}
			s.pos[p] = f.pos
			if v := s.check(f.val, ft, p); v != nil {
				out[f.key] = v
			}
			s.pos[p] = f.pos // errors about a field point at its key
		}
		return out
	}
	return wrong(t.Kind().String())
}

// fieldType finds the field of struct t whose json name is key.
func fieldType(t reflect.Type, key string) (reflect.Type, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.IsExported() && name == key {
			return f.Type, true
		}
	}
	return nil, false
}

// place returns the position of path, or of the nearest enclosing path the
// file has ("motives[4]" → "motives"); the file alone when none.
func (s *schema) place(path string) diag.Pos {
	for path != "" {
		if p, ok := s.pos[path]; ok {
			return p
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	if p, ok := s.pos[""]; ok {
		return p
	}
	return diag.Pos{File: s.file}
}
