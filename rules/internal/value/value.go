package value

import (
	"math"
	"time"
	"unsafe"

	"github.com/birgemiz/sabaqtastyq/civil"
)

// Kind is what a [Val] holds.
type Kind uint16

// Scalar kinds.
const (
	Null Kind = iota
	Bool
	Int
	Uint
	Double
	String
	Date  // N: PackDate
	Month // N: PackMonth
	Obj   // P: the struct, T: its type
)

// Lists, by representation. Every kind from ListSlice on is a list.
const (
	ListSlice  Kind = iota + 16 // P: a Go slice header, T: element type
	ListIdx                     // P: an *IdxList
	ListVals                    // P: first Val, N: count
	ListMonths                  // N: first month (PackMonth) << 32 | count
)

// Val is an unboxed CEL value, 32 bytes passed by value. Strings are P and
// N (data and length), so reading a string field copies no bytes. The kind
// is one field: two byte-sized fields made every return stall on store
// forwarding, ten times slower.
type Val struct {
	K Kind
	N int64
	P unsafe.Pointer
	T *Type
}

// IsList reports whether v is a list, of any representation.
func (v Val) IsList() bool { return v.K >= ListSlice }

// Values of the scalar kinds.
var (
	True  = Val{K: Bool, N: 1}
	False = Val{K: Bool}
)

// BoolV is b as a value.
func BoolV(b bool) Val {
	if b {
		return True
	}
	return False
}

// IntV is n as a value.
func IntV(n int64) Val { return Val{K: Int, N: n} }

// UintV is n as a value.
func UintV(n uint64) Val { return Val{K: Uint, N: int64(n)} }

// StrV is s as a value; it shares s's bytes.
func StrV(s string) Val {
	return Val{K: String, P: unsafe.Pointer(unsafe.StringData(s)), N: int64(len(s))}
}

// Str is the string v holds; v must be a String.
func (v Val) Str() string { return unsafe.String((*byte)(v.P), int(v.N)) }

// DateV is d as a value; the zero date is "absent".
func DateV(d civil.Date) Val { return Val{K: Date, N: PackDate(d)} }

// MonthV is m as a value.
func MonthV(m civil.Month) Val { return Val{K: Month, N: PackMonth(m)} }

// DoubleV is f as a value.
func DoubleV(f float64) Val { return Val{K: Double, N: int64(math.Float64bits(f))} }

// Double is the float v holds; v must be a Double.
func (v Val) Double() float64 { return math.Float64frombits(uint64(v.N)) }

// ValsV is a list of the values vs; it shares vs.
func ValsV(vs []Val) Val {
	return Val{K: ListVals, P: unsafe.Pointer(unsafe.SliceData(vs)), N: int64(len(vs))}
}

// MonthsV is the list of n months from first on, built without allocating.
func MonthsV(first civil.Month, n int) Val {
	return Val{K: ListMonths, N: PackMonth(first)<<32 | int64(n)}
}

// ObjV is the struct at p, of type t; a nil p is null.
func ObjV(p unsafe.Pointer, t *Type) Val {
	if p == nil {
		return Val{K: Null}
	}
	return Val{K: Obj, P: p, T: t}
}

// Dates and months are packed so that comparing the numbers compares the
// days; zero stays "absent".

// PackDate packs d into an int64 that orders like d.
func PackDate(d civil.Date) int64 {
	return int64(d.Year())<<9 | int64(d.Month())<<5 | int64(d.Day())
}

// UnpackDate is the inverse of [PackDate].
func UnpackDate(n int64) civil.Date {
	if n == 0 {
		return civil.Date{}
	}
	return civil.D(int(n>>9), time.Month(n>>5&15), int(n&31))
}

// PackMonth packs m into an int64 that orders like m.
func PackMonth(m civil.Month) int64 {
	if m.IsZero() {
		return 0
	}
	return int64(m.Index() + 1)
}

// UnpackMonth is the inverse of [PackMonth].
func UnpackMonth(n int64) civil.Month {
	if n == 0 {
		return civil.Month{}
	}
	return civil.M(int((n-1)/12), time.Month((n-1)%12+1))
}

// AsDate is the date v holds, and false when v is no date.
func (v Val) AsDate() (civil.Date, bool) { return UnpackDate(v.N), v.K == Date }

// AsMonth is the month v holds, and false when v is no month.
func (v Val) AsMonth() (civil.Month, bool) { return UnpackMonth(v.N), v.K == Month }

// IdxList is a list of a programme's elements by position: the positions
// are shared, never copied.
type IdxList struct {
	Base unsafe.Pointer // the programme slice's first element
	At   []int
	T    *Type
}

// IdxV sets l to the elements of list at the positions and returns it as a
// list value; l must outlive the value.
func IdxV[T any](l *IdxList, list []T, at []int, t *Type) Val {
	*l = IdxList{Base: unsafe.Pointer(unsafe.SliceData(list)), At: at, T: t}
	return Val{K: ListIdx, P: unsafe.Pointer(l)}
}

