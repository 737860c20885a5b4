package rules_test

// The engine's guards against hostile or careless policies and input:
// cost and size proofs that see strings, the build cap at run time,
// scalar-only templates, confined extends, capped and budgeted policy
// files, validated programmes, and a store that does not serve less.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// policyError loads src as p.yaml and returns its problems.
func policyError(t *testing.T, src string, opts ...rules.Option) diag.List {
	t.Helper()
	_, err := rules.Load(fstest.MapFS{"p.yaml": {Data: []byte(src)}}, "p.yaml", opts...)
	require.Error(t, err)
	require.ErrorIs(t, err, rules.ErrPolicy)
	var l diag.List
	require.True(t, errors.As(err, &l), "%v", err)
	return l
}

func oneRule(subject, expr, message string) string {
	return fmt.Sprintf(`name: p
rules:
  - id: r.one
    subject: %s
    expr: %q
    severity: warn
    message: {kk: %q, ru: %q, en: %q}
`, subject, expr, message, message, message)
}

// summaries is the fixture with a valid report summary of 5,000
// characters ('a' repeated: every one is replaced).
func summaries(n int) *mentoring.Programme {
	prog := fixture()
	prog.Reports = nil
	for i := range n {
		prog.Reports = append(prog.Reports, agreement.Report{Volunteer: "v-1",
			Month: civil.M(2026, 10).Add(-i % 96), Summary: strings.Repeat("a", 5000)})
	}
	return prog
}

// The attack: on a valid 5,000-character summary the rule asks
// for about 125 GB. The cost proof sees the strings (the summary's
// validation tag, max=5000) and refuses the rule at load, naming it and
// its estimate; nothing is evaluated.
func TestStringBombRefusedAtLoad(t *testing.T) {
	start := time.Now()
	problems := policyError(t, oneRule("volunteer",
		"reports.all(r, r.summary.replace('a', r.summary.replace('a', r.summary)).size() > 0)", "x"))
	require.Len(t, problems, 1)
	p := problems[0]
	assert.Equal(t, rules.CodeTooCostly, p.Code)
	assert.Equal(t, "rules[0].expr", p.Path)
	assert.Contains(t, p.Error(), `rule "r.one"`)
	assert.Regexp(t, `cost of rule "r.one" is \d{9,}`, p.Error())
	assert.Less(t, time.Since(start), 5*time.Second)
}

// Over a list of the whole programme the cost has no bound, so the rule
// would run metered; but what it builds must still be bounded, and here
// it is not.
func TestUnboundedBuildRefusedAtLoad(t *testing.T) {
	problems := policyError(t, oneRule("programme",
		"programme.reports.all(r, r.summary.replace('a', r.summary.replace('a', r.summary)).size() > 0)", "x"))
	require.Len(t, problems, 1)
	assert.Equal(t, rules.CodeTooBig, problems[0].Code)
	assert.Contains(t, problems[0].Error(), `r.summary.replace("a", r.summary) may build up to 400040000 bytes`)
	assert.Contains(t, problems[0].Error(), "1048576")

	problems = policyError(t, oneRule("programme", "programme.volunteers.map(v, v.id).join(',').size() > 0", "x"))
	require.Len(t, problems, 1)
	assert.Equal(t, rules.CodeUnbounded, problems[0].Code)
	assert.Equal(t, 5, problems[0].Line)
}

// A rule proved for the declared list sizes meets a subject with more:
// the native evaluator checks each value before building it and stops
// the rule with an error finding; cel-go refuses to run a building rule
// on a subject past the declared limits. Either way, quickly and bounded.
func TestBuildCapAtRunTime(t *testing.T) {
	src := "limits: {reports: 10}\n" + oneRule("volunteer", "reports.map(r, r.summary).join('').size() >= 0", "x")
	p := policyFrom(t, src)
	prog := summaries(300) // 300 × 5,000 bytes: past the 1 MiB cap
	for _, celOnly := range []bool{false, true} {
		opts := []rules.EvalOption{}
		if celOnly {
			opts = append(opts, rules.WithCELOnly())
		}
		start := time.Now()
		rep, err := p.Evaluate(context.Background(), prog, opts...)
		require.NoError(t, err)
		got := ruleFindings(rep, "r.one")
		require.Len(t, got, 1, "cel only: %v", celOnly)
		assert.Equal(t, rules.Error, got[0].Severity)
		if celOnly {
			assert.Contains(t, got[0].Message, "limits.reports")
		} else {
			assert.Contains(t, got[0].Message, "larger than "+limits.Size(limits.RuleBuildBytes))
		}
		assert.Less(t, time.Since(start), 5*time.Second)
	}
	// Within the declared sizes the rule runs, on both evaluators alike.
	rep, err := p.Evaluate(context.Background(), summaries(5))
	require.NoError(t, err)
	assert.Empty(t, ruleFindings(rep, "r.one"))
}

