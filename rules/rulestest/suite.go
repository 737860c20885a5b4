package rulestest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/internal/yamlnode"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// Codes of problems in a suite file.
const (
	CodeSuite          diag.Code = "suite.invalid"            // {0}: what is wrong
	CodeUnknownFixture diag.Code = "suite.unknown_fixture"    // a case names fixture {0}
	CodeBadPath        diag.Code = "suite.bad_path"           // set/append path {0} fails: {1}
	CodeFixture        diag.Code = "suite.fixture_unreadable" // fixture file {0}: {1}
	CodeNoFile         diag.Code = "suite.no_file"            // no file {0} in the suite's folder
	CodeOutside        diag.Code = "suite.outside"            // file {0} is outside the suite's folder
	CodeNotRegular     diag.Code = "suite.not_regular"        // {0} is a folder, a pipe or a device
	CodeAliases                  = yamlnode.CodeAliases       // aliases expand to more than {0} values
	CodeNoSuites       diag.Code = "suite.none"               // a path holds no suite
	// CodeUnknownRule: a case names rule {0}, which policy {1} lacks.
	CodeUnknownRule diag.Code = "suite.unknown_rule"
	// CodeUnknownRuleHint: the same, {2} the nearest rule id.
	CodeUnknownRuleHint diag.Code = "suite.unknown_rule_hint"
)

