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

// Dates and months are CEL values of their own so that CEL's comparison
// operators work on them (they implement traits.Comparer). The [Adapter]
// turns every civil.Date and civil.Month that reaches CEL, from a struct
// field or a function, into one of these.
var (
	dateRuntimeType  = types.NewObjectType("civil.Date", traits.ComparerType)
	monthRuntimeType = types.NewObjectType("civil.Month", traits.ComparerType)
)

// DateVal is a civil.Date as a CEL value.
type DateVal civil.Date

// ConvertToNative implements ref.Val.
func (v DateVal) ConvertToNative(t reflect.Type) (any, error) {
	switch t {
	case reflect.TypeFor[civil.Date]():
		return civil.Date(v), nil
	case reflect.TypeFor[*civil.Date]():
		d := civil.Date(v)
		return &d, nil
	}
	return nil, fmt.Errorf("civil.Date cannot convert to %v", t)
}

// ConvertToType implements ref.Val.
func (v DateVal) ConvertToType(t ref.Type) ref.Val {
	switch t {
	case types.StringType:
		return types.String(civil.Date(v).String())
	case types.TypeType:
		return dateRuntimeType
	}
	if t.TypeName() == dateRuntimeType.TypeName() {
		return v
	}
	return types.NewErr("type conversion error from civil.Date to %s", t.TypeName())
}

// Equal implements ref.Val.
func (v DateVal) Equal(o ref.Val) ref.Val {
	w, ok := o.(DateVal)
	return types.Bool(ok && w == v)
}

// Compare implements traits.Comparer; an absent date is an error.
func (v DateVal) Compare(o ref.Val) ref.Val {
	w, ok := o.(DateVal)
	if !ok {
		return types.MaybeNoSuchOverloadErr(o)
	}
	if civil.Date(v).IsZero() || civil.Date(w).IsZero() {
		return noDate("comparison")
	}
	return types.Int(civil.Date(v).Compare(civil.Date(w)))
}

// Type implements ref.Val.
func (v DateVal) Type() ref.Type { return dateRuntimeType }

// Value implements ref.Val.
func (v DateVal) Value() any { return civil.Date(v) }

// MonthVal is a civil.Month as a CEL value.
type MonthVal civil.Month

// ConvertToNative implements ref.Val.
func (v MonthVal) ConvertToNative(t reflect.Type) (any, error) {
	switch t {
	case reflect.TypeFor[civil.Month]():
		return civil.Month(v), nil
	case reflect.TypeFor[*civil.Month]():
		m := civil.Month(v)
		return &m, nil
	}
	return nil, fmt.Errorf("civil.Month cannot convert to %v", t)
}

// ConvertToType implements ref.Val.
func (v MonthVal) ConvertToType(t ref.Type) ref.Val {
	switch t {
	case types.StringType:
		return types.String(civil.Month(v).String())
	case types.TypeType:
		return monthRuntimeType
	}
	if t.TypeName() == monthRuntimeType.TypeName() {
		return v
	}
	return types.NewErr("type conversion error from civil.Month to %s", t.TypeName())
}

// Equal implements ref.Val.
func (v MonthVal) Equal(o ref.Val) ref.Val {
	w, ok := o.(MonthVal)
	return types.Bool(ok && w == v)
}

// Compare implements traits.Comparer; an absent month is an error.
func (v MonthVal) Compare(o ref.Val) ref.Val {
	w, ok := o.(MonthVal)
	if !ok {
		return types.MaybeNoSuchOverloadErr(o)
	}
	if civil.Month(v).IsZero() || civil.Month(w).IsZero() {
		return types.NewErr("comparison: no month (the field is empty; guard it with has())")
	}
	return types.Int(civil.Month(v).Compare(civil.Month(w)))
}

// Type implements ref.Val.
func (v MonthVal) Type() ref.Type { return monthRuntimeType }

// Value implements ref.Val.
func (v MonthVal) Value() any { return civil.Month(v) }

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
			return DateVal{}
		}
		return DateVal(*x)
	case civil.Month:
		return MonthVal(x)
	case *civil.Month:
		if x == nil {
			return MonthVal{}
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
func ToDate(v ref.Val) (civil.Date, bool) {
	switch d := v.Value().(type) {
	case civil.Date:
		return d, true
	case *civil.Date:
		if d == nil {
			return civil.Date{}, true
		}
		return *d, true
	}
	return civil.Date{}, false
}

// ToMonth is the month a CEL value holds.
func ToMonth(v ref.Val) (civil.Month, bool) {
	switch m := v.Value().(type) {
	case civil.Month:
		return m, true
	case *civil.Month:
		if m == nil {
			return civil.Month{}, true
		}
		return *m, true
	}
	return civil.Month{}, false
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
