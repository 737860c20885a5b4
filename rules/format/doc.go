// Package format lays out policy YAML files the one canonical way, like
// gofmt for Go: the keys of a policy in the order name, version,
// description, extends, params, variables, rules, scores, limits; the keys
// of a rule in the order id, subject, description, when, expr, severity,
// message, source; kk, ru, en in every text; two-space indentation; a blank
// line between sections and between rules; comments kept where they were.
//
// Expressions (when, expr, a variable's expr, a score's expr and weight)
// written on one line stay on it up to column 100 (quoted as the author
// quoted them); longer ones become folded blocks (>-) wrapped before column
// 80, preferably after && or ||. A text the author wrote as a block — an
// expression broken by hand, a long message — keeps the author's lines and
// indicator (>-, |-), only re-indented: the author broke it where a reader
// expects the break, and re-wrapping would undo that. The
// value of every expression is unchanged, so a formatted policy compiles to
// the same rules; keys the format does not know keep their place after the
// known ones.
//
// [Source] is idempotent: formatting its output changes nothing. It keeps
// no state and is safe for concurrent use.
//
// # Limits and problems
//
// Source works on bytes already read; a caller reading a file caps it
// first (`sabaq fmt` refuses a policy above [limits.PolicyBytes], 4 MiB,
// before reading it, and a device outright). A document of more than
// [limits.PolicyValues] values (100,000; the guide's own has about 800) is
// refused before it is written out, since the YAML encoder holds about a
// kilobyte per value. Aliases are written back as aliases, never expanded.
// Problems are [*diag.Error] values at their line: a YAML syntax error, a
// document that is not a mapping, a policy too large — in kk, ru or en.
package format
