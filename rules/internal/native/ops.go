package native

import (
	"cmp"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/operators"

	"github.com/birgemiz/sabaqtastyq/rules/internal/value"
)

// Operators is every CEL operator the native evaluator runs, for the
// conformance suite's coverage check; functions are in the library's
// table.
var Operators = []string{
	operators.LogicalAnd, operators.LogicalOr, operators.LogicalNot, operators.Conditional,
	operators.NotStrictlyFalse, operators.Equals, operators.NotEquals,
	operators.Less, operators.LessEquals, operators.Greater, operators.GreaterEquals,
	operators.Add, operators.Subtract, operators.Multiply, operators.Divide, operators.Modulo,
	operators.Negate, operators.In, operators.Index,
}

func (c *compiler) call(e ast.Expr) (node, error) {
	call := e.AsCall()
	var operands []ast.Expr
	if call.IsMemberFunction() {
		operands = append(operands, call.Target())
	}
	operands = append(operands, call.Args()...)
	name := call.FunctionName()
	if name == operators.Index {
		if n, ok, err := c.firstPart(operands); ok || err != nil {
			return n, err
		}
	}
	if name == operators.Equals || name == operators.NotEquals {
		if n, ok, err := c.caseEqual(operands, name == operators.NotEquals); ok || err != nil {
			return n, err
		}
	}
	args := make([]node, len(operands))
	for i, o := range operands {
		n, err := c.expr(o)
		if err != nil {
			return node{}, err
		}
		args[i] = n
	}
	if op, ok := operatorsByName[name]; ok && (op.arity == len(args)) {
		n := op.make(args)
		if op.pure {
			n = fold(n, args...)
		}
		return n, nil
	}
	ids := c.a.GetOverloadIDs(e.ID())
	if len(ids) != 1 {
		return node{}, unsupported("%s with %d possible overloads (a dyn argument)", name, len(ids))
	}
	impl, ok := c.s.Lib.Native(ids[0])
	if !ok {
		return node{}, unsupported("the function %s (%s)", name, ids[0])
	}
	if impl.Arity() != len(args) {
		return node{}, unsupported("%s with %d arguments", name, len(args))
	}
	var n node
	switch len(args) {
	case 1:
		f, x := impl.N1, args[0].fn
		n = node{fn: func(fr *Frame) value.Val { return f(&fr.Ctx, x(fr)) }}
	case 2:
		f, x, y := impl.N2, args[0].fn, args[1].fn
		switch {
		case args[1].k != nil:
			k := *args[1].k
			n = node{fn: func(fr *Frame) value.Val { return f(&fr.Ctx, x(fr), k) }}
		case args[0].k != nil:
			k := *args[0].k
			n = node{fn: func(fr *Frame) value.Val { return f(&fr.Ctx, k, y(fr)) }}
		default:
			n = node{fn: func(fr *Frame) value.Val { return f(&fr.Ctx, x(fr), y(fr)) }}
		}
	case 3:
		f, x, y, z := impl.N3, args[0].fn, args[1].fn, args[2].fn
		n = node{fn: func(fr *Frame) value.Val { return f(&fr.Ctx, x(fr), y(fr), z(fr)) }}
	}
	return fold(n, args...), nil
}

// firstPart compiles s.split(sep)[0] with a constant, non-empty separator
// as the part of s before the first sep: the same value (split then always
// has a first part), without building the list.
func (c *compiler) firstPart(operands []ast.Expr) (node, bool, error) {
	idx, ok := c.constOf(operands[1])
	if !ok || idx.K != value.Int || idx.N != 0 || operands[0].Kind() != ast.CallKind {
		return node{}, false, nil
	}
	ids := c.a.GetOverloadIDs(operands[0].ID())
	split := operands[0].AsCall()
	if len(ids) != 1 || ids[0] != "string_split_string" {
		return node{}, false, nil
	}
	sep, ok := c.constOf(split.Args()[0])
	if !ok || sep.K != value.String || sep.N == 0 {
		return node{}, false, nil
	}
	s, err := c.expr(split.Target())
	if err != nil {
		return node{}, true, err
	}
	x, d := s.fn, sep.Str()
	return fold(node{fn: func(fr *Frame) value.Val {
		v := x(fr)
		if v.K != value.String {
			value.Bail("split on a non-string")
		}
		before, _, _ := strings.Cut(v.Str(), d)
		return value.StrV(before)
	}}, s), true, nil
}

