package rules

import (
	"sync"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/interpreter"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules/internal/native"
	"github.com/birgemiz/sabaqtastyq/rules/internal/subject"
)

// state is one evaluation's working memory, pooled so that evaluating a
// subject allocates nothing: the subject being evaluated, the native
// frame its values are bound into (nil under WithCELOnly), and cel-go's
// activation, filled only when a rule needs cel-go (a rule that is not
// native, a planned give-up, a placeholder left to cel-go).
type state struct {
	o     evalOptions
	s     subject.Subject
	ke    *kindEnv
	fr    *native.Frame // &frame, or nil under WithCELOnly
	frame native.Frame
	a     activation
	fits  int8 // 0 not known, 1 fits the declared limits, -1 does not
}

var states = sync.Pool{New: func() any { return new(state) }}

// newState takes a state from the pool with the options applied to it:
// the options live there, so that applying them allocates nothing.
func newState(opts []EvalOption) *state {
	st := states.Get().(*state)
	st.o = evalOptions{lang: diag.EN}
	for _, opt := range opts {
		opt(&st.o)
	}
	st.fr = &st.frame
	if st.o.celOnly {
		st.fr = nil
	}
	return st
}

// release puts the state back; it keeps its frame's memory (and the last
// subject's values in it) for the next evaluation.
func (st *state) release() {
	st.a.release()
	st.a.ke, st.a.s = nil, nil
	st.o = evalOptions{}
	states.Put(st)
}

// bind makes the state evaluate subject i (j for a pair's child) of kind
// ke. The frame is reused from subject to subject of one kind.
func (st *state) bind(ke *kindEnv, prog *mentoring.Programme, at *subject.Positions, i, j int, asOf civil.Date) {
	st.s = subject.Subject{Kind: ke.kind, Prog: prog, At: at, I: i, J: j, AsOf: asOf}
	st.bindSubject(ke)
}

func (st *state) bindSubject(ke *kindEnv) {
	if st.fr != nil {
		if st.fr.K != ke.native {
			st.fr.Use(ke.native)
		} else {
			st.fr.Reset()
		}
		// Only what compiled code reads: a tandem has eleven variables,
		// and most rules read three.
		for _, i := range ke.native.Read {
			st.fr.Slots[i] = ke.kind.Vars[i].Native(&st.s, &st.fr.Lists[i])
		}
	}
	st.ke = ke
	st.fits = 0
	st.a.reset(ke, &st.s)
}

// fitsLimits reports whether the subject's lists are within the policy's
// declared limits, computed once per subject.
func (st *state) fitsLimits(limits map[string]int) bool {
	if st.fits == 0 {
		st.fits = -1
		if st.s.Fits(limits) {
			st.fits = 1
		}
	}
	return st.fits > 0
}

// guard sets the native frame's guards for one rule.
func (st *state) guard(p *Policy) {
	st.fr.Ctx.BuildCap, st.fr.Ctx.StepCap, st.fr.Ctx.Steps = buildCap, int64(p.costLimit), 0
}

// activation binds one subject's variables for cel-go: subject variables
// from the kind table, policy variables evaluated on first use; both are
// computed once per subject. Most subjects never need cel-go, so the
// activation readies its memory only when cel-go first asks for a name.
type activation struct {
	ke    *kindEnv
	s     *subject.Subject
	ready bool
	slots []any
	have  []bool
	vals  []ref.Val
	state []uint8 // 0 not yet, 1 computing, 2 done
}

func (a *activation) reset(ke *kindEnv, s *subject.Subject) {
	if a.ready {
		a.release()
	}
	a.ke, a.s = ke, s
}

// prepare readies the activation's memory for its subject.
func (a *activation) prepare() {
	n, m := len(a.ke.kind.Vars), len(a.ke.vars)
	if cap(a.slots) < n {
		a.slots, a.have = make([]any, n), make([]bool, n)
	}
	a.slots, a.have = a.slots[:n], a.have[:n]
	clear(a.have)
	if cap(a.vals) < m {
		a.vals, a.state = make([]ref.Val, m), make([]uint8, m)
	}
	a.vals, a.state = a.vals[:m], a.state[:m]
	clear(a.state)
	a.ready = true
}

// release drops what the activation holds of its subject.
func (a *activation) release() {
	if a.ready {
		clear(a.slots)
		clear(a.vals)
		a.ready = false
	}
}

// ResolveName implements interpreter.Activation.
func (a *activation) ResolveName(name string) (any, bool) {
	if !a.ready {
		a.prepare()
	}
	if i, ok := a.ke.scope.Slots[name]; ok {
		if !a.have[i] {
			a.slots[i] = a.ke.kind.Vars[i].CEL(a.s)
			a.have[i] = true
		}
		return a.slots[i], true
	}
	i, ok := a.ke.lookup[name]
	if !ok {
		return nil, false
	}
	switch a.state[i] {
	case 2:
		return a.vals[i], true
	case 1:
		return types.NewErr("variable %s refers to itself", name), true
	}
	a.state[i] = 1
	v, _, err := a.ke.vars[i].prog.Eval(a)
	if err != nil {
		v = types.WrapErr(err)
	}
	a.vals[i] = v
	a.state[i] = 2
	return v, true
}

// Parent implements interpreter.Activation.
func (a *activation) Parent() interpreter.Activation { return nil }
