package rules_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/rules"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Every broken policy under testdata/compile has a golden file with its
// errors in each language: positions, caret snippets and messages.
func TestCompileErrorsGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "compile", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".yaml")
		t.Run(name, func(t *testing.T) {
			_, err := rules.Load(os.DirFS(filepath.Dir(file)), filepath.Base(file))
			require.Error(t, err)
			require.ErrorIs(t, err, rules.ErrPolicy)
			var pe *rules.PolicyError
			require.True(t, errors.As(err, &pe))
			var b strings.Builder
			for _, lang := range diag.Langs {
				b.WriteString("## " + string(lang) + "\n")
				for _, e := range pe.Problems {
					b.WriteString(e.Localize(lang) + "\n")
					if e.Snippet != "" {
						b.WriteString(e.Snippet + "\n")
					}
				}
			}
			golden := filepath.Join("testdata", "compile", name+".golden")
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(b.String()), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test -update to create it")
			assert.Equal(t, string(want), b.String())
		})
	}
}

// The classes the issue names, each at its exact line and column.
func TestCompileErrorPositions(t *testing.T) {
	cases := []struct {
		file      string
		line, col int
		path      string
		code      diag.Code
	}{
		{"misspelled_field", 8, 24, "rules[0].expr", rules.CodeCEL},
		{"wrong_type", 8, 39, "rules[0].expr", rules.CodeCEL},
		{"wrong_type", 14, 11, "rules[1].expr", rules.CodeNotBool},
		{"missing_kk_message", 10, 5, "rules[0].message.kk", rules.CodeMissingMessage},
		{"unknown_param", 8, 53, "rules[0].expr", rules.CodeCEL},
		{"unknown_param_override", 4, 3, "params.mentor_min_agee", rules.CodeUnknownParamHint},
		{"override_needed", 8, 9, "rules[0].id", rules.CodeOverrideNeeded},
		{"override_needed", 25, 15, "rules[3].override", rules.CodeOverrideNothingHint},
		{"override_needed", 32, 15, "rules[4].override", rules.CodeOverrideNothing},
		{"duplicate_id", 11, 9, "rules[1].id", rules.CodeDuplicateRule},
		{"misspelled_key", 7, 5, "rules[0].subjct", diag.CodeUnknownHint},
		{"block_scalar", 10, 30, "rules[0].expr", rules.CodeCEL},
		{"too_costly", 10, 11, "rules[0].expr", rules.CodeTooCostly},
		{"bad_params", 3, 3, "params.min_age.type", rules.CodeBadParamType},
		{"syntax", 2, 1, "", diag.CodeSyntax}, // yaml.v3 names the line where the broken list starts
		{"constant_call", 8, 11, "rules[0].expr", rules.CodeConstantDate},
		{"constant_call", 8, 64, "rules[0].expr", rules.CodeConstantDate}, // date(params.start)
		{"constant_call", 14, 7, "rules[1].expr", rules.CodeConstantMonth},
		{"constant_call", 15, 7, "rules[1].expr", rules.CodeConstantDuration}, // a folded block's second line
		{"constant_call", 15, 46, "rules[1].expr", rules.CodeConstantTimestamp},
		{"constant_call", 20, 41, "rules[2].expr", rules.CodeConstantZero},
		{"constant_call", 22, 31, "rules[2].message.kk", rules.CodeConstantDate},
		{"every_problem", 8, 5, "rules[0].exrp", diag.CodeUnknownHint},
		{"every_problem", 13, 11, "rules[1].when", rules.CodeConstantDate},
		{"every_problem", 14, 48, "rules[1].expr", rules.CodeCEL},
		{"every_problem", 14, 67, "rules[1].expr", rules.CodeCEL},
		{"every_problem", 15, 15, "rules[1].severity", rules.CodeBadSeverity},
		{"every_problem", 16, 5, "rules[1].message.en", rules.CodeMissingMessage},
		{"every_problem", 16, 22, "rules[1].message.kk", rules.CodeCEL},
	}
	for _, tc := range cases {
		t.Run(tc.file+"/"+tc.path, func(t *testing.T) {
			_, err := rules.Load(os.DirFS(filepath.Join("testdata", "compile")), tc.file+".yaml")
			problems := diag.Errors(err)
			require.NotEmpty(t, problems)
			for _, e := range problems {
				if e.Path == tc.path && e.Code == tc.code && e.Line == tc.line && e.Col == tc.col {
					return
				}
			}
			t.Fatalf("no %s error at %s, %d:%d among:\n%s", tc.code, tc.path, tc.line, tc.col, problems.Error())
		})
	}
}

