package rulestest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// Codes of problems in a suite file.
const (
	CodeSuite          diag.Code = "suite.invalid"            // {0}: what is wrong
	CodeUnknownFixture diag.Code = "suite.unknown_fixture"    // a case names fixture {0}
	CodeBadPath        diag.Code = "suite.bad_path"           // set/append path {0} fails: {1}
	CodeFixture        diag.Code = "suite.fixture_unreadable" // fixture file {0}: {1}
)

func init() {
	diag.Register(map[diag.Code]diag.Text{
		CodeSuite: {
			KK: "тест жинағы дұрыс емес: {0}",
			RU: "набор тестов некорректен: {0}",
			EN: "the test suite is not valid: {0}",
		},
		CodeUnknownFixture: {
			KK: "«{0}» деген fixture жоқ",
			RU: "fixture «{0}» не определён",
			EN: "there is no fixture \"{0}\"",
		},
		CodeBadPath: {
			KK: "«{0}» жолы бойынша мән қою мүмкін емес: {1}",
			RU: "нельзя изменить путь «{0}»: {1}",
			EN: "cannot change path \"{0}\": {1}",
		},
		CodeFixture: {
			KK: "«{0}» fixture файлын оқу мүмкін емес: {1}",
			RU: "не удалось прочитать файл fixture «{0}»: {1}",
			EN: "cannot read fixture file \"{0}\": {1}",
		},
	})
}

// Mode says how a case's expected findings compare with the report.
type Mode string

// Modes.
const (
	// Exactly: the report holds the expected findings and nothing else.
	Exactly Mode = "exactly"
	// AtLeast: the report holds the expected findings, and maybe others.
	AtLeast Mode = "at_least"
)

// Expected is a finding a case expects (or, in Absent, forbids). Empty
// Severity and Message match anything; Message matches as a substring of
// the message in the case's language.
type Expected struct {
	Rule     string         `yaml:"rule" json:"rule"`
	Subject  string         `yaml:"subject" json:"subject"`
	Severity rules.Severity `yaml:"severity,omitempty" json:"severity,omitempty"`
	Message  string         `yaml:"message,omitempty" json:"message,omitempty"`
}

func (e Expected) String() string {
	s := e.Rule + " " + e.Subject
	if e.Severity != "" {
		s += " (" + string(e.Severity) + ")"
	}
	if e.Message != "" {
		s += " message ~ " + strconv.Quote(e.Message)
	}
	return s
}

func (e Expected) matches(f rules.Finding) bool {
	return e.Rule == f.Rule && e.Subject == f.Subject &&
		(e.Severity == "" || e.Severity == f.Severity) &&
		(e.Message == "" || strings.Contains(f.Message, e.Message))
}

// Suite is one suite file, parsed.
type Suite struct {
	Path        string // the file, as given to Load
	Name        string // "name", or the file name without _test.yaml
	Description string
	// Policy is the policy under test as written: a file relative to the
	// suite, or a name looked up beside the suite and then among the
	// embedded policies.
	Policy   string
	Fixtures map[string]*Fixture
	Cases    []*Case
}

// Fixture is a programme document, inline or read from a file.
type Fixture struct {
	Name string
	File string // the file it was read from (the suite itself when inline)
	Pos  diag.Pos
	node *yaml.Node
}

// Case is one evaluation and what it must report.
type Case struct {
	Name        string
	Description string
	Pos         diag.Pos
	Fixture     string
	// Changes to the fixture, applied in order: set replaces (or adds) the
	// value at a path, append adds items to the list at a path.
	Changes  []Change
	AsOf     civil.Date
	Lang     diag.Lang
	Rules    []string // evaluate only these rules; empty means all
	Mode     Mode
	Findings []Expected
	Absent   []Expected
	Skip     string
}

// Change is one set or append of a case.
type Change struct {
	Op    string // "set" or "append"
	Path  string // e.g. volunteers[0].screening.training
	Pos   diag.Pos
	value *yaml.Node
}

// rawCase is a case as decoded; unknown keys are an error.
type rawCase struct {
	Name        string     `yaml:"name"`
	Description string     `yaml:"description"`
	Fixture     string     `yaml:"fixture"`
	Set         yaml.Node  `yaml:"set"`
	Append      yaml.Node  `yaml:"append"`
	AsOf        string     `yaml:"as_of"`
	Lang        string     `yaml:"lang"`
	Rules       []string   `yaml:"rules"`
	Mode        string     `yaml:"mode"`
	Findings    []Expected `yaml:"findings"`
	Absent      []Expected `yaml:"absent"`
	Skip        string     `yaml:"skip"`
}

