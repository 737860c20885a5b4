package rules

import (
	"reflect"
	"strconv"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/operators"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"

	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/rules/internal/library"
)

// The proof of what a rule builds. cel-go's cost estimate bounds time; it
// does not stop one call from building a string of gigabytes that the
// next call multiplies (s.replace('a', s.replace('a', s)) on a 5,000
// character report summary asks for 125 GB). So every expression is
// walked once more at load, sizing each value it reads — a string or list
// field by its validation tag (in bytes, four per character), a subject's
// list by its declared limit — and each value it builds: a concatenation,
// a list, a map or filter, and every function by its entry in the
// library's table. A value that may be larger than limits.RuleBuildBytes,
// or whose size nothing bounds, is a policy error naming the expression
// that builds it. At run time the native evaluator checks each build
// again before it allocates (lists can be longer than their declared
// limits), and stops the rule with an error finding.

// boundErr is what the build proof found: a value that may be too large,
// or (size Unknown) unbounded, built at node id.
type boundErr struct {
	id   int64
	size uint64
	text string
}

type sizer struct {
	c      *compiler
	ke     *kindEnv
	a      *ast.AST
	locals map[string][]library.Size
	accus  map[string]int // comprehension accumulators in scope
	builds bool
	err    *boundErr
}

const unknown = library.Unknown

// bounds proves what a checked expression may build; builds says whether
// it builds anything at all.
func (c *compiler) bounds(ke *kindEnv, a *cel.Ast) (builds bool, err *boundErr) {
	s := &sizer{c: c, ke: ke, a: a.NativeRep(), locals: map[string][]library.Size{}, accus: map[string]int{}}
	s.size(a.NativeRep().Expr())
	return s.builds, s.err
}

func (c *compiler) reportBound(e Expr, path, who string, err *boundErr) {
	pos := e.Pos
	if e.Text != "" {
		pos = e.PosAt(offsetOf(e.Text, err.line(), err.col()))
	}
	if err.size == unknown {
		c.errAt(pos, path, CodeUnbounded, who, err.text)
		return
	}
	c.errAt(pos, path, CodeTooBig, who, strconv.FormatUint(err.size, 10), err.text,
		strconv.FormatInt(limits.RuleBuildBytes, 10))
}

// line and col are where the building expression starts in its text, set
// by the sizer from the AST's source info.
func (e *boundErr) line() int { return int(e.id >> 32) }
func (e *boundErr) col() int  { return int(e.id & 0xffffffff) }

// built records a value built at e, of n bytes.
func (s *sizer) built(e ast.Expr, n uint64) {
	s.builds = true
	if (n > uint64(buildCap) || n == unknown) && s.err == nil {
		loc := s.a.SourceInfo().GetStartLocation(e.ID())
		text, err := cel.ExprToString(e, s.a.SourceInfo())
		if err != nil {
			text = "#" + strconv.FormatInt(e.ID(), 10)
		}
		if r := []rune(text); len(r) > 60 {
			text = string(r[:57]) + "..."
		}
		s.err = &boundErr{id: int64(loc.Line())<<32 | int64(loc.Column()), size: n, text: text}
	}
}

// listBytes is what a list of sz costs to build: its elements' slots (the
// elements themselves are counted where they are built).
func listBytes(sz library.Size) uint64 {
	if sz.Len == unknown {
		return unknown
	}
	return mulSat(sz.Len, 32)
}

func mulSat(a, b uint64) uint64 {
	if a != 0 && b > unknown/a {
		return unknown
	}
	return a * b
}

func maxSize(a, b library.Size) library.Size {
	out := library.Size{Len: max(a.Len, b.Len)}
	switch {
	case a.Elem != nil && b.Elem != nil:
		e := maxSize(*a.Elem, *b.Elem)
		out.Elem = &e
	case a.Elem != nil:
		out.Elem = a.Elem
	default:
		out.Elem = b.Elem
	}
	return out
}

func isList(t *types.Type) bool   { return t != nil && t.Kind() == types.ListKind }
func isString(t *types.Type) bool { return t != nil && t.Kind() == types.StringKind }

