package value

import (
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/birgemiz/sabaqtastyq/civil"
)

// Type describes how to read a Go value of one type from memory.
type Type struct {
	Name   string // CEL type name of a struct, e.g. "mentoring.Child"
	RT     reflect.Type
	Size   uintptr
	Load   func(p unsafe.Pointer) Val
	Fields map[string]*Field // a struct's CEL fields, by CEL name
}

// Field is one CEL field of a struct.
type Field struct {
	Name   string
	Off    uintptr
	Type   *Type
	IsSet  func(p unsafe.Pointer) bool // p is the field's address
	Inline bool                        // a struct held by value: reading it cannot fail
	// Bound is what the field's validate tag promises of a valid
	// programme: see [Bound].
	Bound Bound
}

// Bound is the size a field's validate tag allows: for a string its
// length in characters (max=N, or the longest word of oneof=…); for a list
// its length (max=N) and the length of its string elements (after dive).
// -1 means the tag promises nothing.
type Bound struct {
	Len, Elem int64
}

// Table holds a Type for every Go type reachable from some roots, by reflect
// type and by CEL name. It is built once and then only read, so it is safe
// for concurrent use.
type Table struct {
	byRT   map[reflect.Type]*Type
	byName map[string]*Type
}

var (
	dateRT  = reflect.TypeFor[civil.Date]()
	monthRT = reflect.TypeFor[civil.Month]()
)

// NewTable builds the table of every type reachable from roots through
// exported fields, slices and pointers.
func NewTable(roots ...reflect.Type) *Table {
	tt := &Table{byRT: map[reflect.Type]*Type{}, byName: map[string]*Type{}}
	for _, rt := range roots {
		tt.of(rt)
	}
	return tt
}

// Of returns the Type of rt, or nil when rt is not in the table.
func (tt *Table) Of(rt reflect.Type) *Type { return tt.byRT[rt] }

// ByName returns the struct type with the CEL name, e.g. "mentoring.Child".
func (tt *Table) ByName(name string) *Type { return tt.byName[name] }

// of returns the Type of rt, building it; unsupported types load by
// bailing, so that cel-go reads them.
func (tt *Table) of(rt reflect.Type) *Type {
	if t, ok := tt.byRT[rt]; ok {
		return t
	}
	t := &Type{RT: rt, Size: rt.Size()}
	tt.byRT[rt] = t
	switch {
	case rt == dateRT:
		t.Load = func(p unsafe.Pointer) Val { return DateV(*(*civil.Date)(p)) }
		return t
	case rt == monthRT:
		t.Load = func(p unsafe.Pointer) Val { return MonthV(*(*civil.Month)(p)) }
		return t
	}
	switch rt.Kind() {
	case reflect.String:
		t.Load = func(p unsafe.Pointer) Val { return StrV(*(*string)(p)) }
	case reflect.Bool:
		t.Load = func(p unsafe.Pointer) Val { return BoolV(*(*bool)(p)) }
	case reflect.Int:
		t.Load = func(p unsafe.Pointer) Val { return IntV(int64(*(*int)(p))) }
	case reflect.Int8:
		t.Load = func(p unsafe.Pointer) Val { return IntV(int64(*(*int8)(p))) }
	case reflect.Int16:
		t.Load = func(p unsafe.Pointer) Val { return IntV(int64(*(*int16)(p))) }
	case reflect.Int32:
		t.Load = func(p unsafe.Pointer) Val { return IntV(int64(*(*int32)(p))) }
	case reflect.Int64:
		if rt.PkgPath() != "" { // time.Duration and other named int64s are not ints in CEL
			t.Load = unsupported(rt)
			break
		}
		t.Load = func(p unsafe.Pointer) Val { return IntV(*(*int64)(p)) }
	case reflect.Float64:
		t.Load = func(p unsafe.Pointer) Val { return DoubleV(*(*float64)(p)) }
	case reflect.Struct:
		t.Name = rt.String()
		tt.byName[t.Name] = t
		t.Load = func(p unsafe.Pointer) Val { return Val{K: Obj, P: p, T: t} }
		t.Fields = tt.fields(rt)
	case reflect.Pointer:
		if rt.Elem().Kind() != reflect.Struct || rt.Elem() == dateRT || rt.Elem() == monthRT {
			t.Load = unsupported(rt)
			break
		}
		elem := tt.of(rt.Elem())
		t.Load = func(p unsafe.Pointer) Val {
			q := *(*unsafe.Pointer)(p)
			if q == nil {
				Bail("nil pointer")
			}
			return Val{K: Obj, P: q, T: elem}
		}
	case reflect.Slice:
		if rt.Elem().Kind() == reflect.Uint8 {
			t.Load = unsupported(rt)
			break
		}
		elem := tt.of(rt.Elem())
		t.Load = func(p unsafe.Pointer) Val { return Val{K: ListSlice, P: p, T: elem} }
	default:
		t.Load = unsupported(rt)
	}
	return t
}

func unsupported(rt reflect.Type) func(unsafe.Pointer) Val {
	return func(unsafe.Pointer) Val {
		Bail("unsupported Go type " + rt.String())
		return Val{}
	}
}

// fields lists a struct's CEL fields the way ext.NativeTypes with
// ParseStructTags(true) names them: the cel tag, else the Go name; fields
// promoted through embedded structs are left out (cel-go reads them).
func (tt *Table) fields(rt reflect.Type) map[string]*Field {
	out := map[string]*Field{}
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
		out[name] = &Field{Name: name, Off: off, Type: tt.of(f.Type), IsSet: isSetFunc(f.Type),
			Inline: inline, Bound: boundOf(f.Tag.Get("validate"))}
	}
	return out
}

// fieldOffset is the offset of a field promoted through embedded structs
// held by value; false through an embedded pointer.
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

// boundOf reads the sizes a validate tag allows: max=N and oneof=… before
// dive bound the field, after it the elements.
func boundOf(tag string) Bound {
	b := Bound{Len: -1, Elem: -1}
	target := &b.Len
	for part := range strings.SplitSeq(tag, ",") {
		name, arg, _ := strings.Cut(part, "=")
		switch name {
		case "dive":
			target = &b.Elem
		case "max", "len":
			if n, err := strconv.ParseInt(arg, 10, 64); err == nil && n >= 0 {
				*target = n
			}
		case "oneof":
			longest := int64(0)
			for word := range strings.FieldsSeq(arg) {
				longest = max(longest, int64(utf8.RuneCountInString(word)))
			}
			if *target < 0 || longest < *target {
				*target = longest
			}
		}
	}
	return b
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
