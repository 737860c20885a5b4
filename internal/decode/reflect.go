package decode

import (
	"encoding"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
)

// Codes of this package, registered with diag in init.
const (
	CodeOutOfRange    diag.Code = "out_of_range"    // a number too big or too small for its field
	CodeTooManyErrors diag.Code = "too_many_errors" // decoding stopped after MaxErrors problems
	CodeTooDeep       diag.Code = "too_deep"        // objects and arrays nested beyond MaxDepth
)

func init() {
	diag.Register(map[diag.Code]diag.Text{
		CodeOutOfRange: {
			KK: "{0} саны бұл өріс үшін тым үлкен не тым кіші",
			RU: "число {0} слишком велико или мало для этого поля",
			EN: "{0} is out of range for this field",
		},
		CodeTooManyErrors: {
			KK: "{0}-ден астам қате табылды; тексеру осы жерде тоқтады",
			RU: "найдено больше {0} ошибок; проверка остановлена здесь",
			EN: "more than {0} problems; stopped here",
		},
		CodeTooDeep: {
			KK: "объектілер мен тізімдер {0} деңгейден терең салынған",
			RU: "объекты и списки вложены глубже {0} уровней",
			EN: "objects and lists nest deeper than {0} levels",
		},
	})
}

// errStop unwinds the decoder once MaxErrors problems are collected.
var errStop = errors.New("decode: too many errors")

// seg is one step of a JSON path: a field name, or an index when name is
// empty. Paths are built as strings only for problems.
type seg struct {
	name string
	idx  int
}

type decoder struct {
	src      source
	file     string
	max      int
	maxDepth int
	depth    int
	path     []seg
	errs     diag.List
}

func (d *decoder) pathString() string {
	var b strings.Builder
	for _, s := range d.path {
		if s.name == "" {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.idx))
			b.WriteByte(']')
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.name)
	}
	return b.String()
}

// fail records a problem at p for the current path; it returns errStop
// once the cap is reached.
func (d *decoder) fail(p pos, code diag.Code, args ...string) error {
	return d.add(p, &diag.Error{Path: d.pathString(), Code: code, Args: args})
}

func (d *decoder) add(p pos, e *diag.Error) error {
	if len(d.errs) >= d.max {
		return errStop
	}
	e.Pos = diag.Pos{File: d.file, Line: p.line, Col: p.col}
	d.errs = append(d.errs, e)
	if len(d.errs) == d.max {
		more := diag.New(CodeTooManyErrors, "", strconv.Itoa(d.max))
		more.Pos = e.Pos
		d.errs = append(d.errs, more)
		return errStop
	}
	return nil
}

// quote shortens offending text for a message: it is a date, a number or
// an enumeration, never meant to be long.
func quote(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	dateType        = reflect.TypeFor[civil.Date]()
	monthType       = reflect.TypeFor[civil.Month]()
)

// decode stores the value that starts with t into rv, which is settable.
func (d *decoder) decode(rv reflect.Value, t token) error {
	if t.kind == kindNull {
		rv.SetZero()
		return nil
	}
	typ := rv.Type()
	if reflect.PointerTo(typ).Implements(textUnmarshaler) {
		return d.text(rv, t)
	}
	switch typ.Kind() {
	case reflect.Pointer:
		if rv.IsNil() {
			rv.Set(reflect.New(typ.Elem()))
		}
		return d.decode(rv.Elem(), t)
	case reflect.Struct:
		if t.kind != kindObject {
			return d.wrong(t, "@object")
		}
		return d.object(rv, t)
	case reflect.Slice:
		if t.kind != kindArray {
			return d.wrong(t, "@list")
		}
		return d.array(rv, t)
	case reflect.String:
		if t.kind != kindString {
			return d.wrong(t, "@string")
		}
		rv.SetString(t.text)
	case reflect.Bool:
		if t.kind != kindBool {
			return d.wrong(t, "@bool")
		}
		rv.SetBool(t.text == "true")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if t.kind != kindNumber {
			return d.wrong(t, "@integer")
		}
		n, err := strconv.ParseInt(t.text, 0, 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return d.fail(t.pos, diag.CodeWrongType, "@integer", quote(t.text))
		}
		if err != nil || rv.OverflowInt(n) {
			return d.fail(t.pos, CodeOutOfRange, quote(t.text))
		}
		rv.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if t.kind != kindNumber {
			return d.wrong(t, "@integer")
		}
		if strings.HasPrefix(t.text, "-") {
			if _, err := strconv.ParseInt(t.text, 0, 64); err == nil {
				return d.fail(t.pos, CodeOutOfRange, quote(t.text))
			}
		}
		n, err := strconv.ParseUint(t.text, 0, 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return d.fail(t.pos, diag.CodeWrongType, "@integer", quote(t.text))
		}
		if err != nil || rv.OverflowUint(n) {
			return d.fail(t.pos, CodeOutOfRange, quote(t.text))
		}
		rv.SetUint(n)
	case reflect.Float32, reflect.Float64:
		if t.kind != kindNumber {
			return d.wrong(t, "@number")
		}
		f, err := strconv.ParseFloat(t.text, typ.Bits())
		if errors.Is(err, strconv.ErrRange) {
			return d.fail(t.pos, CodeOutOfRange, quote(t.text))
		}
		if err != nil {
			return d.fail(t.pos, diag.CodeWrongType, "@number", quote(t.text))
		}
		rv.SetFloat(f)
	default:
		// A Go type this decoder does not handle is the caller's bug, but
		// it is reported, not panicked on.
		if err := d.fail(t.pos, diag.CodeInvalid, "unsupported Go type "+typ.String()); err != nil {
			return err
		}
		return d.skip(t)
	}
	return nil
}

