package rulestest_test

import (
	"context"
	"errors"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/rules/rulestest"
)

// TestDefaultPolicies runs the suites of the embedded policies and asks
// that every rule of each was seen both passing and failing.
func TestDefaultPolicies(t *testing.T) {
	res := rulestest.Test(t, "../policies")
	require.NotEmpty(t, res.Suites)
	names := map[string]bool{}
	for _, c := range res.Coverage() {
		names[c.Policy] = true
		for _, r := range c.Rules {
			assert.True(t, r.Covered(), "policy %s, rule %s: passed %v, failed %v", c.Policy, r.Rule, r.Passed, r.Failed)
		}
	}
	assert.True(t, names["guide"] && names["nastavniki"], "both default policies have suites: %v", names)
	assert.InDelta(t, 100.0, res.CoveragePercent(), 1e-9)
}

func runMini(t *testing.T, opts rulestest.Options) map[string]rulestest.CaseResult {
	t.Helper()
	res, err := rulestest.RunFiles(context.Background(), []string{"testdata/mini_test.yaml"}, opts)
	require.NoError(t, err)
	require.Len(t, res.Suites, 1)
	out := map[string]rulestest.CaseResult{}
	for _, c := range res.Suites[0].Cases {
		out[c.Case] = c
	}
	return out
}

func TestStatuses(t *testing.T) {
	got := runMini(t, rulestest.Options{})
	want := map[string]rulestest.Status{
		"passes":                           rulestest.Pass,
		"fails with a missing finding":     rulestest.Fail,
		"fails with an unexpected finding": rulestest.Fail,
		"at least ignores others":          rulestest.Pass,
		"absent finds a forbidden finding": rulestest.Fail,
		"broken fixture":                   rulestest.Broken,
		"appends a volunteer":              rulestest.Pass,
		"speaks Russian":                   rulestest.Pass,
		"skipped":                          rulestest.Skipped,
	}
	require.Len(t, got, len(want))
	for name, status := range want {
		t.Run(name, func(t *testing.T) {
			c := got[name]
			assert.Equal(t, status, c.Status, c.Diff())
		})
	}
}

func TestDiff(t *testing.T) {
	got := runMini(t, rulestest.Options{})
	t.Run("missing", func(t *testing.T) {
		c := got["fails with a missing finding"]
		require.Len(t, c.Missing, 1)
		assert.Contains(t, c.Diff(), "- missing:    mini.age volunteer/v-1")
		assert.Contains(t, c.Diff(), "got no findings")
	})
	t.Run("unexpected", func(t *testing.T) {
		c := got["fails with an unexpected finding"]
		require.Len(t, c.Unexpected, 1)
		assert.Contains(t, c.Diff(), "+ unexpected: mini.age volunteer/v-1 (deny): v-1 is too young")
	})
	t.Run("forbidden", func(t *testing.T) {
		c := got["absent finds a forbidden finding"]
		require.Len(t, c.Present, 1)
		assert.Contains(t, c.Diff(), "+ forbidden:  mini.age volunteer/v-1")
	})
	t.Run("broken fixture is placed in the suite", func(t *testing.T) {
		c := got["broken fixture"]
		require.Len(t, c.Problems, 1)
		p := c.Problems[0]
		assert.Equal(t, "testdata/mini_test.yaml", p.File)
		assert.Equal(t, 29, p.Line, "the line of the set that wrote the bad date")
		assert.Equal(t, "volunteers[0].birth_date", p.Path)
		assert.Equal(t, diag.CodeBadDate, p.Code)
	})
}

func TestRunFilter(t *testing.T) {
	got := runMini(t, rulestest.Options{Run: regexp.MustCompile(`^pass`)})
	assert.Len(t, got, 1)
	assert.Contains(t, got, "passes")
	got = runMini(t, rulestest.Options{Run: regexp.MustCompile(`^mini/speaks`)})
	assert.Len(t, got, 1)
	assert.Contains(t, got, "speaks Russian")
}

func TestProgress(t *testing.T) {
	var calls []int
	runMini(t, rulestest.Options{Progress: func(suite, name string, done, total int) {
		assert.Equal(t, "mini", suite)
		assert.Equal(t, 9, total)
		calls = append(calls, done)
	}})
	assert.Equal(t, []int{0, 1, 2, 3, 4, 5, 6, 7, 8}, calls)
}

func TestCoverage(t *testing.T) {
	res, err := rulestest.RunFiles(context.Background(), []string{"testdata/mini_test.yaml"}, rulestest.Options{})
	require.NoError(t, err)
	cov := res.Coverage()
	require.Len(t, cov, 1)
	assert.Equal(t, "mini", cov[0].Policy)
	assert.Equal(t, []rulestest.RuleCoverage{
		{Rule: "mini.age", Passed: true, Failed: true},
		{Rule: "mini.commitment", Passed: true, Failed: true},
	}, cov[0].Rules)
	assert.InDelta(t, 100.0, res.CoveragePercent(), 1e-9)

	// Only the passing case: nothing failed, nothing covered.
	res, err = rulestest.RunFiles(context.Background(), []string{"testdata/mini_test.yaml"},
		rulestest.Options{Run: regexp.MustCompile(`^passes$`)})
	require.NoError(t, err)
	assert.InDelta(t, 0.0, res.CoveragePercent(), 1e-9)
}

