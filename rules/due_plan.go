package rules

// The plan of Due: for each rule, how its result can change with the date.
// A rule's when, expr and the policy variables they read are walked once;
// every place that reads as_of must sit in one of a few shapes whose
// change days can be computed from the subject's own dates (a probe), or
// the rule is evaluated on every day. See "What comes due" in the package
// doc for the shapes and why they are exact.

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"weak"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/operators"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/traits"
	"cel.dev/cel-go/interpreter"
	celparser "cel.dev/cel-go/parser"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/rules/internal/library"
)

// asOfName is the variable every programme kind binds to the evaluation
// date.
const asOfName = "as_of"

// dueShape is how a probe's dates become change days.
type dueShape uint8

const (
	// shapeMonthly: month_of(as_of), month_of(add_months(as_of, k)): the
	// first day of every month.
	shapeMonthly dueShape = iota
	// shapeThreshold: as_of compared with a date E, or days_between(E,
	// as_of) compared with a number K (E moved by K days): E-1, E, E+1.
	shapeThreshold
	// shapeYears: age(E, as_of) or age(as_of, E): E's day and the day
	// after it in every year (28 February and 1 March for 29 February),
	// and 1 January.
	shapeYears
	// shapeMonths: months_between(E, as_of) either way round: E's day of
	// the month (clamped to the month's end) and the day after it in every
	// month, and every month's first day.
	shapeMonths
)

// dueProbe computes, for one subject, the dates a shape turns into change
// days: expr (a date) evaluated once for every binding of the loops, the
// comprehensions around the place it was found whose variables it reads.
type dueProbe struct {
	shape dueShape
	loops []dueLoop
	expr  cel.Program // nil for shapeMonthly
}

// dueLoop is one comprehension a probe sits in: its range, evaluated with
// the outer loops bound, and its variable.
type dueLoop struct {
	name string
	rng  cel.Program
}

// dueRule is what Due knows of one rule.
type dueRule struct {
	static     bool // reads no as_of: the same result on every day
	staticWhen bool // has a when that reads no as_of: a subject it skips on one day, it skips on every day
	daily      bool // reads as_of in a way no probe covers: evaluated on every day
	probes     []dueProbe
}

type duePlan struct {
	rules map[*compiledRule]*dueRule
}

// duePlans holds each policy's plan, built on the policy's first Due and
// held weakly, so that a policy a Store swapped out goes with its plan.
var duePlans sync.Map // weak.Pointer[Policy] → *duePlan

func (p *Policy) duePlan() *duePlan {
	key := weak.Make(p)
	if v, ok := duePlans.Load(key); ok {
		return v.(*duePlan)
	}
	plan := &duePlan{rules: map[*compiledRule]*dueRule{}}
	deps := map[*kindEnv]map[string]bool{}
	for _, r := range p.rules {
		dep := deps[r.env]
		if dep == nil {
			dep = dependentVars(r.env)
			deps[r.env] = dep
		}
		plan.rules[r] = planRule(p, r, dep)
	}
	v, loaded := duePlans.LoadOrStore(key, plan)
	if !loaded {
		runtime.AddCleanup(p, func(k weak.Pointer[Policy]) { duePlans.Delete(k) }, key)
	}
	return v.(*duePlan)
}

// dependentVars names the policy variables of a kind whose value can
// change with as_of: those that read as_of or such a variable.
func dependentVars(ke *kindEnv) map[string]bool {
	dep := map[string]bool{}
	for changed := true; changed; {
		changed = false
		for _, v := range ke.vars {
			if dep[v.name] {
				continue
			}
			for n := range v.refs {
				if n == asOfName || dep[n] {
					dep[v.name], changed = true, true
					break
				}
			}
		}
	}
	return dep
}

