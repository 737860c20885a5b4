package rules

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/ext"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/questionnaire"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// Severity says how much a finding weighs.
type Severity string

// Severities. Policies write deny or warn; error is what a rule that
// failed to evaluate reports instead of passing silently.
const (
	Deny  Severity = "deny"
	Warn  Severity = "warn"
	Error Severity = "error"
)

// Param is a policy parameter after compilation: its type, its value
// (the default, possibly overridden by a profile) and its description.
type Param struct {
	Name        string
	Type        string
	Value       any // int64, float64, bool, string or []string
	Description diag.Text
	Pos         diag.Pos
}

// Rule describes a compiled rule, for listings and documentation.
type Rule struct {
	ID          string
	Kind        Kind
	Severity    Severity
	Source      string
	Description diag.Text
	When        string
	Expr        string
	Message     diag.Text // the templates, placeholders unexpanded
	Pos         diag.Pos
	// Cost is the static worst-case cost estimate, or 0 when the rule
	// reads lists without a declared bound and is metered at run time.
	Cost uint64
}

// defaultLimits are the declared list sizes the static cost estimate
// assumes (see "Cost" in the package doc). A subject whose lists are larger
// is evaluated with runtime metering instead.
var defaultLimits = map[string]int{
	"tandems":      50,
	"agreements":   50,
	"reports":      240,
	"months":       240,
	"mentors":      200,
	"children":     200,
	"languages":    20,
	"interests":    50,
	"skills":       100,
	"weekdays":     7,
	"attendees":    500,
	"child_groups": 100,
	"string":       1000,
}

// DefaultCostLimit is the largest static cost estimate a rule may have, and
// the runtime budget of a rule that reads unbounded lists (one subject).
const DefaultCostLimit uint64 = 1_000_000

type compiledRule struct {
	Rule
	kind        *kindEnv
	when, expr  cel.Program // without metering
	whenM       cel.Program // with a runtime cost limit (nil if not needed)
	exprM       cel.Program
	whenAst     *cel.Ast
	exprAst     *cel.Ast
	messages    [3]template // kk, ru, en
	metered     bool        // unbounded: always metered
	sizeChecked bool        // bounded by declared limits: metered when a list exceeds them
	fast        *fastRule   // the fast path; nil: cel-go only
}

type template struct {
	parts []templatePart
}

type templatePart struct {
	lit  string
	prog cel.Program
}

type compiledScore struct {
	ID          string
	Description diag.Text
	expr        cel.Program
	weight      cel.Program
	kind        *kindEnv
}

type variable struct {
	refs map[string]bool // names its expression reads
	name string
	prog cel.Program
	ast  *cel.Ast
	typ  *cel.Type
}

// kindEnv is the CEL environment of one subject kind, with its variables.
type kindEnv struct {
	kind   Kind
	env    *cel.Env
	slots  []varSpec
	vars   []*variable
	lookup map[string]int // name → slot index, or len(slots)+variable index
	fast   *fastKind      // built with the first rule of the kind
}

