package library

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/operators"
	"cel.dev/cel-go/common/overloads"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/rules/internal/value"
)

// Func is one entry of the function table: what rule authors read about a
// function, its declaration and cel-go binding, its native implementation,
// and what its result may cost in memory.
type Func struct {
	Name string
	// Since is the library version that added the function; 0 for
	// cel-go's own functions, which From names.
	Since uint32
	// From is "" for the functions of this library, else where cel-go
	// has the function ("standard CEL", "ext.Strings"); the native
	// evaluator runs it too.
	From string
	// Message marks a message function: declared only in the
	// environments of message templates, one language each
	// ([Lib.MessageOptions]).
	Message   bool
	Signature string
	Doc       string
	Example   string // a CEL expression that holds, or shows the function's value
	Overloads []Overload
}

// Overload is one signature of a function.
type Overload struct {
	ID     string
	Member bool
	Args   []*cel.Type // a member function's receiver first
	Result *cel.Type
	cel    cel.OverloadOpt // the cel-go binding; nil when cel-go has its own
	// operator is the CEL operator an overload without a function name
	// declares (the comparisons of dates and months).
	operator string
	Native   Native // the native implementation; zero when there is none
	// Size bounds the result's size from the arguments' (see [Size]); nil
	// when the result is not a string or list the function builds.
	Size func(args []Size) Size
	// Lang is the language of a message function's overload.
	Lang diag.Lang
	// Literal names, per argument, what a string literal there must be
	// ([LiteralCase], [LiteralVocabulary]); "" or past its end, any value.
	Literal []string
}

// Size bounds a value's size: a string's length in bytes, or a list's
// length and its elements' sizes. Unknown is math.MaxUint64.
type Size struct {
	Len  uint64
	Elem *Size
}

// Unknown is a size nothing bounds.
const Unknown = math.MaxUint64

// Config is what the library's functions read from the policy.
type Config struct {
	// MaxMonths is the longest list months_open builds (limits.months).
	MaxMonths int
}

var dd = []*cel.Type{DateType, DateType}
var mm = []*cel.Type{MonthType, MonthType}

// Table returns every function the rules engine knows, in the order of the
// rule author's guide: this library's functions, then cel-go's functions
// that the native evaluator also runs. The message functions come between.
func Table(cfg Config) []Func {
	return slices.Concat(ours(cfg), messageFuncs(), celgos())
}

