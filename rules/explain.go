package rules

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
	"cel.dev/cel-go/interpreter"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/guide"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/questionnaire"
	"github.com/birgemiz/sabaqtastyq/rules/internal/library"
	"github.com/birgemiz/sabaqtastyq/rules/internal/native"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// Step is one sub-expression of a rule and the value it had.
type Step struct {
	Depth int    `json:"depth"` // nesting, 0 for the whole expression
	Expr  string `json:"expr"`
	Value string `json:"value"`
}

// Explanation shows why a rule came out as it did for one subject: the
// value of every sub-expression of its when and expr, and the variables
// they read.
type Explanation struct {
	Rule      string   `json:"rule"`
	Subject   string   `json:"subject"`
	Result    Result   `json:"result"`
	Message   string   `json:"message,omitempty"`
	When      []Step   `json:"when,omitempty"`
	Steps     []Step   `json:"steps"`
	Variables []Step   `json:"variables,omitempty"`
	Severity  Severity `json:"severity"`
	Source    string   `json:"source"`
	// Citations are Source's places in the guide, in Lang.
	Citations []guide.Citation `json:"citations,omitempty"`
	Cost      uint64           `json:"cost"`
	Metered   bool             `json:"metered"`
	Lang      diag.Lang        `json:"-"`
}

// Text renders the explanation for a terminal: the result, then each
// sub-expression indented under its parent, "expr = value".
func (e *Explanation) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s on %s: %s\n", e.Rule, e.Subject, e.Result)
	if e.Message != "" {
		fmt.Fprintf(&b, "  %s\n", e.Message)
	}
	section := func(title string, steps []Step) {
		if len(steps) == 0 {
			return
		}
		fmt.Fprintf(&b, "%s:\n", title)
		for _, s := range steps {
			fmt.Fprintf(&b, "  %s%s = %s\n", strings.Repeat("  ", s.Depth), s.Expr, s.Value)
		}
	}
	section("when", e.When)
	section("expr", e.Steps)
	section("variables", e.Variables)
	return b.String()
}

// Explain evaluates one rule on one subject ("KIND/ID") and records the
// value of each sub-expression. It is meant for people asking "why?", not
// for hot paths: it compiles a tracing program on every call. Values are
// shown as messages show them; an object shows as its kind and id
// (volunteer/v-1), never its fields, so no personal data leaves through an
// explanation.
func (p *Policy) Explain(ctx context.Context, prog *mentoring.Programme, ruleID, subjectID string, opts ...EvalOption) (*Explanation, error) {
	r := p.rule(ruleID)
	if r == nil {
		return nil, fmt.Errorf("%w: the policy has no rule %q", ErrInput, ruleID)
	}
	// Explain shows cel-go's evaluation, the reference the native
	// evaluator agrees with, so the state has no native frame.
	st := newState(opts)
	defer st.release()
	st.fr = nil
	o := &st.o
	asOf, at, err := prepare(prog, o.asOf)
	if err != nil {
		return nil, err
	}
	kind, id, _ := strings.Cut(subjectID, "/")
	k := r.env.kind
	i, ok := 0, kind == k.Name && !k.OnRequest
	if ok {
		i, ok = k.Find(at, prog, id)
	}
	if !ok {
		return nil, fmt.Errorf("%w: no %s subject %q in the programme", ErrInput, k.Name, subjectID)
	}
	st.bind(r.env, prog, at, i, 0, asOf)
	res, msg := p.check(ctx, r, st, o.lang, o.silent)
	x := &Explanation{Rule: r.ID, Subject: subjectID, Result: res, Message: msg, Severity: r.Severity,
		Source: r.Source, Citations: r.Citations.In(o.lang), Cost: r.Cost, Metered: r.metered, Lang: o.lang}
	if res == Errored {
		x.Severity = Error
	}
	if r.whenAst != nil {
		if x.When, err = trace(r.env.env, r.whenAst, &st.a); err != nil {
			return nil, err
		}
	}
	if x.Steps, err = trace(r.env.env, r.exprAst, &st.a); err != nil {
		return nil, err
	}
	// The variables the rule read, with their values.
	reads := map[string]bool{}
	for _, s := range append(append([]Step(nil), x.When...), x.Steps...) {
		reads[s.Expr] = true
	}
	for _, v := range r.env.vars {
		if reads[v.name] {
			val, _ := st.a.ResolveName(v.name)
			x.Variables = append(x.Variables, Step{Expr: v.name, Value: shown(asVal(val))})
		}
	}
	return x, nil
}