// A message shows values only: an object in a placeholder is a policy
// error at the placeholder, naming it; so a volunteer's name, which CEL
// cannot read, cannot leave through a message either.
func TestObjectPlaceholderRefused(t *testing.T) {
	problems := policyError(t, oneRule("tandem", "tandem.id != ''", "Tandem of {{mentor}} and {{ child }}"))
	require.Len(t, problems, 6) // two placeholders in three languages
	p := problems[0]
	assert.Equal(t, rules.CodeObject, p.Code)
	assert.Equal(t, "rules[0].message.kk", p.Path)
	assert.Equal(t, diag.Pos{File: "p.yaml", Line: 7, Col: 32}, p.Pos)
	assert.Contains(t, p.Error(), "{{mentor}} is an object (volunteer.Volunteer)")
	assert.Contains(t, p.Error(), "{{mentor.id}}")
	assert.Contains(t, problems[1].Error(), "{{child}}")
	for _, q := range problems {
		assert.NotContains(t, q.Error(), "full_name")
	}
	// Lists of values and dates are fine.
	policyFrom(t, oneRule("volunteer", "true", "{{volunteer.languages}} {{volunteer.birth_date}} {{tandems.map(t, t.id)}}"))
}

// Explain shows an object as its kind and id, never its fields.
func TestExplainNamesObjects(t *testing.T) {
	prog := fixture()
	p := policyFrom(t, oneRule("tandem", "[mentor, child].size() == 2 && agreements.size() > 0", "x"))
	x, err := p.Explain(context.Background(), prog, "r.one", "tandem/t-1")
	require.NoError(t, err)
	text := x.Text()
	assert.Contains(t, text, "mentor = volunteer/v-1")
	assert.Contains(t, text, "child = child/c-1")
	assert.Contains(t, text, "agreements = agreement/a-1")
	assert.NotContains(t, text, "Aigerim")
	assert.NotContains(t, text, "1990")
}

// extends names a file beside the policy, or an embedded policy; a path
// out of the folder is an error at its line, and nothing of it is read.
func TestExtendsConfined(t *testing.T) {
	dir := t.TempDir()
	inner := filepath.Join(dir, "policies")
	require.NoError(t, os.Mkdir(inner, 0o700))
	secret := "name: secret\nsecret_token: 12345\nrules: []\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "secret.yaml"), []byte(secret), 0o600))
	require.NoError(t, os.Symlink(filepath.Join(dir, "secret.yaml"), filepath.Join(inner, "link.yaml")))
	guide, err := os.ReadFile(filepath.Join("policies", "guide.yaml"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(inner, "base.yaml"), guide, 0o600))
	for _, ext := range []string{"../secret", "../secret.yaml", filepath.Join(dir, "secret.yaml"), "link", "sub/../../secret"} {
		t.Run(ext, func(t *testing.T) {
			file := filepath.Join(inner, "p.yaml")
			require.NoError(t, os.WriteFile(file, []byte("name: p\nextends: "+ext+"\n"), 0o600))
			_, err := rules.LoadFile(file)
			require.ErrorIs(t, err, rules.ErrPolicy)
			assert.NotContains(t, err.Error(), "secret_token")
			assert.NotContains(t, err.Error(), "12345")
			l := diag.Errors(err)
			require.Len(t, l, 1, "%v", err)
			assert.Equal(t, rules.CodeOutside, l[0].Code)
			assert.Equal(t, 2, l[0].Line)
		})
	}
	file := filepath.Join(inner, "p.yaml")
	require.NoError(t, os.WriteFile(file, []byte("name: p\nextends: base\n"), 0o600))
	p, err := rules.LoadFile(file)
	require.NoError(t, err, "a base beside the policy")
	assert.Len(t, p.Files(), 2)
}

