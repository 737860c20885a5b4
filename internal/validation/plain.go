package validation

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// The checks below let a type validate itself in plain Go on the hot path
// (a programme of a million volunteers) and fall back to [Struct], which
// builds the messages, only when something is wrong. Each answers exactly
// what the tag of the same name answers; the domain packages test their
// plain checks against Struct on every boundary.

// MaxLen reports whether s is at most n characters long, as max=n counts a
// string (characters, not bytes).
func MaxLen(s string, n int) bool { return len(s) <= n || utf8.RuneCountInString(s) <= n }

// OneOf reports whether s is one of options, as oneof does.
func OneOf[S ~string](s S, options ...S) bool {
	for _, o := range options {
		if s == o {
			return true
		}
	}
	return false
}

// Unique reports whether no value of list repeats, as unique does on a
// list of strings.
func Unique[S ~string](list []S) bool {
	if len(list) < 16 {
		for i := range list {
			for j := range i {
				if list[i] == list[j] {
					return false
				}
			}
		}
		return true
	}
	seen := make(map[S]struct{}, len(list))
	for _, s := range list {
		if _, dup := seen[s]; dup {
			return false
		}
		seen[s] = struct{}{}
	}
	return true
}

// LanguageTag reports whether s passes bcp47_language_tag. Answers are
// remembered: a programme names the same few languages a million times.
func LanguageTag(s string) bool { return cached(&langTags, s, "bcp47_language_tag") }

// Email reports whether s passes email. The common address (letters,
// digits and ._%+- before the @, dot-separated labels of letters, digits
// and inner hyphens after it, a top-level label of letters) is accepted
// without the validator's regular expression, which costs a
// microsecond a volunteer; anything else is asked of the validator.
func Email(s string) bool {
	if simpleEmail(s) {
		return true
	}
	e, err := shared()
	return err == nil && e.v.Var(s, "email") == nil
}

// simpleEmail reports whether s is an address of the plain shape every
// email rule accepts: local@label.label…tld, ASCII only.
func simpleEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	if at < 1 || at > 64 || len(s)-at-1 < 4 {
		return false
	}
	local, domain := s[:at], s[at+1:]
	if local[0] == '.' || local[len(local)-1] == '.' || strings.Contains(local, "..") {
		return false
	}
	for i := 0; i < len(local); i++ {
		c := local[i]
		if !(isAlnum(c) || strings.IndexByte("._%+-", c) >= 0) {
			return false
		}
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return false
	}
	for i, l := range labels {
		if len(l) == 0 || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for j := 0; j < len(l); j++ {
			c := l[j]
			if !(isAlnum(c) || c == '-') || i == len(labels)-1 && !isAlpha(c) {
				return false
			}
		}
	}
	return len(labels[len(labels)-1]) >= 2
}

func isAlpha(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isAlnum(c byte) bool { return isAlpha(c) || '0' <= c && c <= '9' }

var langTags sync.Map // string → bool

// cached asks the validator whether s passes tag, once per distinct s
// (up to a bound, so that hostile input cannot grow the cache).
func cached(m *sync.Map, s, tag string) bool {
	if ok, hit := m.Load(s); hit {
		return ok.(bool)
	}
	e, err := shared()
	if err != nil {
		return false
	}
	ok := e.v.Var(s, tag) == nil
	if len(s) <= 64 && cacheSize.Add(1) <= 4096 {
		m.Store(s, ok)
	}
	return ok
}

var cacheSize atomic.Int64
