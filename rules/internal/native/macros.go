package native

import (
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/operators"
	"cel.dev/cel-go/common/types"

	"github.com/birgemiz/sabaqtastyq/rules/internal/value"
)

// Macros are the comprehension shapes the native evaluator runs as plain
// loops, for the conformance suite's coverage check; any other
// comprehension over a list runs in its general form.
var Macros = []string{"all", "exists", "exists_one", "filter", "map"}

func (c *compiler) push(name string) int {
	slot := c.s.Kind.Locals
	c.s.Kind.Locals++
	c.locals = append(c.locals, local{name: name, slot: slot})
	return slot
}

func (c *compiler) comprehension(e ast.Expr) (node, error) {
	x := e.AsComprehension()
	if x.HasIterVar2() {
		return node{}, unsupported("a two-variable comprehension")
	}
	if t := c.a.GetType(x.IterRange().ID()); t == nil || t.Kind() != types.ListKind {
		return node{}, unsupported("a comprehension over a map")
	}
	rngN, err := c.expr(x.IterRange())
	if err != nil {
		return node{}, err
	}
	initN, err := c.expr(x.AccuInit())
	if err != nil {
		return node{}, err
	}
	rng, init := rngN.fn, initN.fn
	accu := c.push(x.AccuVar())
	iter := c.push(x.IterVar())
	defer func() { c.locals = c.locals[:len(c.locals)-2] }()
	if f, ok, err := c.macro(x, rng, iter); ok || err != nil {
		return node{fn: f}, err
	}
	cond, err := c.expr(x.LoopCondition())
	if err != nil {
		return node{}, err
	}
	step, err := c.expr(x.LoopStep())
	if err != nil {
		return node{}, err
	}
	c.locals = c.locals[:len(c.locals)-1] // the result sees only the accumulator
	result, err := c.expr(x.Result())
	c.locals = append(c.locals, local{name: x.IterVar(), slot: iter})
	if err != nil {
		return node{}, err
	}
	condF, stepF, resultF := cond.fn, step.fn, result.fn
	return node{fn: func(fr *Frame) value.Val {
		r := rng(fr)
		if !r.IsList() {
			value.Bail("range is not a list")
		}
		fr.locals[accu] = init(fr)
		for i, n := 0, r.Size(); i < n; i++ {
			fr.Ctx.Step()
			if ok := condF(fr); ok.K != value.Bool {
				value.Bail("condition is not bool")
			} else if ok.N == 0 {
				break
			}
			fr.locals[iter] = r.At(i)
			fr.locals[accu] = stepF(fr)
		}
		return resultF(fr)
	}}, nil
}

// macro compiles the comprehensions of exists, all, exists_one, filter
// and map as plain loops over their predicate or transform, without the
// accumulator's condition and step of the general form; false for any
// other shape.
func (c *compiler) macro(x ast.ComprehensionExpr, rng Fn, iter int) (Fn, bool, error) {
	isAccu := func(e ast.Expr) bool { return e.Kind() == ast.IdentKind && e.AsIdent() == x.AccuVar() }
	step := x.LoopStep()
	if step.Kind() != ast.CallKind {
		return nil, false, nil
	}
	call := step.AsCall()
	args := call.Args()
	init, isConst := c.constOf(x.AccuInit())
	switch {
	case isAccu(x.Result()) && isConst && init.K == value.Bool && call.FunctionName() == operators.LogicalOr &&
		len(args) == 2 && isAccu(args[0]):
		return c.quantifier(args[1], rng, iter, true, false)
	case isAccu(x.Result()) && isConst && init.K == value.Bool && call.FunctionName() == operators.LogicalAnd &&
		len(args) == 2 && isAccu(args[0]):
		return c.quantifier(args[1], rng, iter, false, false)
	case isConst && init.K == value.Int && call.FunctionName() == operators.Conditional && len(args) == 3 &&
		isAccu(args[2]) && args[1].Kind() == ast.CallKind && args[1].AsCall().FunctionName() == operators.Add &&
		x.Result().Kind() == ast.CallKind && x.Result().AsCall().FunctionName() == operators.Equals:
		return c.quantifier(args[0], rng, iter, false, true)
	case isAccu(x.Result()) && x.AccuInit().Kind() == ast.ListKind && len(x.AccuInit().AsList().Elements()) == 0:
		return c.listMacro(x, rng, iter)
	}
	return nil, false, nil
}

