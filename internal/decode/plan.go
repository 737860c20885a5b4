package decode

import (
	"encoding"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
)

// A plan is how values of one Go type are decoded, worked out once per
// type with reflection. Decoding then writes through pointers at the
// offsets the plan holds, without reflection per value: the cost of a
// field is a comparison of its name, a scan of its value and a store.
type plan struct {
	op   op
	typ  reflect.Type
	size uintptr
	bits int // integers and floats: 8, 16, 32 or 64

	elem *plan // slices and pointers

	// Structs: fields in declaration order, and by name for keys that come
	// out of that order.
	fields []field
	byName map[string]int
	// personal lists the JSON names of this type's fields, and its nested
	// types', that hold personal data; Snippet masks their values.
	personal Mask
}

type field struct {
	name     string
	off      uintptr
	plan     *plan
	personal bool // `personal:"true"`: the value is personal data
	slot     int  // this field's string cache in a decoder (see strs)
}

type op uint8

const (
	opUnsupported op = iota
	opString
	opBool
	opInt
	opUint
	opFloat
	opDate
	opMonth
	opText // any other encoding.TextUnmarshaler
	opPointer
	opStruct
	opSlice
)

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	dateType        = reflect.TypeFor[civil.Date]()
	monthType       = reflect.TypeFor[civil.Month]()
)

var plans sync.Map // reflect.Type → *plan

// planOf returns the plan of t, building it (and those of the types it
// holds) on first use.
func planOf(t reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	planMu.Lock()
	defer planMu.Unlock()
	building := map[reflect.Type]*plan{}
	p := build(t, building)
	for t, p := range building {
		plans.LoadOrStore(t, p)
	}
	v, _ := plans.Load(t)
	_ = p
	return v.(*plan)
}

var planMu sync.Mutex

// slots numbers struct fields across all plans; slot 0 is the top value.
var slots atomic.Int32

func build(t reflect.Type, building map[reflect.Type]*plan) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	if p, ok := building[t]; ok {
		return p // a type that holds itself: its plan is being filled in
	}
	p := &plan{typ: t, size: t.Size()}
	building[t] = p
	switch {
	case t == dateType:
		p.op = opDate
	case t == monthType:
		p.op = opMonth
	case reflect.PointerTo(t).Implements(textUnmarshaler):
		p.op = opText
	default:
		switch t.Kind() {
		case reflect.String:
			p.op = opString
		case reflect.Bool:
			p.op = opBool
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			p.op, p.bits = opInt, t.Bits()
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			p.op, p.bits = opUint, t.Bits()
		case reflect.Float32, reflect.Float64:
			p.op, p.bits = opFloat, t.Bits()
		case reflect.Pointer:
			p.op, p.elem = opPointer, build(t.Elem(), building)
		case reflect.Slice:
			p.op, p.elem = opSlice, build(t.Elem(), building)
		case reflect.Struct:
			p.op = opStruct
			p.structFields(t, building)
		}
	}
	return p
}

// structFields reads the `json` tags of t the way encoding/json does: the
// tag's name, else the field's name; "-" hides a field; unexported fields
// are hidden; fields of embedded structs without a tag are promoted (not
// through embedded pointers, which the decoder does not allocate).
func (p *plan) structFields(t reflect.Type, building map[reflect.Type]*plan) {
	p.byName = map[string]int{}
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || len(f.Index) > 1 && embeddedThroughPointer(t, f.Index) {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			continue // promoted fields stand for it
		}
		if name == "" {
			name = f.Name
		}
		if _, dup := p.byName[name]; dup {
			continue
		}
		p.byName[name] = len(p.fields)
		p.fields = append(p.fields, field{
			name:     name,
			off:      offsetOf(t, f.Index),
			plan:     build(f.Type, building),
			personal: f.Tag.Get("personal") == "true",
			slot:     int(slots.Add(1)),
		})
	}
}

// offsetOf returns the offset of the field at index, through embedded
// structs.
func offsetOf(t reflect.Type, index []int) uintptr {
	var off uintptr
	for _, i := range index {
		f := t.Field(i)
		off += f.Offset
		t = f.Type
	}
	return off
}

// embeddedThroughPointer reports whether a promoted field is reached
// through an embedded pointer.
func embeddedThroughPointer(t reflect.Type, index []int) bool {
	for _, i := range index[:len(index)-1] {
		f := t.Field(i)
		if f.Type.Kind() == reflect.Pointer {
			return true
		}
		t = f.Type
	}
	return false
}

// lookup returns the field named k, or -1. Fields usually come in
// declaration order, some left out: the search starts after the last one
// found and goes round, most comparisons stopping at the length; a struct
// with many fields uses its map.
func (p *plan) lookup(k []byte, next int) int {
	n := len(p.fields)
	if n > 32 {
		if i, ok := p.byName[string(k)]; ok {
			return i
		}
		return -1
	}
	for j := range n {
		i := next + j
		if i >= n {
			i -= n
		}
		if name := p.fields[i].name; len(name) == len(k) && name == string(k) {
			return i
		}
	}
	return -1
}

// at returns the address of the field or element off bytes into v.
func at(v unsafe.Pointer, off uintptr) unsafe.Pointer { return unsafe.Add(v, off) }

// A Mask names the keys whose values are personal data, to be hidden in
// snippets.
type Mask map[string]bool

// MaskOf returns the names of the fields of T, and of the types T holds,
// whose `personal:"true"` tag marks personal data, or whose enclosing
// field does.
func MaskOf[T any]() Mask { return maskOf(reflect.TypeFor[T]()) }

func maskOf(t reflect.Type) Mask {
	p := planOf(t)
	personalMu.Lock()
	defer personalMu.Unlock()
	if p.personal == nil {
		m := Mask{}
		collect(p, false, m, map[*plan]bool{})
		p.personal = m
	}
	return p.personal
}

var personalMu sync.Mutex

func collect(p *plan, inPersonal bool, m Mask, seen map[*plan]bool) {
	switch p.op {
	case opPointer, opSlice:
		collect(p.elem, inPersonal, m, seen)
	case opStruct:
		if seen[p] && !inPersonal {
			return
		}
		seen[p] = true
		for _, f := range p.fields {
			if f.personal || inPersonal {
				m[f.name] = true
			}
			collect(f.plan, f.personal || inPersonal, m, seen)
		}
	}
}

// SchemaKey is the one key an object at the top of a document may hold
// beside its fields: "$schema", the address of the document's JSON Schema
// that editors read (`sabaq schema` prints it). Its value is skipped.
const SchemaKey = "$schema"

// closest returns the name of the field an unknown key was probably meant
// to be — one that is near it (diag.Closest) and not given yet in this
// object — for a "did you mean" hint.
func (p *plan) closest(key string, seenSmall uint64, seenBig []bool) (string, bool) {
	names := make([]string, 0, len(p.fields))
	for i, f := range p.fields {
		if seenBig != nil && seenBig[i] || seenBig == nil && i < 64 && seenSmall&(1<<i) != 0 {
			continue
		}
		names = append(names, f.name)
	}
	return diag.Closest(key, names)
}