// planRule analyses one rule: its when and expr, and every dependent
// variable they read.
func planRule(p *Policy, r *compiledRule, dep map[string]bool) *dueRule {
	ke := r.env
	reads := map[string]bool{}
	asts := []*cel.Ast{r.exprAst}
	if r.whenAst != nil {
		asts = append(asts, r.whenAst)
	}
	for _, a := range asts {
		for n := range idents(a.NativeRep().Expr()) {
			reads[n] = true
		}
	}
	dr := &dueRule{}
	if r.whenAst != nil {
		dr.staticWhen = !readsDate(idents(r.whenAst.NativeRep().Expr()), dep)
	}
	if !readsDate(reads, dep) {
		dr.static = true
		return dr
	}
	for _, v := range ke.varsRead(reads) {
		if dep[v.name] {
			asts = append(asts, v.ast)
		}
	}
	for _, a := range asts {
		an := &dueAnalyser{p: p, ke: ke, dep: dep, a: a.NativeRep()}
		an.walk(an.a.Expr(), nil)
		if an.daily {
			dr.daily, dr.probes = true, nil
			return dr
		}
		dr.probes = append(dr.probes, an.probes...)
	}
	return dr
}

func readsDate(names map[string]bool, dep map[string]bool) bool {
	for n := range names {
		if n == asOfName || dep[n] {
			return true
		}
	}
	return false
}

// idents collects every identifier an expression names.
func idents(e ast.Expr) map[string]bool {
	out := map[string]bool{}
	ast.PostOrderVisit(e, ast.NewExprVisitor(func(x ast.Expr) {
		if x.Kind() == ast.IdentKind {
			out[x.AsIdent()] = true
		}
	}))
	return out
}

// dueAnalyser walks one checked expression, collecting probes; daily when
// some read of as_of fits no shape.
type dueAnalyser struct {
	p      *Policy
	ke     *kindEnv
	dep    map[string]bool
	a      *ast.AST
	probes []dueProbe
	daily  bool
}

// dueScope is one comprehension around the place being walked.
type dueScope struct {
	c ast.ComprehensionExpr
}

func (s dueScope) binds(name string) bool {
	c := s.c
	return name == c.IterVar() || name == c.AccuVar() || (c.HasIterVar2() && name == c.IterVar2())
}

func shadowed(name string, scope []dueScope) bool {
	for _, s := range scope {
		if s.binds(name) {
			return true
		}
	}
	return false
}

func (an *dueAnalyser) walk(e ast.Expr, scope []dueScope) {
	if an.daily {
		return
	}
	switch e.Kind() {
	case ast.IdentKind:
		if e.AsIdent() == asOfName && !shadowed(asOfName, scope) {
			an.daily = true // as_of itself, in no shape a probe covers
		}
	case ast.SelectKind:
		an.walk(e.AsSelect().Operand(), scope)
	case ast.CallKind:
		if an.shape(e.AsCall(), scope) {
			return
		}
		c := e.AsCall()
		if c.IsMemberFunction() {
			an.walk(c.Target(), scope)
		}
		for _, x := range c.Args() {
			an.walk(x, scope)
		}
	case ast.ListKind:
		for _, x := range e.AsList().Elements() {
			an.walk(x, scope)
		}
	case ast.MapKind:
		for _, en := range e.AsMap().Entries() {
			an.walk(en.AsMapEntry().Key(), scope)
			an.walk(en.AsMapEntry().Value(), scope)
		}
	case ast.StructKind:
		for _, f := range e.AsStruct().Fields() {
			an.walk(f.AsStructField().Value(), scope)
		}
	case ast.ComprehensionKind:
		c := e.AsComprehension()
		an.walk(c.IterRange(), scope)
		an.walk(c.AccuInit(), scope)
		inner := append(slices.Clip(scope), dueScope{c: c})
		an.walk(c.LoopCondition(), inner)
		an.walk(c.LoopStep(), inner)
		an.walk(c.Result(), inner)
	}
}

func (an *dueAnalyser) isAsOf(e ast.Expr, scope []dueScope) bool {
	return e.Kind() == ast.IdentKind && e.AsIdent() == asOfName && !shadowed(asOfName, scope)
}

// free reports whether e's value is the same on every day: it reads
// neither as_of nor a dependent variable, nor a comprehension's
// accumulator (whose value is the loop's so far).
func (an *dueAnalyser) free(e ast.Expr, scope []dueScope) bool {
	ok := true
	ast.PostOrderVisit(e, ast.NewExprVisitor(func(x ast.Expr) {
		if x.Kind() != ast.IdentKind {
			return
		}
		n := x.AsIdent()
		for _, s := range scope {
			if n == s.c.AccuVar() {
				ok = false
			}
			if s.binds(n) {
				return
			}
		}
		if n == asOfName || an.dep[n] {
			ok = false
		}
	}))
	return ok
}

