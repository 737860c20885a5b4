// Package subject is the one table of subject kinds: for each kind, the
// variables its rules read (name, CEL type, documentation, the policy limit
// that bounds a list) and how each is found in a programme, for cel-go and
// for the native evaluator alike. Adding a kind is one entry in [Kinds];
// nothing is coupled by position.
//
// The kinds read a programme through [Positions], the engine's own index of
// a programme's references, built once per programme and cached.
package subject
