// Package format lays out policy YAML files the one canonical way, like
// gofmt for Go: the keys of a policy in the order name, version,
// description, extends, params, variables, rules, scores, limits; the keys
// of a rule in the order id, subject, description, when, expr, severity,
// message, source; kk, ru, en in every text; two-space indentation; a blank
// line between sections and between rules; comments kept where they were.
//
// Expressions (when, expr, a variable's expr, a score's expr and weight)
// are written plainly when short, as folded blocks (>-) wrapped before
// column 80 when long, and as literal blocks (|-) when they span several
// lines, because a folded block would join those lines differently. The
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
