package rules

// The compile stage: an extends chain of parsed files (parse.go) becomes a
// Policy, a runnable plan. Per subject kind it builds a CEL environment
// (the kind's variables from internal/subject, the function library from
// internal/library, params as constants), type-checks every variable, rule,
// score and message placeholder, proves each rule's cost and what it may
// build (cost.go, bounds.go), and compiles everything a second time for
// the native evaluator (internal/native), recording why when it cannot.

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/ext"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/rules/internal/library"
	"github.com/birgemiz/sabaqtastyq/rules/internal/native"
	"github.com/birgemiz/sabaqtastyq/rules/internal/subject"
)

// Parser limits: an expression longer or deeper than this is rejected at
// load, before any evaluation.
const (
	maxExprSize  = 16 * 1024
	maxExprDepth = 64
)

// kindEnv is the CEL environment of one subject kind, with its policy
// variables and its native form.
type kindEnv struct {
	kind   *subject.Kind
	env    *cel.Env
	vars   []*variable
	lookup map[string]int // policy variable → index in vars
	native *native.Kind
	scope  *native.Scope
	// messages are env with the message functions of kk, ru and en
	// (messageEnv), for the kind's message templates.
	messages [3]*cel.Env
}

type variable struct {
	name string
	prog cel.Program
	ast  *cel.Ast
	typ  *cel.Type
	refs map[string]bool // the names its expression reads
	expr Expr
	path string
}

type compiler struct {
	files     []*File
	errs      diag.List
	warns     diag.List
	base      *cel.Env
	lib       *library.Lib
	params    []Param
	limits    map[string]int
	costLimit uint64
	kinds     map[*subject.Kind]*kindEnv
	used      map[string]bool // identifiers referenced anywhere
	textEnvs  [3]*cel.Env     // the base with kk, ru, en message functions, for descriptions
	srcOf     map[string][]byte
}

func (c *compiler) errAt(pos diag.Pos, path string, code diag.Code, args ...string) {
	e := diag.New(code, path, args...).At(pos)
	e.Snippet = snippet(c.srcOf[pos.File], pos)
	c.errs = append(c.errs, e)
}

func (c *compiler) warnAt(pos diag.Pos, path string, code diag.Code, args ...string) {
	e := diag.New(code, path, args...).At(pos)
	e.Snippet = snippet(c.srcOf[pos.File], pos)
	c.warns = append(c.warns, e)
}

// compile turns an extends chain (base first) into a Policy.
func compile(files []*File, costLimit uint64) (*Policy, error) {
	c := &compiler{files: files, costLimit: costLimit, kinds: map[*subject.Kind]*kindEnv{},
		used: map[string]bool{}, srcOf: map[string][]byte{}, limits: maps.Clone(defaultLimits)}
	for _, f := range files {
		c.srcOf[f.Path] = f.src
		for k, v := range f.Limits {
			c.limits[k] = v
		}
	}
	leaf := files[len(files)-1]
	c.mergeParams()
	if err := c.buildBase(); err != nil {
		return nil, err
	}
	c.renderParams()
	p := &Policy{
		name:        leaf.Name,
		version:     leaf.Version,
		description: c.renderText(leaf, leaf.Description, "description"),
		params:      c.params,
		limits:      c.limits,
		costLimit:   costLimit,
		kinds:       c.kinds,
		adapter:     c.base.CELTypeAdapter(),
		byKind:      map[*subject.Kind][]*compiledRule{},
		sources:     files,
	}
	for _, f := range files {
		p.chain = append(p.chain, f.Path)
	}
	c.compileVariables()
	c.compileNativeVariables()
	p.rules = c.compileRules()
	p.scores = c.compileScores()
	if len(p.rules) == 0 && len(c.errs) == 0 {
		c.errAt(diag.Pos{File: leaf.Path, Line: 1, Col: 1}, "rules", CodeNoRules)
	}
	c.checkUnused()
	c.errs = c.withParsed()
	c.errs.Sort()
	c.warns.Sort()
	if len(c.errs) > 0 {
		return nil, &PolicyError{Problems: c.errs, Warnings: c.warns}
	}
	p.warnings = c.warns
	for _, r := range p.rules {
		p.byKind[r.env.kind] = append(p.byKind[r.env.kind], r)
	}
	p.perKind = make([]kindRules, len(subject.Kinds))
	for _, k := range subject.Kinds {
		p.perKind[k.Index] = kindRules{env: p.kinds[k], rules: p.byKind[k]}
	}
	return p, nil
}