type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// Size is the length of a list, 0 for anything else.
func (v Val) Size() int {
	switch v.K {
	case ListSlice:
		return (*sliceHeader)(v.P).len
	case ListIdx:
		return len((*IdxList)(v.P).At)
	case ListVals:
		return int(v.N)
	case ListMonths:
		return int(v.N & math.MaxUint32)
	}
	return 0
}

// At is the i-th element of a list; i must be in range.
func (v Val) At(i int) Val {
	switch v.K {
	case ListSlice:
		h := (*sliceHeader)(v.P)
		return v.T.Load(unsafe.Add(h.data, uintptr(i)*v.T.Size))
	case ListIdx:
		l := (*IdxList)(v.P)
		return l.T.Load(unsafe.Add(l.Base, uintptr(l.At[i])*l.T.Size))
	case ListVals:
		return *(*Val)(unsafe.Add(v.P, uintptr(i)*unsafe.Sizeof(Val{})))
	case ListMonths:
		return Val{K: Month, N: v.N>>32 + int64(i)}
	}
	Bail("not a list")
	return Val{}
}

// Bailout is the panic value of [Bail]: the native evaluation of a rule
// stops there and cel-go, the reference, evaluates the rule instead. It is
// the only panic the native evaluator recovers from; see package native.
type Bailout struct{ Why string }

// Bail abandons the native evaluation of a rule because what it met is an
// error in CEL (a missing date, an overflow, a field of a missing object),
// whose message is cel-go's to give.
func Bail(why string) { panic(Bailout{why}) }

// Ctx is what a native evaluation of one rule carries besides its values:
// the guards on what it may build and how long it may run, and the
// policy's limits that functions read.
type Ctx struct {
	// BuildCap caps the bytes of one string or list the rule builds;
	// passing it stops the rule with [Limit].
	BuildCap int64
	// Steps counts comprehension iterations; passing StepCap hands the
	// rule to cel-go (see Step). A StepCap of 0 means no meter.
	Steps, StepCap int64
	// Arena, when set, holds the lists built for one subject (nil: the
	// heap).
	Arena *Arena
}

// Arena hands out the lists an evaluation builds for one subject from
// memory reused from subject to subject, so that a filter or a map costs
// no allocation once the arena has grown. A list from the arena is valid
// until the arena is reset, when the next subject is bound: the native
// evaluator's values never outlive their subject (they are formatted,
// compared or counted before). An arena holds at most ArenaVals values
// (1 MiB); past that, lists come from the heap, where the garbage
// collector takes back those a loop no longer needs.
type Arena struct{ buf []Val }

// ArenaVals caps an arena: 32,768 values, 1 MiB.
const ArenaVals = 1 << 15

// Reset makes the arena's memory free for the next subject.
func (a *Arena) Reset() { a.buf = a.buf[:0] }

func (a *Arena) make(n int) []Val {
	if cap(a.buf)-len(a.buf) < n {
		size := max(2*cap(a.buf), n, 64)
		if size > ArenaVals {
			return make([]Val, n)
		}
		// A new chunk; the lists handed out from the old one keep it.
		a.buf = make([]Val, 0, size)
	}
	start := len(a.buf)
	a.buf = a.buf[:start+n]
	out := a.buf[start : start+n : start+n]
	clear(out)
	return out
}

// List returns storage for a list of n values the rule builds, after
// checking the build cap.
func (c *Ctx) List(n int) []Val {
	c.BuildList(n)
	if c.Arena == nil {
		return make([]Val, n)
	}
	return c.Arena.make(n)
}

// Val's size in bytes, what a list costs per element when it is built.
const valBytes = int64(unsafe.Sizeof(Val{}))

// Build checks, before a value of n bytes is built, that it stays within
// the cap.
func (c *Ctx) Build(n int64) {
	if n > c.BuildCap {
		panic(Limit{What: LimitBuild, N: n})
	}
}

// BuildList checks a list of n elements before it is built.
func (c *Ctx) BuildList(n int) { c.Build(int64(n) * valBytes) }

// Step counts one iteration of a comprehension. Past the budget the rule
// is handed to cel-go, whose own meter decides it: the two count
// differently (one unit an iteration here, every operation there), and
// the wording of a budget run out is cel-go's.
func (c *Ctx) Step() {
	c.Steps++
	if c.StepCap > 0 && c.Steps > c.StepCap {
		Bail("cost budget")
	}
}

// LimitBuild is what a [Limit] says was passed: a value larger than the
// build cap.
const LimitBuild = "build"

// Limit is the panic value of the build guard in [Ctx]: the rule stops with
// an error finding and is not run again anywhere, because running it on is
// what the guard prevents.
type Limit struct {
	What string
	N    int64
}
