package library

import (
	"errors"
	"fmt"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/rules/internal/value"
)

// A function of the library is written once, over Go types (func(civil.Date,
// civil.Date) (int, error)); the codecs below adapt it to cel-go's ref.Val
// and to the native evaluator's value.Val, so that the two evaluators run
// the same code and fail the same way.

// arg reads an argument of Go type T from either evaluator.
type arg[T any] struct {
	typ *cel.Type
	ref func(fn string, v ref.Val) (T, ref.Val) // the value, or cel-go's error
	val func(v value.Val) T                     // bails on what is an error in CEL
}

// res writes a result of Go type T for either evaluator.
type res[T any] struct {
	typ *cel.Type
	ref func(T) ref.Val
	val func(c *value.Ctx, x T) value.Val
}

var errNoDate = errors.New("no date (the field is empty; guard it with has())")

var (
	aDate = arg[civil.Date]{typ: DateType,
		ref: func(fn string, v ref.Val) (civil.Date, ref.Val) {
			d, ok := ToDate(v)
			switch {
			case !ok:
				return d, types.NewErr("%s: want a date", fn)
			case d.IsZero():
				return d, noDate(fn)
			}
			return d, nil
		},
		val: func(v value.Val) civil.Date {
			if v.K != value.Date || v.N == 0 {
				value.Bail("no date")
			}
			return value.UnpackDate(v.N)
		}}
	aMonth = arg[civil.Month]{typ: MonthType,
		ref: func(fn string, v ref.Val) (civil.Month, ref.Val) {
			m, ok := ToMonth(v)
			if !ok || m.IsZero() {
				return m, types.NewErr("%s: want months", fn)
			}
			return m, nil
		},
		val: func(v value.Val) civil.Month {
			if v.K != value.Month || v.N == 0 {
				value.Bail("no month")
			}
			return value.UnpackMonth(v.N)
		}}
	aInt = arg[int64]{typ: cel.IntType,
		ref: func(fn string, v ref.Val) (int64, ref.Val) {
			n, ok := v.(types.Int)
			if !ok {
				return 0, types.NewErr("%s: want an int", fn)
			}
			return int64(n), nil
		},
		val: func(v value.Val) int64 {
			if v.K != value.Int {
				value.Bail("not an int")
			}
			return v.N
		}}
	aString = arg[string]{typ: cel.StringType,
		ref: func(fn string, v ref.Val) (string, ref.Val) {
			s, ok := v.(types.String)
			if !ok {
				return "", types.NewErr("%s: want a string", fn)
			}
			return string(s), nil
		},
		val: func(v value.Val) string {
			if v.K != value.String {
				value.Bail("not a string")
			}
			return v.Str()
		}}
)

var (
	rInt = res[int64]{typ: cel.IntType,
		ref: func(n int64) ref.Val { return types.Int(n) },
		val: func(_ *value.Ctx, n int64) value.Val { return value.IntV(n) }}
	rDate = res[civil.Date]{typ: DateType,
		ref: func(d civil.Date) ref.Val { return DateVal(d) },
		val: func(_ *value.Ctx, d civil.Date) value.Val { return value.DateV(d) }}
	rMonth = res[civil.Month]{typ: MonthType,
		ref: func(m civil.Month) ref.Val { return MonthVal(m) },
		val: func(_ *value.Ctx, m civil.Month) value.Val { return value.MonthV(m) }}
	// rString is for strings a function builds: the native side checks
	// the build cap before taking the result.
	rString = res[string]{typ: cel.StringType,
		ref: func(s string) ref.Val { return types.String(s) },
		val: func(c *value.Ctx, s string) value.Val { c.Build(int64(len(s))); return value.StrV(s) }}
)

// fail is a function's error on either side: cel-go's error value with the
// function's name, or a bail.
func failRef(fn string, err error) ref.Val { return types.NewErr("%s: %v", fn, err) }

func failVal(err error) value.Val {
	value.Bail(err.Error())
	return value.Val{}
}

// fn1 makes a one-argument overload (a member function's argument is its
// receiver) of f.
func fn1[A, R any](name, id string, member bool, a arg[A], r res[R], f func(A) (R, error)) Overload {
	return Overload{ID: id, Member: member, Args: []*cel.Type{a.typ}, Result: r.typ,
		cel: cel.UnaryBinding(func(x ref.Val) ref.Val {
			av, e := a.ref(name, x)
			if e != nil {
				return e
			}
			out, err := f(av)
			if err != nil {
				return failRef(name, err)
			}
			return r.ref(out)
		}),
		Native: Native{N1: func(c *value.Ctx, x value.Val) value.Val {
			out, err := f(a.val(x))
			if err != nil {
				return failVal(err)
			}
			return r.val(c, out)
		}}}
}

// fn2 makes a two-argument overload of f.
func fn2[A, B, R any](name, id string, member bool, a arg[A], b arg[B], r res[R], f func(A, B) (R, error)) Overload {
	return Overload{ID: id, Member: member, Args: []*cel.Type{a.typ, b.typ}, Result: r.typ,
		cel: cel.BinaryBinding(func(x, y ref.Val) ref.Val {
			av, e := a.ref(name, x)
			if e != nil {
				return e
			}
			bv, e := b.ref(name, y)
			if e != nil {
				return e
			}
			out, err := f(av, bv)
			if err != nil {
				return failRef(name, err)
			}
			return r.ref(out)
		}),
		Native: Native{N2: func(c *value.Ctx, x, y value.Val) value.Val {
			out, err := f(a.val(x), b.val(y))
			if err != nil {
				return failVal(err)
			}
			return r.val(c, out)
		}}}
}

// ok wraps a function that cannot fail.
func ok1[A, R any](f func(A) R) func(A) (R, error) {
	return func(a A) (R, error) { return f(a), nil }
}

func ok2[A, B, R any](f func(A, B) R) func(A, B) (R, error) {
	return func(a A, b B) (R, error) { return f(a, b), nil }
}

// declared is an overload cel-go implements itself (an operator on a
// traits.Comparer, a standard function): only its declaration is ours.
func declared(id string, args []*cel.Type, result *cel.Type) Overload {
	return Overload{ID: id, Args: args, Result: result}
}

// Native is a function's implementation on the native evaluator, by arity
// (a member function's receiver counts).
type Native struct {
	N1 func(c *value.Ctx, a value.Val) value.Val
	N2 func(c *value.Ctx, a, b value.Val) value.Val
	N3 func(c *value.Ctx, a, b, d value.Val) value.Val
}

// Arity is the number of arguments the native implementation takes, 0 when
// there is none.
func (n Native) Arity() int {
	switch {
	case n.N1 != nil:
		return 1
	case n.N2 != nil:
		return 2
	case n.N3 != nil:
		return 3
	}
	return 0
}

func (o Overload) String() string { return fmt.Sprintf("%s/%d", o.ID, len(o.Args)) }
