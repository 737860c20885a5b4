package rules

// The fast path. cel-go interprets a checked expression over ref.Val
// values: every field read boxes a Go value, every list becomes an object,
// and each program run sets up an execution frame. That costs tens of
// allocations per subject. Here the same checked expressions are compiled a
// second time into Go closures over an unboxed value (val) that read the
// domain structs in place and walk the programme's index without building
// lists, so a compliant subject costs no allocation at all.
//
// cel-go stays the reference. The fast path covers the subset of CEL that
// policies use (literals, variables, fields and has(), logic, comparisons,
// arithmetic, lists and in, size, the comprehension macros, the date
// functions and a few string functions); an expression outside it is left
// to cel-go entirely. At run time the fast path gives up ("bails") on
// anything that is an error in CEL (a missing date, an overflow, a field
// of a missing object): the rule is then run again by cel-go, whose result
// and message count. So the fast path decides only the results it can
// prove, and an error is always cel-go's. TestFastMatchesCEL checks both
// evaluators against each other on every policy and test programme we ship.
//
// The fast path runs only where cel-go would run without a cost meter: the
// static cost bound already proves the rule is cheap on a subject whose
// lists fit the declared limits. Metered rules and oversized subjects go to
// cel-go with its runtime budget.

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
	"unsafe"

	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/operators"
	"cel.dev/cel-go/common/overloads"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/questionnaire"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

type vkind uint16

const (
	vNull vkind = iota
	vBool
	vInt
	vUint
	vDouble
	vString
	vDate               // n: packDate
	vMonth              // n: packMonth
	vObj                // p: the struct, t: its type
	vList  = vListSlice // every kind from vList on is a list
)

// Lists, by representation.
const (
	vListSlice  vkind = iota + 16 // p: a Go slice header, t: element type
	vListIdx                      // p: an idxList
	vListVals                     // p: first val, n: count
	vListMonths                   // n: first month (packMonth) << 32 | count
)

func (v val) isList() bool { return v.k >= vList }

// val is an unboxed CEL value, 32 bytes passed by value. Strings are p and
// n (data and length), so reading a string field copies no bytes. The kind
// is one field: two byte-sized fields made every return stall on store
// forwarding, ten times slower.
type val struct {
	k vkind
	n int64
	p unsafe.Pointer
	t *goType
}

// idxList is a list of programme elements by position: the index's
// positions, never copied.
type idxList struct {
	base unsafe.Pointer // the programme slice's first element
	at   []int
	t    *goType
}

var (
	vTrue  = val{k: vBool, n: 1}
	vFalse = val{k: vBool}
)

func boolV(b bool) val {
	if b {
		return vTrue
	}
	return vFalse
}

func intV(n int64) val { return val{k: vInt, n: n} }
func strV(s string) val {
	return val{k: vString, p: unsafe.Pointer(unsafe.StringData(s)), n: int64(len(s))}
}
func (v val) str() string      { return unsafe.String((*byte)(v.p), int(v.n)) }
func dateV(d civil.Date) val   { return val{k: vDate, n: packDate(d)} }
func monthV(m civil.Month) val { return val{k: vMonth, n: packMonth(m)} }
func doubleV(f float64) val    { return val{k: vDouble, n: int64(math.Float64bits(f))} }
func (v val) double() float64  { return math.Float64frombits(uint64(v.n)) }
func valsV(vs []val) val {
	return val{k: vListVals, p: unsafe.Pointer(unsafe.SliceData(vs)), n: int64(len(vs))}
}
func objV(p unsafe.Pointer, t *goType) val {
	if p == nil {
		return val{k: vNull}
	}
	return val{k: vObj, p: p, t: t}
}

// Dates and months are packed so that comparing the numbers compares the
// days; zero stays "absent".
func packDate(d civil.Date) int64 {
	return int64(d.Year())<<9 | int64(d.Month())<<5 | int64(d.Day())
}

func unpackDate(n int64) civil.Date {
	if n == 0 {
		return civil.Date{}
	}
	return civil.D(int(n>>9), time.Month(n>>5&15), int(n&31))
}

func packMonth(m civil.Month) int64 { return int64(m.Index() + 1) }

func unpackMonth(n int64) civil.Month {
	if n == 0 {
		return civil.Month{}
	}
	return civil.M(int((n-1)/12), time.Month((n-1)%12+1))
}

// bail abandons the fast evaluation of a rule; cel-go runs it instead.
type bailout struct{ why string }

func bail(why string) { panic(bailout{why}) }

type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

func (v val) size() int {
	switch v.k {
	case vListSlice:
		return (*sliceHeader)(v.p).len
	case vListIdx:
		return len((*idxList)(v.p).at)
	case vListVals:
		return int(v.n)
	case vListMonths:
		return int(v.n & math.MaxUint32)
	}
	return 0
}

func (v val) at(i int) val {
	switch v.k {
	case vListSlice:
		h := (*sliceHeader)(v.p)
		return v.t.load(unsafe.Add(h.data, uintptr(i)*v.t.size))
	case vListIdx:
		l := (*idxList)(v.p)
		return l.t.load(unsafe.Add(l.base, uintptr(l.at[i])*l.t.size))
	case vListVals:
		return *(*val)(unsafe.Add(v.p, uintptr(i)*unsafe.Sizeof(val{})))
	case vListMonths:
		return val{k: vMonth, n: v.n>>32 + int64(i)}
	}
	bail("not a list")
	return val{}
}