// wrong reports a value of the wrong kind and skips it.
func (d *decoder) wrong(t token, want string) error {
	if err := d.fail(t.pos, diag.CodeWrongType, want, t.kind.term()); err != nil {
		return err
	}
	return d.skip(t)
}

// text decodes a string through the type's UnmarshalText.
func (d *decoder) text(rv reflect.Value, t token) error {
	want := "@string"
	code := diag.CodeInvalid
	switch rv.Type() {
	case dateType:
		want, code = "@date", diag.CodeBadDate
	case monthType:
		want, code = "@month", diag.CodeBadMonth
	}
	if t.kind != kindString {
		return d.wrong(t, want)
	}
	u, ok := rv.Addr().Interface().(encoding.TextUnmarshaler)
	if !ok { // unreachable: checked with Implements
		return d.fail(t.pos, diag.CodeInvalid, quote(t.text))
	}
	if err := u.UnmarshalText([]byte(t.text)); err != nil {
		return d.add(t.pos, &diag.Error{Path: d.pathString(), Code: code, Args: []string{quote(t.text)}, Err: err})
	}
	return nil
}

func (d *decoder) enter(t token) error {
	d.depth++
	if d.depth > d.maxDepth {
		if err := d.fail(t.pos, CodeTooDeep, strconv.Itoa(d.maxDepth)); err != nil {
			return err
		}
		return errStop
	}
	return nil
}

func (d *decoder) object(rv reflect.Value, t token) error {
	if err := d.enter(t); err != nil {
		return err
	}
	defer func() { d.depth-- }()
	info := fieldsOf(rv.Type())
	var seenSmall uint64
	var seenBig []bool
	if len(info.fields) > 64 {
		seenBig = make([]bool, len(info.fields))
	}
	for d.src.more() {
		k, kp, err := d.src.key()
		if err != nil {
			return err
		}
		i, known := info.byName[k]
		d.path = append(d.path, seg{name: k})
		switch {
		case !known:
			err = d.fail(kp, diag.CodeUnknownField, quote(k))
		case seenBig != nil && seenBig[i], seenBig == nil && seenSmall&(1<<i) != 0:
			err = d.fail(kp, diag.CodeDuplicateKey, k)
			known = false
		}
		if err != nil {
			return err
		}
		v, err := d.src.value()
		if err != nil {
			return err
		}
		if known {
			if seenBig != nil {
				seenBig[i] = true
			} else {
				seenSmall |= 1 << i
			}
			err = d.decode(fieldOf(rv, info.fields[i].index), v)
		} else {
			err = d.skip(v)
		}
		if err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
	}
	return d.src.close()
}

// fieldOf returns the field at index, through embedded structs.
func fieldOf(rv reflect.Value, index []int) reflect.Value {
	for _, i := range index {
		rv = rv.Field(i)
	}
	return rv
}

func (d *decoder) array(rv reflect.Value, t token) error {
	if err := d.enter(t); err != nil {
		return err
	}
	defer func() { d.depth-- }()
	n := 0
	rv.SetLen(0)
	d.path = append(d.path, seg{})
	for d.src.more() {
		if n == rv.Cap() {
			rv.Grow(1)
		}
		rv.SetLen(n + 1)
		d.path[len(d.path)-1].idx = n
		v, err := d.src.value()
		if err != nil {
			return err
		}
		if err := d.decode(rv.Index(n), v); err != nil {
			return err
		}
		n++
	}
	d.path = d.path[:len(d.path)-1]
	if rv.IsNil() {
		rv.Set(reflect.MakeSlice(rv.Type(), 0, 0))
	}
	return d.src.close()
}

// skip consumes the rest of a value whose first token is t, without
// recursion, so that hostile nesting cannot exhaust the stack.
func (d *decoder) skip(t token) error {
	if t.kind != kindObject && t.kind != kindArray {
		return nil
	}
	stack := []bool{t.kind == kindObject}
	for len(stack) > 0 {
		if !d.src.more() {
			if err := d.src.close(); err != nil {
				return err
			}
			stack = stack[:len(stack)-1]
			continue
		}
		if stack[len(stack)-1] {
			if _, _, err := d.src.key(); err != nil {
				return err
			}
		}
		v, err := d.src.value()
		if err != nil {
			return err
		}
		if v.kind == kindObject || v.kind == kindArray {
			if d.depth+len(stack) >= d.maxDepth {
				if err := d.fail(v.pos, CodeTooDeep, strconv.Itoa(d.maxDepth)); err != nil {
					return err
				}
				return errStop
			}
			stack = append(stack, v.kind == kindObject)
		}
	}
	return nil
}

// structInfo maps a struct's JSON names to its fields.
type structInfo struct {
	byName map[string]int
	fields []fieldInfo
}

type fieldInfo struct {
	name  string
	index []int
}

var structCache sync.Map // reflect.Type → *structInfo

// fieldsOf reads the `json` tags of t the way encoding/json does: the tag's
// name, else the field's name; "-" hides a field; unexported fields are
// hidden; fields of embedded structs without a tag are promoted.
func fieldsOf(t reflect.Type) *structInfo {
	if v, ok := structCache.Load(t); ok {
		return v.(*structInfo)
	}
	info := &structInfo{byName: map[string]int{}}
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
		if _, dup := info.byName[name]; dup {
			continue
		}
		info.byName[name] = len(info.fields)
		info.fields = append(info.fields, fieldInfo{name: name, index: f.Index})
	}
	v, _ := structCache.LoadOrStore(t, info)
	return v.(*structInfo)
}

// embeddedThroughPointer reports whether a promoted field is reached
// through an embedded pointer, which the decoder does not allocate.
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