func TestBrokenPolicy(t *testing.T) {
	res, err := rulestest.RunFiles(context.Background(), []string{"testdata/broken_policy_test.yaml"}, rulestest.Options{})
	require.Error(t, err)
	assert.True(t, errors.Is(err, rules.ErrPolicy))
	var pe *rules.PolicyError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "testdata/broken.yaml", pe.Problems[0].File, "placed relative to the working directory")
	assert.Empty(t, res.Suites)
}

func TestBadSuite(t *testing.T) {
	_, err := rulestest.Load("testdata/bad_suite_test.yaml")
	require.Error(t, err)
	problems := diag.Errors(err)
	require.NotEmpty(t, problems)
	var lines []int
	for _, p := range problems {
		assert.Equal(t, "testdata/bad_suite_test.yaml", p.File)
		lines = append(lines, p.Line)
	}
	assert.Equal(t, []int{5, 5, 8}, lines, "the unknown fixture, the bad mode, the misspelt key")
	assert.Contains(t, problems[2].Error(), `unknown field "findngs"`)
}

func TestParseProblems(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"no policy", "fixtures: {a: {as_of: 2026-01-01}}\ncases: [{name: x}]\n", "policy"},
		{"no cases", "policy: guide\nfixtures: {a: {as_of: 2026-01-01}}\n", "at least one case"},
		{"unknown fixture", "policy: guide\nfixtures: {a: {}, b: {}}\ncases: [{name: x, fixture: c}]\n", `no fixture "c"`},
		{"bad mode", "policy: guide\nfixtures: {a: {}}\ncases: [{name: x, mode: most}]\n", "exactly or at_least"},
		{"bad lang", "policy: guide\nfixtures: {a: {}}\ncases: [{name: x, lang: de}]\n", "kk, ru or en"},
		{"bad severity", "policy: guide\nfixtures: {a: {}}\ncases: [{name: x, findings: [{rule: r, subject: s, severity: fatal}]}]\n", "deny, warn or error"},
		{"twice", "policy: guide\nfixtures: {a: {}}\ncases: [{name: x}, {name: x}]\n", "two cases"},
		{"append needs a list", "policy: guide\nfixtures: {a: {}}\ncases: [{name: x, append: {volunteers: 1}}]\n", "list of items"},
		{"fixture file missing", "policy: guide\nfixtures: {a: {file: nope.json}}\ncases: [{name: x}]\n", "nope.json"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := rulestest.Parse("s_test.yaml", []byte(c.src))
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

func TestBadChangePath(t *testing.T) {
	src := `policy: mini.yaml
fixtures:
  one: {as_of: 2026-11-24, volunteers: []}
cases:
  - name: no such item
    set: {"volunteers[3].role": coach}
  - name: bad index
    set: {"volunteers[x]": 1}
`
	s, err := rulestest.Parse("testdata/inline_test.yaml", []byte(src))
	require.NoError(t, err)
	sr, err := s.Run(context.Background(), rulestest.Options{})
	require.NoError(t, err)
	for _, c := range sr.Cases {
		assert.Equal(t, rulestest.Broken, c.Status, c.Case)
		require.Len(t, c.Problems, 1)
		assert.Equal(t, rulestest.CodeBadPath, c.Problems[0].Code)
	}
}

// The assertion helpers fail a test exactly when they should.
func TestAssertions(t *testing.T) {
	rep := &rules.Report{Findings: []rules.Finding{{Rule: "r", Subject: "volunteer/v-1", Severity: rules.Deny}}}
	cases := []struct {
		name   string
		check  func(tb testing.TB) bool
		passes bool
	}{
		{"finding present", func(tb testing.TB) bool { return rulestest.AssertFinding(tb, rep, "r", "volunteer/v-1") }, true},
		{"finding absent", func(tb testing.TB) bool { return rulestest.AssertFinding(tb, rep, "r", "volunteer/v-2") }, false},
		{"no finding holds", func(tb testing.TB) bool { return rulestest.AssertNoFinding(tb, rep, "q", "volunteer/v-1") }, true},
		{"no finding broken", func(tb testing.TB) bool { return rulestest.AssertNoFinding(tb, rep, "r", "volunteer/v-1") }, false},
		{"compliant", func(tb testing.TB) bool { return rulestest.AssertCompliant(tb, &rules.Report{Compliant: true}) }, true},
		{"not compliant", func(tb testing.TB) bool { return rulestest.AssertCompliant(tb, rep) }, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := &recorder{TB: t}
			assert.Equal(t, c.passes, c.check(rec))
			assert.Equal(t, !c.passes, rec.failed)
		})
	}
}

// recorder is a testing.TB that notes a failure instead of failing.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Helper()               {}