// Policy files are read with a cap, checked before reading; a file
// without a size (a device, a pipe) is stopped while it is read.
func TestPolicyFileCap(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "big.yaml")
	require.NoError(t, os.WriteFile(file, []byte("name: big\n# "+strings.Repeat("x", 2000)+"\n"), 0o600))
	_, err := rules.LoadFile(file, rules.WithPolicyBytes(1024))
	require.ErrorIs(t, err, rules.ErrPolicy)
	assert.True(t, limits.IsTooLarge(err))
	assert.Contains(t, err.Error(), "big.yaml")

	if _, err := os.Stat("/dev/zero"); err == nil {
		require.NoError(t, os.Symlink("/dev/zero", filepath.Join(dir, "zero.yaml")))
		_, err := rules.Load(os.DirFS(dir), "zero.yaml", rules.WithPolicyBytes(1<<20))
		require.Error(t, err)
		assert.True(t, limits.IsTooLarge(err), "%v", err)
	}
}

// YAML aliases are followed within a budget, and nesting is capped.
func TestPolicyYAMLBudgets(t *testing.T) {
	var b strings.Builder
	b.WriteString("name: bomb\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	start := time.Now()
	problems := policyError(t, b.String())
	assert.Equal(t, diag.CodeTooLarge, problems[0].Code)
	assert.Contains(t, problems[0].Error(), "aliases expand")
	assert.Less(t, time.Since(start), 5*time.Second)

	deep := "name: deep\ndescription: " + strings.Repeat("[", 150) + strings.Repeat("]", 150) + "\n"
	problems = policyError(t, deep)
	assert.Equal(t, diag.CodeTooLarge, problems[0].Code)
	assert.Contains(t, problems[0].Error(), "nested deeper")

	// A few anchors reused are fine.
	ok := oneRule("volunteer", "true", "x") + "  - id: r.two\n    subject: volunteer\n    expr: 'false'\n    severity: warn\n    message: &m {kk: a, ru: b, en: c}\n  - id: r.three\n    subject: volunteer\n    expr: 'false'\n    severity: warn\n    message: *m\n"
	policyFrom(t, ok)
}

// Evaluate checks what it is given: a programme built in Go that no
// reading of the file format allows is an input error with every problem,
// not findings.
func TestEvaluateValidatesFirst(t *testing.T) {
	prog := fixture()
	prog.Volunteers[0].Role = "boss"
	prog.Volunteers[0].BirthDate = d("2030-01-01")
	prog.Volunteers[0].CommitmentMonths = -5
	_, err := load(t, "guide").Evaluate(context.Background(), prog)
	require.ErrorIs(t, err, rules.ErrInput)
	var l diag.List
	require.True(t, errors.As(err, &l))
	paths := map[string]bool{}
	for _, e := range l {
		paths[e.Path] = true
	}
	for _, want := range []string{"volunteers[0].role", "volunteers[0].birth_date", "volunteers[0].commitment_months"} {
		assert.True(t, paths[want], "%s among %v", want, paths)
	}
	assert.NotContains(t, err.Error(), "2030", "no birth date in the error")
}

// Two goroutines evaluate one fresh programme, never indexed nor
// validated: validation and the engine's positions are built once, without
// a race (go test -race).
func TestFreshProgrammeConcurrentEvaluate(t *testing.T) {
	prog := fixture()
	prog.Volunteers[0].BirthDate = d("2002-01-01")
	p := load(t, "guide")
	var wg sync.WaitGroup
	reps := make([]*rules.Report, 2)
	for i := range reps {
		wg.Go(func() {
			rep, err := p.Evaluate(context.Background(), prog)
			assert.NoError(t, err)
			reps[i] = rep
		})
	}
	wg.Wait()
	require.NotNil(t, reps[0])
	assert.Equal(t, reps[0].Findings, reps[1].Findings)
	assert.Len(t, ruleFindings(reps[0], "mentor.min_age"), 1)
}
