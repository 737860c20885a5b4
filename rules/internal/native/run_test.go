package native_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/birgemiz/sabaqtastyq/rules/internal/native"
	"github.com/birgemiz/sabaqtastyq/rules/internal/value"
)

// Run recovers the two planned give-ups as what they are, and anything
// else as a fault: never a quiet pass.
func TestRunOutcomes(t *testing.T) {
	constant := func(v value.Val) native.Fn { return func(*native.Frame) value.Val { return v } }
	panics := func(x any) native.Fn { return func(*native.Frame) value.Val { panic(x) } }
	fr := &native.Frame{K: &native.Kind{}}
	cases := []struct {
		name       string
		when, expr native.Fn
		want       native.Outcome
		why        string
	}{
		{"pass", nil, constant(value.True), native.Pass, ""},
		{"fail", nil, constant(value.False), native.Fail, ""},
		{"skip", constant(value.False), panics("never run"), native.Skip, ""},
		{"an error in CEL", nil, panics(value.Bailout{Why: "no date"}), native.Bail, "no date"},
		{"not a bool", nil, constant(value.IntV(1)), native.Bail, "expr is not bool"},
		{"a guard", nil, panics(value.Limit{What: value.LimitBuild}), native.Stop, value.LimitBuild},
		{"a bug", nil, func(fr *native.Frame) value.Val { var s []int; return value.IntV(int64(s[3])) }, native.Fault, "index out of range"},
		{"a bug in when", panics("boom"), constant(value.True), native.Fault, "boom"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, why := native.Run(fr, c.when, c.expr)
			assert.Equal(t, c.want, out)
			assert.Contains(t, why, c.why)
		})
	}
}

// The build guard counts before anything is built; the cost meter counts
// every step and, past the budget, hands the rule to cel-go.
func TestGuards(t *testing.T) {
	c := &value.Ctx{BuildCap: 100, StepCap: 3}
	assert.NotPanics(t, func() { c.Build(100) })
	assert.PanicsWithValue(t, value.Limit{What: value.LimitBuild, N: 101}, func() { c.Build(101) })
	assert.Panics(t, func() { c.BuildList(4) }, "4 values are 128 bytes")
	for range 3 {
		c.Step()
	}
	assert.PanicsWithValue(t, value.Bailout{Why: "cost budget"}, func() { c.Step() }, "cel-go's meter decides")
}