// idxV sets l to the elements of list at the positions and returns it as
// a list value; l must outlive the value (the frame holds it).
func idxV[T any](l *idxList, list []T, at []int, t *goType) val {
	*l = idxList{base: unsafe.Pointer(unsafe.SliceData(list)), at: at, t: t}
	return val{k: vListIdx, p: unsafe.Pointer(l)}
}

// goType describes how to read a Go value of one type from memory.
type goType struct {
	name   string // CEL type name of a struct, e.g. "mentoring.Child"
	size   uintptr
	load   func(p unsafe.Pointer) val
	fields map[string]*goField
}

type goField struct {
	off    uintptr
	typ    *goType
	isSet  func(p unsafe.Pointer) bool // p is the field's address
	inline bool                        // a struct held by value: reading it cannot fail
}

var (
	dateRT  = reflect.TypeFor[civil.Date]()
	monthRT = reflect.TypeFor[civil.Month]()
)

// goTypes holds a goType for every Go type reachable from the domain roots,
// by reflect type and by CEL name.
var goTypes = sync.OnceValue(func() *typeTable {
	tt := &typeTable{byRT: map[reflect.Type]*goType{}, byName: map[string]*goType{}}
	for _, t := range []reflect.Type{
		reflect.TypeFor[mentoring.Programme](), reflect.TypeFor[volunteer.Volunteer](),
		reflect.TypeFor[agreement.Agreement](), reflect.TypeFor[questionnaire.Response](),
	} {
		tt.of(t)
	}
	return tt
})

type typeTable struct {
	byRT   map[reflect.Type]*goType
	byName map[string]*goType
}

func goTypeOf[T any]() *goType { return goTypes().byRT[reflect.TypeFor[T]()] }

// of returns the goType of rt; unsupported types load by bailing.
func (tt *typeTable) of(rt reflect.Type) *goType {
	if t, ok := tt.byRT[rt]; ok {
		return t
	}
	t := &goType{size: rt.Size()}
	tt.byRT[rt] = t
	switch {
	case rt == dateRT:
		t.load = func(p unsafe.Pointer) val { return dateV(*(*civil.Date)(p)) }
		return t
	case rt == monthRT:
		t.load = func(p unsafe.Pointer) val { return monthV(*(*civil.Month)(p)) }
		return t
	}
	switch rt.Kind() {
	case reflect.String:
		t.load = func(p unsafe.Pointer) val { return strV(*(*string)(p)) }
	case reflect.Bool:
		t.load = func(p unsafe.Pointer) val { return boolV(*(*bool)(p)) }
	case reflect.Int:
		t.load = func(p unsafe.Pointer) val { return intV(int64(*(*int)(p))) }
	case reflect.Int8:
		t.load = func(p unsafe.Pointer) val { return intV(int64(*(*int8)(p))) }
	case reflect.Int16:
		t.load = func(p unsafe.Pointer) val { return intV(int64(*(*int16)(p))) }
	case reflect.Int32:
		t.load = func(p unsafe.Pointer) val { return intV(int64(*(*int32)(p))) }
	case reflect.Int64:
		if rt.PkgPath() != "" { // time.Duration and other named int64s are not ints in CEL
			t.load = unsupportedLoad(rt)
			break
		}
		t.load = func(p unsafe.Pointer) val { return intV(*(*int64)(p)) }
	case reflect.Float64:
		t.load = func(p unsafe.Pointer) val { return doubleV(*(*float64)(p)) }
	case reflect.Struct:
		t.name = rt.String()
		tt.byName[t.name] = t
		t.load = func(p unsafe.Pointer) val { return val{k: vObj, p: p, t: t} }
		t.fields = tt.fields(rt)
	case reflect.Pointer:
		if rt.Elem().Kind() != reflect.Struct || rt.Elem() == dateRT || rt.Elem() == monthRT {
			t.load = unsupportedLoad(rt)
			break
		}
		elem := tt.of(rt.Elem())
		t.load = func(p unsafe.Pointer) val {
			q := *(*unsafe.Pointer)(p)
			if q == nil {
				bail("nil pointer")
			}
			return val{k: vObj, p: q, t: elem}
		}
	case reflect.Slice:
		if rt.Elem().Kind() == reflect.Uint8 {
			t.load = unsupportedLoad(rt)
			break
		}
		elem := tt.of(rt.Elem())
		t.load = func(p unsafe.Pointer) val { return val{k: vListSlice, p: p, t: elem} }
	default:
		t.load = unsupportedLoad(rt)
	}
	return t
}

func unsupportedLoad(rt reflect.Type) func(unsafe.Pointer) val {
	return func(unsafe.Pointer) val {
		bail("unsupported Go type " + rt.String())
		return val{}
	}
}