type compiler struct {
	files     []*File
	errs      diag.List
	warns     diag.List
	base      *cel.Env
	fn        *funcs
	params    []Param
	limits    map[string]int
	costLimit uint64
	kinds     map[Kind]*kindEnv
	used      map[string]bool // identifiers referenced anywhere
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
	c := &compiler{files: files, costLimit: costLimit, kinds: map[Kind]*kindEnv{},
		used: map[string]bool{}, srcOf: map[string][]byte{}, limits: map[string]int{}}
	for k, v := range defaultLimits {
		c.limits[k] = v
	}
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
	p := &Policy{
		name:        leaf.Name,
		version:     leaf.Version,
		description: leaf.Description,
		params:      c.params,
		limits:      c.limits,
		sizes:       sizesOf(c.limits),
		costLimit:   costLimit,
		kinds:       c.kinds,
		adapter:     c.base.CELTypeAdapter(),
		byKind:      map[Kind][]*compiledRule{},
	}
	for _, f := range files {
		p.chain = append(p.chain, f.Path)
	}
	p.sources = files
	c.compileVariables()
	p.rules = c.compileRules()
	p.scores = c.compileScores()
	if len(p.rules) == 0 && len(c.errs) == 0 {
		c.errAt(diag.Pos{File: leaf.Path, Line: 1, Col: 1}, "rules", CodeNoRules)
	}
	c.checkUnused()
	c.errs.Sort()
	c.warns.Sort()
	if len(c.errs) > 0 {
		return nil, &PolicyError{Problems: c.errs, Warnings: c.warns}
	}
	p.warnings = c.warns
	for _, r := range p.rules {
		p.byKind[r.kind.kind] = append(p.byKind[r.kind.kind], r)
	}
	return p, nil
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
					c.errAt(d.Pos, path, CodeUnknownParam, d.Name)
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

func (c *compiler) buildBase() error {
	c.fn = &funcs{maxMonths: c.limits["months"]}
	opts := []cel.EnvOption{
		ext.NativeTypes(
			reflect.TypeFor[mentoring.Programme](),
			reflect.TypeFor[volunteer.Volunteer](),
			reflect.TypeFor[agreement.Agreement](),
			reflect.TypeFor[civil.Date](),
			reflect.TypeFor[civil.Month](),
			reflect.TypeFor[questionnaire.Response](),
			ext.ParseStructTags(true),
		),
		ext.Strings(ext.StringsVersion(4)),
		ext.Lists(),
		ext.Sets(),
		ext.Math(),
		cel.CrossTypeNumericComparisons(true),
		cel.EnableMacroCallTracking(),
		cel.ParserExpressionSizeLimit(maxExprSize),
		cel.ParserRecursionLimit(maxExprDepth),
	}
	opts = append(opts, func(e *cel.Env) (*cel.Env, error) {
		return cel.CustomTypeAdapter(adapter{e.CELTypeAdapter()})(e)
	})
	opts = append(opts, c.fn.library()...)
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
	c.fn.adapter = env.CELTypeAdapter()
	return nil
}

// Parser limits: an expression longer or deeper than this is rejected at
// load, before any evaluation.
const (
	maxExprSize  = 16 * 1024
	maxExprDepth = 64
)

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

// kindEnv returns the environment of a subject kind, building it on first use.
func (c *compiler) kindEnv(k Kind) *kindEnv {
	if ke, ok := c.kinds[k]; ok {
		return ke
	}
	slots := kindVars(k)
	opts := make([]cel.EnvOption, len(slots))
	ke := &kindEnv{kind: k, slots: slots, lookup: map[string]int{}}
	for i, s := range slots {
		opts[i] = cel.Variable(s.name, s.typ)
		ke.lookup[s.name] = i
	}
	env, err := c.base.Extend(opts...)
	if err != nil {
		// A declared type is missing from the environment (e.g. the
		// questionnaire type for respondent): report it once, at use.
		return nil
	}
	ke.env = env
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
			if !validKind(d.Subject) {
				c.errAt(d.Pos, path+".subject", CodeBadSubject, d.Subject, kindList())
				continue
			}
			ke := c.kindEnv(Kind(d.Subject))
			if ke == nil {
				c.errAt(d.Pos, path+".subject", CodeBadSubject, d.Subject, kindList())
				continue
			}
			if j, dup := ke.lookup[d.Name]; dup {
				if j < len(ke.slots) {
					c.errAt(d.Pos, path+".name", CodeDuplicateVariable, d.Name)
					continue
				}
				// A profile redefines a base variable: the new one replaces it.
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
			v := &variable{name: d.Name, prog: prg, ast: a, typ: a.OutputType(), refs: c.collectRefs(a)}
			if j, dup := ke.lookup[d.Name]; dup {
				ke.vars[j-len(ke.slots)] = v
			} else {
				ke.lookup[d.Name] = len(ke.slots) + len(ke.vars)
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
	defer func() {
		for n := range seen {
			c.used[n] = true
		}
	}()
	for _, r := range a.NativeRep().ReferenceMap() {
		if r.Name != "" {
			seen[r.Name] = true
		}
	}
	// Identifiers of variables are plain idents; walk for them too.
	var walk func(e ast.Expr)
	walk = func(e ast.Expr) {
		switch e.Kind() {
		case ast.IdentKind:
			seen[e.AsIdent()] = true
		case ast.SelectKind:
			walk(e.AsSelect().Operand())
		case ast.CallKind:
			call := e.AsCall()
			if call.IsMemberFunction() {
				walk(call.Target())
			}
			for _, arg := range call.Args() {
				walk(arg)
			}
		case ast.ListKind:
			for _, el := range e.AsList().Elements() {
				walk(el)
			}
		case ast.MapKind:
			for _, en := range e.AsMap().Entries() {
				me := en.AsMapEntry()
				walk(me.Key())
				walk(me.Value())
			}
		case ast.StructKind:
			for _, f := range e.AsStruct().Fields() {
				walk(f.AsStructField().Value())
			}
		case ast.ComprehensionKind:
			comp := e.AsComprehension()
			walk(comp.IterRange())
			walk(comp.AccuInit())
			walk(comp.LoopCondition())
			walk(comp.LoopStep())
			walk(comp.Result())
		}
	}
	walk(a.NativeRep().Expr())
	return seen
}

func (c *compiler) compileRules() []*compiledRule {
	var out []*compiledRule
	index := map[string]int{}
	for _, f := range c.files {
		ids := map[string]bool{}
		for i, d := range f.Rules {
			path := diag.Index("rules", i)
			if d.ID == "" {
				c.errAt(d.Pos, path+".id", CodeRequiredRuleField, "id")
				continue
			}
			if ids[d.ID] {
				c.errAt(d.Pos, path+".id", CodeDuplicateRule, d.ID)
				continue
			}
			ids[d.ID] = true
			r := c.compileRule(f, d, path)
			if r == nil {
				continue
			}
			if j, ok := index[d.ID]; ok { // a profile replaces or disables a base rule
				out[j] = r
				continue
			}
			index[d.ID] = len(out)
			out = append(out, r)
		}
	}
	// Disabled rules keep their place while files are merged, then go.
	return slices.DeleteFunc(out, func(r *compiledRule) bool { return r.kind == nil })
}

func (c *compiler) compileRule(f *File, d RuleDecl, path string) *compiledRule {
	if d.Disabled {
		return &compiledRule{Rule: Rule{ID: d.ID}}
	}
	ok := true
	for _, field := range []struct {
		name string
		set  bool
	}{{"subject", d.Subject != ""}, {"expr", !d.Expr.IsZero()}, {"severity", d.Severity != ""}, {"message", d.Message != nil}} {
		if !field.set {
			c.errAt(d.Pos, path+"."+field.name, CodeRequiredRuleField, field.name)
			ok = false
		}
	}
	if d.Subject != "" && !validKind(d.Subject) {
		c.errAt(d.fieldPos["subject"], path+".subject", CodeBadSubject, d.Subject, kindList())
		ok = false
	}
	if d.Severity != "" && d.Severity != string(Deny) && d.Severity != string(Warn) {
		c.errAt(d.fieldPos["severity"], path+".severity", CodeBadSeverity, d.Severity)
		ok = false
	}
	if d.Message != nil {
		for _, l := range diag.Langs {
			if _, has := d.Message[l]; !has {
				c.errAt(d.fieldPos["message"], path+".message."+string(l), CodeMissingMessage, string(l))
				ok = false
			}
		}
	}
	if !ok {
		return nil
	}
	ke := c.kindEnv(Kind(d.Subject))
	if ke == nil {
		c.errAt(d.fieldPos["subject"], path+".subject", CodeBadSubject, d.Subject, kindList())
		return nil
	}
	r := &compiledRule{Rule: Rule{
		ID: d.ID, Kind: ke.kind, Severity: Severity(d.Severity), Source: d.Source,
		Description: d.Description, When: d.When.Text, Expr: d.Expr.Text, Pos: d.Pos,
		Message: diag.Text{KK: d.Message[diag.KK].Text, RU: d.Message[diag.RU].Text, EN: d.Message[diag.EN].Text},
	}, kind: ke}
	var costs []uint64
	unbounded := false
	reads := map[string]bool{}
	boolProgram := func(e Expr, field string) (*cel.Ast, cel.Program) {
		a := c.check(ke.env, e, path+"."+field)
		if a == nil {
			return nil, nil
		}
		if !a.OutputType().IsExactType(cel.BoolType) {
			c.errAt(e.Pos, path+"."+field, CodeNotBool, typeName(a.OutputType()))
			return nil, nil
		}
		for n := range c.collectRefs(a) {
			reads[n] = true
		}
		est, err := ke.env.EstimateCost(a, &estimator{limits: c.limits})
		switch {
		case err != nil || est.Max == math.MaxUint64:
			unbounded = true
		default:
			costs = append(costs, est.Max)
		}
		prg, err := ke.env.Program(a, cel.EvalOptions(cel.OptOptimize))
		if err != nil {
			c.errAt(e.Pos, path+"."+field, CodeCEL, err.Error())
			return nil, nil
		}
		return a, prg
	}
	if !d.When.IsZero() {
		r.whenAst, r.when = boolProgram(d.When, "when")
		if r.when == nil {
			ok = false
		}
	}
	r.exprAst, r.expr = boolProgram(d.Expr, "expr")
	if r.expr == nil {
		ok = false
	}
	for li, l := range diag.Langs {
		t, tok := c.compileTemplate(ke, d.Message[l], path+".message."+string(l))
		r.messages[li] = t
		ok = ok && tok
	}
	if !ok {
		return nil
	}
	var total uint64
	for _, x := range costs {
		total = satAdd(total, x)
	}
	for _, v := range ke.varsRead(reads) { // each variable runs at most once per subject
		est, err := ke.env.EstimateCost(v.ast, &estimator{limits: c.limits})
		if err != nil || est.Max == math.MaxUint64 {
			unbounded = true
			continue
		}
		total = satAdd(total, est.Max)
	}
	switch {
	case unbounded:
		r.metered = true
	case total > c.costLimit:
		c.errAt(d.fieldPos["expr"], path+".expr", CodeTooCostly, strconv.FormatUint(total, 10), strconv.FormatUint(c.costLimit, 10))
		return nil
	default:
		r.Cost = total
		r.sizeChecked = true
	}
	if !r.metered {
		r.fast = c.fastRule(ke, r, reads)
	}
	// The metered twins: used always for unbounded rules, and for bounded
	// ones on subjects whose lists exceed the declared limits.
	var err error
	r.exprM, err = ke.env.Program(r.exprAst, cel.EvalOptions(cel.OptOptimize), cel.CostLimit(c.costLimit))
	if err == nil && r.whenAst != nil {
		r.whenM, err = ke.env.Program(r.whenAst, cel.EvalOptions(cel.OptOptimize), cel.CostLimit(c.costLimit))
	}
	if err != nil {
		c.errAt(d.Expr.Pos, path+".expr", CodeCEL, err.Error())
		return nil
	}
	return r
}

// fastRule compiles a rule for the fast path, or returns nil when an
// expression or a variable it reads is outside the fast path's subset.
func (c *compiler) fastRule(ke *kindEnv, r *compiledRule, reads map[string]bool) *fastRule {
	if ke.fast == nil {
		ke.fast = &fastKind{ke: ke, vars: make([]fn, len(ke.vars))}
		for i, v := range ke.vars {
			ke.fast.vars[i] = compileFast(ke.fast, c.fn, v.ast.NativeRep())
		}
	}
	for _, v := range ke.varsRead(reads) {
		if ke.fast.vars[ke.lookup[v.name]-len(ke.slots)] == nil {
			return nil
		}
	}
	f := &fastRule{expr: compileFast(ke.fast, c.fn, r.exprAst.NativeRep())}
	if r.whenAst != nil {
		f.when = compileFast(ke.fast, c.fn, r.whenAst.NativeRep())
		if f.when == nil {
			return nil
		}
	}
	if f.expr == nil {
		return nil
	}
	return f
}

// varsRead returns the variables an expression reading names may evaluate,
// following variables that read other variables.
func (ke *kindEnv) varsRead(names map[string]bool) []*variable {
	var out []*variable
	seen := map[string]bool{}
	var visit func(n string)
	visit = func(n string) {
		i, ok := ke.lookup[n]
		if !ok || i < len(ke.slots) || seen[n] {
			return
		}
		seen[n] = true
		v := ke.vars[i-len(ke.slots)]
		out = append(out, v)
		for r := range v.refs {
			visit(r)
		}
	}
	for n := range names {
		visit(n)
	}
	return out
}

func satAdd(a, b uint64) uint64 {
	if a > math.MaxUint64-b {
		return math.MaxUint64
	}
	return a + b
}

// compileTemplate splits a message at {{ }} placeholders and compiles each.
func (c *compiler) compileTemplate(ke *kindEnv, e Expr, path string) (template, bool) {
	var t template
	text := e.Text
	off := 0
	ok := true
	for {
		i := strings.Index(text[off:], "{{")
		if i < 0 {
			if off < len(text) {
				t.parts = append(t.parts, templatePart{lit: text[off:]})
			}
			return t, ok
		}
		start := off + i
		j := strings.Index(text[start+2:], "}}")
		if j < 0 {
			c.errAt(e.PosAt(start), path, CodeCEL, "unclosed {{")
			return t, false
		}
		if start > off {
			t.parts = append(t.parts, templatePart{lit: text[off:start]})
		}
		inner := text[start+2 : start+2+j]
		lead := len(inner) - len(strings.TrimLeft(inner, " "))
		sub := Expr{Text: strings.TrimSpace(inner), Pos: e.PosAt(start + 2 + lead), block: e.block, indent: e.indent}
		a := c.check(ke.env, sub, path)
		if a == nil {
			ok = false
		} else {
			c.collectRefs(a)
			prg, err := ke.env.Program(a, cel.EvalOptions(cel.OptOptimize), cel.CostLimit(c.costLimit))
			if err != nil {
				c.errAt(sub.Pos, path, CodeCEL, err.Error())
				ok = false
			}
			t.parts = append(t.parts, templatePart{prog: prg})
		}
		off = start + 2 + j + 2
	}
}

func (c *compiler) compileScores() []*compiledScore {
	var out []*compiledScore
	for _, f := range c.files {
		for i, d := range f.Scores {
			path := diag.Index("scores", i)
			if d.ID == "" || d.Expr.IsZero() || d.Subject == "" {
				c.errAt(d.Pos, path, CodeRequiredRuleField, "id, subject, expr")
				continue
			}
			if !validKind(d.Subject) {
				c.errAt(d.Pos, path+".subject", CodeBadSubject, d.Subject, kindList())
				continue
			}
			ke := c.kindEnv(Kind(d.Subject))
			if ke == nil {
				continue
			}
			num := func(e Expr, field string) cel.Program {
				a := c.check(ke.env, e, path+"."+field)
				if a == nil {
					return nil
				}
				t := a.OutputType()
				if !t.IsExactType(cel.DoubleType) && !t.IsExactType(cel.IntType) {
					c.errAt(e.Pos, path+"."+field, CodeNotNumber, typeName(t))
					return nil
				}
				c.collectRefs(a)
				prg, err := ke.env.Program(a, cel.EvalOptions(cel.OptOptimize), cel.CostLimit(c.costLimit))
				if err != nil {
					c.errAt(e.Pos, path+"."+field, CodeCEL, err.Error())
					return nil
				}
				return prg
			}
			s := &compiledScore{ID: d.ID, Description: d.Description, kind: ke, expr: num(d.Expr, "expr")}
			if !d.Weight.IsZero() {
				s.weight = num(d.Weight, "weight")
				if s.weight == nil {
					continue
				}
			}
			if s.expr == nil {
				continue
			}
			if j := slices.IndexFunc(out, func(o *compiledScore) bool { return o.ID == d.ID }); j >= 0 {
				out[j] = s
				continue
			}
			out = append(out, s)
		}
	}
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
	ks := Kinds()
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}
