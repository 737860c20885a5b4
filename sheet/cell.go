package sheet

import (
	"encoding"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
)

// A cell as read: its text, and whether it came from a workbook, where a
// number in a date column is a date serial.
type cellIn struct {
	text     string
	workbook bool
	date1904 bool
}

// badCell is why a cell's text does not fit its column: a code and a
// message in each language that never repeats the text.
type badCell struct {
	code diag.Code
	text *diag.Text
}

// parse stores the text of a cell into v, a settable value of c's type (or
// of its items' type, for one item of a list).
func (c *column) parse(v reflect.Value, k kind, in cellIn) *badCell {
	s := in.text
	switch k {
	case kString:
		v.SetString(s)
	case kVocab:
		code, ok := c.vocabIn[fold(s)]
		if !ok {
			return &badCell{code: CodeBadChoice, text: c.choices}
		}
		v.SetString(code)
	case kInt:
		n, ok := wholeNumber(s)
		if !ok {
			return &badCell{code: diag.CodeWrongType, text: &badIntText}
		}
		if n < math.MinInt64 || n > math.MaxInt64 || v.OverflowInt(int64(n)) {
			return &badCell{code: diag.CodeInvalid, text: &rangeText}
		}
		v.SetInt(int64(n))
	case kUint:
		n, ok := wholeNumber(s)
		if !ok {
			return &badCell{code: diag.CodeWrongType, text: &badIntText}
		}
		if n < 0 || n > math.MaxUint64 || v.OverflowUint(uint64(n)) {
			return &badCell{code: diag.CodeInvalid, text: &rangeText}
		}
		v.SetUint(uint64(n))
	case kFloat:
		f, err := strconv.ParseFloat(strings.TrimSpace(s), v.Type().Bits())
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return &badCell{code: diag.CodeWrongType, text: &badNumberText}
		}
		v.SetFloat(f)
	case kBool:
		b, ok := boolWords[fold(s)]
		if !ok {
			return &badCell{code: diag.CodeWrongType, text: &badBoolText}
		}
		v.SetBool(b)
	case kDate:
		d, ok := parseDate(in)
		if !ok {
			t := &badCSVDateText
			if in.workbook {
				t = &badDateText
			}
			return &badCell{code: diag.CodeBadDate, text: t}
		}
		v.Set(reflect.ValueOf(d))
	case kMonth:
		m, ok := parseMonth(in)
		if !ok {
			return &badCell{code: diag.CodeBadMonth, text: &badMonthText}
		}
		v.Set(reflect.ValueOf(m))
	case kText:
		u, ok := v.Addr().Interface().(encoding.TextUnmarshaler)
		if !ok || u.UnmarshalText([]byte(s)) != nil {
			return &badCell{code: diag.CodeInvalid, text: &badTextText}
		}
	}
	return nil
}

// wholeNumber reads a whole number, as text ("24") or as a workbook
// stores a number ("24", "2.4E1").
func wholeNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return float64(n), true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// fold is how words and codes are compared: trimmed, case folded.
func fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// boolWords are the answers a yes-or-no cell may hold: codes, the words of
// every language, and what a workbook stores for TRUE and FALSE.
var boolWords = func() map[string]bool {
	m := map[string]bool{"true": true, "false": false, "1": true, "0": false}
	for i, t := range yesNo {
		for _, l := range diag.Langs {
			m[fold(t.In(l))] = i == 1
		}
	}
	return m
}()

// parseDate reads YYYY-MM-DD, DD.MM.YYYY, the date of an ISO date-time
// (a workbook's date cell), or, in a workbook, a date serial.
func parseDate(in cellIn) (civil.Date, bool) {
	s := strings.TrimSpace(in.text)
	switch {
	case len(s) >= 10 && s[4] == '-' && (len(s) == 10 || s[10] == 'T'):
		if d, err := civil.ParseDate(s[:10]); err == nil {
			return d, true
		}
	case len(s) == 10 && s[2] == '.' && s[5] == '.':
		if d, err := civil.ParseDate(s[6:10] + "-" + s[3:5] + "-" + s[0:2]); err == nil {
			return d, true
		}
	case in.workbook:
		return fromSerial(s, in.date1904)
	}
	return civil.Date{}, false
}

// parseMonth reads YYYY-MM, MM.YYYY, or any date of parseDate, giving its
// month.
func parseMonth(in cellIn) (civil.Month, bool) {
	s := strings.TrimSpace(in.text)
	if len(s) == 7 && s[4] == '-' {
		m, err := civil.ParseMonth(s)
		return m, err == nil
	}
	if len(s) == 7 && s[2] == '.' {
		if m, err := civil.ParseMonth(s[3:7] + "-" + s[0:2]); err == nil {
			return m, true
		}
	}
	if d, ok := parseDate(in); ok {
		return d.In(), true
	}
	return civil.Month{}, false
}

// Workbook dates are days counted from an epoch: serial 1 is 1900-01-01,
// and serial 60 is 1900-02-29, a day that never was (a bug of Lotus 1-2-3
// that spreadsheets keep), so from 1900-03-01 on a serial is the number of
// days since 1899-12-30. Workbooks saved with the 1904 date system count
// from 1904-01-01 as 0. Dates before 1900-03-01 are written as text.
var (
	epoch1900  = civil.D(1899, 12, 30)
	epoch1904  = civil.D(1904, 1, 1)
	firstDated = civil.D(1900, 3, 1)
)