// ErrNoSuites is wrapped by the error [RunFiles] returns when a path it is
// given holds no suite: a run that tests nothing must not pass.
var ErrNoSuites = errors.New("no test suites")

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
		CodeNoFile: {
			KK: "тест жинағының бумасында «{0}» файлы жоқ",
			RU: "в папке набора тестов нет файла «{0}»",
			EN: "there is no file \"{0}\" in the suite's folder",
		},
		CodeOutside: {
			KK: "«{0}» тест жинағының бумасынан тыс: жинақ файлдарды тек өз бумасынан және оның ішкі бумаларынан оқиды",
			RU: "«{0}» находится вне папки набора тестов: набор читает файлы только из своей папки и вложенных в неё",
			EN: "\"{0}\" is outside the suite's folder: a suite reads files only from its own folder and the folders in it",
		},
		CodeNotRegular: {
			KK: "«{0}» кәдімгі файл емес (бума, арна не құрылғы)",
			RU: "«{0}» — не обычный файл (папка, канал или устройство)",
			EN: "\"{0}\" is not a regular file (a folder, a pipe or a device)",
		},
		CodeUnknownRule: {
			KK: "{1} саясатында «{0}» ережесі жоқ",
			RU: "в политике {1} нет правила «{0}»",
			EN: "policy {1} has no rule \"{0}\"",
		},
		CodeUnknownRuleHint: {
			KK: "{1} саясатында «{0}» ережесі жоқ («{2}» болуы мүмкін бе?)",
			RU: "в политике {1} нет правила «{0}» (может быть, «{2}»?)",
			EN: "policy {1} has no rule \"{0}\" (did you mean \"{2}\"?)",
		},
		CodeNoSuites: {
			KK: "{0} ішінде тест жинақтары (*_test.yaml) жоқ",
			RU: "в {0} нет наборов тестов (*_test.yaml)",
			EN: "there are no test suites (*_test.yaml) in {0}",
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
	// Pos is where the suite names the rule.
	Pos diag.Pos `yaml:"-" json:"-"`
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

	policyPos diag.Pos // where Policy is written
	maxBytes  int64    // WithMaxFileSize, or 0 for the defaults
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

	rulesPos diag.Pos // where the case lists its rules
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

// Option changes how suites are read.
type Option func(*options)

type options struct{ maxBytes int64 }

// WithMaxFileSize caps, in bytes, each file a suite reads: the suite
// itself, its fixture files and the policy file it tests. Zero (the
// default) means [limits.SuiteBytes] for suites and fixtures (16 MiB) and
// [limits.PolicyBytes] for policies (4 MiB).
func WithMaxFileSize(n int64) Option { return func(o *options) { o.maxBytes = max(n, 0) } }

func buildOptions(opts []Option) options {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

// capFor is the cap on a file of a kind whose default is def.
func capFor(maxBytes, def int64) int64 {
	if maxBytes > 0 {
		return maxBytes
	}
	return def
}

// Load reads a suite file, refusing one larger than its cap before
// reading it (see [WithMaxFileSize]). Every problem comes back at once as
// a diag.List with file:line:col.
func Load(path string, opts ...Option) (*Suite, error) {
	o := buildOptions(opts)
	src, err := limits.ReadFile(path, capFor(o.maxBytes, limits.SuiteBytes))
	if err != nil {
		return nil, err
	}
	return Parse(path, src, opts...)
}

// Parse reads a suite from memory; path names it in positions and its
// folder is the only place fixture files and policy files are read from:
// a path that leaves it — by "..", as an absolute path or through a
// symbolic link — is a problem at the line that names it, and nothing of
// the file is read.
//
// Before anything is expanded, the document's YAML aliases may add at most
// [limits.AliasExpansion] values and it may nest at most [limits.Depth]
// levels; the same holds for each fixture file. At most [limits.Problems]
// problems are reported, then one more saying so.
func Parse(path string, src []byte, opts ...Option) (*Suite, error) {
	o := buildOptions(opts)
	p := &suiteParser{path: path, src: src, maxBytes: o.maxBytes}
	if root, err := os.OpenRoot(filepath.Dir(path)); err == nil {
		defer root.Close()
		p.root = root
	}
	doc, perr := yamlnode.Parse(path, src)
	if perr != nil {
		return nil, p.finish(diag.List{perr})
	}
	if e := yamlnode.Check(doc, path); e != nil {
		return nil, p.finish(diag.List{e})
	}
	if doc.Kind != yaml.MappingNode {
		p.errAt(doc.Line, doc.Column, "", CodeSuite, "a suite is a mapping of name, policy, fixtures and cases")
		return nil, p.finish(p.errs)
	}
	p.knownKeys(doc, "", suiteKeys)
	var raw rawSuite
	if err := doc.Decode(&raw); err != nil {
		p.add(p.yamlErr(err))
		return nil, p.finish(p.errs)
	}
	s := &Suite{Path: path, Name: raw.Name, Description: raw.Description, Policy: raw.Policy,
		Fixtures: map[string]*Fixture{}, maxBytes: o.maxBytes}
	if s.Name == "" {
		s.Name = strings.TrimSuffix(strings.TrimSuffix(filepath.Base(path), ".yaml"), "_test")
	}
	if s.Policy == "" {
		p.errAt(1, 1, "policy", diag.CodeRequired)
	} else {
		v := valueOf(doc, "policy")
		s.policyPos = diag.Pos{File: path, Line: v.Line, Col: v.Column}
		p.policy(s)
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
	return s, p.finish(p.errs).Err()
}

var suiteKeys = []string{"name", "description", "policy", "fixtures", "cases"}

type suiteParser struct {
	path     string
	src      []byte
	root     *os.Root // the suite's folder; nil when it cannot be opened
	maxBytes int64
	errs     diag.List
	full     bool     // limits.Problems reached
	declared []string // fixture names, loaded or not
}

// add records a problem, up to limits.Problems and one more saying so.
func (p *suiteParser) add(e *diag.Error) {
	if p.full {
		return
	}
	p.errs = append(p.errs, e)
	if len(p.errs) == limits.Problems {
		p.full = true
		p.errs = append(p.errs, diag.New(decode.CodeTooManyErrors, "", strconv.Itoa(limits.Problems)).At(e.Pos))
	}
}

func (p *suiteParser) errAt(line, col int, path string, code diag.Code, args ...string) {
	p.add(diag.New(code, path, args...).At(diag.Pos{File: p.path, Line: line, Col: col}))
}

// finish sorts the problems and gives those in the suite file a snippet of
// their line, reading the source once.
func (p *suiteParser) finish(l diag.List) diag.List {
	var here, elsewhere diag.List
	for _, e := range l {
		if e.File == p.path {
			here = append(here, e)
		} else {
			elsewhere = append(elsewhere, e)
		}
	}
	out := append(decode.Finish(p.src, here, programmeMask), elsewhere...)
	out.Sort()
	// Sorting may have moved "too many problems" up; it closes the list.
	for i, e := range out {
		if e.Code == decode.CodeTooManyErrors {
			out = append(append(out[:i:i], out[i+1:]...), e)
			break
		}
	}
	return out
}

var (
	yamlLine = regexp.MustCompile(`line (\d+): (.*)`)
	goType   = regexp.MustCompile(` in type [\w.]+`)
)

// yamlErr turns a yaml.v3 error ("yaml: unmarshal errors:\n  line 5: field
// x not found in type …") into a positioned problem.
func (p *suiteParser) yamlErr(err error) *diag.Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		msg = goType.ReplaceAllString(msg, "")
	}
	return diag.New(CodeSuite, "", msg).At(diag.Pos{File: p.path, Line: line, Col: 1})
}

// policy checks that a policy file the suite names stays in its folder.
// A missing file is left to LoadPolicy, which reports it with the policy's
// other problems.
func (p *suiteParser) policy(s *Suite) {
	if p.root == nil {
		return
	}
	name := s.Policy
	if !namesFile(name) {
		name += ".yaml" // looked up beside the suite first
	} else if !filepath.IsLocal(filepath.FromSlash(name)) {
		p.add(diag.New(CodeOutside, "policy", s.Policy).At(s.policyPos))
		return
	}
	if _, err := p.root.Stat(filepath.FromSlash(name)); escapes(err) {
		p.add(diag.New(CodeOutside, "policy", name).At(s.policyPos))
	}
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
		p.declared = append(p.declared, k.Value)
		f := &Fixture{Name: k.Value, File: p.path, Pos: diag.Pos{File: p.path, Line: k.Line, Col: k.Column}, node: v}
		if file, ok := fileRef(v); ok {
			node, name, e := p.fixtureFile(file, diag.Pos{File: p.path, Line: v.Line, Col: v.Column}, "fixtures."+k.Value+".file")
			if e != nil {
				p.add(e)
				continue
			}
			f.File, f.node = name, node
		} else if v.Kind != yaml.MappingNode {
			p.errAt(v.Line, v.Column, "fixtures."+k.Value, CodeSuite, "a fixture is a programme document or {file: PATH}")
			continue
		}
		s.Fixtures[k.Value] = f
	}
}