func (s *sizer) size(e ast.Expr) library.Size {
	switch e.Kind() {
	case ast.LiteralKind:
		return constSize(e.AsLiteral())
	case ast.IdentKind:
		return s.ident(e, e.AsIdent())
	case ast.SelectKind:
		if r, ok := s.a.ReferenceMap()[e.ID()]; ok {
			return s.ident(e, r.Name)
		}
		s.size(e.AsSelect().Operand())
		if e.AsSelect().IsTestOnly() {
			return library.Size{}
		}
		return s.field(e)
	case ast.CallKind:
		return s.call(e)
	case ast.ListKind:
		var out library.Size
		for _, x := range e.AsList().Elements() {
			out = maxSize(out, s.size(x))
		}
		elem := library.Size{Len: out.Len, Elem: out.Elem}
		out = library.Size{Len: uint64(len(e.AsList().Elements())), Elem: &elem}
		s.built(e, listBytes(out))
		return out
	case ast.MapKind:
		for _, en := range e.AsMap().Entries() {
			s.size(en.AsMapEntry().Key())
			s.size(en.AsMapEntry().Value())
		}
		n := uint64(len(e.AsMap().Entries()))
		s.built(e, mulSat(n, 64))
		return library.Size{Len: n}
	case ast.StructKind:
		s.built(e, unknown)
		return library.Size{Len: unknown}
	case ast.ComprehensionKind:
		return s.comprehension(e)
	}
	return library.Size{}
}

// constSize is the size of a constant: a literal or a parameter.
func constSize(v ref.Val) library.Size {
	switch x := v.(type) {
	case types.String:
		return library.Size{Len: uint64(len(x))}
	case traits.Lister:
		n, _ := x.Size().(types.Int)
		var elem library.Size
		for i := types.Int(0); i < n; i++ {
			elem = maxSize(elem, constSize(x.Get(i)))
		}
		return library.Size{Len: uint64(n), Elem: &elem}
	}
	return library.Size{}
}

func (s *sizer) ident(e ast.Expr, name string) library.Size {
	if st := s.locals[name]; len(st) > 0 {
		return st[len(st)-1]
	}
	if r, ok := s.a.ReferenceMap()[e.ID()]; ok && r.Value != nil {
		return constSize(r.Value)
	}
	if i, ok := s.ke.kind.Var(name); ok {
		if v := s.ke.kind.Vars[i]; v.Limit != "" {
			return library.Size{Len: uint64(s.c.limits[v.Limit])}
		}
		return library.Size{}
	}
	if i, ok := s.ke.lookup[name]; ok { // a policy variable: what it evaluates to
		sub := &sizer{c: s.c, ke: s.ke, a: s.ke.vars[i].ast.NativeRep(), locals: map[string][]library.Size{}, accus: map[string]int{}}
		return sub.size(sub.a.Expr())
	}
	return library.Size{}
}

// field sizes a field read: by its validation tag (four bytes a
// character), else by a declared limit of its name or for strings; a list
// of the whole programme has no bound, which is fine to read and to loop
// over (the cost meter sees to that) but not to build on.
func (s *sizer) field(e ast.Expr) library.Size {
	t := s.a.GetType(e.ID())
	f := fieldOf(s.a, e)
	strLen := func(tag int64) uint64 {
		if tag >= 0 {
			return mulSat(uint64(tag), 4)
		}
		return uint64(s.c.limits["string"])
	}
	switch {
	case isString(t):
		if f == nil {
			return library.Size{Len: uint64(s.c.limits["string"])}
		}
		return library.Size{Len: strLen(f.Bound.Len)}
	case isList(t):
		out := library.Size{Len: unknown}
		if f != nil && f.Bound.Len >= 0 {
			out.Len = uint64(f.Bound.Len)
		} else if f != nil {
			if l, ok := s.c.limits[f.Name]; ok && f.Type.RT.Kind() == reflect.Slice {
				out.Len = uint64(l)
			}
		}
		if isString(t.Parameters()[0]) {
			bound := int64(-1)
			if f != nil {
				bound = f.Bound.Elem
			}
			elem := library.Size{Len: strLen(bound)}
			out.Elem = &elem
		}
		return out
	}
	return library.Size{}
}