type rawSuite struct {
	Name        string      `yaml:"name"`
	Description string      `yaml:"description"`
	Policy      string      `yaml:"policy"`
	Fixtures    yaml.Node   `yaml:"fixtures"`
	Cases       []yaml.Node `yaml:"cases"`
}

// Load reads a suite file. Every problem comes back at once as a
// diag.List with file:line:col.
func Load(path string) (*Suite, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, src)
}

// Parse reads a suite from memory; path names it in positions and is
// the base of relative fixture files and policy files.
func Parse(path string, src []byte) (*Suite, error) {
	p := &suiteParser{path: path, src: src}
	var raw rawSuite
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil {
		return nil, diag.List{p.yamlErr(err)}
	}
	s := &Suite{Path: path, Name: raw.Name, Description: raw.Description, Policy: raw.Policy, Fixtures: map[string]*Fixture{}}
	if s.Name == "" {
		s.Name = strings.TrimSuffix(strings.TrimSuffix(filepath.Base(path), ".yaml"), "_test")
	}
	if s.Policy == "" {
		p.errAt(1, 1, "policy", diag.CodeRequired)
	}
	p.fixtures(s, &raw.Fixtures)
	seen := map[string]bool{}
	for i := range raw.Cases {
		c := p.caseOf(s, &raw.Cases[i], i)
		if c == nil {
			continue
		}
		if seen[c.Name] {
			p.errAt(c.Pos.Line, c.Pos.Col, diag.Index("cases", i)+".name", CodeSuite, "two cases are named "+strconv.Quote(c.Name))
		}
		seen[c.Name] = true
		s.Cases = append(s.Cases, c)
	}
	if len(raw.Cases) == 0 {
		p.errAt(1, 1, "cases", CodeSuite, "a suite needs at least one case")
	}
	p.errs.Sort()
	return s, p.errs.Err()
}

type suiteParser struct {
	path string
	src  []byte
	errs diag.List
}

func (p *suiteParser) errAt(line, col int, path string, code diag.Code, args ...string) {
	pos := diag.Pos{File: p.path, Line: line, Col: col}
	e := diag.New(code, path, args...).At(pos)
	e.Snippet = snippet(p.src, pos)
	p.errs = append(p.errs, e)
}

var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

// yamlErr turns a yaml.v3 error ("yaml: unmarshal errors:\n  line 5: field
// x not found in type …") into a positioned problem.
func (p *suiteParser) yamlErr(err error) *diag.Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		msg = regexp.MustCompile(` in type [\w.]+`).ReplaceAllString(msg, "")
	}
	pos := diag.Pos{File: p.path, Line: line, Col: 1}
	e := diag.New(CodeSuite, "", msg).At(pos)
	e.Snippet = snippet(p.src, pos)
	return e
}

func (p *suiteParser) fixtures(s *Suite, n *yaml.Node) {
	if n.Kind == 0 {
		p.errAt(1, 1, "fixtures", CodeSuite, "a suite needs at least one fixture")
		return
	}
	if n.Kind != yaml.MappingNode {
		p.errAt(n.Line, n.Column, "fixtures", CodeSuite, "fixtures is a mapping from names to programmes")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		f := &Fixture{Name: k.Value, File: p.path, Pos: diag.Pos{File: p.path, Line: k.Line, Col: k.Column}, node: v}
		if file, ok := fileRef(v); ok {
			f.File = filepath.Join(filepath.Dir(p.path), file)
			src, err := os.ReadFile(f.File)
			if err != nil {
				p.errAt(v.Line, v.Column, "fixtures."+k.Value+".file", CodeFixture, file, err.Error())
				continue
			}
			var doc yaml.Node
			if err := yaml.Unmarshal(src, &doc); err != nil || len(doc.Content) == 0 {
				msg := "empty"
				if err != nil {
					msg = err.Error()
				}
				p.errAt(v.Line, v.Column, "fixtures."+k.Value+".file", CodeFixture, file, msg)
				continue
			}
			f.node = doc.Content[0]
		} else if v.Kind != yaml.MappingNode {
			p.errAt(v.Line, v.Column, "fixtures."+k.Value, CodeSuite, "a fixture is a programme document or {file: PATH}")
			continue
		}
		s.Fixtures[k.Value] = f
	}
}

// fileRef recognises a fixture written as {file: PATH}.
func fileRef(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.MappingNode || len(n.Content) != 2 || n.Content[0].Value != "file" {
		return "", false
	}
	return n.Content[1].Value, true
}