// A rule with a misspelt key is one problem, not also "expr is missing";
// its other problems are all reported, in file order.
func TestEveryProblemOfARule(t *testing.T) {
	_, err := rules.Load(os.DirFS(filepath.Join("testdata", "compile")), "every_problem.yaml")
	problems := diag.Errors(err)
	var codes []diag.Code
	for _, p := range problems {
		codes = append(codes, p.Code)
	}
	assert.Equal(t, []diag.Code{diag.CodeUnknownHint, rules.CodeConstantDate, rules.CodeCEL, rules.CodeCEL,
		rules.CodeBadSeverity, rules.CodeMissingMessage, rules.CodeCEL}, codes)
}

// Constant calls are evaluated at load, on both sides of what they
// accept: a day that exists loads, the day after the last does not.
func TestConstantCalls(t *testing.T) {
	cases := []struct {
		expr string
		code diag.Code // "" when the policy loads
	}{
		{"volunteer.birth_date < date('2024-02-29')", ""}, // a leap year
		{"volunteer.birth_date < date('2026-02-29')", rules.CodeConstantDate},
		{"volunteer.birth_date < date('2026-12-31')", ""},
		{"volunteer.birth_date < date('2026-12-32')", rules.CodeConstantDate},
		{"volunteer.birth_date < date('26-12-01')", rules.CodeConstantDate},
		{"month_of(volunteer.birth_date) < month('2026-12')", ""},
		{"month_of(volunteer.birth_date) < month('2026-13')", rules.CodeConstantMonth},
		{"duration('36h') > duration('90m')", ""},
		{"duration('36 hours') > duration('90m')", rules.CodeConstantDuration},
		{"timestamp('2026-11-24T10:00:00Z') < timestamp('2026-11-24T10:00:01Z')", ""},
		{"timestamp('2026-11-24 10:00') < timestamp('2026-11-24T10:00:01Z')", rules.CodeConstantTimestamp},
		{"volunteer.commitment_months > 12 / 1", ""},
		{"volunteer.commitment_months > 12 / 0", rules.CodeConstantZero},
		{"volunteer.commitment_months > 12 % 0", rules.CodeConstantZero},
		{"volunteer.commitment_months > int('12')", ""},
		{"volunteer.commitment_months > int('twelve')", rules.CodeConstant},
		{"volunteer.commitment_months > 9223372036854775806 + 1", ""},
		{"volunteer.commitment_months > 9223372036854775807 + 1", rules.CodeConstantOverflow},
		{"age(date('2000-02-29'), as_of) >= 25", ""},
		// Not constant: read from the subject, evaluated at run time.
		{"volunteer.commitment_months / 0 > 1", ""},
		// Inside a macro, a constant call is still one.
		{"volunteer.languages.all(l, date('2026-02-30') < as_of)", rules.CodeConstantDate},
	}
	for _, tc := range cases {
		t.Run(tc.expr, func(t *testing.T) {
			src := "name: t\nrules:\n  - id: r\n    subject: volunteer\n    severity: warn\n" +
				"    message: {kk: a, ru: a, en: a}\n    expr: \"" + tc.expr + "\"\n"
			_, err := rules.Load(fstest.MapFS{"t.yaml": {Data: []byte(src)}}, "t.yaml")
			if tc.code == "" {
				require.NoError(t, err)
				return
			}
			problems := diag.Errors(err)
			require.Len(t, problems, 1, "%v", err)
			assert.Equal(t, tc.code, problems[0].Code)
			assert.Equal(t, 7, problems[0].Line)
		})
	}
}

