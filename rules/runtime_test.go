package rules_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

func policyFrom(t *testing.T, src string, opts ...rules.Option) *rules.Policy {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "p.yaml"), []byte(src), 0o644))
	p, err := rules.LoadFile(filepath.Join(dir, "p.yaml"), opts...)
	require.NoError(t, err)
	return p
}

// A rule that reads an absent date without has() is a finding with
// severity error: never a crash, never a silent pass.
func TestRuntimeErrorBecomesFinding(t *testing.T) {
	p := policyFrom(t, `
name: strict
rules:
  - id: agreement.ends_after_signing
    subject: agreement
    expr: agreement.ends_on >= agreement.signed_on
    severity: warn
    message: {kk: "к", ru: "с", en: "ends {{string(agreement.ends_on)}}"}
`)
	rep, err := p.Evaluate(context.Background(), fixture())
	require.NoError(t, err)
	require.Len(t, rep.Findings, 1)
	f := rep.Findings[0]
	assert.Equal(t, rules.Error, f.Severity)
	assert.Equal(t, "agreement/a-1", f.Subject)
	assert.Contains(t, f.Message, `rule "agreement.ends_after_signing" could not be evaluated`)
	assert.Contains(t, f.Message, "no date")
	assert.False(t, rep.Compliant, "an error finding is not compliance")
}

// A volunteer with more tandems than the declared bound is evaluated with
// runtime metering, and gets the same answer as an unmetered one.
func TestMeteredWhenListsExceedLimits(t *testing.T) {
	src := `
name: bounded
limits:
  tandems: 3
rules:
  - id: mentor.children_distinct
    subject: volunteer
    expr: tandems.all(t, tandems.exists_one(u, u.child == t.child))
    severity: warn
    message: {kk: "к", ru: "с", en: "a child twice among {{tandems.size()}} tandems"}
`
	p := policyFrom(t, src)
	r, ok := p.Rule("mentor.children_distinct")
	require.True(t, ok)
	assert.Positive(t, r.Cost, "bounded by limits.tandems")

	build := func(n int, dup bool) *mentoring.Programme {
		prog := fixture()
		prog.Tandems = nil
		for i := range n {
			child := fmt.Sprintf("n-%d", i)
			prog.Children = append(prog.Children, mentoring.Child{ID: child, BirthDate: d("2012-01-01"), Institution: "inst-1"})
			if dup && i == n-1 {
				child = "n-0"
			}
			prog.Tandems = append(prog.Tandems, mentoring.Tandem{ID: fmt.Sprintf("t-%d", i), Mentor: "v-1",
				Child: child, StartedOn: d("2026-03-01"), Phase: mentoring.Acquaintance})
		}
		prog.Outings = nil
		return prog
	}
	for _, n := range []int{3, 4, 8} {
		for _, dup := range []bool{false, true} {
			t.Run(fmt.Sprintf("n=%d dup=%v", n, dup), func(t *testing.T) {
				rep, err := p.Evaluate(context.Background(), build(n, dup && n > 1))
				require.NoError(t, err)
				assert.Equal(t, dup, len(ruleFindings(rep, "mentor.children_distinct")) == 1, "%+v", rep.Findings)
			})
		}
	}

	// A budget too small for a big subject stops that rule with an error
	// finding instead of running on.
	tiny := policyFrom(t, src, rules.WithCostLimit(1000)) // the static bound (3 tandems) fits
	rep, err := tiny.Evaluate(context.Background(), build(40, false))
	require.NoError(t, err)
	got := ruleFindings(rep, "mentor.children_distinct")
	require.Len(t, got, 1)
	assert.Equal(t, rules.Error, got[0].Severity)
	assert.Contains(t, got[0].Message, "cost")
}