// maxSerial is 9999-12-31, the last day a workbook holds.
const maxSerial = 2958465

func fromSerial(s string, date1904 bool) (civil.Date, bool) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || f < 0 || f > maxSerial+1 {
		return civil.Date{}, false
	}
	days := int(math.Floor(f)) // a time of day is dropped
	if date1904 {
		return epoch1904.AddDays(days), true
	}
	if days < 61 { // before 1900-03-01, or the day that never was
		return civil.Date{}, false
	}
	d := epoch1900.AddDays(days)
	return d, d.Year() <= 9999
}

// serial returns the workbook serial of d, and false for a date a
// workbook cannot hold as a date.
func serial(d civil.Date) (int, bool) {
	if d.Before(firstDated) {
		return 0, false
	}
	return epoch1900.DaysUntil(d), true
}

// The cells of a list: items joined by "; ". A backslash makes the next
// character literal: "\;" is a semicolon inside an item, "\\" a backslash,
// "\ " a space that is not trimmed. Unescaped spaces around an item are
// dropped, and so are empty items.

// joinList writes items as one cell.
func joinList(items []string) string {
	var b strings.Builder
	for i, s := range items {
		if i > 0 {
			b.WriteString("; ")
		}
		first, last := 0, len(s)
		// Leading and trailing spaces are escaped one by one.
		for first < len(s) {
			r, n := utf8.DecodeRuneInString(s[first:])
			if !unicode.IsSpace(r) {
				break
			}
			first += n
		}
		for last > first {
			r, n := utf8.DecodeLastRuneInString(s[:last])
			if !unicode.IsSpace(r) {
				break
			}
			last -= n
		}
		for j, r := range s {
			if r == '\\' || r == ';' || j < first || j >= last {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// splitList reads a cell of a list.
func splitList(s string) []string {
	var out []string
	var item []rune
	keep := 0 // item[:keep] ends with an escaped rune, which trimming spares
	flush := func() {
		end := len(item)
		for end > keep && unicode.IsSpace(item[end-1]) {
			end--
		}
		if end > 0 {
			out = append(out, string(item[:end]))
		}
		item, keep = item[:0], 0
	}
	escaped := false
	for _, r := range s {
		switch {
		case escaped:
			item = append(item, r)
			keep, escaped = len(item), false
		case r == '\\':
			escaped = true
		case r == ';':
			flush()
		case len(item) == 0 && unicode.IsSpace(r):
			// a leading space
		default:
			item = append(item, r)
		}
	}
	if escaped { // a backslash at the end stands for itself
		item = append(item, '\\')
		keep = len(item)
	}
	flush()
	return out
}

// cellOut is a value to write: text, or a number, or a date.
type cellOut struct {
	text  string
	num   float64
	isNum bool
	date  civil.Date // a date or, for a month, its first day
	month bool
}

// format returns what to write for v of c, and false for an empty cell.
// Zero values are written where JSON writes them (fields without
// omitempty: false, 0), so that reading the cell back gives the same
// document; an empty string, a zero date and an empty list are no cell.
// Words replace codes when words is true (a workbook).
func (c *column) format(v reflect.Value, lang diag.Lang, words bool) (cellOut, bool) {
	if c.kind == kList {
		if v.Len() == 0 {
			return cellOut{}, false
		}
		items := make([]string, v.Len())
		for i := range items {
			o, _ := c.formatOne(v.Index(i), c.elem, lang, words, false)
			items[i] = o.text
		}
		return cellOut{text: joinList(items)}, true
	}
	return c.formatOne(v, c.kind, lang, words, !c.omitempty)
}

func (c *column) formatOne(v reflect.Value, k kind, lang diag.Lang, words, zero bool) (cellOut, bool) {
	switch k {
	case kString:
		s := v.String()
		return cellOut{text: s}, s != ""
	case kVocab:
		s := v.String()
		if s == "" {
			return cellOut{}, false
		}
		if words {
			if w, ok := c.vocabOut[s]; ok {
				return cellOut{text: w.In(lang)}, true
			}
		}
		return cellOut{text: s}, true
	case kInt:
		n := v.Int()
		return cellOut{text: strconv.FormatInt(n, 10), num: float64(n), isNum: n >= -1<<53 && n <= 1<<53}, n != 0 || zero
	case kUint:
		n := v.Uint()
		return cellOut{text: strconv.FormatUint(n, 10), num: float64(n), isNum: n <= 1<<53}, n != 0 || zero
	case kFloat:
		f := v.Float()
		return cellOut{text: strconv.FormatFloat(f, 'g', -1, v.Type().Bits()), num: f, isNum: true}, f != 0 || zero
	case kBool:
		b := v.Bool()
		t := strconv.FormatBool(b)
		if words {
			t = yesNo[btoi(b)].In(lang)
		}
		return cellOut{text: t}, b || zero
	case kDate:
		d, _ := v.Interface().(civil.Date)
		return cellOut{text: d.String(), date: d}, !d.IsZero()
	case kMonth:
		m, _ := v.Interface().(civil.Month)
		if m.IsZero() {
			return cellOut{}, false
		}
		return cellOut{text: m.String(), date: m.First(), month: true}, true
	case kText:
		m, ok := v.Interface().(encoding.TextMarshaler)
		if !ok {
			return cellOut{}, false
		}
		b, err := m.MarshalText()
		if err != nil {
			return cellOut{}, false
		}
		return cellOut{text: string(b)}, len(b) > 0
	}
	return cellOut{}, false
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
