package planning

import (
	"slices"
	"strings"
)

// compareIDs orders ids as a coordinator reads them: a run of digits by
// its value, so that v-2 comes before v-10 and inst-9 before inst-10;
// everything else byte by byte. Ids equal by value but written apart
// ("v-02", "v-2") fall back to their bytes, so that the order is total
// and a plan never depends on the order of the file's lists.
func compareIDs(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if isDigit(a[i]) && isDigit(b[j]) {
			x, y := digits(a[i:]), digits(b[j:])
			if c := compareNumbers(a[i:i+x], b[j:j+y]); c != 0 {
				return c
			}
			i, j = i+x, j+y
			continue
		}
		if a[i] != b[j] {
			if a[i] < b[j] {
				return -1
			}
			return 1
		}
		i, j = i+1, j+1
	}
	switch {
	case i < len(a): // b is a prefix of a, by value
		return 1
	case j < len(b):
		return -1
	}
	return strings.Compare(a, b)
}

// compareNumbers compares two runs of digits by value, without converting
// them (an id may hold more digits than an int).
func compareNumbers(x, y string) int {
	x, y = strings.TrimLeft(x, "0"), strings.TrimLeft(y, "0")
	if len(x) != len(y) {
		return sign(len(x) - len(y))
	}
	return strings.Compare(x, y)
}

func digits(s string) int {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// sortIDs sorts ids in place with [compareIDs].
func sortIDs(ids []string) { slices.SortFunc(ids, compareIDs) }