func ours(cfg Config) []Func {
	return []Func{
		{Name: "age", Since: 1, Signature: "age(date, date) -> int",
			Doc:     "Whole years completed from the first date to the second: age(birth_date, as_of).",
			Example: "age(date('2001-11-25'), date('2026-11-24')) == 24",
			Overloads: []Overload{fn2("age", "age_date_date", false, aDate, aDate, rInt,
				ok2(func(x, y civil.Date) int64 { return int64(x.YearsUntil(y)) }))}},
		{Name: "days_between", Since: 1, Signature: "days_between(date, date) -> int",
			Doc:     "Days from the first date to the second, negative when the second is earlier.",
			Example: "days_between(date('2026-03-01'), date('2026-03-15')) == 14",
			Overloads: []Overload{fn2("days_between", "days_between_date_date", false, aDate, aDate, rInt,
				ok2(func(x, y civil.Date) int64 { return int64(x.DaysUntil(y)) }))}},
		{Name: "months_between", Since: 1, Signature: "months_between(date, date) -> int",
			Doc:     "Whole calendar months completed from the first date to the second.",
			Example: "months_between(date('2026-01-31'), date('2026-03-01')) == 1",
			Overloads: []Overload{fn2("months_between", "months_between_date_date", false, aDate, aDate, rInt,
				ok2(func(x, y civil.Date) int64 { return int64(WholeMonths(x, y)) }))}},
		{Name: "add_days", Since: 1, Signature: "add_days(date, int) -> date",
			Doc:     "The date moved by a number of days.",
			Example: "add_days(date('2026-12-31'), 1) == date('2027-01-01')",
			Overloads: []Overload{fn2("add_days", "add_days_date_int", false, aDate, aInt, rDate,
				ok2(func(d civil.Date, n int64) civil.Date { return d.AddDays(int(n)) }))}},
		{Name: "add_months", Since: 1, Signature: "add_months(date, int) -> date",
			Doc:     "The date moved by calendar months, clamped to the month's last day.",
			Example: "add_months(date('2026-08-31'), 6) == date('2027-02-28')",
			Overloads: []Overload{fn2("add_months", "add_months_date_int", false, aDate, aInt, rDate,
				ok2(func(d civil.Date, n int64) civil.Date { return d.AddMonths(int(n)) }))}},
		{Name: "month_of", Since: 1, Signature: "month_of(date) -> month",
			Doc:     "The calendar month containing the date.",
			Example: "month_of(date('2026-11-24')) == month('2026-11')",
			Overloads: []Overload{fn1("month_of", "month_of_date", false, aDate, rMonth,
				ok1(func(d civil.Date) civil.Month { return d.In() }))}},
		{Name: "months_open", Since: 1, Signature: "months_open(month, month) -> list(month)",
			Doc: "The months strictly between two months, in order; more than limits.months (default " +
				strconv.Itoa(cfg.MaxMonths) + ") is an error, so that a typo in a year cannot build a list of thousands.",
			Example:   "months_open(month('2026-01'), month('2026-04')) == [month('2026-02'), month('2026-03')]",
			Overloads: []Overload{monthsOpen(cfg.MaxMonths)}},
		{Name: "date", Since: 1, Signature: "date(string) -> date",
			Doc: "Parses YYYY-MM-DD.", Example: "date('2026-11-24')",
			Overloads: []Overload{fn1("date", "date_string", false, aString, rDate, civil.ParseDate)}},
		{Name: "month", Since: 1, Signature: "month(string) -> month",
			Doc: "Parses YYYY-MM.", Example: "month('2026-10')",
			Overloads: []Overload{fn1("month", "month_string", false, aString, rMonth, civil.ParseMonth)}},
		{Name: "string", Since: 1, Signature: "string(date) -> string, string(month) -> string",
			Doc: "Formats as YYYY-MM-DD or YYYY-MM.", Example: "string(date('2026-11-24')) == '2026-11-24'",
			Overloads: []Overload{
				sized(fn1("string", "string_date", false, aDate, rString, ok1(civil.Date.String)), fixed(10)),
				sized(fn1("string", "string_month", false, aMonth, rString, ok1(civil.Month.String)), fixed(7)),
			}},
		{Name: "<, <=, >, >=, ==, !=", Since: 1, Signature: "<, <=, >, >=, ==, != on two dates or two months",
			Doc: "Calendar order.", Example: "date('2026-03-01') < date('2026-03-02')",
			Overloads: comparisons()},
		{Name: "lower", Since: 2, Signature: "string.lower() -> string",
			Doc:     "Lower case in every script (lowerAscii changes only A–Z), for comparing names in Kazakh and Russian; x.lower() == y.lower() is compared without building either string. Since library version 2.",
			Example: "'АЛМАТЫ'.lower() == 'алматы'",
			Overloads: []Overload{sized(fn1("lower", "string_lower", true, aString, rString, ok1(strings.ToLower)),
				scaled(3))}},
		{Name: "longest_gap", Since: 3, Signature: "longest_gap(list(date), date, date) -> list(date)",
			Doc: "The longest stretch without a date of the list between two dates, as its two ends: " +
				"of the first date, the list's dates from the first to the second (both included; others are left out) " +
				"and the second date, in calendar order, the two neighbours furthest apart — the earliest when several are as long. " +
				"days_between of the two is the stretch's length; [first, first] when the second date is before the first. " +
				"For regular contact: longest_gap(visits.map(v, v.date), tandem.started_on, as_of). Since library version 3.",
			Example:   "longest_gap([date('2026-03-08'), date('2026-03-29')], date('2026-03-01'), date('2026-04-05')) == [date('2026-03-08'), date('2026-03-29')]",
			Overloads: []Overload{longestGapOverload()}},
	}
}

// comparisons declares the order operators on dates and months; cel-go
// runs them through Calendar's Compare, the native evaluator
// through its own comparison of packed dates.
func comparisons() []Overload {
	var out []Overload
	for _, op := range []struct{ fn, id string }{
		{operators.Less, "less"}, {operators.LessEquals, "less_equals"},
		{operators.Greater, "greater"}, {operators.GreaterEquals, "greater_equals"},
	} {
		d := declared(op.id+"_date_date", dd, cel.BoolType)
		m := declared(op.id+"_month_month", mm, cel.BoolType)
		d.operator, m.operator = op.fn, op.fn
		out = append(out, d, m)
	}
	return out
}