// caseFolds are the case changes whose equality is compared without
// building either string: x.lower() == y.lower() is x and y equal rune by
// rune after unicode.ToLower (invalid UTF-8 reading as U+FFFD, as
// strings.ToLower writes it), the same truth as comparing the built
// strings.
var caseFolds = map[string]func(rune) rune{
	"string_lower": unicode.ToLower,
	"string_lower_ascii": func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	},
}

// caseEqual compiles x.lower() == y.lower() (and !=, and lowerAscii) as a
// comparison that builds nothing.
func (c *compiler) caseEqual(operands []ast.Expr, negate bool) (node, bool, error) {
	var caseFn func(rune) rune
	var targets [2]ast.Expr
	for i, o := range operands {
		if o.Kind() != ast.CallKind || !o.AsCall().IsMemberFunction() {
			return node{}, false, nil
		}
		ids := c.a.GetOverloadIDs(o.ID())
		f, ok := caseFolds[firstOf(ids)]
		if len(ids) != 1 || !ok || (caseFn != nil && firstOf(ids) != firstOf(c.a.GetOverloadIDs(operands[0].ID()))) {
			return node{}, false, nil
		}
		caseFn, targets[i] = f, o.AsCall().Target()
	}
	x, err := c.expr(targets[0])
	if err != nil {
		return node{}, true, err
	}
	y, err := c.expr(targets[1])
	if err != nil {
		return node{}, true, err
	}
	xf, yf := x.fn, y.fn
	return fold(node{fn: func(fr *Frame) value.Val {
		a, b := xf(fr), yf(fr)
		if a.K != value.String || b.K != value.String {
			value.Bail("case change of a non-string")
		}
		return value.BoolV(foldEqual(a.Str(), b.Str(), caseFn) != negate)
	}}, x, y), true, nil
}

func firstOf(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}

// foldEqual reports whether a and b are equal rune by rune after f.
func foldEqual(a, b string, f func(rune) rune) bool {
	for {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		switch {
		case na == 0 || nb == 0:
			return na == nb
		case ra != rb && f(ra) != f(rb):
			return false
		}
		a, b = a[na:], b[nb:]
	}
}

type operator struct {
	arity int
	pure  bool // folded when its operands are constants
	make  func(args []node) node
}

func unary(f func(v value.Val) value.Val) operator {
	return operator{1, true, func(a []node) node {
		x := a[0].fn
		return node{fn: func(fr *Frame) value.Val { return f(x(fr)) }}
	}}
}

func binary(f func(x, y value.Val) value.Val) operator {
	return operator{2, true, func(a []node) node {
		x, y := a[0].fn, a[1].fn
		switch {
		case a[1].k != nil:
			k := *a[1].k
			return node{fn: func(fr *Frame) value.Val { return f(x(fr), k) }}
		case a[0].k != nil:
			k := *a[0].k
			return node{fn: func(fr *Frame) value.Val { return f(k, y(fr)) }}
		}
		return node{fn: func(fr *Frame) value.Val { return f(x(fr), y(fr)) }}
	}}
}

// building is a binary operator that may build a value: it gets the frame
// for the guard.
func building(f func(c *value.Ctx, x, y value.Val) value.Val) operator {
	return operator{2, true, func(a []node) node {
		x, y := a[0].fn, a[1].fn
		return node{fn: func(fr *Frame) value.Val { return f(&fr.Ctx, x(fr), y(fr)) }}
	}}
}

var operatorsByName map[string]operator