// A profile replaces a base rule only when it says so with override:
// true, and says so only for a rule the base has.
func TestOverride(t *testing.T) {
	rule := func(extra string) string {
		return "name: local\nextends: guide\nrules:\n  - id: mentor.min_age\n" + extra +
			"    subject: volunteer\n    expr: \"true\"\n    severity: warn\n    message: {kk: a, ru: a, en: a}\n"
	}
	cases := []struct {
		name  string
		extra string
		code  diag.Code // "" when it loads and replaces the base rule
	}{
		{"override", "    override: true\n", ""},
		{"no override", "", rules.CodeOverrideNeeded},
		{"override false", "    override: false\n", rules.CodeOverrideNeeded},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pol, err := rules.Load(fstest.MapFS{"local.yaml": {Data: []byte(rule(tc.extra))}}, "local.yaml")
			if tc.code != "" {
				problems := diag.Errors(err)
				require.Len(t, problems, 1, "%v", err)
				assert.Equal(t, tc.code, problems[0].Code)
				assert.Equal(t, []string{"mentor.min_age", "guide"}, problems[0].Args)
				return
			}
			require.NoError(t, err)
			r, ok := pol.Rule("mentor.min_age")
			require.True(t, ok)
			assert.Equal(t, rules.Warn, r.Severity, "the profile's rule replaced the guide's")
			assert.Equal(t, "true", r.Expr)
		})
	}

	// The base itself has no base: override: true in it replaces nothing.
	src := "name: t\nrules:\n  - id: r\n    override: true\n    subject: volunteer\n    expr: \"true\"\n" +
		"    severity: warn\n    message: {kk: a, ru: a, en: a}\n"
	_, err := rules.Load(fstest.MapFS{"t.yaml": {Data: []byte(src)}}, "t.yaml")
	problems := diag.Errors(err)
	require.Len(t, problems, 1, "%v", err)
	assert.Equal(t, rules.CodeOverrideNothing, problems[0].Code)
}

// Misspelt names in a profile come back with the nearest one: a param
// override, the base policy it extends.
func TestProfileHints(t *testing.T) {
	cases := []struct {
		src  string
		code diag.Code
		args []string
	}{
		{"name: p\nextends: guide\nparams:\n  mentor_min_agee: {default: 3}\n", rules.CodeUnknownParamHint, []string{"mentor_min_agee", "mentor_min_age"}},
		{"name: p\nextends: guide\nparams:\n  frobnicate: {default: 3}\n", rules.CodeUnknownParam, []string{"frobnicate"}},
		{"name: p\nextends: guid\n", rules.CodeNotFoundHint, []string{"guid", "guide"}},
		{"name: p\nextends: nastavnki\n", rules.CodeNotFoundHint, []string{"nastavnki", "nastavniki"}},
		{"name: p\nextends: locl\n", rules.CodeNotFoundHint, []string{"locl", "local"}}, // a file beside it
		{"name: p\nextends: elsewhere\n", rules.CodeNotFound, []string{"elsewhere"}},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			fsys := fstest.MapFS{"p.yaml": {Data: []byte(tc.src)}, "local.yaml": {Data: []byte("name: local\n")}}
			_, err := rules.Load(fsys, "p.yaml")
			problems := diag.Errors(err)
			require.Len(t, problems, 1, "%v", err)
			assert.Equal(t, tc.code, problems[0].Code)
			assert.Equal(t, tc.args, problems[0].Args)
		})
	}
}