// withParsed joins the problems the parser found in the chain's files to
// the compiler's, leaving out the compiler's problems that the parser's
// already explain: one at or under a path the parser reported in the same
// file (an expr of the wrong type is not also missing), and a missing
// field that a misspelt key beside it was meant to be (exrp is one
// mistake, with its "did you mean expr?").
func (c *compiler) withParsed() diag.List {
	var parsed diag.List
	for _, f := range c.files {
		parsed = append(parsed, f.problems...)
	}
	if len(parsed) == 0 {
		return c.errs
	}
	out := slices.DeleteFunc(c.errs, func(e *diag.Error) bool {
		for _, p := range parsed {
			if p.File == e.File && p.Path != "" && (e.Path == p.Path ||
				strings.HasPrefix(e.Path, p.Path+".") || strings.HasPrefix(e.Path, p.Path+"[")) {
				return true
			}
		}
		return false
	})
	return diag.Misspelt(append(parsed, out...), diag.CodeRequired, CodeRequiredRuleField)
}

// kindRules is what Evaluate needs of one kind: its environment and its
// rules, in policy order.
type kindRules struct {
	env   *kindEnv
	rules []*compiledRule
}

// mergeParams applies each file's params over its base's, in order.
func (c *compiler) mergeParams() {
	for fi, f := range c.files {
		for _, d := range f.Params {
			path := "params." + d.Name
			i := slices.IndexFunc(c.params, func(p Param) bool { return p.Name == d.Name })
			typ := d.Type
			if i >= 0 && typ == "" {
				typ = c.params[i].Type
			}
			if typ == "" {
				if fi > 0 {
					names := make([]string, len(c.params))
					for j, p := range c.params {
						names[j] = p.Name
					}
					if hint, ok := diag.Closest(d.Name, names); ok {
						c.errAt(d.Pos, path, CodeUnknownParamHint, d.Name, hint)
					} else {
						c.errAt(d.Pos, path, CodeUnknownParam, d.Name)
					}
				} else {
					c.errAt(d.Pos, path+".type", CodeRequiredRuleField, "type")
				}
				continue
			}
			if !slices.Contains([]string{"int", "double", "bool", "string", "list(string)"}, typ) {
				c.errAt(d.Pos, path+".type", CodeBadParamType, typ)
				continue
			}
			val, ok := paramValue(typ, d.defaultNode)
			if !ok {
				c.errAt(d.DefaultPos, path+".default", CodeBadDefault, typ)
				continue
			}
			desc := d.Description
			if i >= 0 {
				if desc == (diag.Text{}) {
					desc = c.params[i].Description
				}
				c.params[i] = Param{Name: d.Name, Type: typ, Value: val, Description: desc, Pos: d.Pos}
				continue
			}
			c.params = append(c.params, Param{Name: d.Name, Type: typ, Value: val, Description: desc, Pos: d.Pos})
		}
	}
}

// renderParams renders the params' descriptions with the params' values,
// each from the file whose description the merge kept.
func (c *compiler) renderParams() {
	for _, f := range c.files {
		for _, d := range f.Params {
			i := slices.IndexFunc(c.params, func(p Param) bool { return p.Name == d.Name })
			if i >= 0 && d.Description != (diag.Text{}) {
				c.params[i].Description = c.renderText(f, d.Description, "params."+d.Name+".description")
			}
		}
	}
}