func init() {
	operatorsByName = map[string]operator{
		operators.LogicalAnd:  {2, true, logic(false)},
		operators.LogicalOr:   {2, true, logic(true)},
		operators.Conditional: {3, true, conditional},
		operators.LogicalNot: unary(func(v value.Val) value.Val {
			if v.K != value.Bool {
				value.Bail("! on a non-bool")
			}
			return value.BoolV(v.N == 0)
		}),
		operators.NotStrictlyFalse: unary(func(v value.Val) value.Val {
			if v.K == value.Bool {
				return v
			}
			return value.True
		}),
		operators.Equals:        binary(func(x, y value.Val) value.Val { return value.BoolV(equal(x, y)) }),
		operators.NotEquals:     binary(func(x, y value.Val) value.Val { return value.BoolV(!equal(x, y)) }),
		operators.Less:          binary(func(x, y value.Val) value.Val { return value.BoolV(compare(x, y) < 0) }),
		operators.LessEquals:    binary(func(x, y value.Val) value.Val { return value.BoolV(compare(x, y) <= 0) }),
		operators.Greater:       binary(func(x, y value.Val) value.Val { return value.BoolV(compare(x, y) > 0) }),
		operators.GreaterEquals: binary(func(x, y value.Val) value.Val { return value.BoolV(compare(x, y) >= 0) }),
		operators.Add:           building(add),
		operators.Subtract:      binary(arith('-')),
		operators.Multiply:      binary(arith('*')),
		operators.Divide:        binary(arith('/')),
		operators.Modulo:        binary(arith('%')),
		operators.Negate: unary(func(v value.Val) value.Val {
			switch {
			case v.K == value.Int && v.N != math.MinInt64:
				return value.IntV(-v.N)
			case v.K == value.Double:
				return value.DoubleV(-v.Double())
			}
			value.Bail("negation")
			return value.Val{}
		}),
		operators.In: binary(func(x, l value.Val) value.Val {
			if !l.IsList() {
				value.Bail("in on a non-list")
			}
			for i, n := 0, l.Size(); i < n; i++ {
				if equal(x, l.At(i)) {
					return value.True
				}
			}
			return value.False
		}),
		operators.Index: binary(func(l, i value.Val) value.Val {
			if !l.IsList() || i.K != value.Int || i.N < 0 || i.N >= int64(l.Size()) {
				value.Bail("index")
			}
			return l.At(int(i.N))
		}),
	}
}

// logic compiles && (stop on false) and || (stop on true). A constant
// left side decides at compile time; CEL's commutative error handling
// (false && error is false) is left to cel-go through a bail.
func logic(stopOn bool) func(a []node) node {
	return func(a []node) node {
		if a[0].k != nil && a[0].k.K == value.Bool {
			if (a[0].k.N != 0) == stopOn {
				return constNode(value.BoolV(stopOn))
			}
			y := a[1].fn
			return node{fn: func(fr *Frame) value.Val {
				r := y(fr)
				if r.K != value.Bool {
					value.Bail("logic on a non-bool")
				}
				return r
			}, k: a[1].k}
		}
		x, y := a[0].fn, a[1].fn
		return node{fn: func(fr *Frame) value.Val {
			l := x(fr)
			if l.K != value.Bool {
				value.Bail("logic on a non-bool")
			}
			if (l.N != 0) == stopOn {
				return l
			}
			r := y(fr)
			if r.K != value.Bool {
				value.Bail("logic on a non-bool")
			}
			return r
		}}
	}
}

func conditional(a []node) node {
	if a[0].k != nil && a[0].k.K == value.Bool {
		if a[0].k.N != 0 {
			return a[1]
		}
		return a[2]
	}
	c, x, y := a[0].fn, a[1].fn, a[2].fn
	return node{fn: func(fr *Frame) value.Val {
		b := c(fr)
		if b.K != value.Bool {
			value.Bail("condition is not bool")
		}
		if b.N != 0 {
			return x(fr)
		}
		return y(fr)
	}}
}

