package diag

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Closest returns the candidate nearest to word, for a "did you mean"
// hint: the one with the fewest edits (an insertion, a deletion, a
// substitution or two neighbours swapped, case ignored), when that is few
// enough to be a slip — at most one edit for words of up to four letters,
// two up to eight, three beyond — or else a candidate that starts with
// word or that word starts with (an abbreviation, a missing suffix).
// Equal distances keep the candidates' order. It reports false when no
// candidate is near.
func Closest(word string, candidates []string) (string, bool) {
	if word == "" {
		return "", false
	}
	lw := strings.ToLower(word)
	best, bestD := "", -1
	for _, c := range candidates {
		if c == word {
			continue
		}
		d := distance(lw, strings.ToLower(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD < 0 {
		return "", false
	}
	n := utf8.RuneCountInString(word)
	limit := 1
	switch {
	case n > 8:
		limit = 3
	case n > 4:
		limit = 2
	}
	if bestD <= limit {
		return best, true
	}
	if n >= 3 {
		for _, c := range candidates {
			lc := strings.ToLower(c)
			if lc == lw {
				continue
			}
			if strings.HasPrefix(lc, lw) || strings.HasPrefix(lw, lc) && utf8.RuneCountInString(c) >= 3 {
				return c, true
			}
		}
	}
	return "", false
}

// distance is the optimal string alignment distance of a and b in runes:
// Levenshtein's, with a swap of neighbours counted as one edit.
func distance(a, b string) int {
	x, y := []rune(a), []rune(b)
	if len(x) > 64 || len(y) > 64 {
		return max(len(x), len(y)) // no slip is that long; spare the table
	}
	prev2 := make([]int, len(y)+1)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(y)]
}

// Misspelt returns l without the problems that a misspelt key beside
// them already explains: for every unknown field reported with its
// nearest known name (CodeUnknownHint, "langauges" where "languages" was
// meant), a problem of one of the required codes at the meant field, in
// the same file, is the same mistake seen from the other side and goes.
// "langauges" is one error with its "did you mean", not also "languages
// is required". The other problems, and their order, are as they were; l
// is not changed.
func Misspelt(l List, required ...Code) List {
	type at struct{ file, path string }
	meant := map[at]bool{}
	for _, p := range l {
		if p.Code == CodeUnknownHint && len(p.Args) > 1 {
			parent := p.Path[:max(0, strings.LastIndexByte(p.Path, '.'))]
			meant[at{p.File, JoinPath(parent, p.Args[1])}] = true
		}
	}
	if len(meant) == 0 {
		return l
	}
	out := make(List, 0, len(l))
	for _, p := range l {
		if meant[at{p.File, p.Path}] && slices.Contains(required, p.Code) {
			continue
		}
		out = append(out, p)
	}
	return out
}
