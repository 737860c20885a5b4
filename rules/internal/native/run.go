package native

import (
	"fmt"
	"runtime"

	"github.com/birgemiz/sabaqtastyq/rules/internal/value"
)

// Outcome is how a native evaluation of a rule ended.
type Outcome uint8

// Outcomes of [Run].
const (
	Pass  Outcome = iota + 1
	Fail          // the expression is false
	Skip          // the rule's when is false
	Bail          // a planned give-up: cel-go evaluates the rule instead
	Stop          // a guard stopped the rule: an error finding (Why says which)
	Fault         // a bug of this package: an error finding (Why says where)
)

// Run evaluates a rule's when (nil: always) and expr on fr. Only the two
// planned give-ups and nothing else are recovered as what they are; any
// other panic is a Fault.
func Run(fr *Frame, when, expr Fn) (out Outcome, why string) {
	defer func() {
		if r := recover(); r != nil {
			out, why = recovered(r)
		}
	}()
	if when != nil {
		w := when(fr)
		if w.K != value.Bool {
			return Bail, "when is not bool"
		}
		if w.N == 0 {
			return Skip, ""
		}
	}
	v := expr(fr)
	switch {
	case v.K != value.Bool:
		return Bail, "expr is not bool"
	case v.N != 0:
		return Pass, ""
	}
	return Fail, ""
}

// Value evaluates a compiled expression for its value (a score, a
// placeholder), with the same recovery as Run: ok is Pass, or the
// outcome that stopped it.
func Value(fr *Frame, f Fn) (v value.Val, out Outcome, why string) {
	defer func() {
		if r := recover(); r != nil {
			out, why = recovered(r)
		}
	}()
	return f(fr), Pass, ""
}

func recovered(r any) (Outcome, string) {
	switch x := r.(type) {
	case value.Bailout:
		return Bail, x.Why
	case value.Limit:
		return Stop, x.What
	}
	buf := make([]byte, 2048)
	buf = buf[:runtime.Stack(buf, false)]
	return Fault, fmt.Sprintf("%v\n%s", r, buf)
}
