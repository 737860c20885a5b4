// Package library is the function table of the rules engine: every
// function a policy may call, each written once in Go over Go types, with
// its cel-go binding, its native implementation, its documentation and a
// bound on what it builds. [New] ships the table as a cel.Library with a
// version, as cel-go's ext.Strings does; the native compiler, the cost
// proof and the rule author's guide read the same [Table].
package library