func (s *sizer) call(e ast.Expr) library.Size {
	call := e.AsCall()
	var operands []ast.Expr
	if call.IsMemberFunction() {
		operands = append(operands, call.Target())
	}
	operands = append(operands, call.Args()...)
	args := make([]library.Size, len(operands))
	for i, o := range operands {
		args[i] = s.size(o)
	}
	t := s.a.GetType(e.ID())
	switch call.FunctionName() {
	case operators.Conditional:
		return maxSize(args[1], args[2])
	case operators.Index:
		if isList(s.a.GetType(operands[0].ID())) && args[0].Elem != nil {
			return *args[0].Elem
		}
		if isString(t) {
			return library.Size{Len: uint64(s.c.limits["string"])}
		}
		return library.Size{}
	case operators.Add:
		if isList(t) && operands[0].Kind() == ast.IdentKind && len(s.locals[operands[0].AsIdent()]) > 0 && s.accus[operands[0].AsIdent()] > 0 {
			// A macro appending to its accumulator: the list it builds is
			// sized, and checked, at the comprehension.
			return maxSize(args[0], args[1])
		}
		switch {
		case isString(t):
			out := library.Size{Len: addSat(args[0].Len, args[1].Len)}
			s.built(e, out.Len)
			return out
		case isList(t):
			out := maxSize(args[0], args[1])
			out.Len = addSat(args[0].Len, args[1].Len)
			s.built(e, listBytes(out))
			return out
		}
		return library.Size{}
	}
	if !isString(t) && !isList(t) && (t == nil || t.Kind() != types.MapKind) {
		return library.Size{}
	}
	ids := s.a.GetOverloadIDs(e.ID())
	if len(ids) == 1 {
		if o, ok := s.c.lib.Overload(ids[0]); ok && o.Size != nil {
			out := o.Size(args)
			if isList(t) {
				s.built(e, listBytes(out))
			} else {
				s.built(e, out.Len)
			}
			return out
		}
	}
	if call.FunctionName() == "dyn" && len(args) == 1 {
		return args[0]
	}
	s.built(e, unknown)
	return library.Size{Len: unknown}
}

func addSat(a, b uint64) uint64 {
	if a > unknown-b {
		return unknown
	}
	return a + b
}

// comprehension sizes a macro: a list it builds (map, filter) has at most
// one element for each of its range's, each the size of what the step
// appends; a quantifier builds nothing itself.
func (s *sizer) comprehension(e ast.Expr) library.Size {
	x := e.AsComprehension()
	rng := s.size(x.IterRange())
	elem := library.Size{}
	if rng.Elem != nil {
		elem = *rng.Elem
	}
	init := s.size(x.AccuInit())
	s.locals[x.IterVar()] = append(s.locals[x.IterVar()], elem)
	if x.HasIterVar2() {
		s.locals[x.IterVar2()] = append(s.locals[x.IterVar2()], library.Size{Len: unknown})
	}
	accu := init
	if isList(s.a.GetType(x.AccuInit().ID())) {
		accu = library.Size{Len: rng.Len, Elem: appendedSize(s, x)}
	}
	s.locals[x.AccuVar()] = append(s.locals[x.AccuVar()], accu)
	s.accus[x.AccuVar()]++
	s.size(x.LoopCondition())
	s.size(x.LoopStep())
	out := s.size(x.Result())
	s.accus[x.AccuVar()]--
	pop := func(name string) { s.locals[name] = s.locals[name][:len(s.locals[name])-1] }
	pop(x.AccuVar())
	pop(x.IterVar())
	if x.HasIterVar2() {
		pop(x.IterVar2())
	}
	if isList(s.a.GetType(e.ID())) {
		s.built(e, listBytes(out))
	}
	return out
}

// appendedSize is the size of the element a list macro appends (accu +
// [elem]), sized with the iteration variable in scope.
func appendedSize(s *sizer, x ast.ComprehensionExpr) *library.Size {
	var found *library.Size
	ast.PreOrderVisit(x.LoopStep(), ast.NewExprVisitor(func(e ast.Expr) {
		if found != nil || e.Kind() != ast.CallKind || e.AsCall().FunctionName() != operators.Add {
			return
		}
		args := e.AsCall().Args()
		if len(args) == 2 && args[0].Kind() == ast.IdentKind && args[0].AsIdent() == x.AccuVar() &&
			args[1].Kind() == ast.ListKind && len(args[1].AsList().Elements()) == 1 {
			sub := &sizer{c: s.c, ke: s.ke, a: s.a, locals: s.locals, accus: s.accus}
			sz := sub.size(args[1].AsList().Elements()[0])
			found = &sz
		}
	}))
	if found == nil {
		return &library.Size{Len: unknown}
	}
	return found
}