// quantifier is exists (stop on true), all (stop on false) or, with
// count, exists_one (true when exactly one element satisfies the
// predicate).
func (c *compiler) quantifier(predE ast.Expr, rng Fn, iter int, stopOn, count bool) (Fn, bool, error) {
	pred, err := c.expr(predE)
	if err != nil {
		return nil, true, err
	}
	p := pred.fn
	return func(fr *Frame) value.Val {
		r := rng(fr)
		if !r.IsList() {
			value.Bail("range is not a list")
		}
		hits := 0
		for i, n := 0, r.Size(); i < n; i++ {
			fr.Ctx.Step()
			fr.locals[iter] = r.At(i)
			b := p(fr)
			if b.K != value.Bool {
				value.Bail("predicate is not bool")
			}
			switch {
			case count && b.N != 0:
				hits++
			case !count && (b.N != 0) == stopOn:
				return value.BoolV(stopOn)
			}
		}
		if count {
			return value.BoolV(hits == 1)
		}
		return value.BoolV(!stopOn)
	}, true, nil
}

// listMacro is filter (accu + [iter] under a condition) or map (accu +
// [transform], possibly under a filter condition).
func (c *compiler) listMacro(x ast.ComprehensionExpr, rng Fn, iter int) (Fn, bool, error) {
	isAccu := func(e ast.Expr) bool { return e.Kind() == ast.IdentKind && e.AsIdent() == x.AccuVar() }
	appended := func(e ast.Expr) (ast.Expr, bool) { // accu + [elem]
		if e.Kind() != ast.CallKind || e.AsCall().FunctionName() != operators.Add || len(e.AsCall().Args()) != 2 {
			return nil, false
		}
		a := e.AsCall().Args()
		if !isAccu(a[0]) || a[1].Kind() != ast.ListKind || len(a[1].AsList().Elements()) != 1 {
			return nil, false
		}
		return a[1].AsList().Elements()[0], true
	}
	step := x.LoopStep()
	var condE ast.Expr
	elemE, ok := appended(step)
	if !ok {
		call := step.AsCall()
		if call.FunctionName() != operators.Conditional || len(call.Args()) != 3 || !isAccu(call.Args()[2]) {
			return nil, false, nil
		}
		if elemE, ok = appended(call.Args()[1]); !ok {
			return nil, false, nil
		}
		condE = call.Args()[0]
	}
	var cond Fn
	if condE != nil {
		n, err := c.expr(condE)
		if err != nil {
			return nil, true, err
		}
		cond = n.fn
	}
	// filter keeps the element itself: no transform to run.
	var transform Fn
	if elemE.Kind() != ast.IdentKind || elemE.AsIdent() != x.IterVar() {
		n, err := c.expr(elemE)
		if err != nil {
			return nil, true, err
		}
		transform = n.fn
	}
	return func(fr *Frame) value.Val {
		r := rng(fr)
		if !r.IsList() {
			value.Bail("range is not a list")
		}
		var out []value.Val
		for i, n := 0, r.Size(); i < n; i++ {
			fr.Ctx.Step()
			e := r.At(i)
			fr.locals[iter] = e
			if cond != nil {
				b := cond(fr)
				if b.K != value.Bool {
					value.Bail("predicate is not bool")
				}
				if b.N == 0 {
					continue
				}
			}
			if transform != nil {
				e = transform(fr)
			}
			if out == nil { // room for at most what is left
				out = fr.Ctx.List(n - i)[:0]
			}
			out = append(out, e)
		}
		return value.ValsV(out)
	}, true, nil
}
