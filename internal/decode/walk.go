package decode

import (
	"encoding"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"unsafe"

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

// Masked stands in a message for a value that is personal data.
const Masked = "•••"

// seg is one step of a JSON path: a field name, or an index when name is
// empty. Paths are built as strings only for problems.
type seg struct {
	name string
	idx  int
}

// decoder walks a source and stores what it reads through plans.
type decoder struct {
	src      source
	js       *jsonSource // src, when it is JSON: called directly, not through the interface
	max      int
	maxDepth int
	plain    bool // YAML plain scalars may stand for strings
	depth    int
	path     []seg
	errs     diag.List
	strs     strs
}

// The source's methods, called directly for JSON (the hot path, which
// this saves an indirect call per token) and through the interface for
// YAML.

func (d *decoder) more() (bool, error) {
	if d.js != nil {
		return d.js.more()
	}
	return d.src.more()
}

func (d *decoder) key() ([]byte, pos, error) {
	if d.js != nil {
		return d.js.key()
	}
	return d.src.key()
}

func (d *decoder) next() (token, error) {
	if d.js != nil {
		return d.js.value()
	}
	return d.src.value()
}

func (d *decoder) close() error {
	if d.js != nil {
		return d.js.close()
	}
	return d.src.close()
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
	e.Pos = d.src.place(p)
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
// an enumeration, never meant to be long. The value of a personal field is
// never shown.
func quote(b []byte, personal bool) string {
	if personal {
		return Masked
	}
	const max = 40
	if len(b) <= max {
		return string(b)
	}
	cut := max
	for cut > 0 && b[cut]&0xC0 == 0x80 {
		cut--
	}
	return string(b[:cut]) + "…"
}

// unsafeString views b as a string for a call that does not keep it.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// value stores the value that starts with t into v, a value of p's type.
func (d *decoder) value(p *plan, v unsafe.Pointer, t token, personal bool, slot int) error {
	if t.kind == kindNull {
		d.zero(p, v)
		return nil
	}
	switch p.op {
	case opString:
		if t.kind != kindString && !(d.plain && t.plain && (t.kind == kindNumber || t.kind == kindBool)) {
			return d.wrong(t, "@string")
		}
		*(*string)(v) = d.str(t.text, slot, personal)
	case opBool:
		if t.kind != kindBool {
			return d.wrong(t, "@bool")
		}
		*(*bool)(v) = t.text[0] == 't'
	case opInt:
		if t.kind != kindNumber {
			return d.wrong(t, "@integer")
		}
		n, err := strconv.ParseInt(unsafeString(t.text), 0, 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return d.fail(t.pos, diag.CodeWrongType, "@integer", quote(t.text, personal))
		}
		if err != nil || !fitsInt(n, p.bits) {
			return d.fail(t.pos, CodeOutOfRange, quote(t.text, personal))
		}
		switch p.bits {
		case 8:
			*(*int8)(v) = int8(n)
		case 16:
			*(*int16)(v) = int16(n)
		case 32:
			*(*int32)(v) = int32(n)
		default:
			*(*int64)(v) = n
		}
	case opUint:
		if t.kind != kindNumber {
			return d.wrong(t, "@integer")
		}
		text := unsafeString(t.text)
		if strings.HasPrefix(text, "-") {
			if _, err := strconv.ParseInt(text, 0, 64); err == nil {
				return d.fail(t.pos, CodeOutOfRange, quote(t.text, personal))
			}
		}
		n, err := strconv.ParseUint(text, 0, 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return d.fail(t.pos, diag.CodeWrongType, "@integer", quote(t.text, personal))
		}
		if err != nil || p.bits < 64 && n >= 1<<p.bits {
			return d.fail(t.pos, CodeOutOfRange, quote(t.text, personal))
		}
		switch p.bits {
		case 8:
			*(*uint8)(v) = uint8(n)
		case 16:
			*(*uint16)(v) = uint16(n)
		case 32:
			*(*uint32)(v) = uint32(n)
		default:
			*(*uint64)(v) = n
		}
	case opFloat:
		if t.kind != kindNumber {
			return d.wrong(t, "@number")
		}
		f, err := strconv.ParseFloat(unsafeString(t.text), p.bits)
		if errors.Is(err, strconv.ErrRange) {
			return d.fail(t.pos, CodeOutOfRange, quote(t.text, personal))
		}
		if err != nil {
			return d.fail(t.pos, diag.CodeWrongType, "@number", quote(t.text, personal))
		}
		if p.bits == 32 {
			*(*float32)(v) = float32(f)
		} else {
			*(*float64)(v) = f
		}
	case opDate:
		if t.kind != kindString {
			return d.wrong(t, "@date")
		}
		if len(t.text) == 0 {
			*(*civil.Date)(v) = civil.Date{}
			return nil
		}
		date, err := civil.ParseDate(unsafeString(t.text))
		if err != nil {
			return d.add(t.pos, &diag.Error{Path: d.pathString(), Code: diag.CodeBadDate, Args: []string{quote(t.text, personal)}, Err: civil.ErrFormat})
		}
		*(*civil.Date)(v) = date
	case opMonth:
		if t.kind != kindString {
			return d.wrong(t, "@month")
		}
		if len(t.text) == 0 {
			*(*civil.Month)(v) = civil.Month{}
			return nil
		}
		m, err := civil.ParseMonth(unsafeString(t.text))
		if err != nil {
			return d.add(t.pos, &diag.Error{Path: d.pathString(), Code: diag.CodeBadMonth, Args: []string{quote(t.text, personal)}, Err: civil.ErrFormat})
		}
		*(*civil.Month)(v) = m
	case opText:
		if t.kind != kindString {
			return d.wrong(t, "@string")
		}
		u := reflect.NewAt(p.typ, v).Interface().(encoding.TextUnmarshaler)
		if err := u.UnmarshalText(t.text); err != nil {
			return d.add(t.pos, &diag.Error{Path: d.pathString(), Code: diag.CodeInvalid, Args: []string{quote(t.text, personal)}, Err: err})
		}
	case opPointer:
		pp := (*unsafe.Pointer)(v)
		if *pp == nil {
			*pp = reflect.New(p.elem.typ).UnsafePointer()
		}
		return d.value(p.elem, *pp, t, personal, slot)
	case opStruct:
		if t.kind != kindObject {
			return d.wrong(t, "@object")
		}
		return d.object(p, v, t, personal)
	case opSlice:
		if t.kind != kindArray {
			return d.wrong(t, "@list")
		}
		return d.array(p, v, t, personal, slot)
	default:
		// A Go type this decoder does not handle is the caller's bug, but
		// it is reported, not panicked on.
		if err := d.fail(t.pos, diag.CodeInvalid, "unsupported Go type "+p.typ.String()); err != nil {
			return err
		}
		return d.skip(t)
	}
	return nil
}

func fitsInt(n int64, bits int) bool {
	if bits == 64 {
		return true
	}
	lim := int64(1) << (bits - 1)
	return -lim <= n && n < lim
}

// zero sets v to the zero value of p's type, as null asks.
func (d *decoder) zero(p *plan, v unsafe.Pointer) {
	switch p.op {
	case opString:
		*(*string)(v) = ""
	case opPointer:
		*(*unsafe.Pointer)(v) = nil
	case opSlice:
		reflect.NewAt(p.typ, v).Elem().SetZero()
	default:
		reflect.NewAt(p.typ, v).Elem().SetZero()
	}
}

// wrong reports a value of the wrong kind and skips it.
func (d *decoder) wrong(t token, want string) error {
	if err := d.fail(t.pos, diag.CodeWrongType, want, t.kind.term()); err != nil {
		return err
	}
	return d.skip(t)
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

func (d *decoder) object(p *plan, v unsafe.Pointer, t token, personal bool) error {
	if err := d.enter(t); err != nil {
		return err
	}
	defer func() { d.depth-- }()
	var seenSmall uint64
	var seenBig []bool
	if len(p.fields) > 64 {
		seenBig = make([]bool, len(p.fields))
	}
	next := 0
	for {
		more, err := d.more()
		if err != nil {
			return err
		}
		if !more {
			break
		}
		k, kp, err := d.key()
		if err != nil {
			return err
		}
		i := p.lookup(k, next)
		switch {
		case i < 0 && len(d.path) == 0 && string(k) == SchemaKey:
			// An editor's pointer to the JSON Schema: not data.
			d.path = append(d.path, seg{name: SchemaKey})
		case i < 0:
			d.path = append(d.path, seg{name: string(k)})
			if hint, ok := p.closest(string(k), seenSmall, seenBig); ok {
				// A slip of the keyboard: name the field meant.
				err = d.fail(kp, diag.CodeUnknownHint, quote(k, false), hint)
				break
			}
			err = d.fail(kp, diag.CodeUnknownField, quote(k, false))
		case seenBig != nil && seenBig[i], seenBig == nil && seenSmall&(1<<i) != 0:
			d.path = append(d.path, seg{name: p.fields[i].name})
			err = d.fail(kp, diag.CodeDuplicateKey, p.fields[i].name)
			i = -1
		default:
			d.path = append(d.path, seg{name: p.fields[i].name})
		}
		if err != nil {
			return err
		}
		val, err := d.next()
		if err != nil {
			return err
		}
		if i >= 0 {
			if seenBig != nil {
				seenBig[i] = true
			} else {
				seenSmall |= 1 << i
			}
			f := &p.fields[i]
			err = d.value(f.plan, at(v, f.off), val, personal || f.personal, f.slot)
			next = i + 1
		} else {
			err = d.skip(val)
		}
		if err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
	}
	return d.close()
}

func (d *decoder) array(p *plan, v unsafe.Pointer, t token, personal bool, slot int) error {
	if err := d.enter(t); err != nil {
		return err
	}
	defer func() { d.depth-- }()
	var l list
	l.init(p)
	d.path = append(d.path, seg{})
	for {
		more, err := d.more()
		if err != nil {
			return err
		}
		if !more {
			break
		}
		d.path[len(d.path)-1].idx = l.n
		val, err := d.next()
		if err != nil {
			return err
		}
		elem := l.next()
		if err := d.value(p.elem, elem, val, personal, slot); err != nil {
			l.store(v)
			return err
		}
	}
	d.path = d.path[:len(d.path)-1]
	l.store(v)
	return d.close()
}

// list builds a slice of unknown length in place: elements are decoded
// straight into a backing array that doubles while small; past
// chunkBytes, into further chunks of that size, copied once at the end
// into an array of the exact length. A list of 800,000 reports is thus
// copied once, not twenty times, and keeps no spare capacity.
type list struct {
	p      *plan
	full   []reflect.Value // filled chunks, when the list is long
	cur    reflect.Value   // the chunk being filled
	data   unsafe.Pointer  // its first element
	n      int             // elements in all
	at, c  int             // elements in cur, and its capacity
	chunkN int             // the capacity of a chunk of a long list
}

const chunkBytes = 256 << 10

func (l *list) init(p *plan) {
	l.p = p
	l.chunkN = max(16, chunkBytes/max(int(p.elem.size), 1))
}

// next returns the address of a new, zero element.
func (l *list) next() unsafe.Pointer {
	if l.at == l.c {
		switch {
		case l.c == 0:
			l.c = 2
			l.cur = reflect.MakeSlice(l.p.typ, l.c, l.c)
		case len(l.full) == 0 && l.c < l.chunkN:
			l.c = min(2*l.c, l.chunkN)
			grown := reflect.MakeSlice(l.p.typ, l.c, l.c)
			reflect.Copy(grown, l.cur)
			l.cur = grown
		default:
			l.full = append(l.full, l.cur)
			l.cur = reflect.MakeSlice(l.p.typ, l.chunkN, l.chunkN)
			l.c, l.at = l.chunkN, 0
		}
		l.data = l.cur.UnsafePointer()
	}
	e := at(l.data, uintptr(l.at)*l.p.elem.size)
	l.at++
	l.n++
	return e
}

// store sets the slice at v to the elements read: [] is empty, not nil.
func (l *list) store(v unsafe.Pointer) {
	sv := reflect.NewAt(l.p.typ, v).Elem()
	switch {
	case l.n == 0:
		sv.Set(reflect.MakeSlice(l.p.typ, 0, 0))
	case len(l.full) == 0 && (l.at == l.c || l.c-l.at <= 8):
		sv.Set(l.cur.Slice(0, l.at))
	default:
		exact := reflect.MakeSlice(l.p.typ, l.n, l.n)
		k := 0
		for _, c := range l.full {
			k += reflect.Copy(exact.Slice(k, l.n), c)
		}
		reflect.Copy(exact.Slice(k, l.n), l.cur.Slice(0, l.at))
		sv.Set(exact)
	}
}

// skip consumes the rest of a value whose first token is t, without
// recursion, so that hostile nesting cannot exhaust the stack.
func (d *decoder) skip(t token) error {
	if t.kind != kindObject && t.kind != kindArray {
		return nil
	}
	stack := []bool{t.kind == kindObject}
	for len(stack) > 0 {
		more, err := d.more()
		if err != nil {
			return err
		}
		if !more {
			if err := d.close(); err != nil {
				return err
			}
			stack = stack[:len(stack)-1]
			continue
		}
		if stack[len(stack)-1] {
			if _, _, err := d.key(); err != nil {
				return err
			}
		}
		v, err := d.next()
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
