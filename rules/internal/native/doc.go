// Package native is the rules engine's second evaluator. cel-go interprets
// a checked expression over ref.Val values: every field read boxes a Go
// value, every list becomes an object, and each program run sets up an
// execution frame. Here the same checked expressions are compiled a second
// time into Go closures over an unboxed value (value.Val) that read the
// domain structs in place and walk the programme's positions without
// building lists, so a compliant subject costs no allocation at all.
//
// cel-go stays the reference. [Compile] covers the subset of CEL the
// function table and the operators below implement, and says why when an
// expression is outside it; the conformance suite runs every case on both.
// At run time there are two planned give-ups, and only these are recovered
// ([Run]): a value.Bailout, where the expression meets what is an error in
// CEL (a missing date, an overflow, a field of a missing object) and
// cel-go evaluates the rule again so that the error and its message are
// cel-go's (the cost meter, run out, bails too); and a value.Limit, where
// the build guard stops a rule that would build too much, which becomes an
// error finding and runs nowhere else. Any other panic is a bug: it becomes an error finding naming the
// fault, never a quiet pass, and the tests and fuzzers fail on it.
package native
