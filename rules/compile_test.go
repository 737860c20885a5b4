package rules_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
		{"unknown_param_override", 4, 3, "params.mentor_min_agee", rules.CodeUnknownParam},
		{"duplicate_id", 11, 9, "rules[1].id", rules.CodeDuplicateRule},
		{"misspelled_key", 7, 5, "rules[0].subjct", diag.CodeUnknownHint},
		{"block_scalar", 10, 30, "rules[0].expr", rules.CodeCEL},
		{"too_costly", 10, 11, "rules[0].expr", rules.CodeTooCostly},
		{"bad_params", 3, 3, "params.min_age.type", rules.CodeBadParamType},
		{"syntax", 2, 1, "", diag.CodeSyntax}, // yaml.v3 names the line where the broken list starts
	}
	for _, tc := range cases {
		t.Run(tc.file+"/"+tc.path, func(t *testing.T) {
			_, err := rules.Load(os.DirFS(filepath.Join("testdata", "compile")), tc.file+".yaml")
			problems := diag.Errors(err)
			require.NotEmpty(t, problems)
			for _, e := range problems {
				if e.Path == tc.path && e.Code == tc.code {
					assert.Equal(t, tc.line, e.Line, e.Error())
					assert.Equal(t, tc.col, e.Col, e.Error())
					return
				}
			}
			t.Fatalf("no %s error at %s among:\n%s", tc.code, tc.path, problems.Error())
		})
	}
}
