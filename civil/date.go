package civil

import (
	"cmp"
	"errors"
	"fmt"
	"time"
)

// ErrFormat reports text that is not a date (YYYY-MM-DD) or month (YYYY-MM),
// or names a day that does not exist, such as 2026-02-30.
var ErrFormat = errors.New("civil: bad date or month")

// Date is a calendar day. The zero value means "no date". It takes four
// bytes: a programme of a million volunteers holds some ten million dates.
type Date struct {
	year  int16
	month int8
	day   int8
}

// D returns the date year-month-day. It panics if the day does not exist,
// so use it for constants and tests; use [ParseDate] for input.
func D(year int, month time.Month, day int) Date {
	d, ok := dateOf(year, month, day)
	if !ok {
		panic(fmt.Sprintf("civil.D(%d, %d, %d): no such day", year, month, day))
	}
	return d
}

func dateOf(year int, month time.Month, day int) (Date, bool) {
	if year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 {
		return Date{}, false
	}
	if day > daysIn(year, month) {
		return Date{}, false
	}
	return Date{year: int16(year), month: int8(month), day: int8(day)}, true
}

// year16 stores a year computed from others (a date moved by months or
// days); far beyond the years of a calendar it saturates rather than wraps.
func year16(y int) int16 { return int16(max(-1<<15, min(y, 1<<15-1))) }

func daysIn(year int, month time.Month) int {
	switch month {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{year: year16(y), month: int8(m), day: int8(d)}
}

// ParseDate parses YYYY-MM-DD. It rejects other layouts and days that do not
// exist; the error wraps [ErrFormat].
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("%w: %q is not YYYY-MM-DD", ErrFormat, s)
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, fmt.Errorf("%w: %q is not YYYY-MM-DD", ErrFormat, s)
	}
	date, ok := dateOf(y, time.Month(m), d)
	if !ok {
		return Date{}, fmt.Errorf("%w: %q is not a day of the calendar", ErrFormat, s)
	}
	return date, nil
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// IsZero reports whether d is the zero value, "no date".
func (d Date) IsZero() bool { return d.year == 0 }

// Year, Month and Day return the parts of d.
func (d Date) Year() int { return int(d.year) }

// Month returns the month of the year of d.
func (d Date) Month() time.Month { return time.Month(d.month) }

// Day returns the day of the month of d.
func (d Date) Day() int { return int(d.day) }

// In returns the calendar month that contains d.
func (d Date) In() Month { return Month{year: d.year, month: d.month} }

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time {
	return time.Date(int(d.year), time.Month(d.month), int(d.day), 0, 0, 0, 0, time.UTC)
}

// String returns d as YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return string(d.appendTo(make([]byte, 0, 10)))
}

func (d Date) appendTo(b []byte) []byte {
	b = append4(b, int(d.year))
	b = append(b, '-')
	b = append2(b, int(d.month))
	b = append(b, '-')
	return append2(b, int(d.day))
}

func append4(b []byte, n int) []byte {
	return append(b, byte('0'+n/1000%10), byte('0'+n/100%10), byte('0'+n/10%10), byte('0'+n%10))
}

func append2(b []byte, n int) []byte { return append(b, byte('0'+n/10%10), byte('0'+n%10)) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	return cmp.Or(cmp.Compare(d.year, e.year), cmp.Compare(d.month, e.month), cmp.Compare(d.day, e.day))
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// AddDays returns d moved by n days (n may be negative).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// AddMonths returns d moved by n calendar months. A day that does not exist
// in the target month is clamped to its last day: 2026-08-31 plus 6 months is
// 2027-02-28, never a day in March.
func (d Date) AddMonths(n int) Date {
	total := int(d.year)*12 + int(d.month) - 1 + n
	y, m := total/12, time.Month(total%12+1)
	day := min(int(d.day), daysIn(y, m))
	return Date{year: year16(y), month: int8(m), day: int8(day)}
}

// DaysUntil returns the number of days from d to e, negative if e is earlier.
func (d Date) DaysUntil(e Date) int {
	return int(e.Time().Sub(d.Time()).Hours() / 24)
}

// YearsUntil returns the whole years completed from d to e, the way an age is
// counted: a person born on d is YearsUntil(e) years old on e. Someone born on
// 29 February completes a year on 28 February of a common year.
func (d Date) YearsUntil(e Date) int {
	years := int(e.year - d.year)
	if d.AddMonths(12 * years).After(e) {
		years--
	}
	return years
}

// MarshalText encodes d as YYYY-MM-DD; the zero date encodes as empty text.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	return d.appendTo(make([]byte, 0, 10)), nil
}

// UnmarshalText decodes YYYY-MM-DD; empty text gives the zero date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalJSON encodes d as "YYYY-MM-DD", or null for the zero date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	b := make([]byte, 0, 12)
	b = append(b, '"')
	b = d.appendTo(b)
	return append(b, '"'), nil
}

// UnmarshalJSON decodes "YYYY-MM-DD" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return fmt.Errorf("%w: %s is not a quoted YYYY-MM-DD", ErrFormat, b)
	}
	return d.UnmarshalText(b[1 : len(b)-1])
}