// fixtureFile reads the fixture file a suite names at pos, inside the
// suite's folder only, within its cap, and checks its aliases and nesting.
// It returns the document and the file's name as positions show it.
func (p *suiteParser) fixtureFile(file string, pos diag.Pos, field string) (*yaml.Node, string, *diag.Error) {
	rel := filepath.FromSlash(file)
	if !filepath.IsLocal(rel) {
		return nil, "", diag.New(CodeOutside, field, file).At(pos)
	}
	if p.root == nil {
		return nil, "", diag.New(CodeNoFile, field, file).At(pos)
	}
	src, e := readInside(p.root, rel, capFor(p.maxBytes, limits.SuiteBytes), field, file, pos)
	if e != nil {
		return nil, "", e
	}
	name := filepath.Join(filepath.Dir(p.path), rel)
	doc, e := yamlnode.Parse(name, src)
	if e != nil {
		return nil, "", e
	}
	if e := yamlnode.Check(doc, name); e != nil {
		return nil, "", e
	}
	if doc.Kind != yaml.MappingNode {
		return nil, "", diag.New(CodeFixture, field, file, "not a programme document (a mapping)").At(pos)
	}
	return doc, name, nil
}

// readInside reads the regular file rel inside root, within max bytes. A
// problem is placed at pos, names field and shows the path as written.
// Only regular files are read: a named pipe would block and a device
// never end.
func readInside(root *os.Root, rel string, max int64, field, written string, pos diag.Pos) ([]byte, *diag.Error) {
	fi, err := root.Stat(rel)
	if err == nil && !fi.Mode().IsRegular() {
		return nil, diag.New(CodeNotRegular, field, written).At(pos)
	}
	var src []byte
	if err == nil {
		src, err = limits.ReadRoot(root, rel, max)
	}
	switch {
	case err == nil:
		return src, nil
	case limits.IsTooLarge(err):
		return nil, diag.New(limits.CodeFileTooLarge, field, limits.Size(max)).At(pos)
	case errors.Is(err, fs.ErrNotExist):
		return nil, diag.New(CodeNoFile, field, written).At(pos)
	case escapes(err):
		return nil, diag.New(CodeOutside, field, written).At(pos)
	}
	return nil, diag.New(CodeFixture, field, written, err.Error()).At(pos)
}

// escapes reports whether err is os.Root refusing a path that leaves its
// folder (through "..", an absolute path or a symbolic link). The standard
// library has no exported sentinel for it; a test pins the text.
func escapes(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe) && pe.Err != nil && pe.Err.Error() == "path escapes from parent"
}

// namesFile says whether a suite's policy is a file rather than a name.
func namesFile(policy string) bool {
	return strings.ContainsAny(policy, `/\`) || strings.HasSuffix(policy, ".yaml") || strings.HasSuffix(policy, ".yml")
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
		p.add(p.yamlErr(err))
		return nil
	}
	c := &Case{Name: raw.Name, Description: raw.Description, Pos: diag.Pos{File: p.path, Line: n.Line, Col: n.Column},
		Fixture: raw.Fixture, Rules: raw.Rules, Mode: Mode(raw.Mode), Findings: raw.Findings, Absent: raw.Absent, Skip: raw.Skip}
	c.rulesPos = c.Pos
	if v := valueOf(n, "rules"); v != nil {
		c.rulesPos = diag.Pos{File: p.path, Line: v.Line, Col: v.Column}
	}
	for _, list := range []struct {
		key string
		to  []Expected
	}{{"findings", c.Findings}, {"absent", c.Absent}} {
		v := valueOf(n, list.key)
		for j := range list.to {
			list.to[j].Pos = c.Pos
			if v != nil && j < len(v.Content) {
				at := v.Content[j]
				if r := valueOf(at, "rule"); r != nil {
					at = r
				}
				list.to[j].Pos = diag.Pos{File: p.path, Line: at.Line, Col: at.Column}
			}
		}
	}
	if c.Name == "" {
		p.errAt(n.Line, n.Column, at+".name", diag.CodeRequired)
	}
	if c.Fixture == "" && len(p.declared) == 1 {
		c.Fixture = p.declared[0]
	}
	if !slices.Contains(p.declared, c.Fixture) {
		// A fixture that failed to load has its own problem already.
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
			if hint, ok := diag.Closest(k.Value, allowed); ok {
				p.errAt(k.Line, k.Column, diag.JoinPath(at, k.Value), diag.CodeUnknownHint, k.Value, hint)
				continue
			}
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

// programmeMask names the personal fields of a programme, whose values a
// snippet of a suite (which holds fixtures) shows as •••.
var programmeMask = decode.MaskOf[mentoring.Programme]()
