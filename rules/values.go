package rules

import (
	"fmt"
	"reflect"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"

	"github.com/birgemiz/sabaqtastyq/civil"
)

// Dates and months are CEL values of their own so that CEL's comparison
// operators work on them (they implement traits.Comparer). The adapter below
// turns every civil.Date and civil.Month that reaches CEL, from a struct
// field or a function, into one of these.
var (
	dateRuntimeType  = types.NewObjectType("civil.Date", traits.ComparerType)
	monthRuntimeType = types.NewObjectType("civil.Month", traits.ComparerType)
)

type dateVal civil.Date

func (v dateVal) ConvertToNative(t reflect.Type) (any, error) {
	switch t {
	case reflect.TypeFor[civil.Date]():
		return civil.Date(v), nil
	case reflect.TypeFor[*civil.Date]():
		d := civil.Date(v)
		return &d, nil
	}
	return nil, fmt.Errorf("civil.Date cannot convert to %v", t)
}

func (v dateVal) ConvertToType(t ref.Type) ref.Val {
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

func (v dateVal) Equal(o ref.Val) ref.Val {
	w, ok := o.(dateVal)
	return types.Bool(ok && w == v)
}

func (v dateVal) Compare(o ref.Val) ref.Val {
	w, ok := o.(dateVal)
	if !ok {
		return types.MaybeNoSuchOverloadErr(o)
	}
	if civil.Date(v).IsZero() || civil.Date(w).IsZero() {
		return noDate("comparison")
	}
	return types.Int(civil.Date(v).Compare(civil.Date(w)))
}

func (v dateVal) Type() ref.Type { return dateRuntimeType }
func (v dateVal) Value() any     { return civil.Date(v) }

type monthVal civil.Month

func (v monthVal) ConvertToNative(t reflect.Type) (any, error) {
	switch t {
	case reflect.TypeFor[civil.Month]():
		return civil.Month(v), nil
	case reflect.TypeFor[*civil.Month]():
		m := civil.Month(v)
		return &m, nil
	}
	return nil, fmt.Errorf("civil.Month cannot convert to %v", t)
}

func (v monthVal) ConvertToType(t ref.Type) ref.Val {
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

func (v monthVal) Equal(o ref.Val) ref.Val {
	w, ok := o.(monthVal)
	return types.Bool(ok && w == v)
}

func (v monthVal) Compare(o ref.Val) ref.Val {
	w, ok := o.(monthVal)
	if !ok {
		return types.MaybeNoSuchOverloadErr(o)
	}
	if civil.Month(v).IsZero() || civil.Month(w).IsZero() {
		return types.NewErr("comparison: no month (the field is empty; guard it with has())")
	}
	return types.Int(civil.Month(v).Compare(civil.Month(w)))
}

func (v monthVal) Type() ref.Type { return monthRuntimeType }
func (v monthVal) Value() any     { return civil.Month(v) }

// adapter wraps the native-types adapter, turning dates and months into
// dateVal and monthVal.
type adapter struct{ types.Adapter }

func (a adapter) NativeToValue(v any) ref.Val {
	switch x := v.(type) {
	case civil.Date:
		return dateVal(x)
	case *civil.Date:
		if x == nil {
			return dateVal{}
		}
		return dateVal(*x)
	case civil.Month:
		return monthVal(x)
	case *civil.Month:
		if x == nil {
			return monthVal{}
		}
		return monthVal(*x)
	case []civil.Month:
		vals := make([]ref.Val, len(x))
		for i, m := range x {
			vals[i] = monthVal(m)
		}
		return types.NewRefValList(a, vals)
	}
	return a.Adapter.NativeToValue(v)
}
