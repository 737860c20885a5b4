package native

import (
	"errors"
	"fmt"
	"unsafe"

	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/birgemiz/sabaqtastyq/rules/internal/library"
	"github.com/birgemiz/sabaqtastyq/rules/internal/value"
)

// ErrUnsupported is what [Compile] returns, wrapped with the reason, for
// an expression outside the native subset.
var ErrUnsupported = errors.New("not native")

func unsupported(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrUnsupported, fmt.Sprintf(format, args...))
}

// Scope is what names mean in one kind's environment.
type Scope struct {
	// Slots are the subject variables, by name → slot.
	Slots map[string]int
	// Vars are the policy variables compiled so far, by name → index.
	Vars map[string]int
	// Kind receives the comprehension variable slots.
	Kind *Kind
	Lib  *library.Lib
	// Types reads the domain structs.
	Types *value.Table
}

// compiler compiles one checked expression.
type compiler struct {
	a      *ast.AST
	s      *Scope
	locals []local // comprehension variables in scope, innermost last
}

type local struct {
	name string
	slot int
}

// node is a compiled sub-expression; k is set when its value is known at
// compile time.
type node struct {
	fn Fn
	k  *value.Val
}

func constNode(v value.Val) node {
	return node{fn: func(*Frame) value.Val { return v }, k: &v}
}

// Compile compiles a checked expression, or says why it cannot.
func Compile(a *ast.AST, s *Scope) (Fn, error) {
	c := &compiler{a: a, s: s}
	n, err := c.expr(a.Expr())
	if err != nil {
		return nil, err
	}
	return n.fn, nil
}

func (c *compiler) expr(e ast.Expr) (node, error) {
	switch e.Kind() {
	case ast.LiteralKind:
		v, ok := library.FromRef(e.AsLiteral())
		if !ok {
			return node{}, unsupported("a literal of type %s", e.AsLiteral().Type().TypeName())
		}
		return constNode(v), nil
	case ast.IdentKind:
		if l, ok := c.local(e.AsIdent()); ok {
			slot := l.slot
			return node{fn: func(fr *Frame) value.Val { return fr.locals[slot] }}, nil
		}
		return c.name(e, e.AsIdent())
	case ast.SelectKind:
		if r, ok := c.a.ReferenceMap()[e.ID()]; ok {
			return c.name(e, r.Name)
		}
		return c.selection(e)
	case ast.CallKind:
		return c.call(e)
	case ast.ListKind:
		return c.list(e)
	case ast.ComprehensionKind:
		return c.comprehension(e)
	}
	return node{}, unsupported("a %s expression", kindName(e.Kind()))
}

func kindName(k ast.ExprKind) string {
	switch k {
	case ast.MapKind:
		return "map literal"
	case ast.StructKind:
		return "struct literal"
	}
	return "this kind of"
}

func (c *compiler) local(name string) (local, bool) {
	for i := len(c.locals) - 1; i >= 0; i-- {
		if c.locals[i].name == name {
			return c.locals[i], true
		}
	}
	return local{}, false
}

// name compiles a reference to a declared name: a constant (params.*), a
// subject variable or a policy variable.
func (c *compiler) name(e ast.Expr, name string) (node, error) {
	if r, ok := c.a.ReferenceMap()[e.ID()]; ok {
		if r.Value != nil {
			v, ok := library.FromRef(r.Value)
			if !ok {
				return node{}, unsupported("a constant of type %s", r.Value.Type().TypeName())
			}
			return constNode(v), nil
		}
		if r.Name != "" {
			name = r.Name
		}
	}
	if i, ok := c.s.Slots[name]; ok {
		c.s.Kind.read(i)
		return node{fn: func(fr *Frame) value.Val { return fr.Slots[i] }}, nil
	}
	if i, ok := c.s.Vars[name]; ok {
		if c.s.Kind.Vars[i] == nil {
			return node{}, fmt.Errorf("variable %s: %w", name, c.s.Kind.Why[i])
		}
		return node{fn: func(fr *Frame) value.Val { return fr.variable(i) }}, nil
	}
	return node{}, unsupported("the name %s", name)
}

// field is the Go field a select reads, when the operand's type is known.
func (c *compiler) field(e ast.Expr) (*value.Field, error) {
	sel := e.AsSelect()
	t := c.a.GetType(sel.Operand().ID())
	if t == nil || t.Kind() != types.StructKind {
		return nil, nil
	}
	gt := c.s.Types.ByName(t.TypeName())
	if gt == nil || gt.Fields[sel.FieldName()] == nil {
		return nil, unsupported("the field %s.%s", t.TypeName(), sel.FieldName())
	}
	return gt.Fields[sel.FieldName()], nil
}

