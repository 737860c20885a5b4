// Package validationtest holds what the domain packages' conformance
// tests share: values at the boundaries of the validate tags, to hold each
// type's plain Go checks to what the tag validator says.
package validationtest

import (
	"math/rand/v2"
	"strings"
)

// Strings are texts around every length limit the domain uses, counted in
// characters: ASCII and two-byte Kazakh letters, so that a check that
// counts bytes instead of characters is caught.
var Strings = func() []string {
	out := []string{"", " ", "a", "v-1"}
	for _, n := range []int{32, 64, 100, 200, 254, 300, 500, 1000, 2000, 5000} {
		out = append(out, strings.Repeat("a", n), strings.Repeat("a", n+1),
			strings.Repeat("ә", n), strings.Repeat("ә", n+1))
	}
	return out
}()

// Ints are numbers around every bound the domain uses.
var Ints = []int{-1, 0, 1, 4, 5, 6, 7, 12, 24, 168, 169, 365, 366, 600, 601, 744, 745, 1000, 1001, 10000, 10001}

// Pick returns a random element of list.
func Pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// Mutate applies each of edits with probability one in three.
func Mutate[T any](r *rand.Rand, v *T, edits []func(*rand.Rand, *T)) {
	for _, e := range edits {
		if r.IntN(3) == 0 {
			e(r, v)
		}
	}
}
