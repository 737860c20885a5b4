package rules

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"

	"cel.dev/cel-go/common/types"
	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/questionnaire"
	"github.com/birgemiz/sabaqtastyq/rules/internal/subject"
)

//go:embed policies/*.yaml
var embedded embed.FS

// Policies returns the embedded default policies as a read-only file
// system: guide.yaml (the default, following the guide), nastavniki.yaml
// (the stricter profile of the Nastavniki project), pairs.yaml (the tandem
// matcher's pair policy), questionnaire.yaml (role suggestions, from package
// questionnaire) and the *_test.yaml suites beside them. Pass another fs.FS
// to [Load] to use your own.
func Policies() fs.FS { return policiesFS }

var policiesFS = func() fs.FS {
	m := fstest.MapFS{}
	err := fs.WalkDir(embedded, "policies", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(embedded, p)
		m[strings.TrimPrefix(p, "policies/")] = &fstest.MapFile{Data: data, Mode: 0o444}
		return err
	})
	if err != nil {
		panic(err) // the files are embedded at build time
	}
	m["questionnaire.yaml"] = &fstest.MapFile{Data: questionnaire.RolesPolicy(), Mode: 0o444}
	return m
}()

// PolicyNames lists the embedded policies (not the test suites), sorted.
func PolicyNames() []string {
	var out []string
	entries, _ := fs.ReadDir(policiesFS, ".")
	for _, e := range entries {
		if n := e.Name(); isYAML(n) && !strings.HasSuffix(strings.TrimSuffix(n, path.Ext(n)), "_test") {
			out = append(out, strings.TrimSuffix(n, path.Ext(n)))
		}
	}
	return out
}

// DefaultPolicy is the name of the policy used when none is given.
const DefaultPolicy = "guide"

// Policy is a compiled policy: immutable, safe for concurrent use by any
// number of goroutines, and cheap to evaluate many times. Build one with
// [Load] or [LoadFile]; swap policies at run time with a [Store].
type Policy struct {
	name        string
	version     string
	description diag.Text
	chain       []string // files, base first
	sources     []*File  // the parsed files, base first
	params      []Param
	limits      map[string]int
	costLimit   uint64
	kinds       map[*subject.Kind]*kindEnv
	rules       []*compiledRule
	byKind      map[*subject.Kind][]*compiledRule
	// perKind is kinds and byKind by subject.Kind.Index, for evaluation.
	perKind  []kindRules
	scores   []*compiledScore
	warnings diag.List
	adapter  types.Adapter
}

func (p *Policy) files() []*File { return p.sources }

// Name returns the policy's name.
func (p *Policy) Name() string { return p.name }

// Version returns the policy's version string.
func (p *Policy) Version() string { return p.version }

// Description returns the policy's description in three languages.
func (p *Policy) Description() diag.Text { return p.description }

// Files returns the policy files compiled into p, the extended base first.
func (p *Policy) Files() []string { return append([]string(nil), p.chain...) }

// Warnings returns what compilation noticed without failing: unused
// parameters and variables.
func (p *Policy) Warnings() diag.List { return append(diag.List(nil), p.warnings...) }

// Params returns the parameters with their effective values, in declaration
// order.
func (p *Policy) Params() []Param { return append([]Param(nil), p.params...) }

// Param returns a parameter's effective value.
func (p *Policy) Param(name string) (any, bool) {
	for _, x := range p.params {
		if x.Name == name {
			return x.Value, true
		}
	}
	return nil, false
}

// Limits returns the declared sizes the cost proof assumes (see "Cost" in
// the package doc): the defaults with the policy's own limits over them.
func (p *Policy) Limits() map[string]int { return maps.Clone(p.limits) }

// Rules describes the policy's rules in evaluation order.
func (p *Policy) Rules() []Rule {
	out := make([]Rule, len(p.rules))
	for i, r := range p.rules {
		out[i] = r.Rule
	}
	return out
}

// Rule describes one rule by id.
func (p *Policy) Rule(id string) (Rule, bool) {
	if r := p.rule(id); r != nil {
		return r.Rule, true
	}
	return Rule{}, false
}

