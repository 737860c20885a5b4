package civil

import (
	"cmp"
	"fmt"
	"time"
)

// Month is a calendar month such as 2026-10. The zero value means "no month".
type Month struct {
	year  int16
	month int8
}

// M returns the month year-month. It panics if month is not 1–12; use
// [ParseMonth] for input.
func M(year int, month time.Month) Month {
	if year < 1 || year > 9999 || month < 1 || month > 12 {
		panic(fmt.Sprintf("civil.M(%d, %d): no such month", year, month))
	}
	return Month{year: int16(year), month: int8(month)}
}

// ParseMonth parses YYYY-MM; the error wraps [ErrFormat].
func ParseMonth(s string) (Month, error) {
	if len(s) != 7 || s[4] != '-' {
		return Month{}, fmt.Errorf("%w: %q is not YYYY-MM", ErrFormat, s)
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	if !ok1 || !ok2 || y < 1 || m < 1 || m > 12 {
		return Month{}, fmt.Errorf("%w: %q is not YYYY-MM", ErrFormat, s)
	}
	return Month{year: year16(y), month: int8(m)}, nil
}

// IsZero reports whether m is the zero value, "no month".
func (m Month) IsZero() bool { return m.year == 0 }

// Year returns the year of m.
func (m Month) Year() int { return int(m.year) }

// Month returns the month of the year of m.
func (m Month) Month() time.Month { return time.Month(m.month) }

// First returns the first day of m.
func (m Month) First() Date { return Date{year: m.year, month: m.month, day: 1} }

// Last returns the last day of m.
func (m Month) Last() Date {
	return Date{year: m.year, month: m.month, day: int8(daysIn(int(m.year), time.Month(m.month)))}
}

// Add returns m moved by n months.
func (m Month) Add(n int) Month {
	total := int(m.year)*12 + int(m.month) - 1 + n
	return Month{year: year16(total / 12), month: int8(total%12 + 1)}
}

// Index returns a number that grows by one each month, for arithmetic.
func (m Month) Index() int { return int(m.year)*12 + int(m.month) - 1 }

// Compare returns -1, 0 or +1 as m is before, equal to or after n.
func (m Month) Compare(n Month) int { return cmp.Compare(m.Index(), n.Index()) }

// Before reports whether m is before n.
func (m Month) Before(n Month) bool { return m.Index() < n.Index() }

// After reports whether m is after n.
func (m Month) After(n Month) bool { return m.Index() > n.Index() }

// Between returns the months strictly after from and strictly before to, in
// order: Between(2026-01, 2026-04) is 2026-02, 2026-03.
func Between(from, to Month) []Month {
	n := to.Index() - from.Index() - 1
	if n <= 0 {
		return nil
	}
	out := make([]Month, n)
	for i := range out {
		out[i] = from.Add(i + 1)
	}
	return out
}

// String returns m as YYYY-MM, or "" for the zero month.
func (m Month) String() string {
	if m.IsZero() {
		return ""
	}
	return string(m.appendTo(make([]byte, 0, 7)))
}

func (m Month) appendTo(b []byte) []byte {
	b = append4(b, int(m.year))
	b = append(b, '-')
	return append2(b, int(m.month))
}

// MarshalText encodes m as YYYY-MM; the zero month encodes as empty text.
func (m Month) MarshalText() ([]byte, error) {
	if m.IsZero() {
		return []byte{}, nil
	}
	return m.appendTo(make([]byte, 0, 7)), nil
}

// UnmarshalText decodes YYYY-MM; empty text gives the zero month.
func (m *Month) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*m = Month{}
		return nil
	}
	v, err := ParseMonth(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// MarshalJSON encodes m as "YYYY-MM", or null for the zero month.
func (m Month) MarshalJSON() ([]byte, error) {
	if m.IsZero() {
		return []byte("null"), nil
	}
	b := append([]byte{'"'}, m.appendTo(make([]byte, 0, 8))...)
	return append(b, '"'), nil
}

// UnmarshalJSON decodes "YYYY-MM" or null.
func (m *Month) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*m = Month{}
		return nil
	}
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return fmt.Errorf("%w: %s is not a quoted YYYY-MM", ErrFormat, b)
	}
	return m.UnmarshalText(b[1 : len(b)-1])
}