func call(e ast.Expr, fn string, arity int) (ast.CallExpr, bool) {
	if e.Kind() != ast.CallKind {
		return nil, false
	}
	c := e.AsCall()
	if c.IsMemberFunction() || c.FunctionName() != fn || len(c.Args()) != arity {
		return nil, false
	}
	return c, true
}

// monthChain is as_of, or add_months of a month chain by a free number.
func (an *dueAnalyser) monthChain(e ast.Expr, scope []dueScope) bool {
	if an.isAsOf(e, scope) {
		return true
	}
	c, ok := call(e, "add_months", 2)
	return ok && an.monthChain(c.Args()[0], scope) && an.free(c.Args()[1], scope)
}

var comparisons = map[string]bool{
	operators.Less: true, operators.LessEquals: true, operators.Greater: true,
	operators.GreaterEquals: true, operators.Equals: true, operators.NotEquals: true,
}

// shape tries the shapes on a call; true when it covered the call (with
// probes, or by marking the rule daily when a probe could not be built).
func (an *dueAnalyser) shape(c ast.CallExpr, scope []dueScope) bool {
	if c.IsMemberFunction() {
		return false
	}
	args := c.Args()
	fn := c.FunctionName()
	switch {
	case fn == "month_of" && len(args) == 1 && an.monthChain(args[0], scope):
		an.probes = append(an.probes, dueProbe{shape: shapeMonthly})
		return true
	case (fn == "age" || fn == "months_between") && len(args) == 2:
		sh := shapeYears
		if fn == "months_between" {
			sh = shapeMonths
		}
		for _, pair := range [][2]ast.Expr{{args[0], args[1]}, {args[1], args[0]}} {
			if an.isAsOf(pair[1], scope) && an.free(pair[0], scope) {
				an.probe(sh, scope, "%s", pair[0])
				return true
			}
		}
	case comparisons[fn] && len(args) == 2:
		for _, pair := range [][2]ast.Expr{{args[0], args[1]}, {args[1], args[0]}} {
			x, y := pair[0], pair[1]
			if !an.free(y, scope) {
				continue
			}
			if an.isAsOf(x, scope) {
				an.probe(shapeThreshold, scope, "%s", y)
				return true
			}
			db, ok := call(x, "days_between", 2)
			if !ok {
				continue
			}
			from, to := db.Args()[0], db.Args()[1]
			switch {
			case an.isAsOf(to, scope) && an.free(from, scope): // as_of - E vs K: as_of = E + K
				an.probe(shapeThreshold, scope, "add_days(%s, %s)", from, y)
				return true
			case an.isAsOf(from, scope) && an.free(to, scope): // E - as_of vs K: as_of = E - K
				an.probe(shapeThreshold, scope, "add_days(%s, -(%s))", to, y)
				return true
			}
		}
	}
	return false
}

// probe builds a probe whose expression is format filled with the
// unparsed parts, inside the comprehensions whose variables the parts
// read; a probe that cannot be built makes the rule daily.
func (an *dueAnalyser) probe(sh dueShape, scope []dueScope, format string, parts ...ast.Expr) {
	pr, ok := an.build(sh, scope, format, parts)
	if !ok {
		an.daily = true
		return
	}
	an.probes = append(an.probes, pr)
}