// span is the months strictly between two months: n months from first.
type span struct {
	first civil.Month
	n     int
}

// rSpan writes a span: a list of months for cel-go, built unallocated for
// the native evaluator.
var rSpan = res[span]{typ: cel.ListType(MonthType),
	ref: func(s span) ref.Val {
		vals := make([]ref.Val, s.n)
		for i := range vals {
			vals[i] = MonthVal(s.first.Add(i))
		}
		return types.NewRefValList(Adapter{types.DefaultTypeAdapter}, vals)
	},
	val: func(_ *value.Ctx, s span) value.Val { return value.MonthsV(s.first, s.n) }}

func monthsOpen(limit int) Overload {
	o := fn2("months_open", "months_open_month_month", false, aMonth, aMonth, rSpan,
		func(x, y civil.Month) (span, error) {
			if y.Index()-x.Index() > limit {
				return span{}, fmt.Errorf("more than %d months (limits.months)", limit)
			}
			return span{first: x.Add(1), n: max(0, y.Index()-x.Index()-1)}, nil
		})
	o.Size = func([]Size) Size { return Size{Len: uint64(limit), Elem: &Size{Len: 0}} }
	return o
}

// WholeMonths counts the calendar months completed from a to b, negative
// when b is before a. A month is complete when add_months would reach b:
// 2026-01-31 to 2026-02-27 is 0 months, to 2026-02-28 (the end of February,
// where 2026-01-31 plus a month lands) is 1.
func WholeMonths(a, b civil.Date) int {
	if b.Before(a) {
		return -WholeMonths(b, a)
	}
	n := b.In().Index() - a.In().Index()
	if a.AddMonths(n).After(b) {
		n--
	}
	return n
}