// fields lists a struct's CEL fields the way ext.NativeTypes with
// ParseStructTags(true) names them: the cel tag, else the Go name; fields
// promoted through embedded pointers are left out (cel-go reads them).
func (tt *typeTable) fields(rt reflect.Type) map[string]*goField {
	out := map[string]*goField{}
	for _, f := range reflect.VisibleFields(rt) {
		if !f.IsExported() || f.Anonymous {
			continue
		}
		name := f.Name
		if tag, ok := f.Tag.Lookup("cel"); ok {
			name, _, _ = strings.Cut(tag, ",")
		}
		if name == "" || name == "-" {
			continue
		}
		off, ok := fieldOffset(rt, f.Index)
		if !ok {
			continue
		}
		inline := f.Type.Kind() == reflect.Struct && f.Type != dateRT && f.Type != monthRT
		out[name] = &goField{off: off, typ: tt.of(f.Type), isSet: isSetFunc(f.Type), inline: inline}
	}
	return out
}

func fieldOffset(rt reflect.Type, index []int) (uintptr, bool) {
	var off uintptr
	cur := rt
	for _, i := range index {
		if cur.Kind() != reflect.Struct {
			return 0, false
		}
		sf := cur.Field(i)
		off += sf.Offset
		cur = sf.Type
	}
	return off, true
}

// isSetFunc mirrors cel-go's has() on native struct fields: the field is
// set when it is not its type's zero value (a non-nil empty slice is set).
func isSetFunc(rt reflect.Type) func(unsafe.Pointer) bool {
	switch rt {
	case dateRT:
		return func(p unsafe.Pointer) bool { return !(*civil.Date)(p).IsZero() }
	case monthRT:
		return func(p unsafe.Pointer) bool { return !(*civil.Month)(p).IsZero() }
	}
	switch rt.Kind() {
	case reflect.String:
		return func(p unsafe.Pointer) bool { return *(*string)(p) != "" }
	case reflect.Bool:
		return func(p unsafe.Pointer) bool { return *(*bool)(p) }
	case reflect.Int, reflect.Int64, reflect.Uint, reflect.Uint64, reflect.Float64:
		return func(p unsafe.Pointer) bool { return *(*uint64)(p) != 0 }
	case reflect.Int32, reflect.Uint32, reflect.Float32:
		return func(p unsafe.Pointer) bool { return *(*uint32)(p) != 0 }
	case reflect.Pointer, reflect.Map, reflect.Slice:
		return func(p unsafe.Pointer) bool { return *(*unsafe.Pointer)(p) != nil }
	}
	return func(p unsafe.Pointer) bool { return !reflect.NewAt(rt, p).Elem().IsZero() }
}

// fn is a compiled expression.
type fn func(fr *frame) val

// fastKind is the fast form of one subject kind's environment.
type fastKind struct {
	ke      *kindEnv
	vars    []fn // by variable index; nil where cel-go must compute it
	nlocals int  // comprehension variables, each with its own slot
}

// frame holds one subject's values for the fast path.
type frame struct {
	fk     *fastKind
	slots  [8]val
	lists  [8]idxList // the slots' lists of programme elements
	vars   []val
	state  []uint8 // 0 not yet, 1 computing, 2 done
	locals []val
}

var frames = sync.Pool{New: func() any { return new(frame) }}

func (fr *frame) reset(fk *fastKind) {
	fr.fk = fk
	n := len(fk.vars)
	if cap(fr.vars) < n {
		fr.vars, fr.state = make([]val, n), make([]uint8, n)
	}
	fr.vars, fr.state = fr.vars[:n], fr.state[:n]
	clear(fr.state)
	if cap(fr.locals) < fk.nlocals {
		fr.locals = make([]val, fk.nlocals)
	}
	fr.locals = fr.locals[:fk.nlocals]
}

// release returns the frame to the pool. Its values are not cleared: that
// cost a fifth of a single-subject evaluation, and a pooled frame holds the
// last programme only until the pool is dropped, two garbage collections
// at most.
// A nil frame (WithCELOnly) releases nothing.
func (fr *frame) release() {
	if fr != nil {
		frames.Put(fr)
	}
}

// object is the address off bytes into the object held by a comprehension
// variable (local) or a subject variable.
func (fr *frame) object(local bool, slot int, off uintptr) unsafe.Pointer {
	var o *val
	if local {
		o = &fr.locals[slot]
	} else {
		o = &fr.slots[slot]
	}
	if o.k != vObj {
		bail("field of a missing object")
	}
	return unsafe.Add(o.p, off)
}

func (fr *frame) variable(i int) val {
	switch fr.state[i] {
	case 2:
		return fr.vars[i]
	case 1:
		bail("variable refers to itself, or failed before")
	}
	f := fr.fk.vars[i]
	if f == nil {
		bail("variable left to cel-go")
	}
	fr.state[i] = 1
	v := f(fr)
	fr.vars[i] = v
	fr.state[i] = 2
	return v
}

// fastRule is a rule's fast form; nil when cel-go evaluates it.
type fastRule struct {
	when, expr fn
}

// run returns Passed, Failed or NotApplies, or "" when the fast path gave
// up and cel-go must decide.
func (r *fastRule) run(fr *frame) (res Result) {
	defer func() {
		if r := recover(); r != nil { // a bail, or a fault of the fast path: cel-go decides
			if _, ok := r.(bailout); !ok {
				fastFaults.Add(1)
			}
			fastBails.Add(1)
			res = ""
		}
	}()
	if r.when != nil {
		w := r.when(fr)
		if w.k != vBool {
			return ""
		}
		if w.n == 0 {
			return NotApplies
		}
	}
	v := r.expr(fr)
	switch {
	case v.k != vBool:
		return ""
	case v.n != 0:
		return Passed
	}
	return Failed
}