func (p *Policy) rule(id string) *compiledRule {
	for _, r := range p.rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Scores describes the policy's scores for a subject kind, in order.
func (p *Policy) Scores(k Kind) []string {
	var out []string
	for _, s := range p.scores {
		if s.Kind == k {
			out = append(out, s.ID)
		}
	}
	return out
}

// ScoreList describes every score of the policy, in order.
func (p *Policy) ScoreList() []Score {
	out := make([]Score, len(p.scores))
	for i, s := range p.scores {
		out[i] = s.Score
	}
	return out
}

// Option configures loading and compiling a policy. The zero configuration
// is the default: cost limit [DefaultCostLimit], policy files up to
// limits.PolicyBytes (4 MiB), extends resolved beside the policy and then
// in the embedded [Policies].
type Option func(*options)

type options struct {
	costLimit   uint64
	fallback    fs.FS
	policyBytes int64
	dir         string // LoadFile's directory, prefixed to the names of files read from it
}

// WithCostLimit sets the largest static cost estimate a rule may have, and
// the runtime budget of rules that read unbounded lists. Default
// [DefaultCostLimit].
func WithCostLimit(limit uint64) Option { return func(o *options) { o.costLimit = limit } }

// WithFallback sets where `extends` looks for a base policy that is not in
// the policy's own folder. Default: the embedded [Policies]. Pass nil
// to resolve bases only next to the policy.
func WithFallback(fsys fs.FS) Option { return func(o *options) { o.fallback = fsys } }

// WithPolicyBytes caps the size of each policy file read; a larger file is
// a policy error, found before it is read. Default limits.PolicyBytes
// (4 MiB; the guide is about 40 KB).
func WithPolicyBytes(n int64) Option { return func(o *options) { o.policyBytes = n } }

func buildOptions(opts []Option) options {
	o := options{costLimit: DefaultCostLimit, fallback: Policies(), policyBytes: limits.PolicyBytes}
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

// Load compiles the policy called name from fsys: name may be a policy name
// ("guide", read from guide.yaml) or a file path inside fsys ending in .yaml
// or .yml. Bases named by `extends` are looked up in the policy's own
// folder of fsys, then in the fallback; an extends that names a path (with
// a slash, "..", or absolute) is a policy error and nothing of it is read.
// Every problem of every file in the chain comes back at once as a
// [*PolicyError] (errors.Is(err, ErrPolicy)).
//
// To confine a folder on disk, symbolic links included, pass an
// os.Root's FS ([LoadFile] does); os.DirFS follows links out of the folder.
func Load(fsys fs.FS, name string, opts ...Option) (*Policy, error) {
	o := buildOptions(opts)
	files, err := chain(fsys, name, &o)
	if err != nil {
		return nil, err
	}
	return compile(files, o.costLimit)
}

// LoadFile compiles the policy in a file on disk. Its `extends` is resolved
// in the file's folder, confined to it (symbolic links out of the folder
// are refused), then in the fallback (the embedded policies by default).
// Problems name the files by the path as given ("policies/local.yaml:5:14"),
// so they can be opened from where the caller stands.
func LoadFile(file string, opts ...Option) (*Policy, error) {
	dir, base := filepath.Split(file)
	if dir == "" {
		dir = "."
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	opts = append(opts, func(o *options) { o.dir = filepath.Clean(dir) })
	return Load(root.FS(), base, opts...)
}

// Resolve loads a policy the way the CLI's --policy flag names it: an
// embedded policy by name ("guide", "nastavniki"), or else a file path.
func Resolve(nameOrFile string, opts ...Option) (*Policy, error) {
	if nameOrFile == "" {
		nameOrFile = DefaultPolicy
	}
	if !strings.ContainsAny(nameOrFile, `/\`) && !isYAML(nameOrFile) {
		return Load(Policies(), nameOrFile, opts...)
	}
	return LoadFile(nameOrFile, opts...)
}

func isYAML(name string) bool {
	ext := path.Ext(name)
	return ext == ".yaml" || ext == ".yml"
}

// chain reads a policy and the bases it extends, base first.
func chain(fsys fs.FS, name string, o *options) ([]*File, error) {
	var files []*File
	seen := map[string]bool{}
	dir := path.Dir(name)
	var at diag.Pos
	for first := true; name != ""; first = false {
		if !first && !bareName(name) {
			return nil, &PolicyError{Problems: diag.List{diag.New(CodeOutside, "extends", name).At(at)}}
		}
		key := strings.TrimSuffix(strings.TrimSuffix(path.Base(name), ".yaml"), ".yml")
		if seen[key] {
			e := diag.New(CodeCycle, "extends", strings.Join(append(names(files), name), " → ")).At(at)
			return nil, &PolicyError{Problems: diag.List{e}}
		}
		seen[key] = true
		f, err := read(fsys, dir, name, first, at, o)
		if err != nil {
			return nil, err
		}
		files = append([]*File{f}, files...)
		at = f.extPos
		name = f.Extends
	}
	return files, nil
}

// bareName reports whether an extends names a file beside the policy: no
// folder, no "..", not absolute.
func bareName(name string) bool {
	return name != "." && name != ".." && !strings.ContainsAny(name, `/\:`) && fs.ValidPath(name)
}

func names(files []*File) []string {
	out := make([]string, len(files))
	for i := range files {
		out[len(files)-1-i] = files[i].Name
	}
	return out
}

// read reads and parses one file of a chain: the first by its path in
// fsys, a base by its name beside it, then in the fallback.
func read(fsys fs.FS, dir, name string, first bool, from diag.Pos, o *options) (*File, error) {
	candidates := []string{name}
	if !isYAML(name) {
		candidates = []string{name + ".yaml", name + ".yml"}
	}
	for i, sys := range []fs.FS{fsys, o.fallback} {
		if sys == nil {
			continue
		}
		for _, c := range candidates {
			p := c
			if !first && i == 0 {
				p = path.Join(dir, c)
			}
			display := p
			switch {
			case i > 0:
				display = "(base) " + c
			case o.dir != "" && o.dir != ".":
				display = filepath.Join(o.dir, p)
			}
			src, err := limits.ReadFS(sys, p, o.policyBytes)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				continue
			case limits.IsTooLarge(err):
				return nil, &PolicyError{Problems: diag.List{limits.TooLarge(display, o.policyBytes)}}
			case err != nil && !first && strings.Contains(err.Error(), "escapes"):
				// A symbolic link out of the folder, refused by os.Root.
				return nil, &PolicyError{Problems: diag.List{diag.New(CodeOutside, "extends", name).At(from)}}
			case err != nil:
				return nil, fmt.Errorf("%s: %w", display, err)
			}
			f, err := Parse(display, src)
			if err != nil && f == nil {
				return nil, &PolicyError{Problems: diag.Errors(err)}
			}
			if err != nil {
				// Compiled all the same, so that one lint names every
				// problem: what the parser could not read is left out.
				f.problems = diag.Errors(err)
			}
			return f, nil
		}
	}
	e := diag.New(CodeNotFound, "extends", name)
	if hint, ok := diag.Closest(name, policyNames(fsys, dir, first, o.fallback)); ok {
		e = diag.New(CodeNotFoundHint, "extends", name, hint)
	}
	return nil, &PolicyError{Problems: diag.List{e.At(from)}}
}

// policyNames lists the policies an extends could have named, for a
// "did you mean": the .yaml and .yml files beside the profile, then the
// fallback's, each once, by name.
func policyNames(fsys fs.FS, dir string, first bool, fallback fs.FS) []string {
	var out []string
	for i, sys := range []fs.FS{fsys, fallback} {
		if sys == nil || first && i == 0 {
			continue
		}
		at := "."
		if i == 0 {
			at = dir
		}
		entries, err := fs.ReadDir(sys, at)
		if err != nil {
			continue
		}
		for _, en := range entries {
			if n := en.Name(); !en.IsDir() && isYAML(n) {
				n = strings.TrimSuffix(strings.TrimSuffix(n, ".yaml"), ".yml")
				if !strings.HasSuffix(n, "_test") && !slices.Contains(out, n) {
					out = append(out, n)
				}
			}
		}
	}
	return out
}

// paramValue decodes a parameter's default from YAML by its declared type.
func paramValue(typ string, n *yaml.Node) (any, bool) {
	if n == nil {
		return nil, false
	}
	switch typ {
	case "int":
		var v int64
		if n.Tag != "!!int" || n.Decode(&v) != nil {
			return nil, false
		}
		return v, true
	case "double":
		var v float64
		if (n.Tag != "!!float" && n.Tag != "!!int") || n.Decode(&v) != nil {
			return nil, false
		}
		return v, true
	case "bool":
		var v bool
		if n.Tag != "!!bool" || n.Decode(&v) != nil {
			return nil, false
		}
		return v, true
	case "string":
		if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
			return nil, false
		}
		return n.Value, true
	case "list(string)":
		if n.Kind != yaml.SequenceNode {
			return nil, false
		}
		out := make([]string, 0, len(n.Content))
		for _, item := range n.Content {
			if item.Kind != yaml.ScalarNode || item.Tag != "!!str" {
				return nil, false
			}
			out = append(out, item.Value)
		}
		return out, true
	}
	return nil, false
}
