package library

import (
	"fmt"
	"reflect"
	"strconv"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/rules/internal/value"
)

// The CEL types of civil dates and months, named the way ext.NativeTypes
// names them.
var (
	DateType  = cel.ObjectType("civil.Date")
	MonthType = cel.ObjectType("civil.Month")
)

// Dates and months are CEL values of their own ([Calendar]) so that CEL's
// comparison operators work on them (they implement traits.Comparer). The
// [Adapter] turns every civil.Date and civil.Month that reaches CEL, from a
// struct field or a function, into one of these.
var (
	dateRuntimeType  = types.NewObjectType("civil.Date", traits.ComparerType)
	monthRuntimeType = types.NewObjectType("civil.Month", traits.ComparerType)
)

// calendar is civil.Date or civil.Month.
type calendar[T any] interface {
	comparable
	Compare(T) int
	IsZero() bool
	String() string
}

// Calendar is a civil.Date or civil.Month as a CEL value.
type Calendar[T calendar[T]] struct{ V T }

// DateVal and MonthVal make CEL values of dates and months.
func DateVal(d civil.Date) Calendar[civil.Date]    { return Calendar[civil.Date]{d} }
func MonthVal(m civil.Month) Calendar[civil.Month] { return Calendar[civil.Month]{m} }

// runtimeType is the CEL type of the calendar value, and what its absence
// is called in an error.
func (v Calendar[T]) runtimeType() (*types.Type, string) {
	if _, isDate := any(v.V).(civil.Date); isDate {
		return dateRuntimeType, "date"
	}
	return monthRuntimeType, "month"
}

// ConvertToNative implements ref.Val.
func (v Calendar[T]) ConvertToNative(t reflect.Type) (any, error) {
	switch t {
	case reflect.TypeFor[T]():
		return v.V, nil
	case reflect.TypeFor[*T]():
		x := v.V
		return &x, nil
	}
	return nil, fmt.Errorf("%T cannot convert to %v", v.V, t)
}

// ConvertToType implements ref.Val.
func (v Calendar[T]) ConvertToType(t ref.Type) ref.Val {
	rt, _ := v.runtimeType()
	switch {
	case t == types.StringType:
		return types.String(v.V.String())
	case t == types.TypeType:
		return rt
	case t.TypeName() == rt.TypeName():
		return v
	}
	return types.NewErr("type conversion error from %s to %s", rt.TypeName(), t.TypeName())
}

// Equal implements ref.Val.
func (v Calendar[T]) Equal(o ref.Val) ref.Val {
	w, ok := o.(Calendar[T])
	return types.Bool(ok && w == v)
}

// Compare implements traits.Comparer; an absent date or month is an error.
func (v Calendar[T]) Compare(o ref.Val) ref.Val {
	w, ok := o.(Calendar[T])
	if !ok {
		return types.MaybeNoSuchOverloadErr(o)
	}
	if v.V.IsZero() || w.V.IsZero() {
		_, name := v.runtimeType()
		return types.NewErr("comparison: no %s (the field is empty; guard it with has())", name)
	}
	return types.Int(v.V.Compare(w.V))
}

// Type implements ref.Val.
func (v Calendar[T]) Type() ref.Type {
	rt, _ := v.runtimeType()
	return rt
}

// Value implements ref.Val.
func (v Calendar[T]) Value() any { return v.V }

// Adapter wraps the native-types adapter, turning dates and months into
// DateVal and MonthVal.
type Adapter struct{ types.Adapter }

// NativeToValue implements types.Adapter.
func (a Adapter) NativeToValue(v any) ref.Val {
	switch x := v.(type) {
	case civil.Date:
		return DateVal(x)
	case *civil.Date:
		if x == nil {
			return DateVal(civil.Date{})
		}
		return DateVal(*x)
	case civil.Month:
		return MonthVal(x)
	case *civil.Month:
		if x == nil {
			return MonthVal(civil.Month{})
		}
		return MonthVal(*x)
	case []civil.Month:
		vals := make([]ref.Val, len(x))
		for i, m := range x {
			vals[i] = MonthVal(m)
		}
		return types.NewRefValList(a, vals)
	}
	return a.Adapter.NativeToValue(v)
}

// ToDate is the date a CEL value holds.
func ToDate(v ref.Val) (civil.Date, bool) { return toCalendar[civil.Date](v) }

// ToMonth is the month a CEL value holds.
func ToMonth(v ref.Val) (civil.Month, bool) { return toCalendar[civil.Month](v) }

func toCalendar[T calendar[T]](v ref.Val) (T, bool) {
	var zero T
	switch x := v.Value().(type) {
	case T:
		return x, true
	case *T:
		if x == nil {
			return zero, true
		}
		return *x, true
	}
	return zero, false
}

func noDate(name string) ref.Val {
	return types.NewErr("%s: no date (the field is empty; guard it with has())", name)
}

// FromRef turns a constant CEL value (a literal or a parameter) into a
// native value; false for what the native evaluator does not hold.
func FromRef(v ref.Val) (value.Val, bool) {
	switch x := v.(type) {
	case types.Bool:
		return value.BoolV(bool(x)), true
	case types.Int:
		return value.IntV(int64(x)), true
	case types.Uint:
		return value.UintV(uint64(x)), true
	case types.Double:
		return value.DoubleV(float64(x)), true
	case types.String:
		return value.StrV(string(x)), true
	case types.Null:
		return value.Val{K: value.Null}, true
	case traits.Lister:
		n, ok := x.Size().(types.Int)
		if !ok {
			return value.Val{}, false
		}
		out := make([]value.Val, n)
		for i := range out {
			e, ok := FromRef(x.Get(types.Int(i)))
			if !ok {
				return value.Val{}, false
			}
			out[i] = e
		}
		return value.ValsV(out), true
	}
	if d, ok := ToDate(v); ok {
		return value.DateV(d), true
	}
	if m, ok := ToMonth(v); ok {
		return value.MonthV(m), true
	}
	return value.Val{}, false
}

// ToRef turns a native value into the CEL value cel-go would hold, so that
// the two evaluators' results can be compared and shown alike. Objects
// become the Go struct they point at, through a.
func ToRef(v value.Val, a types.Adapter) ref.Val {
	switch v.K {
	case value.Null:
		return types.NullValue
	case value.Bool:
		return types.Bool(v.N != 0)
	case value.Int:
		return types.Int(v.N)
	case value.Uint:
		return types.Uint(uint64(v.N))
	case value.Double:
		return types.Double(v.Double())
	case value.String:
		return types.String(v.Str())
	case value.Date:
		return DateVal(value.UnpackDate(v.N))
	case value.Month:
		return MonthVal(value.UnpackMonth(v.N))
	case value.Obj:
		return a.NativeToValue(reflect.NewAt(v.T.RT, v.P).Interface())
	}
	if v.IsList() {
		out := make([]ref.Val, v.Size())
		for i := range out {
			out[i] = ToRef(v.At(i), a)
		}
		return types.NewRefValList(a, out)
	}
	return types.NewErr("value of kind %s", strconv.Itoa(int(v.K)))
}