// fastBails counts the rule evaluations the fast path handed to cel-go;
// tests read it to see that the fast path is really taken.
var fastBails atomic.Int64

// fastFaults counts the panics of the fast path that were not bails: bugs,
// which cel-go covers for in production and tests fail on.
var fastFaults atomic.Int64

var errUnsupported = errors.New("outside the fast path's subset")

// fastCompiler compiles one checked expression.
type fastCompiler struct {
	a      *ast.AST
	fk     *fastKind
	fn     *funcs
	locals []localVar // comprehension variables in scope, innermost last
}

type localVar struct {
	name string
	slot int
}

// compileFast compiles a checked expression of kind fk, or returns nil.
func compileFast(fk *fastKind, f *funcs, a *ast.AST) fn {
	if a == nil {
		return nil
	}
	c := &fastCompiler{a: a, fk: fk, fn: f}
	out, err := c.expr(a.Expr())
	if err != nil {
		return nil
	}
	return out
}

func unsupported(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUnsupported, fmt.Sprintf(format, args...))
}

func (c *fastCompiler) expr(e ast.Expr) (fn, error) {
	switch e.Kind() {
	case ast.LiteralKind:
		v, err := constant(e.AsLiteral())
		if err != nil {
			return nil, err
		}
		return func(*frame) val { return v }, nil
	case ast.IdentKind:
		for i := len(c.locals) - 1; i >= 0; i-- {
			if l := c.locals[i]; l.name == e.AsIdent() {
				slot := l.slot
				return func(fr *frame) val { return fr.locals[slot] }, nil
			}
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
	return nil, unsupported("expression kind %v", e.Kind())
}

// name compiles a reference to a declared name: a constant (params.*), a
// subject variable or a policy variable.
func (c *fastCompiler) name(e ast.Expr, name string) (fn, error) {
	if r, ok := c.a.ReferenceMap()[e.ID()]; ok {
		if r.Value != nil {
			v, err := constant(r.Value)
			if err != nil {
				return nil, err
			}
			return func(*frame) val { return v }, nil
		}
		if r.Name != "" {
			name = r.Name
		}
	}
	ke := c.fk.ke
	i, ok := ke.lookup[name]
	if !ok {
		return nil, unsupported("name %s", name)
	}
	if i < len(ke.slots) {
		return func(fr *frame) val { return fr.slots[i] }, nil
	}
	i -= len(ke.slots)
	return func(fr *frame) val { return fr.variable(i) }, nil
}

func constant(v ref.Val) (val, error) {
	switch x := v.(type) {
	case types.Bool:
		return boolV(bool(x)), nil
	case types.Int:
		return intV(int64(x)), nil
	case types.Uint:
		return val{k: vUint, n: int64(x)}, nil
	case types.Double:
		return doubleV(float64(x)), nil
	case types.String:
		return strV(string(x)), nil
	case types.Null:
		return val{k: vNull}, nil
	}
	if d, ok := toDate(v); ok {
		return dateV(d), nil
	}
	if m, ok := toMonth(v); ok {
		return monthV(m), nil
	}
	return val{}, unsupported("constant of type %s", v.Type().TypeName())
}

func (c *fastCompiler) selection(e ast.Expr) (fn, error) {
	sel := e.AsSelect()
	operand, err := c.expr(sel.Operand())
	if err != nil {
		return nil, err
	}
	name := sel.FieldName()
	var field *goField
	if t := c.a.GetType(sel.Operand().ID()); t != nil && t.Kind() == types.StructKind {
		gt := goTypes().byName[t.TypeName()]
		if gt == nil || gt.fields[name] == nil {
			return nil, unsupported("field %s.%s", t.TypeName(), name)
		}
		field = gt.fields[name]
	}
	at := func(o val) *goField {
		if o.k != vObj {
			bail("field of a missing object")
		}
		if field != nil {
			return field
		}
		f := o.t.fields[name] // a dyn operand
		if f == nil {
			bail("no such field")
		}
		return f
	}
	// A field of a comprehension variable or of a subject variable, the
	// commonest read, is one closure instead of two, and so is a path
	// through structs held by value (mentor.screening.interview).
	if field != nil {
		if local, slot, base, ok := c.path(sel.Operand()); ok {
			off, load, isSet := base+field.off, field.typ.load, field.isSet
			if sel.IsTestOnly() {
				return func(fr *frame) val { return boolV(isSet(fr.object(local, slot, off))) }, nil
			}
			return func(fr *frame) val { return load(fr.object(local, slot, off)) }, nil
		}
	}
	if sel.IsTestOnly() {
		return func(fr *frame) val {
			o := operand(fr)
			f := at(o)
			return boolV(f.isSet(unsafe.Add(o.p, f.off)))
		}, nil
	}
	return func(fr *frame) val {
		o := operand(fr)
		f := at(o)
		return f.typ.load(unsafe.Add(o.p, f.off))
	}, nil
}

// path reports whether e is a variable (see direct) or a path from one
// through struct fields held by value, with the path's offset.
func (c *fastCompiler) path(e ast.Expr) (local bool, slot int, off uintptr, ok bool) {
	if e.Kind() != ast.SelectKind {
		local, slot, ok = c.direct(e)
		return local, slot, 0, ok
	}
	sel := e.AsSelect()
	if sel.IsTestOnly() {
		return false, 0, 0, false
	}
	if _, isRef := c.a.ReferenceMap()[e.ID()]; isRef {
		return false, 0, 0, false
	}
	t := c.a.GetType(sel.Operand().ID())
	if t == nil || t.Kind() != types.StructKind {
		return false, 0, 0, false
	}
	gt := goTypes().byName[t.TypeName()]
	if gt == nil || gt.fields[sel.FieldName()] == nil || !gt.fields[sel.FieldName()].inline {
		return false, 0, 0, false
	}
	local, slot, off, ok = c.path(sel.Operand())
	return local, slot, off + gt.fields[sel.FieldName()].off, ok
}

// direct reports whether e reads a comprehension variable (local) or a
// subject variable, and its slot.
func (c *fastCompiler) direct(e ast.Expr) (local bool, slot int, ok bool) {
	if e.Kind() != ast.IdentKind {
		return false, 0, false
	}
	for i := len(c.locals) - 1; i >= 0; i-- {
		if l := c.locals[i]; l.name == e.AsIdent() {
			return true, l.slot, true
		}
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
	i, found := c.fk.ke.lookup[name]
	if !found || i >= len(c.fk.ke.slots) {
		return false, 0, false
	}
	return false, i, true
}

// constOf returns e's value when it is a literal or a constant (params.*).
func (c *fastCompiler) constOf(e ast.Expr) (val, bool) {
	var v ref.Val
	switch {
	case e.Kind() == ast.LiteralKind:
		v = e.AsLiteral()
	case e.Kind() == ast.IdentKind || e.Kind() == ast.SelectKind:
		r, ok := c.a.ReferenceMap()[e.ID()]
		if !ok || r.Value == nil {
			return val{}, false
		}
		v = r.Value
	default:
		return val{}, false
	}
	x, err := constant(v)
	return x, err == nil
}

func (c *fastCompiler) list(e ast.Expr) (fn, error) {
	l := e.AsList()
	if len(l.OptionalIndices()) > 0 {
		return nil, unsupported("optional list elements")
	}
	elems := make([]fn, len(l.Elements()))
	for i, x := range l.Elements() {
		f, err := c.expr(x)
		if err != nil {
			return nil, err
		}
		elems[i] = f
	}
	if len(elems) == 0 {
		return func(*frame) val { return val{k: vListVals} }, nil
	}
	// A list of constants is built once.
	if consts, ok := c.constants(l.Elements()); ok {
		v := valsV(consts)
		return func(*frame) val { return v }, nil
	}
	return func(fr *frame) val {
		out := make([]val, len(elems))
		for i, f := range elems {
			out[i] = f(fr)
		}
		return valsV(out)
	}, nil
}

func (c *fastCompiler) constants(es []ast.Expr) ([]val, bool) {
	out := make([]val, len(es))
	for i, x := range es {
		if x.Kind() != ast.LiteralKind {
			return nil, false
		}
		v, err := constant(x.AsLiteral())
		if err != nil {
			return nil, false
		}
		out[i] = v
	}
	return out, true
}

func (c *fastCompiler) comprehension(e ast.Expr) (fn, error) {
	x := e.AsComprehension()
	if x.HasIterVar2() {
		return nil, unsupported("two-variable comprehension")
	}
	rng, err := c.expr(x.IterRange())
	if err != nil {
		return nil, err
	}
	if t := c.a.GetType(x.IterRange().ID()); t == nil || t.Kind() != types.ListKind {
		return nil, unsupported("comprehension over a non-list")
	}
	init, err := c.expr(x.AccuInit())
	if err != nil {
		return nil, err
	}
	accu := c.push(x.AccuVar())
	iter := c.push(x.IterVar())
	cond, err := c.expr(x.LoopCondition())
	if err != nil {
		return nil, err
	}
	step, err := c.expr(x.LoopStep())
	if err != nil {
		return nil, err
	}
	if f := c.macro(x, rng, accu, iter); f != nil {
		c.locals = c.locals[:len(c.locals)-2]
		return f, nil
	}
	c.locals = c.locals[:len(c.locals)-1] // the result sees only the accumulator
	result, err := c.expr(x.Result())
	if err != nil {
		return nil, err
	}
	c.locals = c.locals[:len(c.locals)-1]
	return func(fr *frame) val {
		r := rng(fr)
		if !r.isList() {
			bail("range is not a list")
		}
		fr.locals[accu] = init(fr)
		for i, n := 0, r.size(); i < n; i++ {
			if ok := cond(fr); ok.k != vBool {
				bail("condition is not bool")
			} else if ok.n == 0 {
				break
			}
			fr.locals[iter] = r.at(i)
			fr.locals[accu] = step(fr)
		}
		return result(fr)
	}, nil
}

// macro compiles the comprehensions of exists, all and filter as plain
// loops over their predicate, without the accumulator's condition and step
// of the general form; nil for any other shape. The accumulator and the
// iteration variable are in scope.
func (c *fastCompiler) macro(x ast.ComprehensionExpr, rng fn, accu, iter int) fn {
	isAccu := func(e ast.Expr) bool { return e.Kind() == ast.IdentKind && e.AsIdent() == x.AccuVar() }
	if !isAccu(x.Result()) || x.LoopStep().Kind() != ast.CallKind {
		return nil
	}
	step := x.LoopStep().AsCall()
	init, isConst := c.constOf(x.AccuInit())
	var pred ast.Expr
	var shape string
	switch {
	case isConst && init.k == vBool && init.n == 0 && step.FunctionName() == operators.LogicalOr &&
		len(step.Args()) == 2 && isAccu(step.Args()[0]):
		shape, pred = "exists", step.Args()[1]
	case isConst && init.k == vBool && init.n == 1 && step.FunctionName() == operators.LogicalAnd &&
		len(step.Args()) == 2 && isAccu(step.Args()[0]):
		shape, pred = "all", step.Args()[1]
	case x.AccuInit().Kind() == ast.ListKind && len(x.AccuInit().AsList().Elements()) == 0 &&
		step.FunctionName() == operators.Conditional && len(step.Args()) == 3 && isAccu(step.Args()[2]):
		add := step.Args()[1]
		if add.Kind() != ast.CallKind || add.AsCall().FunctionName() != operators.Add || len(add.AsCall().Args()) != 2 ||
			!isAccu(add.AsCall().Args()[0]) || add.AsCall().Args()[1].Kind() != ast.ListKind {
			return nil
		}
		elems := add.AsCall().Args()[1].AsList().Elements()
		if len(elems) != 1 || elems[0].Kind() != ast.IdentKind || elems[0].AsIdent() != x.IterVar() {
			return nil
		}
		shape, pred = "filter", step.Args()[0]
	default:
		return nil
	}
	p, err := c.expr(pred)
	if err != nil {
		return nil
	}
	switch shape {
	case "exists", "all":
		want := shape == "exists" // the value that ends the loop
		return func(fr *frame) val {
			r := rng(fr)
			if !r.isList() {
				bail("range is not a list")
			}
			for i, n := 0, r.size(); i < n; i++ {
				fr.locals[iter] = r.at(i)
				b := p(fr)
				if b.k != vBool {
					bail("predicate is not bool")
				}
				if (b.n != 0) == want {
					return boolV(want)
				}
			}
			return boolV(!want)
		}
	}
	return func(fr *frame) val { // filter
		r := rng(fr)
		if !r.isList() {
			bail("range is not a list")
		}
		var out []val
		for i, n := 0, r.size(); i < n; i++ {
			e := r.at(i)
			fr.locals[iter] = e
			b := p(fr)
			if b.k != vBool {
				bail("predicate is not bool")
			}
			if b.n != 0 {
				out = append(out, e)
			}
		}
		return valsV(out)
	}
}

func (c *fastCompiler) push(name string) int {
	slot := c.fk.nlocals
	c.fk.nlocals++
	c.locals = append(c.locals, localVar{name: name, slot: slot})
	return slot
}

func (c *fastCompiler) call(e ast.Expr) (fn, error) {
	call := e.AsCall()
	var args []fn
	if call.IsMemberFunction() {
		f, err := c.expr(call.Target())
		if err != nil {
			return nil, err
		}
		args = append(args, f)
	}
	for _, a := range call.Args() {
		f, err := c.expr(a)
		if err != nil {
			return nil, err
		}
		args = append(args, f)
	}
	name := call.FunctionName()
	if build, ok := callBuilders[name]; ok && (len(args) == build.arity || build.arity < 0) {
		return build.make(c, e, args)
	}
	return nil, unsupported("function %s/%d", name, len(args))
}

type callBuilder struct {
	arity int // -1: any
	make  func(c *fastCompiler, e ast.Expr, args []fn) (fn, error)
}

func unary(f func(val) val) callBuilder {
	return callBuilder{1, func(_ *fastCompiler, _ ast.Expr, a []fn) (fn, error) {
		x := a[0]
		return func(fr *frame) val { return f(x(fr)) }, nil
	}}
}

func binary(f func(val, val) val) callBuilder {
	return callBuilder{2, func(c *fastCompiler, e ast.Expr, a []fn) (fn, error) {
		x, y := a[0], a[1]
		operands := callOperands(e)
		if k, ok := c.constOf(operands[1]); ok {
			return func(fr *frame) val { return f(x(fr), k) }, nil
		}
		if k, ok := c.constOf(operands[0]); ok {
			return func(fr *frame) val { return f(k, y(fr)) }, nil
		}
		return func(fr *frame) val { return f(x(fr), y(fr)) }, nil
	}}
}

// callOperands are a call's target, if any, then its arguments.
func callOperands(e ast.Expr) []ast.Expr {
	call := e.AsCall()
	if call.IsMemberFunction() {
		return append([]ast.Expr{call.Target()}, call.Args()...)
	}
	return call.Args()
}

var callBuilders map[string]callBuilder

func init() {
	callBuilders = map[string]callBuilder{
		operators.LogicalAnd: {2, func(_ *fastCompiler, _ ast.Expr, a []fn) (fn, error) {
			x, y := a[0], a[1]
			return func(fr *frame) val {
				if l := x(fr); l.k != vBool {
					bail("&& on a non-bool")
				} else if l.n == 0 {
					return vFalse
				}
				r := y(fr)
				if r.k != vBool {
					bail("&& on a non-bool")
				}
				return r
			}, nil
		}},
		operators.LogicalOr: {2, func(_ *fastCompiler, _ ast.Expr, a []fn) (fn, error) {
			x, y := a[0], a[1]
			return func(fr *frame) val {
				if l := x(fr); l.k != vBool {
					bail("|| on a non-bool")
				} else if l.n != 0 {
					return vTrue
				}
				r := y(fr)
				if r.k != vBool {
					bail("|| on a non-bool")
				}
				return r
			}, nil
		}},
		operators.Conditional: {3, func(_ *fastCompiler, _ ast.Expr, a []fn) (fn, error) {
			c, x, y := a[0], a[1], a[2]
			return func(fr *frame) val {
				b := c(fr)
				if b.k != vBool {
					bail("condition is not bool")
				}
				if b.n != 0 {
					return x(fr)
				}
				return y(fr)
			}, nil
		}},
		operators.LogicalNot: unary(func(v val) val { return boolV(!truth(v)) }),
		operators.NotStrictlyFalse: unary(func(v val) val {
			if v.k == vBool {
				return v
			}
			return vTrue
		}),
		operators.Equals:        binary(func(x, y val) val { return boolV(equal(x, y)) }),
		operators.NotEquals:     binary(func(x, y val) val { return boolV(!equal(x, y)) }),
		operators.Less:          binary(func(x, y val) val { return boolV(compare(x, y) < 0) }),
		operators.LessEquals:    binary(func(x, y val) val { return boolV(compare(x, y) <= 0) }),
		operators.Greater:       binary(func(x, y val) val { return boolV(compare(x, y) > 0) }),
		operators.GreaterEquals: binary(func(x, y val) val { return boolV(compare(x, y) >= 0) }),
		operators.Add:           binary(add),
		operators.Subtract:      binary(arith('-')),
		operators.Multiply:      binary(arith('*')),
		operators.Divide:        binary(arith('/')),
		operators.Modulo:        binary(arith('%')),
		operators.Negate: unary(func(v val) val {
			switch {
			case v.k == vInt && v.n != math.MinInt64:
				return intV(-v.n)
			case v.k == vDouble:
				return doubleV(-v.double())
			}
			bail("negation")
			return val{}
		}),
		operators.In: binary(func(x, l val) val {
			if !l.isList() {
				bail("in on a non-list")
			}
			for i, n := 0, l.size(); i < n; i++ {
				if equal(x, l.at(i)) {
					return vTrue
				}
			}
			return vFalse
		}),
		operators.Index: binary(func(l, i val) val {
			if !l.isList() || i.k != vInt || i.n < 0 || i.n >= int64(l.size()) {
				bail("index")
			}
			return l.at(int(i.n))
		}),
		overloads.Size: unary(func(v val) val {
			switch v.k {
			case vString:
				return intV(int64(utf8.RuneCountInString(v.str())))
			case vListSlice, vListIdx, vListVals, vListMonths:
				return intV(int64(v.size()))
			}
			bail("size")
			return val{}
		}),
		overloads.Contains:   binary(stringTest(strings.Contains)),
		overloads.StartsWith: binary(stringTest(strings.HasPrefix)),
		overloads.EndsWith:   binary(stringTest(strings.HasSuffix)),
		"lowerAscii":         unary(stringMap(asciiCase('A', 'a'-'A'))),
		"upperAscii":         unary(stringMap(asciiCase('a', 'A'-'a'))),
		"lower":              unary(stringMap(strings.ToLower)),
		"age":                binary(dateFunc(func(x, y civil.Date) val { return intV(int64(x.YearsUntil(y))) })),
		"days_between":       binary(dateFunc(func(x, y civil.Date) val { return intV(int64(x.DaysUntil(y))) })),
		"months_between":     binary(dateFunc(func(x, y civil.Date) val { return intV(int64(wholeMonths(x, y))) })),
		"add_days": binary(func(d, n val) val {
			return dateV(present(d).AddDays(int(integer(n))))
		}),
		"add_months": binary(func(d, n val) val {
			return dateV(present(d).AddMonths(int(integer(n))))
		}),
		"month_of": unary(func(d val) val { return monthV(present(d).In()) }),
		"months_open": {2, func(c *fastCompiler, _ ast.Expr, a []fn) (fn, error) {
			x, y, limit := a[0], a[1], int64(c.fn.maxMonths)
			return func(fr *frame) val {
				from, to := x(fr), y(fr)
				if from.k != vMonth || to.k != vMonth || from.n == 0 || to.n == 0 || to.n-from.n > limit {
					bail("months_open")
				}
				return val{k: vListMonths, n: (from.n+1)<<32 | max(0, to.n-from.n-1)}
			}, nil
		}},
		"date": unary(func(s val) val {
			d, err := civil.ParseDate(s.str())
			if s.k != vString || err != nil {
				bail("date")
			}
			return dateV(d)
		}),
		"month": unary(func(s val) val {
			m, err := civil.ParseMonth(s.str())
			if s.k != vString || err != nil {
				bail("month")
			}
			return monthV(m)
		}),
		overloads.TypeConvertString: unary(func(v val) val {
			switch v.k {
			case vString:
				return v
			case vDate:
				return strV(unpackDate(v.n).String())
			case vMonth:
				return strV(unpackMonth(v.n).String())
			case vInt:
				return strV(strconv.FormatInt(v.n, 10))
			case vBool:
				return strV(strconv.FormatBool(v.n != 0))
			}
			bail("string()")
			return val{}
		}),
	}
}

func truth(v val) bool {
	if v.k != vBool {
		bail("not a bool")
	}
	return v.n != 0
}

func integer(v val) int64 {
	if v.k != vInt {
		bail("not an int")
	}
	return v.n
}

func present(d val) civil.Date {
	if d.k != vDate || d.n == 0 {
		bail("no date")
	}
	return unpackDate(d.n)
}

func dateFunc(f func(x, y civil.Date) val) func(val, val) val {
	return func(a, b val) val { return f(present(a), present(b)) }
}

func stringTest(f func(s, sub string) bool) func(val, val) val {
	return func(s, sub val) val {
		if s.k != vString || sub.k != vString {
			bail("string function")
		}
		return boolV(f(s.str(), sub.str()))
	}
}

func stringMap(f func(string) string) func(val) val {
	return func(s val) val {
		if s.k != vString {
			bail("string function")
		}
		return strV(f(s.str()))
	}
}

// asciiCase shifts the 26 ASCII letters from "from" by delta, as
// ext.Strings' lowerAscii and upperAscii do; a string without any is
// returned as it is, unallocated.
func asciiCase(from byte, delta rune) func(string) string {
	in := func(r rune) bool { return rune(from) <= r && r < rune(from)+26 }
	shift := func(r rune) rune {
		if in(r) {
			return r + delta
		}
		return r
	}
	return func(s string) string {
		if strings.IndexFunc(s, in) < 0 {
			return s
		}
		return strings.Map(shift, s)
	}
}

// equal is CEL equality for the values the fast path knows; anything else
// (objects, mixed kinds) bails so that cel-go decides.
func equal(x, y val) bool {
	if x.isList() && y.isList() {
		n := x.size()
		if n != y.size() {
			return false
		}
		for i := range n {
			if !equal(x.at(i), y.at(i)) {
				return false
			}
		}
		return true
	}
	if x.k != y.k {
		bail("equality of mixed kinds")
	}
	switch x.k {
	case vNull:
		return true
	case vBool, vInt, vUint, vDate, vMonth:
		return x.n == y.n
	case vDouble:
		return x.double() == y.double()
	case vString:
		return x.n == y.n && (x.p == y.p || x.str() == y.str())
	}
	bail("equality of objects")
	return false
}

// compare orders two values of one kind; a missing date or month, mixed
// kinds and NaN bail.
func compare(x, y val) int {
	if x.k != y.k {
		bail("comparison of mixed kinds")
	}
	switch x.k {
	case vInt, vBool:
		return cmp.Compare(x.n, y.n)
	case vDate, vMonth:
		if x.n == 0 || y.n == 0 {
			bail("comparison with no date")
		}
		return cmp.Compare(x.n, y.n)
	case vUint:
		return cmp.Compare(uint64(x.n), uint64(y.n))
	case vDouble:
		a, b := x.double(), y.double()
		switch {
		case a < b:
			return -1
		case a > b:
			return 1
		case a == b:
			return 0
		}
		bail("NaN")
	case vString:
		return strings.Compare(x.str(), y.str())
	}
	bail("comparison")
	return 0
}

func add(x, y val) val {
	if x.isList() && y.isList() {
		// Concatenation with an empty list returns the other list, so a
		// compliant subject's "missing" lists never allocate.
		switch {
		case x.size() == 0:
			return y
		case y.size() == 0:
			return x
		}
		out := make([]val, 0, x.size()+y.size())
		for _, l := range [2]val{x, y} {
			for i, n := 0, l.size(); i < n; i++ {
				out = append(out, l.at(i))
			}
		}
		return valsV(out)
	}
	if x.k != y.k {
		bail("+ of mixed kinds")
	}
	switch x.k {
	case vInt:
		s := x.n + y.n
		if (s > x.n) != (y.n > 0) {
			bail("overflow")
		}
		return intV(s)
	case vDouble:
		return doubleV(x.double() + y.double())
	case vString:
		return strV(x.str() + y.str())
	}
	bail("+")
	return val{}
}

func arith(op byte) func(x, y val) val {
	return func(x, y val) val {
		if x.k != y.k {
			bail("arithmetic on mixed kinds")
		}
		switch x.k {
		case vInt:
			a, b := x.n, y.n
			switch op {
			case '-':
				d := a - b
				if (d < a) != (b > 0) {
					bail("overflow")
				}
				return intV(d)
			case '*':
				if a != 0 && (a*b/a != b || a == -1 && b == math.MinInt64 || b == -1 && a == math.MinInt64) {
					bail("overflow")
				}
				return intV(a * b)
			case '/', '%':
				if b == 0 || a == math.MinInt64 && b == -1 {
					bail("division")
				}
				if op == '/' {
					return intV(a / b)
				}
				return intV(a % b)
			}
		case vDouble:
			a, b := x.double(), y.double()
			switch op {
			case '-':
				return doubleV(a - b)
			case '*':
				return doubleV(a * b)
			case '/':
				return doubleV(a / b)
			}
		}
		bail("arithmetic")
		return val{}
	}
}