func asVal(v any) ref.Val {
	if rv, ok := v.(ref.Val); ok {
		return rv
	}
	return library.Adapter{Adapter: types.DefaultTypeAdapter}.NativeToValue(v)
}

// shown is a value as an explanation shows it: scalars and lists as
// messages show them (an empty list as []), an object as KIND/ID.
func shown(v ref.Val) string {
	if types.IsError(v) {
		return "error: " + v.(*types.Err).Error()
	}
	if l, ok := v.(traits.Lister); ok {
		n, _ := l.Size().(types.Int)
		if n == 0 {
			return "[]" // not nothing: "tandems = []" reads as a value
		}
		parts := make([]string, 0, int(n))
		for i := types.Int(0); i < n; i++ {
			parts = append(parts, shown(l.Get(i)))
		}
		return strings.Join(parts, ", ")
	}
	if x, ok := library.FromRef(v); ok {
		return native.Format(x)
	}
	return objectName(v.Value())
}

// objectName names a domain object by its kind and id, never by its
// fields.
func objectName(v any) string {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Struct { // held by value: name it as a pointer
		p := reflect.New(rv.Type())
		p.Elem().Set(rv)
		v = p.Interface()
	}
	switch x := v.(type) {
	case *volunteer.Volunteer:
		return "volunteer/" + x.ID
	case *mentoring.Child:
		return "child/" + x.ID
	case *mentoring.Institution:
		return "institution/" + x.ID
	case *mentoring.Tandem:
		return "tandem/" + x.ID
	case *mentoring.Group:
		return "group/" + x.ID
	case *agreement.Agreement:
		return "agreement/" + x.ID
	case *agreement.Report:
		return "report/" + x.Volunteer + "@" + x.Month.String()
	case *mentoring.Outing:
		return "outing/" + x.ID()
	case *mentoring.Meeting:
		return "meeting/" + x.ID
	case *mentoring.Programme:
		return "programme"
	case *questionnaire.Response:
		return "respondent"
	case nil:
		return "null"
	}
	t := reflect.TypeOf(v)
	if t.Kind() == reflect.Pointer {
		if reflect.ValueOf(v).IsNil() {
			return "null"
		}
		t = t.Elem()
	}
	return t.String()
}

// trace evaluates a checked expression exhaustively (no short-circuits) and
// lists its sub-expressions with their values.
func trace(env *cel.Env, a *cel.Ast, act interpreter.Activation) ([]Step, error) {
	prg, err := env.Program(a, cel.EvalOptions(cel.OptExhaustiveEval))
	if err != nil {
		return nil, err
	}
	_, det, _ := prg.Eval(act) // a failing sub-expression is part of the story, not an error here
	var state interpreter.EvalState
	if det != nil {
		state = det.State()
	}
	native := a.NativeRep()
	info := native.SourceInfo()
	var steps []Step
	var walk func(e ast.Expr, depth int)
	walk = func(e ast.Expr, depth int) {
		if e.Kind() == ast.LiteralKind {
			return
		}
		text, err := cel.ExprToString(e, info)
		if err != nil {
			text = fmt.Sprintf("#%d", e.ID())
		}
		value := "‹not evaluated›"
		if state != nil {
			if v, ok := state.Value(e.ID()); ok {
				value = shown(v)
			}
		}
		steps = append(steps, Step{Depth: depth, Expr: text, Value: value})
		switch e.Kind() {
		case ast.CallKind:
			call := e.AsCall()
			if call.IsMemberFunction() {
				walk(call.Target(), depth+1)
			}
			for _, arg := range call.Args() {
				walk(arg, depth+1)
			}
		case ast.SelectKind:
			if e.AsSelect().IsTestOnly() {
				return
			}
			// a.b.c: the operand chain adds little; show only calls below.
		case ast.ComprehensionKind:
			walk(e.AsComprehension().IterRange(), depth+1)
		case ast.ListKind:
			for _, el := range e.AsList().Elements() {
				walk(el, depth+1)
			}
		}
	}
	walk(native.Expr(), 0)
	return steps, nil
}
