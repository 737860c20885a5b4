// Package value is the bottom layer of the rules engine's native
// evaluator: an unboxed CEL value ([Val]) and the tables that read Go
// structs in place ([Table]). It knows nothing of CEL programs, policies or
// subjects; the function library, the subject kinds and the native compiler
// build on it.
package value