// equal is CEL equality for the values the native evaluator knows;
// anything else (objects, mixed kinds) bails so that cel-go decides.
func equal(x, y value.Val) bool {
	if x.IsList() && y.IsList() {
		n := x.Size()
		if n != y.Size() {
			return false
		}
		for i := range n {
			if !equal(x.At(i), y.At(i)) {
				return false
			}
		}
		return true
	}
	if x.K != y.K {
		value.Bail("equality of mixed kinds")
	}
	switch x.K {
	case value.Null:
		return true
	case value.Bool, value.Int, value.Uint, value.Date, value.Month:
		return x.N == y.N
	case value.Double:
		return x.Double() == y.Double()
	case value.String:
		return x.N == y.N && (x.P == y.P || x.Str() == y.Str())
	}
	value.Bail("equality of objects")
	return false
}

// compare orders two values of one kind; a missing date or month, mixed
// kinds and NaN bail.
func compare(x, y value.Val) int {
	if x.K != y.K {
		value.Bail("comparison of mixed kinds")
	}
	switch x.K {
	case value.Int, value.Bool:
		return cmp.Compare(x.N, y.N)
	case value.Date, value.Month:
		if x.N == 0 || y.N == 0 {
			value.Bail("comparison with no date")
		}
		return cmp.Compare(x.N, y.N)
	case value.Uint:
		return cmp.Compare(uint64(x.N), uint64(y.N))
	case value.Double:
		a, b := x.Double(), y.Double()
		switch {
		case a < b:
			return -1
		case a > b:
			return 1
		case a == b:
			return 0
		}
		value.Bail("NaN")
	case value.String:
		return strings.Compare(x.Str(), y.Str())
	}
	value.Bail("comparison")
	return 0
}

func add(c *value.Ctx, x, y value.Val) value.Val {
	if x.IsList() && y.IsList() {
		// Concatenation with an empty list returns the other list, so a
		// compliant subject's "missing" lists never allocate.
		switch {
		case x.Size() == 0:
			return y
		case y.Size() == 0:
			return x
		}
		out := c.List(x.Size() + y.Size())[:0]
		for _, l := range [2]value.Val{x, y} {
			for i, n := 0, l.Size(); i < n; i++ {
				out = append(out, l.At(i))
			}
		}
		return value.ValsV(out)
	}
	if x.K != y.K {
		value.Bail("+ of mixed kinds")
	}
	switch x.K {
	case value.Int:
		s := x.N + y.N
		if (s > x.N) != (y.N > 0) {
			value.Bail("overflow")
		}
		return value.IntV(s)
	case value.Uint:
		s := uint64(x.N) + uint64(y.N)
		if s < uint64(x.N) {
			value.Bail("overflow")
		}
		return value.UintV(s)
	case value.Double:
		return value.DoubleV(x.Double() + y.Double())
	case value.String:
		c.Build(x.N + y.N)
		return value.StrV(x.Str() + y.Str())
	}
	value.Bail("+")
	return value.Val{}
}

func arith(op byte) func(x, y value.Val) value.Val {
	return func(x, y value.Val) value.Val {
		if x.K != y.K {
			value.Bail("arithmetic on mixed kinds")
		}
		switch x.K {
		case value.Int:
			return intArith(op, x.N, y.N)
		case value.Double:
			a, b := x.Double(), y.Double()
			switch op {
			case '-':
				return value.DoubleV(a - b)
			case '*':
				return value.DoubleV(a * b)
			case '/':
				return value.DoubleV(a / b)
			}
		}
		value.Bail("arithmetic")
		return value.Val{}
	}
}

func intArith(op byte, a, b int64) value.Val {
	switch op {
	case '-':
		d := a - b
		if (d < a) != (b > 0) {
			value.Bail("overflow")
		}
		return value.IntV(d)
	case '*':
		if a != 0 && (a*b/a != b || a == -1 && b == math.MinInt64 || b == -1 && a == math.MinInt64) {
			value.Bail("overflow")
		}
		return value.IntV(a * b)
	case '/', '%':
		if b == 0 || a == math.MinInt64 && b == -1 {
			value.Bail("division")
		}
		if op == '/' {
			return value.IntV(a / b)
		}
		return value.IntV(a % b)
	}
	value.Bail("arithmetic")
	return value.Val{}
}