// celgos are cel-go's functions (standard CEL and ext.Strings) that the
// native evaluator runs too; cel-go keeps their declarations and bindings,
// this table adds the native implementations, their documentation and the
// size of what they build.
func celgos() []Func {
	std, strs := "standard CEL", "ext.Strings"
	return []Func{
		{Name: "size", From: std, Signature: "size(string|list) -> int, s.size(), l.size()",
			Doc: "Characters of a string (not bytes), elements of a list.", Example: "'Алматы'.size() == 6",
			Overloads: []Overload{
				native1(overloads.SizeString, sizeOf), native1(overloads.SizeStringInst, sizeOf),
				native1(overloads.SizeList, sizeOf), native1(overloads.SizeListInst, sizeOf)}},
		{Name: "contains", From: std, Signature: "s.contains(string) -> bool", Example: "'Almaty'.contains('lm')",
			Overloads: []Overload{native2(overloads.ContainsString, stringTest(strings.Contains))}},
		{Name: "startsWith", From: std, Signature: "s.startsWith(string) -> bool", Example: "'kk-KZ'.startsWith('kk')",
			Overloads: []Overload{native2(overloads.StartsWithString, stringTest(strings.HasPrefix))}},
		{Name: "endsWith", From: std, Signature: "s.endsWith(string) -> bool", Example: "'kk-KZ'.endsWith('KZ')",
			Overloads: []Overload{native2(overloads.EndsWithString, stringTest(strings.HasSuffix))}},
		{Name: "double", From: std, Signature: "double(int) -> double", Example: "double(3) == 3.0",
			Overloads: []Overload{native1(overloads.IntToDouble, func(_ *value.Ctx, v value.Val) value.Val {
				return value.DoubleV(float64(integer(v)))
			})}},
		{Name: "int", From: std, Signature: "int(double) -> int", Doc: "Truncates; out of range is an error.",
			Example: "int(2.9) == 2", Overloads: []Overload{native1(overloads.DoubleToInt, doubleToInt)}},
		{Name: "string", From: std, Signature: "string(int|bool|double|string) -> string",
			Example: "string(12) == '12'", Overloads: []Overload{
				sized(native1(overloads.IntToString, convert(func(v value.Val) string { return strconv.FormatInt(integer(v), 10) })), fixed(20)),
				sized(native1(overloads.BoolToString, convert(func(v value.Val) string { return strconv.FormatBool(v.K == value.Bool && v.N != 0) })), fixed(5)),
				sized(native1(overloads.DoubleToString, convert(func(v value.Val) string { return fmt.Sprintf("%g", v.Double()) })), fixed(24)),
				sized(native1(overloads.StringToString, func(_ *value.Ctx, v value.Val) value.Val { return v }), scaled(1)),
			}},
		{Name: "lowerAscii", From: strs, Signature: "s.lowerAscii() -> string", Doc: "Lower case of A–Z only: compare names with lower().",
			Example:   "'ALMATY'.lowerAscii() == 'almaty'",
			Overloads: []Overload{sized(native1("string_lower_ascii", asciiCase('A', 'a'-'A')), scaled(3))}},
		{Name: "upperAscii", From: strs, Signature: "s.upperAscii() -> string", Example: "'kk'.upperAscii() == 'KK'",
			Overloads: []Overload{sized(native1("string_upper_ascii", asciiCase('a', 'A'-'a')), scaled(3))}},
		{Name: "trim", From: strs, Signature: "s.trim() -> string", Example: "' kk '.trim() == 'kk'",
			Overloads: []Overload{sized(native1("string_trim", func(_ *value.Ctx, v value.Val) value.Val {
				return value.StrV(strings.TrimSpace(str(v)))
			}), scaled(1))}},
		{Name: "split", From: strs, Signature: "s.split(string) -> list(string)",
			Doc:     "The parts between separators; s.split(sep)[0] with a constant separator is read without building the list.",
			Example: "'kk-KZ'.split('-') == ['kk', 'KZ']",
			Overloads: []Overload{{ID: "string_split_string", Native: Native{N2: split},
				Size: func(a []Size) Size { return Size{Len: add(a[0].Len, 1), Elem: &Size{Len: a[0].Len}} }}}},
		{Name: "join", From: strs, Signature: "l.join() -> string, l.join(string) -> string", Example: "['kk', 'ru'].join(', ') == 'kk, ru'",
			Overloads: []Overload{
				{ID: "list_join", Native: Native{N1: func(c *value.Ctx, l value.Val) value.Val { return join(c, l, value.StrV("")) }},
					Size: func(a []Size) Size { return Size{Len: mul(a[0].Len, elem(a[0]))} }},
				{ID: "list_join_string", Native: Native{N2: join},
					Size: func(a []Size) Size { return Size{Len: add(mul(a[0].Len, elem(a[0])), mul(a[0].Len, a[1].Len))} }},
			}},
		{Name: "replace", From: strs, Signature: "s.replace(string, string) -> string", Example: "'a-b'.replace('-', '+') == 'a+b'",
			Overloads: []Overload{{ID: "string_replace_string_string", Native: Native{N3: replace},
				Size: func(a []Size) Size { return Size{Len: add(a[0].Len, mul(add(a[0].Len, 1), a[2].Len))} }}}},
		{Name: "format", From: strs, Signature: "s.format(list) -> string",
			Doc:     "Runs on cel-go only; what it builds is bounded by the format and its arguments.",
			Example: "'%s!'.format(['kk']) == 'kk!'",
			Overloads: []Overload{{ID: "string_format", Size: func(a []Size) Size {
				return Size{Len: add(a[0].Len, mul(a[1].Len, max(elem(a[1]), 512)))}
			}}}},
	}
}

// sized sets what the overload builds.
func sized(o Overload, size func([]Size) Size) Overload { o.Size = size; return o }

func fixed(n uint64) func([]Size) Size { return func([]Size) Size { return Size{Len: n} } }

// scaled: the result is at most k times the receiver (a case change may
// turn one invalid byte into a three-byte replacement character).
func scaled(k uint64) func([]Size) Size {
	return func(a []Size) Size { return Size{Len: mul(a[0].Len, k)} }
}

func native1(id string, f func(*value.Ctx, value.Val) value.Val) Overload {
	return Overload{ID: id, Native: Native{N1: f}}
}

func native2(id string, f func(*value.Ctx, value.Val, value.Val) value.Val) Overload {
	return Overload{ID: id, Native: Native{N2: f}}
}