func (c *compiler) buildBase() error {
	c.lib = library.New(library.Config{MaxMonths: c.limits["months"]})
	opts := []cel.EnvOption{
		ext.NativeTypes(append(slicesOf(subject.Roots), ext.ParseStructTags(true))...),
		ext.Strings(ext.StringsVersion(5)),
		ext.Lists(),
		ext.Sets(),
		ext.Math(),
		cel.CrossTypeNumericComparisons(true),
		cel.EnableMacroCallTracking(),
		cel.ParserExpressionSizeLimit(maxExprSize),
		cel.ParserRecursionLimit(maxExprDepth),
		func(e *cel.Env) (*cel.Env, error) {
			return cel.CustomTypeAdapter(library.Adapter{Adapter: e.CELTypeAdapter()})(e)
		},
		cel.Lib(c.lib),
	}
	for _, p := range c.params {
		t, v := paramCEL(p)
		opts = append(opts, cel.Constant("params."+p.Name, t, v))
	}
	env, err := cel.NewEnv(opts...)
	if err != nil {
		// Only our own declarations can fail here: a bug, not a policy error.
		return fmt.Errorf("rules: building the CEL environment: %w", err)
	}
	c.base = env
	return nil
}

func slicesOf[T any](l []T) []any {
	out := make([]any, len(l))
	for i, x := range l {
		out[i] = x
	}
	return out
}

func paramCEL(p Param) (*cel.Type, ref.Val) {
	switch v := p.Value.(type) {
	case int64:
		return cel.IntType, types.Int(v)
	case float64:
		return cel.DoubleType, types.Double(v)
	case bool:
		return cel.BoolType, types.Bool(v)
	case string:
		return cel.StringType, types.String(v)
	case []string:
		return cel.ListType(cel.StringType), types.NewStringList(types.DefaultTypeAdapter, v)
	}
	panic("unreachable: paramValue returns only the types above")
}

// kindEnv returns the environment of a subject kind, building it on first
// use; nil (and an error at pos) for a name that is not a kind.
func (c *compiler) kindEnv(name string, pos diag.Pos, path string) *kindEnv {
	k, ok := subject.Lookup(name)
	if !ok {
		c.errAt(pos, path, CodeBadSubject, name, kindList())
		return nil
	}
	if ke, ok := c.kinds[k]; ok {
		return ke
	}
	opts := make([]cel.EnvOption, len(k.Vars))
	slots := map[string]int{}
	for i, v := range k.Vars {
		opts[i] = cel.Variable(v.Name, v.Type)
		slots[v.Name] = i
	}
	env, err := c.base.Extend(opts...)
	if err != nil {
		panic(fmt.Sprintf("rules: the variables of kind %s do not declare: %v", k.Name, err)) // the table is ours
	}
	nk := &native.Kind{Slots: len(k.Vars)}
	ke := &kindEnv{kind: k, env: env, lookup: map[string]int{}, native: nk,
		scope: &native.Scope{Slots: slots, Vars: map[string]int{}, Kind: nk, Lib: c.lib, Types: subject.Types}}
	c.kinds[k] = ke
	return ke
}

func (c *compiler) compileVariables() {
	for _, f := range c.files {
		for i, d := range f.Variables {
			path := diag.Index("variables", i)
			if d.Name == "" || d.Expr.IsZero() || d.Subject == "" {
				missing := "name"
				if d.Subject == "" {
					missing = "subject"
				} else if d.Expr.IsZero() {
					missing = "expr"
				}
				c.errAt(d.Pos, path, CodeRequiredRuleField, missing)
				continue
			}
			ke := c.kindEnv(d.Subject, d.Pos, path+".subject")
			if ke == nil {
				continue
			}
			if _, isSlot := ke.kind.Var(d.Name); isSlot {
				c.errAt(d.Pos, path+".name", CodeDuplicateVariable, d.Name)
				continue
			}
			a := c.check(ke.env, d.Expr, path+".expr")
			if a == nil {
				continue
			}
			prg, err := ke.env.Program(a, cel.EvalOptions(cel.OptOptimize))
			if err != nil {
				c.errAt(d.Expr.Pos, path+".expr", CodeCEL, err.Error())
				continue
			}
			v := &variable{name: d.Name, prog: prg, ast: a, typ: a.OutputType(), refs: c.collectRefs(a),
				expr: d.Expr, path: path + ".expr"}
			if j, dup := ke.lookup[d.Name]; dup { // a profile redefines a base variable
				ke.vars[j] = v
			} else {
				ke.lookup[d.Name] = len(ke.vars)
				ke.vars = append(ke.vars, v)
			}
			env, err := ke.env.Extend(cel.Variable(d.Name, v.typ))
			if err != nil {
				c.errAt(d.Pos, path+".name", CodeDuplicateVariable, d.Name)
				continue
			}
			ke.env = env
		}
	}
}