func (c *compiler) selection(e ast.Expr) (node, error) {
	sel := e.AsSelect()
	field, err := c.field(e)
	if err != nil {
		return node{}, err
	}
	// A field of a comprehension variable or of a subject variable, the
	// commonest read, is one closure instead of two, and so is a path
	// through structs held by value (mentor.screening.interview).
	if field != nil {
		if isLocal, slot, base, ok := c.path(sel.Operand()); ok {
			off, load, isSet := base+field.Off, field.Type.Load, field.IsSet
			if sel.IsTestOnly() {
				return node{fn: func(fr *Frame) value.Val { return value.BoolV(isSet(fr.object(isLocal, slot, off))) }}, nil
			}
			return node{fn: func(fr *Frame) value.Val { return load(fr.object(isLocal, slot, off)) }}, nil
		}
	}
	operand, err := c.expr(sel.Operand())
	if err != nil {
		return node{}, err
	}
	name, op := sel.FieldName(), operand.fn
	at := func(o value.Val) *value.Field {
		if o.K != value.Obj {
			value.Bail("field of a missing object")
		}
		if field != nil {
			return field
		}
		f := o.T.Fields[name] // a dyn operand
		if f == nil {
			value.Bail("no such field")
		}
		return f
	}
	if sel.IsTestOnly() {
		return node{fn: func(fr *Frame) value.Val {
			o := op(fr)
			f := at(o)
			return value.BoolV(f.IsSet(unsafe.Add(o.P, f.Off)))
		}}, nil
	}
	return node{fn: func(fr *Frame) value.Val {
		o := op(fr)
		f := at(o)
		return f.Type.Load(unsafe.Add(o.P, f.Off))
	}}, nil
}

// object is the address off bytes into the object held by a comprehension
// variable (local) or a subject variable.
func (fr *Frame) object(isLocal bool, slot int, off uintptr) unsafe.Pointer {
	var o *value.Val
	if isLocal {
		o = &fr.locals[slot]
	} else {
		o = &fr.Slots[slot]
	}
	if o.K != value.Obj {
		value.Bail("field of a missing object")
	}
	return unsafe.Add(o.P, off)
}

// path reports whether e is a variable (see direct) or a path from one
// through struct fields held by value, with the path's offset.
func (c *compiler) path(e ast.Expr) (isLocal bool, slot int, off uintptr, ok bool) {
	if e.Kind() != ast.SelectKind {
		isLocal, slot, ok = c.direct(e)
		return isLocal, slot, 0, ok
	}
	sel := e.AsSelect()
	if sel.IsTestOnly() {
		return false, 0, 0, false
	}
	if _, isRef := c.a.ReferenceMap()[e.ID()]; isRef {
		return false, 0, 0, false
	}
	f, err := c.field(e)
	if err != nil || f == nil || !f.Inline {
		return false, 0, 0, false
	}
	isLocal, slot, off, ok = c.path(sel.Operand())
	return isLocal, slot, off + f.Off, ok
}

// direct reports whether e reads a comprehension variable (local) or a
// subject variable, and its slot.
func (c *compiler) direct(e ast.Expr) (isLocal bool, slot int, ok bool) {
	if e.Kind() != ast.IdentKind {
		return false, 0, false
	}
	if l, found := c.local(e.AsIdent()); found {
		return true, l.slot, true
	}
	name := e.AsIdent()
	if r, found := c.a.ReferenceMap()[e.ID()]; found {
		if r.Value != nil {
			return false, 0, false
		}
		if r.Name != "" {
			name = r.Name
		}
	}
	i, found := c.s.Slots[name]
	if found {
		c.s.Kind.read(i)
	}
	return false, i, found
}

func (c *compiler) list(e ast.Expr) (node, error) {
	l := e.AsList()
	if len(l.OptionalIndices()) > 0 {
		return node{}, unsupported("optional list elements")
	}
	elems := make([]node, len(l.Elements()))
	consts := make([]value.Val, len(elems))
	allConst := true
	for i, x := range l.Elements() {
		n, err := c.expr(x)
		if err != nil {
			return node{}, err
		}
		elems[i] = n
		if n.k == nil {
			allConst = false
		} else {
			consts[i] = *n.k
		}
	}
	if allConst { // a list of constants is built once
		return constNode(value.ValsV(consts)), nil
	}
	fns := make([]Fn, len(elems))
	for i, n := range elems {
		fns[i] = n.fn
	}
	return node{fn: func(fr *Frame) value.Val {
		out := fr.Ctx.List(len(fns))
		for i, f := range fns {
			out[i] = f(fr)
		}
		return value.ValsV(out)
	}}, nil
}

// constOf returns the value of a constant sub-expression without compiling
// it: a literal or a parameter.
func (c *compiler) constOf(e ast.Expr) (value.Val, bool) {
	var v ref.Val
	switch {
	case e.Kind() == ast.LiteralKind:
		v = e.AsLiteral()
	case e.Kind() == ast.IdentKind || e.Kind() == ast.SelectKind:
		r, ok := c.a.ReferenceMap()[e.ID()]
		if !ok || r.Value == nil {
			return value.Val{}, false
		}
		v = r.Value
	default:
		return value.Val{}, false
	}
	return library.FromRef(v)
}

// fold evaluates a node whose operands are all constants once, at compile
// time; a node that fails (a bail, a guard) is left to run and fail at run
// time, where the failure is reported.
func fold(n node, consts ...node) node {
	for _, x := range consts {
		if x.k == nil {
			return n
		}
	}
	v, out, _ := Value(&Frame{K: &Kind{}, Ctx: value.Ctx{BuildCap: 1 << 16}}, n.fn)
	if out != Pass {
		return n
	}
	return constNode(v)
}