func add(a, b uint64) uint64 {
	if a > Unknown-b {
		return Unknown
	}
	return a + b
}

func mul(a, b uint64) uint64 {
	if a != 0 && b > Unknown/a {
		return Unknown
	}
	return a * b
}

func elem(s Size) uint64 {
	if s.Elem == nil {
		return Unknown
	}
	return s.Elem.Len
}

func str(v value.Val) string {
	if v.K != value.String {
		value.Bail("not a string")
	}
	return v.Str()
}

func integer(v value.Val) int64 {
	if v.K != value.Int {
		value.Bail("not an int")
	}
	return v.N
}

func sizeOf(_ *value.Ctx, v value.Val) value.Val {
	switch {
	case v.K == value.String:
		return value.IntV(int64(utf8.RuneCountInString(v.Str())))
	case v.IsList():
		return value.IntV(int64(v.Size()))
	}
	value.Bail("size")
	return value.Val{}
}

func stringTest(f func(s, sub string) bool) func(*value.Ctx, value.Val, value.Val) value.Val {
	return func(_ *value.Ctx, s, sub value.Val) value.Val { return value.BoolV(f(str(s), str(sub))) }
}

func convert(f func(value.Val) string) func(*value.Ctx, value.Val) value.Val {
	return func(c *value.Ctx, v value.Val) value.Val {
		s := f(v)
		c.Build(int64(len(s)))
		return value.StrV(s)
	}
}

func doubleToInt(_ *value.Ctx, v value.Val) value.Val {
	if v.K != value.Double {
		value.Bail("not a double")
	}
	f := v.Double()
	// cel-go's range check: NaN, ±Inf and values outside int64 are errors.
	if math.IsNaN(f) || f <= float64(math.MinInt64) || f >= float64(math.MaxInt64) {
		value.Bail("int() out of range")
	}
	return value.IntV(int64(f))
}

// asciiCase shifts the 26 ASCII letters from "from" by delta, as
// ext.Strings' lowerAscii and upperAscii do (through runes, so invalid
// UTF-8 becomes U+FFFD); a valid string without any is returned as it is.
func asciiCase(from byte, delta rune) func(*value.Ctx, value.Val) value.Val {
	in := func(r rune) bool { return rune(from) <= r && r < rune(from)+26 }
	return func(c *value.Ctx, v value.Val) value.Val {
		s := str(v)
		if utf8.ValidString(s) && strings.IndexFunc(s, in) < 0 {
			return v
		}
		runes := []rune(s)
		for i, r := range runes {
			if r <= unicode.MaxASCII && in(r) {
				runes[i] = r + delta
			}
		}
		out := string(runes)
		c.Build(int64(len(out)))
		return value.StrV(out)
	}
}

func split(c *value.Ctx, s, sep value.Val) value.Val {
	x, y := str(s), str(sep)
	n := strings.Count(x, y) + 1
	if y == "" {
		n = utf8.RuneCountInString(x)
	}
	c.BuildList(n)
	parts := strings.Split(x, y)
	out := c.List(len(parts))
	for i, p := range parts {
		out[i] = value.StrV(p)
	}
	return value.ValsV(out)
}

func join(c *value.Ctx, l, sep value.Val) value.Val {
	if !l.IsList() {
		value.Bail("join on a non-list")
	}
	d := str(sep)
	n := l.Size()
	total := int64(max(0, n-1)) * int64(len(d))
	for i := range n {
		total += int64(len(str(l.At(i))))
	}
	c.Build(total)
	var b strings.Builder
	b.Grow(int(total))
	for i := range n {
		if i > 0 {
			b.WriteString(d)
		}
		b.WriteString(l.At(i).Str())
	}
	return value.StrV(b.String())
}

// replace computes the result's size before building it, so that a
// replacement that would pass the build cap is stopped unbuilt.
func replace(c *value.Ctx, s, old, new value.Val) value.Val {
	x, o, n := str(s), str(old), str(new)
	count := int64(strings.Count(x, o)) // with an empty old, one more than the characters
	c.Build(int64(len(x)) + count*(int64(len(n))-int64(len(o))))
	return value.StrV(strings.ReplaceAll(x, o, n))
}
