package native

import (
	"slices"

	"github.com/birgemiz/sabaqtastyq/rules/internal/value"
)

// Fn is a compiled expression.
type Fn func(fr *Frame) value.Val

// Kind is the native form of one subject kind's environment in a policy:
// its variables' code and how many comprehension variables its
// expressions use.
type Kind struct {
	// Slots is the number of subject variables.
	Slots int
	// Vars are the policy variables, by index; nil where a variable is
	// not native (Why says why).
	Vars []Fn
	Why  []error
	// Locals is the number of comprehension variable slots.
	Locals int
	// Read lists the subject variables compiled code reads, by slot, in
	// the order first read: the only ones a caller need bind (a slot
	// nothing reads is never looked at). Compiling an expression adds to
	// it, so bind after compiling.
	Read []int
}

// read records that compiled code reads slot i.
func (k *Kind) read(i int) {
	if !slices.Contains(k.Read, i) {
		k.Read = append(k.Read, i)
	}
}

// Frame holds one subject's values while its rules run natively.
type Frame struct {
	K *Kind
	// Slots are the subject variables, bound by the caller; Lists the
	// storage of those that are lists of programme elements.
	Slots  []value.Val
	Lists  []value.IdxList
	vars   []value.Val
	state  []uint8 // 0 not yet, 1 computing, 2 done
	locals []value.Val
	// Ctx carries the guards; the caller sets the caps.
	Ctx   value.Ctx
	arena value.Arena
}

// Use prepares the frame for subjects of kind k, reusing its memory.
func (fr *Frame) Use(k *Kind) {
	fr.K = k
	if cap(fr.Slots) < k.Slots {
		fr.Slots = make([]value.Val, k.Slots)
		fr.Lists = make([]value.IdxList, k.Slots)
	}
	fr.Slots, fr.Lists = fr.Slots[:k.Slots], fr.Lists[:k.Slots]
	n := len(k.Vars)
	if cap(fr.vars) < n {
		fr.vars, fr.state = make([]value.Val, n), make([]uint8, n)
	}
	fr.vars, fr.state = fr.vars[:n], fr.state[:n]
	clear(fr.state)
	if cap(fr.locals) < k.Locals {
		fr.locals = make([]value.Val, k.Locals)
	}
	fr.locals = fr.locals[:k.Locals]
	fr.arena.Reset()
	fr.Ctx = value.Ctx{Arena: &fr.arena}
}

// Reset forgets the variables computed for the previous subject, so that
// the frame serves the next subject of the same kind. Values are not
// cleared: that cost a fifth of a single-subject evaluation, and a frame
// kept for reuse holds the last programme only until it is used again or
// dropped.
func (fr *Frame) Reset() {
	clear(fr.state)
	fr.arena.Reset()
}

func (fr *Frame) variable(i int) value.Val {
	switch fr.state[i] {
	case 2:
		return fr.vars[i]
	case 1:
		value.Bail("variable refers to itself, or failed before")
	}
	f := fr.K.Vars[i]
	if f == nil {
		value.Bail("variable left to cel-go")
	}
	fr.state[i] = 1
	v := f(fr)
	fr.vars[i] = v
	fr.state[i] = 2
	return v
}
