package rules

import (
	"strconv"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/operators"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/birgemiz/sabaqtastyq/civil"
)

// LibraryVersion is the version of the function library below. It grows
// when a function is added; functions are never removed or changed.
//
//	1  the date and month functions
//	2  lower(): Unicode lower case, for Kazakh and Russian text
const LibraryVersion = 2

// The CEL types of civil dates and months, as NativeTypes names them.
var (
	dateType  = cel.ObjectType("civil.Date")
	monthType = cel.ObjectType("civil.Month")
)

// adapter turns Go values into CEL values; it is the environment's adapter,
// set once when the base environment is built.
type funcs struct {
	adapter   types.Adapter
	maxMonths int // months_open's largest result: the policy's limits.months
}

func toDate(v ref.Val) (civil.Date, bool) {
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

func toMonth(v ref.Val) (civil.Month, bool) {
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

// dates unpacks two dates, failing on absent ones: a rule that reads a date
// that is not there must error, never pass silently.
func dates(name string, a, b ref.Val) (civil.Date, civil.Date, ref.Val) {
	x, ok1 := toDate(a)
	y, ok2 := toDate(b)
	if !ok1 || !ok2 {
		return x, y, types.NewErr("%s: want dates", name)
	}
	if x.IsZero() || y.IsZero() {
		return x, y, noDate(name)
	}
	return x, y, nil
}

// Library returns the CEL declarations of the functions policies may call.
// Each function is documented in the package doc; the table there is
// generated from the same list by [Functions].
func (f *funcs) library() []cel.EnvOption {
	dd := []*cel.Type{dateType, dateType}
	mm := []*cel.Type{monthType, monthType}
	// Comparison operators: declarations only. CEL's own implementation
	// calls Compare on dateVal and monthVal (traits.Comparer).
	return []cel.EnvOption{
		cel.Function(operators.Less,
			cel.Overload("less_date_date", dd, cel.BoolType),
			cel.Overload("less_month_month", mm, cel.BoolType)),
		cel.Function(operators.LessEquals,
			cel.Overload("less_equals_date_date", dd, cel.BoolType),
			cel.Overload("less_equals_month_month", mm, cel.BoolType)),
		cel.Function(operators.Greater,
			cel.Overload("greater_date_date", dd, cel.BoolType),
			cel.Overload("greater_month_month", mm, cel.BoolType)),
		cel.Function(operators.GreaterEquals,
			cel.Overload("greater_equals_date_date", dd, cel.BoolType),
			cel.Overload("greater_equals_month_month", mm, cel.BoolType)),

		cel.Function("age",
			cel.Overload("age_date_date", dd, cel.IntType, cel.BinaryBinding(func(a, b ref.Val) ref.Val {
				x, y, err := dates("age", a, b)
				if err != nil {
					return err
				}
				return types.Int(x.YearsUntil(y))
			}))),
		cel.Function("days_between",
			cel.Overload("days_between_date_date", dd, cel.IntType, cel.BinaryBinding(func(a, b ref.Val) ref.Val {
				x, y, err := dates("days_between", a, b)
				if err != nil {
					return err
				}
				return types.Int(x.DaysUntil(y))
			}))),
		cel.Function("months_between",
			cel.Overload("months_between_date_date", dd, cel.IntType, cel.BinaryBinding(func(a, b ref.Val) ref.Val {
				x, y, err := dates("months_between", a, b)
				if err != nil {
					return err
				}
				return types.Int(wholeMonths(x, y))
			}))),
		cel.Function("add_days",
			cel.Overload("add_days_date_int", []*cel.Type{dateType, cel.IntType}, dateType,
				cel.BinaryBinding(func(a, n ref.Val) ref.Val {
					x, ok := toDate(a)
					if !ok || x.IsZero() {
						return noDate("add_days")
					}
					return dateVal(x.AddDays(int(n.(types.Int))))
				}))),
		cel.Function("add_months",
			cel.Overload("add_months_date_int", []*cel.Type{dateType, cel.IntType}, dateType,
				cel.BinaryBinding(func(a, n ref.Val) ref.Val {
					x, ok := toDate(a)
					if !ok || x.IsZero() {
						return noDate("add_months")
					}
					return dateVal(x.AddMonths(int(n.(types.Int))))
				}))),
		cel.Function("month_of",
			cel.Overload("month_of_date", []*cel.Type{dateType}, monthType,
				cel.UnaryBinding(func(a ref.Val) ref.Val {
					x, ok := toDate(a)
					if !ok || x.IsZero() {
						return noDate("month_of")
					}
					return monthVal(x.In())
				}))),
		cel.Function("months_open",
			cel.Overload("months_open_month_month", mm, cel.ListType(monthType),
				cel.BinaryBinding(func(a, b ref.Val) ref.Val {
					x, ok1 := toMonth(a)
					y, ok2 := toMonth(b)
					if !ok1 || !ok2 || x.IsZero() || y.IsZero() {
						return types.NewErr("months_open: want months")
					}
					if y.Index()-x.Index() > f.maxMonths {
						return types.NewErr("months_open: more than %d months (limits.months)", f.maxMonths)
					}
					return f.adapter.NativeToValue(civil.Between(x, y))
				}))),
		cel.Function("date",
			cel.Overload("date_string", []*cel.Type{cel.StringType}, dateType,
				cel.UnaryBinding(func(s ref.Val) ref.Val {
					d, err := civil.ParseDate(string(s.(types.String)))
					if err != nil {
						return types.NewErrFromString(err.Error())
					}
					return dateVal(d)
				}))),
		cel.Function("month",
			cel.Overload("month_string", []*cel.Type{cel.StringType}, monthType,
				cel.UnaryBinding(func(s ref.Val) ref.Val {
					m, err := civil.ParseMonth(string(s.(types.String)))
					if err != nil {
						return types.NewErrFromString(err.Error())
					}
					return monthVal(m)
				}))),
		cel.Function("lower",
			cel.MemberOverload("string_lower", []*cel.Type{cel.StringType}, cel.StringType,
				cel.UnaryBinding(func(s ref.Val) ref.Val { return types.String(strings.ToLower(string(s.(types.String)))) }))),
		cel.Function(overloadsString,
			cel.Overload("string_date", []*cel.Type{dateType}, cel.StringType,
				cel.UnaryBinding(func(a ref.Val) ref.Val {
					x, _ := toDate(a)
					return types.String(x.String())
				})),
			cel.Overload("string_month", []*cel.Type{monthType}, cel.StringType,
				cel.UnaryBinding(func(a ref.Val) ref.Val {
					x, _ := toMonth(a)
					return types.String(x.String())
				}))),
	}
}

// overloadsString is CEL's string() conversion function.
const overloadsString = "string"

// wholeMonths counts the calendar months completed from a to b, negative
// when b is before a; 2026-01-31 to 2026-02-28 is 0 months, to 2026-03-01 is 1.
func wholeMonths(a, b civil.Date) int {
	if b.Before(a) {
		return -wholeMonths(b, a)
	}
	n := b.In().Index() - a.In().Index()
	if a.AddMonths(n).After(b) {
		n--
	}
	return n
}

// Function documents one function of the library for rule authors.
type Function struct {
	Signature string // e.g. "age(date, date) -> int"
	Doc       string
	Example   string // a CEL expression and its value
}

// Functions lists the library's functions, for documentation and for
// `sabaq explain`.
func Functions() []Function {
	return []Function{
		{"age(date, date) -> int", "Whole years completed from the first date to the second: age(birth_date, as_of).", "age(date('2001-11-25'), date('2026-11-24')) == 24"},
		{"days_between(date, date) -> int", "Days from the first date to the second, negative when the second is earlier.", "days_between(date('2026-03-01'), date('2026-03-15')) == 14"},
		{"months_between(date, date) -> int", "Whole calendar months completed from the first date to the second.", "months_between(date('2026-01-31'), date('2026-03-01')) == 1"},
		{"add_days(date, int) -> date", "The date moved by a number of days.", "add_days(date('2026-12-31'), 1) == date('2027-01-01')"},
		{"add_months(date, int) -> date", "The date moved by calendar months, clamped to the month's last day.", "add_months(date('2026-08-31'), 6) == date('2027-02-28')"},
		{"month_of(date) -> month", "The calendar month containing the date.", "month_of(date('2026-11-24')) == month('2026-11')"},
		{"months_open(month, month) -> list(month)", "The months strictly between two months, in order; more than limits.months (default " + strconv.Itoa(defaultLimits["months"]) + ") is an error, so that a typo in a year cannot build a list of thousands.", "months_open(month('2026-01'), month('2026-04')) == [month('2026-02'), month('2026-03')]"},
		{"date(string) -> date", "Parses YYYY-MM-DD.", "date('2026-11-24')"},
		{"month(string) -> month", "Parses YYYY-MM.", "month('2026-10')"},
		{"string(date) -> string, string(month) -> string", "Formats as YYYY-MM-DD or YYYY-MM.", "string(date('2026-11-24')) == '2026-11-24'"},
		{"<, <=, >, >=, ==, != on two dates or two months", "Calendar order.", "date('2026-03-01') < date('2026-03-02')"},
		{"string.lower() -> string", "Lower case in every script (lowerAscii changes only A–Z), for comparing names in Kazakh and Russian; since library version 2.", "'АЛМАТЫ'.lower() == 'алматы'"},
	}
}
