package rules

// Constant calls are evaluated at load: date('2026-13-01') has the same
// value — here an error — on every subject and every day, so a bad one is
// the rule author's mistake at its line and column, not one run-time
// error finding per subject.

import (
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/operators"
	celparser "cel.dev/cel-go/parser"
)

// foldable are the functions whose call on constants is evaluated at load:
// conversions and constructors (their argument is text the author typed),
// the library's date arithmetic, and the operators on numbers, strings,
// dates and months. Each returns a scalar and costs little on constants of
// the size an expression may hold (16 KiB); nothing that builds a list, a
// map or a long string (split, replace, join, lists.range) is here, so
// that evaluating at load cannot itself run away.
var foldable = map[string]bool{
	"date": true, "month": true, "timestamp": true, "duration": true,
	"int": true, "uint": true, "double": true, "string": true, "bool": true,
	"age": true, "days_between": true, "months_between": true, "add_days": true, "add_months": true,
	"month_of":    true,
	operators.Add: true, operators.Subtract: true, operators.Multiply: true, operators.Divide: true,
	operators.Modulo: true, operators.Negate: true, operators.Less: true, operators.LessEquals: true,
	operators.Greater: true, operators.GreaterEquals: true, operators.Equals: true, operators.NotEquals: true,
}

// constants evaluates every call of a foldable function on constants
// (literals, params, and such calls in turn) in an expression, checked or
// only parsed (when the type checker failed elsewhere in it, the constant
// calls are still evaluated, so that one lint names every problem), and
// reports each that fails at its own position: the innermost first, and
// a call on a failed one not again. It reports whether all succeeded.
func (c *compiler) constants(env *cel.Env, a *cel.Ast, e Expr, path string) bool {
	native := a.NativeRep()
	info, refs := native.SourceInfo(), native.ReferenceMap()
	ok := true
	var visit func(x ast.Expr) bool
	visit = func(x ast.Expr) bool {
		switch x.Kind() {
		case ast.LiteralKind:
			return true
		case ast.IdentKind:
			// A param: params.x after checking, resolved to its constant.
			r := refs[x.ID()]
			return r != nil && r.Value != nil
		case ast.SelectKind:
			sel := x.AsSelect()
			visit(sel.Operand())
			// A param before checking: params.x, which compiles only if
			// the param exists.
			if r := refs[x.ID()]; r != nil && r.Value != nil {
				return true
			}
			return !sel.IsTestOnly() && sel.Operand().Kind() == ast.IdentKind && sel.Operand().AsIdent() == "params"
		case ast.ListKind:
			for _, el := range x.AsList().Elements() {
				visit(el)
			}
		case ast.MapKind:
			for _, en := range x.AsMap().Entries() {
				visit(en.AsMapEntry().Key())
				visit(en.AsMapEntry().Value())
			}
		case ast.StructKind:
			for _, f := range x.AsStruct().Fields() {
				visit(f.AsStructField().Value())
			}
		case ast.ComprehensionKind:
			comp := x.AsComprehension()
			for _, y := range []ast.Expr{comp.IterRange(), comp.AccuInit(), comp.LoopCondition(), comp.LoopStep(), comp.Result()} {
				visit(y)
			}
		case ast.CallKind:
			call := x.AsCall()
			constant := foldable[call.FunctionName()] && len(call.Args()) > 0
			if call.IsMemberFunction() {
				constant = visit(call.Target()) && constant
			}
			for _, arg := range call.Args() {
				constant = visit(arg) && constant
			}
			if !constant {
				return false
			}
			fine, evaluated := c.evalConstant(env, x, info, e, path)
			ok = ok && fine
			return fine && evaluated
		}
		return false
	}
	visit(native.Expr())
	return ok
}

// evalConstant evaluates one constant call: fine is false after
// reporting it at the start of the call; evaluated is false when the call
// does not compile on its own (a type error CEL reports where it stands),
// so that the calls around it are not tried either.
func (c *compiler) evalConstant(env *cel.Env, x ast.Expr, info *ast.SourceInfo, e Expr, path string) (fine, evaluated bool) {
	text, err := celparser.Unparse(x, info)
	if err != nil {
		return true, false
	}
	sub, iss := env.Compile(text)
	if iss.Err() != nil {
		return true, false
	}
	prg, err := env.Program(sub, cel.CostLimit(c.costLimit))
	if err == nil {
		_, _, err = prg.Eval(cel.NoVars())
	}
	if err == nil {
		return true, true
	}
	loc := info.GetLocationByOffset(startOf(x, info))
	off := offsetOf(e.Text, loc.Line(), loc.Column())
	call := x.AsCall()
	if !call.IsMemberFunction() && !strings.HasPrefix(call.FunctionName(), "_") && !strings.HasPrefix(call.FunctionName(), "-") {
		off = nameBefore(e.Text, off) // a global call's offset is its bracket's
	}
	code := CodeConstant
	switch msg := err.Error(); {
	case strings.Contains(msg, "division by zero"), strings.Contains(msg, "modulus by zero"):
		code = CodeConstantZero
	case strings.Contains(msg, "overflow"):
		code = CodeConstantOverflow
	}
	switch call.FunctionName() {
	case "date":
		code = CodeConstantDate
	case "month":
		code = CodeConstantMonth
	case "timestamp":
		code = CodeConstantTimestamp
	case "duration":
		code = CodeConstantDuration
	}
	c.errAt(e.PosAt(off), path, code, text, err.Error())
	return false, true
}

// nameBefore moves an offset at a call's opening bracket back to the
// start of the function's name before it.
func nameBefore(text string, off int) int {
	i := min(off, len(text))
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t' || text[i-1] == '\n') {
		i--
	}
	for i > 0 && (text[i-1] == '_' || text[i-1] == '.' || 'a' <= text[i-1]|0x20 && text[i-1]|0x20 <= 'z' || '0' <= text[i-1] && text[i-1] <= '9') {
		i--
	}
	return i
}

// startOf is the offset of the first character of x: the smallest start
// of x and everything under it (a call's own offset is its name's, or an
// operator's).
func startOf(x ast.Expr, info *ast.SourceInfo) int32 {
	start := int32(-1)
	ast.PostOrderVisit(x, ast.NewExprVisitor(func(y ast.Expr) {
		if r, ok := info.GetOffsetRange(y.ID()); ok && (start < 0 || r.Start < start) {
			start = r.Start
		}
	}))
	return max(start, 0)
}
