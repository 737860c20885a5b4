package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules/internal/library"
	"github.com/birgemiz/sabaqtastyq/rules/internal/native"
	"github.com/birgemiz/sabaqtastyq/rules/internal/subject"
)

// conformanceCase is one row of testdata/conformance (see its README).
type conformanceCase struct {
	Expr    string `yaml:"expr"`
	Subject string `yaml:"subject"`
	Want    string `yaml:"want"`
	Error   string `yaml:"error"`
	Native  *bool  `yaml:"native"`
	GivesUp bool   `yaml:"gives_up"`
	Why     string `yaml:"why"`
	// Lang compiles the case as a message placeholder in that language,
	// with the message functions (say, quantity, words).
	Lang diag.Lang `yaml:"lang"`
}

// TestConformance runs the conformance table on cel-go and on the native
// evaluator, as testing/slogtest runs a handler: the same cases, the same
// answers. It then checks that every function, operator and macro the
// native evaluator claims is exercised by some case.
func TestConformance(t *testing.T) {
	pol, err := Load(Policies(), "guide")
	require.NoError(t, err)
	prog, err := mentoring.Load(filepath.Join("..", "examples", "data", "programme.json"))
	require.NoError(t, err)
	asOf, at, err := prepare(prog, prog.AsOf)
	require.NoError(t, err)
	files, err := filepath.Glob(filepath.Join("testdata", "conformance", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	covered := map[string]bool{}
	for _, file := range files {
		raw, err := os.ReadFile(file)
		require.NoError(t, err)
		var cases []conformanceCase
		require.NoError(t, yaml.Unmarshal(raw, &cases), file)
		for _, c := range cases {
			if c.Subject == "" {
				c.Subject = "volunteer/v-1"
			}
			t.Run(filepath.Base(file)+"/"+c.Subject+"/"+string(c.Lang)+"/"+c.Expr, func(t *testing.T) {
				kind, id, _ := strings.Cut(c.Subject, "/")
				k, ok := subject.Lookup(kind)
				require.True(t, ok, "kind %s", kind)
				i, ok := k.Find(at, prog, id)
				require.True(t, ok, "no subject %s", c.Subject)
				ke := pol.kinds[k]
				require.NotNil(t, ke, "the guide has no rules of kind %s", kind)
				env := ke.env
				if c.Lang != "" {
					env = ke.messageEnv(ke.scope.Lib, c.Lang)
				}
				a, iss := env.Compile(c.Expr)
				require.NoError(t, iss.Err())
				cover(a.NativeRep(), covered)

				// Compiled before the subject is bound: compiling may add
				// comprehension slots to the kind's frames.
				fn, nerr := native.Compile(a.NativeRep(), ke.scope)
				st := newState(nil)
				defer st.release()
				st.fr.Use(ke.native)
				st.bind(ke, prog, at, i, 0, asOf)

				prg, err := env.Program(a)
				require.NoError(t, err)
				celV, _, refErr := prg.Eval(&st.a)

				if c.Native != nil && !*c.Native {
					require.Error(t, nerr, "the case says it is not native, but it compiles: update the case")
					require.NotEmpty(t, c.Why)
				} else {
					require.NoError(t, nerr)
				}
				var got ref.Val
				var out native.Outcome
				if fn != nil {
					st.guard(pol)
					v, o, why := native.Value(st.fr, fn)
					require.NotEqual(t, native.Fault, o, why)
					out = o
					if o == native.Pass {
						got = library.ToRef(v, pol.adapter)
					}
				}
				if c.Error != "" {
					require.Error(t, refErr, "cel-go")
					assert.Contains(t, refErr.Error(), c.Error, "cel-go's error")
					if fn != nil {
						assert.Equal(t, native.Bail, out, "the native evaluator gives an error up to cel-go")
					}
					return
				}
				require.NoError(t, refErr, "cel-go")
				want := constant(t, pol, c.Want)
				assert.Equal(t, types.True, celV.Equal(want), "cel-go: %v, want %v", celV, want)
				if fn != nil && c.GivesUp {
					assert.Equal(t, native.Bail, out, "the case says the native evaluator gives it up")
				} else if fn != nil {
					require.Equal(t, native.Pass, out, "native")
					assert.Equal(t, types.True, got.Equal(want), "native: %v, want %v", got, want)
					assert.Equal(t, format(celV), format(got), "shown alike")
				}
			})
		}
	}
	t.Run("coverage", func(t *testing.T) {
		var claimed []string
		vk, _ := subject.Lookup("volunteer")
		for _, f := range pol.kinds[vk].scope.Lib.Funcs() {
			for _, o := range f.Overloads {
				if o.Native.Arity() > 0 {
					claimed = append(claimed, o.ID)
				}
			}
		}
		claimed = append(claimed, native.Operators...)
		claimed = append(claimed, native.Macros...)
		for _, c := range claimed {
			assert.True(t, covered[c], "no conformance case exercises %s", c)
		}
	})
}

// cover records the overloads, operators and macros an expression uses.
func cover(a *ast.AST, covered map[string]bool) {
	ast.PostOrderVisit(a.Expr(), ast.NewExprVisitor(func(e ast.Expr) {
		if e.Kind() != ast.CallKind {
			return
		}
		covered[e.AsCall().FunctionName()] = true
		for _, id := range a.GetOverloadIDs(e.ID()) {
			covered[id] = true
		}
	}))
	for _, m := range a.SourceInfo().MacroCalls() {
		if m.Kind() == ast.CallKind {
			name := m.AsCall().FunctionName()
			if name == "map" && len(m.AsCall().Args()) == 3 {
				name = "map" // map with a filter
			}
			covered[name] = true
		}
	}
}

// constant evaluates a case's want, a CEL constant expression.
func constant(t *testing.T, pol *Policy, expr string) ref.Val {
	t.Helper()
	k, _ := subject.Lookup("volunteer")
	env := pol.kinds[k].env
	a, iss := env.Compile(expr)
	require.NoError(t, iss.Err(), expr)
	prg, err := env.Program(a, cel.EvalOptions(cel.OptOptimize))
	require.NoError(t, err)
	v, _, err := prg.Eval(map[string]any{})
	require.NoError(t, err, expr)
	return v
}