// compileNativeVariables compiles every kind's variables for the native
// evaluator, in order, so that a variable may read earlier ones.
func (c *compiler) compileNativeVariables() {
	for _, ke := range c.kinds {
		ke.native.Vars = make([]native.Fn, len(ke.vars))
		ke.native.Why = make([]error, len(ke.vars))
		for i, v := range ke.vars {
			fn, err := native.Compile(v.ast.NativeRep(), ke.scope)
			ke.native.Vars[i], ke.native.Why[i] = fn, err
			ke.scope.Vars[v.name] = i
		}
	}
}

// check parses and type-checks an expression, reporting problems at their
// file positions.
func (c *compiler) check(env *cel.Env, e Expr, path string) *cel.Ast {
	a, iss := env.Compile(e.Text)
	if iss != nil && iss.Err() != nil {
		for _, ce := range iss.Errors() {
			loc := ce.Location
			off := offsetOf(e.Text, loc.Line(), loc.Column())
			c.errAt(e.PosAt(off), path, CodeCEL, ce.Message)
		}
		if parsed, piss := env.Parse(e.Text); piss.Err() == nil {
			c.constants(env, parsed, e, path) // a type error hides no bad constant
		}
		return nil
	}
	if !c.constants(env, a, e, path) {
		return nil
	}
	return a
}

// offsetOf converts CEL's 1-based line and 0-based rune column into a byte
// offset in text.
func offsetOf(text string, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return off
		}
		off += i + 1
	}
	for i := range text[off:] {
		if col == 0 {
			return off + i
		}
		col--
	}
	return len(text)
}

// collectRefs records the names an expression reads, for the unused
// warnings, and returns them.
func (c *compiler) collectRefs(a *cel.Ast) map[string]bool {
	seen := map[string]bool{}
	for _, r := range a.NativeRep().ReferenceMap() {
		if r.Name != "" {
			seen[r.Name] = true
		}
	}
	// Identifiers of variables are plain idents; visit them too.
	ast.PostOrderVisit(a.NativeRep().Expr(), ast.NewExprVisitor(func(e ast.Expr) {
		if e.Kind() == ast.IdentKind {
			seen[e.AsIdent()] = true
		}
	}))
	for n := range seen {
		c.used[n] = true
	}
	return seen
}

// varsRead returns the variables an expression reading names may evaluate,
// following variables that read other variables.
func (ke *kindEnv) varsRead(names map[string]bool) []*variable {
	var out []*variable
	seen := map[string]bool{}
	var visit func(n string)
	visit = func(n string) {
		i, ok := ke.lookup[n]
		if !ok || seen[n] {
			return
		}
		seen[n] = true
		v := ke.vars[i]
		out = append(out, v)
		for r := range v.refs {
			visit(r)
		}
	}
	for n := range names {
		visit(n)
	}
	slices.SortFunc(out, func(a, b *variable) int { return ke.lookup[a.name] - ke.lookup[b.name] })
	return out
}

func (c *compiler) checkUnused() {
	for _, p := range c.params {
		if !c.used["params."+p.Name] {
			c.warnAt(p.Pos, "params."+p.Name, CodeUnusedParam, p.Name)
		}
	}
	for _, f := range c.files {
		for i, d := range f.Variables {
			if d.Name != "" && !c.used[d.Name] {
				c.warnAt(d.Pos, diag.Index("variables", i)+".name", CodeUnusedVariable, d.Name)
			}
		}
	}
}

func kindList() string {
	names := make([]string, len(subject.Kinds))
	for i, k := range subject.Kinds {
		names[i] = k.Name
	}
	return strings.Join(names, ", ")
}

// buildCap is the largest value a rule may build, proved at load and
// guarded at run time.
const buildCap = limits.RuleBuildBytes