func (p *suiteParser) caseOf(s *Suite, n *yaml.Node, i int) *Case {
	at := diag.Index("cases", i)
	if n.Kind != yaml.MappingNode {
		p.errAt(n.Line, n.Column, at, CodeSuite, "a case is a mapping")
		return nil
	}
	p.knownKeys(n, at, caseKeys)
	for _, list := range []string{"findings", "absent"} {
		if v := valueOf(n, list); v != nil && v.Kind == yaml.SequenceNode {
			for j, item := range v.Content {
				p.knownKeys(item, diag.Index(at+"."+list, j), expectedKeys)
			}
		}
	}
	var raw rawCase
	if err := n.Decode(&raw); err != nil {
		e := p.yamlErr(err)
		p.errs = append(p.errs, e)
		return nil
	}
	c := &Case{Name: raw.Name, Description: raw.Description, Pos: diag.Pos{File: p.path, Line: n.Line, Col: n.Column},
		Fixture: raw.Fixture, Rules: raw.Rules, Mode: Mode(raw.Mode), Findings: raw.Findings, Absent: raw.Absent, Skip: raw.Skip}
	if c.Name == "" {
		p.errAt(n.Line, n.Column, at+".name", diag.CodeRequired)
	}
	if c.Fixture == "" && len(s.Fixtures) == 1 {
		for name := range s.Fixtures {
			c.Fixture = name
		}
	}
	if _, ok := s.Fixtures[c.Fixture]; !ok {
		p.errAt(n.Line, n.Column, at+".fixture", CodeUnknownFixture, c.Fixture)
	}
	switch c.Mode {
	case "":
		c.Mode = Exactly
	case Exactly, AtLeast:
	default:
		p.errAt(n.Line, n.Column, at+".mode", CodeSuite, "mode is exactly or at_least, not "+strconv.Quote(raw.Mode))
	}
	if raw.AsOf != "" {
		d, err := civil.ParseDate(raw.AsOf)
		if err != nil {
			p.errAt(n.Line, n.Column, at+".as_of", diag.CodeBadDate, raw.AsOf)
		}
		c.AsOf = d
	}
	c.Lang = diag.EN
	if raw.Lang != "" {
		l, ok := diag.ParseLang(raw.Lang)
		if !ok {
			p.errAt(n.Line, n.Column, at+".lang", CodeSuite, "lang is kk, ru or en")
		}
		c.Lang = l
	}
	for j, e := range append(append([]Expected(nil), c.Findings...), c.Absent...) {
		if e.Rule == "" || e.Subject == "" {
			p.errAt(n.Line, n.Column, at, CodeSuite, fmt.Sprintf("expected finding %d needs a rule and a subject", j+1))
		}
		switch e.Severity {
		case "", rules.Deny, rules.Warn, rules.Error:
		default:
			p.errAt(n.Line, n.Column, at, CodeSuite, "severity is deny, warn or error, not "+strconv.Quote(string(e.Severity)))
		}
	}
	for _, op := range []struct {
		name string
		n    *yaml.Node
	}{{"set", &raw.Set}, {"append", &raw.Append}} {
		if op.n.Kind == 0 {
			continue
		}
		if op.n.Kind != yaml.MappingNode {
			p.errAt(op.n.Line, op.n.Column, at+"."+op.name, CodeSuite, op.name+" is a mapping from paths to values")
			continue
		}
		for k := 0; k+1 < len(op.n.Content); k += 2 {
			key, val := op.n.Content[k], op.n.Content[k+1]
			if op.name == "append" && val.Kind != yaml.SequenceNode {
				p.errAt(val.Line, val.Column, at+".append."+key.Value, CodeSuite, "append takes a list of items")
				continue
			}
			c.Changes = append(c.Changes, Change{Op: op.name, Path: key.Value,
				Pos: diag.Pos{File: p.path, Line: key.Line, Col: key.Column}, value: val})
		}
	}
	return c
}

var (
	caseKeys     = []string{"name", "description", "fixture", "set", "append", "as_of", "lang", "rules", "mode", "findings", "absent", "skip"}
	expectedKeys = []string{"rule", "subject", "severity", "message"}
)

// knownKeys reports every key of mapping n that is not in allowed. A
// node's own Decode does not check fields the way a yaml.Decoder can.
func (p *suiteParser) knownKeys(n *yaml.Node, at string, allowed []string) {
	if n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !slices.Contains(allowed, k.Value) {
			p.errAt(k.Line, k.Column, diag.JoinPath(at, k.Value), diag.CodeUnknownField, k.Value)
		}
	}
}

func valueOf(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// snippet returns the source line at pos and a caret under its column.
func snippet(src []byte, pos diag.Pos) string {
	lines := strings.Split(string(src), "\n")
	if pos.Line < 1 || pos.Line > len(lines) {
		return ""
	}
	line := strings.TrimRight(lines[pos.Line-1], "\r")
	col := min(max(pos.Col, 1), len([]rune(line))+1)
	return line + "\n" + strings.Repeat(" ", col-1) + "^"
}