func (an *dueAnalyser) build(sh dueShape, scope []dueScope, format string, parts []ast.Expr) (dueProbe, bool) {
	// The loops the parts need: those whose variables they read, and
	// those that those loops' ranges read, outermost first.
	need := make([]bool, len(scope))
	var mark func(e ast.Expr, upto int) bool
	mark = func(e ast.Expr, upto int) bool {
		ok := true
		for n := range idents(e) {
			for i := upto - 1; i >= 0; i-- { // the innermost binding wins
				if !scope[i].binds(n) {
					continue
				}
				s := scope[i].c
				if n == s.AccuVar() || s.HasIterVar2() || !an.free(s.IterRange(), scope[:i]) {
					return false
				}
				if !need[i] {
					need[i] = true
					ok = ok && mark(s.IterRange(), i)
				}
				break
			}
		}
		return ok
	}
	texts := make([]any, len(parts))
	for i, e := range parts {
		if !mark(e, len(scope)) {
			return dueProbe{}, false
		}
		t, err := celparser.Unparse(e, an.a.SourceInfo())
		if err != nil {
			return dueProbe{}, false
		}
		texts[i] = "(" + t + ")"
	}
	env := an.ke.env
	pr := dueProbe{shape: sh}
	for i, s := range scope {
		if !need[i] {
			continue
		}
		t, err := celparser.Unparse(s.c.IterRange(), an.a.SourceInfo())
		if err != nil {
			return dueProbe{}, false
		}
		prg, out, ok := an.program(env, t)
		if !ok || out.Kind() != types.ListKind || len(out.Parameters()) != 1 {
			return dueProbe{}, false
		}
		if env, err = env.Extend(cel.Variable(s.c.IterVar(), out.Parameters()[0])); err != nil {
			return dueProbe{}, false
		}
		pr.loops = append(pr.loops, dueLoop{name: s.c.IterVar(), rng: prg})
	}
	prg, out, ok := an.program(env, fmt.Sprintf(format, texts...))
	if !ok || !out.IsExactType(library.DateType) {
		return dueProbe{}, false
	}
	pr.expr = prg
	return pr, true
}

// program compiles a probe's text in env, metered like a rule of no
// static bound.
func (an *dueAnalyser) program(env *cel.Env, text string) (cel.Program, *cel.Type, bool) {
	a, iss := env.Compile(text)
	if iss != nil && iss.Err() != nil {
		return nil, nil, false
	}
	prg, err := env.Program(a, cel.EvalOptions(cel.OptOptimize), cel.CostLimit(an.p.costLimit))
	if err != nil {
		return nil, nil, false
	}
	return prg, a.OutputType(), true
}

// dates appends the probe's dates for the bound subject; false when a
// range is not a list it can walk (then the rule is daily for the
// subject). An expression or a range that fails to evaluate adds nothing:
// it reads no date, so it fails the same way on every day, and so does
// the place of the rule it stands for.
func (pr *dueProbe) dates(act interpreter.Activation, depth int, out []civil.Date) ([]civil.Date, bool) {
	if pr.expr == nil { // shapeMonthly: no dates of its own
		return out, true
	}
	if depth == len(pr.loops) {
		v, _, err := pr.expr.Eval(act)
		if err != nil {
			return out, true
		}
		if d, ok := library.ToDate(v); ok {
			return append(out, d), true
		}
		return out, false
	}
	l := pr.loops[depth]
	rv, _, err := l.rng.Eval(act)
	if err != nil {
		return out, true
	}
	list, ok := rv.(traits.Lister)
	if !ok {
		return out, false
	}
	it := list.Iterator()
	for it.HasNext() == types.True {
		inner, err := interpreter.NewActivation(map[string]any{l.name: it.Next()})
		if err != nil {
			return out, false
		}
		if out, ok = pr.dates(interpreter.NewHierarchicalActivation(act, inner), depth+1, out); !ok {
			return out, false
		}
	}
	return out, true
}

// changeDays adds to days the days in (from, to] on which a probe's
// observation of as_of may change value, given its dates.
func (pr *dueProbe) changeDays(dates []civil.Date, from, to civil.Date, add func(civil.Date)) {
	in := func(d civil.Date) {
		if d.After(from) && !d.After(to) {
			add(d)
		}
	}
	months := func(f func(m civil.Month)) {
		for m := from.In(); !m.After(to.In()); m = m.Add(1) {
			f(m)
		}
	}
	switch pr.shape {
	case shapeMonthly:
		months(func(m civil.Month) { in(m.First()) })
	case shapeThreshold:
		for _, d := range dates {
			in(d.AddDays(-1))
			in(d)
			in(d.AddDays(1))
		}
	case shapeYears:
		for _, d := range dates {
			for y := from.Year(); y <= to.Year(); y++ {
				in(civil.D(y, 1, 1))
				m := civil.M(y, d.Month())
				at := m.First().AddDays(min(d.Day(), m.Last().Day()) - 1)
				in(at)
				in(at.AddDays(1))
			}
		}
	case shapeMonths:
		for _, d := range dates {
			months(func(m civil.Month) {
				in(m.First())
				at := m.First().AddDays(min(d.Day(), m.Last().Day()) - 1)
				in(at)
				in(at.AddDays(1))
			})
		}
	}
}
