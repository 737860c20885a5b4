package rules_test

import (
	"fmt"
	"testing"

	"cel.dev/cel-go/cel"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/rules"
)

// The function library in a CEL environment of your own, as cel-go's
// ext.Strings is used; WithLibraryVersion keeps the environment's meaning
// as the library grows.
func ExampleLibrary() {
	env, err := cel.NewEnv(rules.Library(rules.WithLibraryVersion(2)))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, expr := range []string{
		"age(date('2001-11-25'), date('2026-11-24'))",
		"add_months(date('2026-08-31'), 6) == date('2027-02-28')",
		"months_open(month('2026-01'), month('2026-04')).size()",
		"'АЛМАТЫ'.lower()",
	} {
		ast, iss := env.Compile(expr)
		if iss.Err() != nil {
			fmt.Println(iss.Err())
			return
		}
		prg, err := env.Program(ast)
		if err != nil {
			fmt.Println(err)
			return
		}
		out, _, err := prg.Eval(map[string]any{})
		fmt.Println(expr, "=", out, err)
	}
	// Output:
	// age(date('2001-11-25'), date('2026-11-24')) = 24 <nil>
	// add_months(date('2026-08-31'), 6) == date('2027-02-28') = true <nil>
	// months_open(month('2026-01'), month('2026-04')).size() = 2 <nil>
	// 'АЛМАТЫ'.lower() = алматы <nil>
}

// A library at version 1 has no lower(), which version 2 added.
func TestLibraryVersion(t *testing.T) {
	for v, ok := range map[uint32]bool{1: false, 2: true} {
		env, err := cel.NewEnv(rules.Library(rules.WithLibraryVersion(v)))
		require.NoError(t, err)
		_, iss := env.Compile("'A'.lower() == 'a'")
		assert.Equal(t, ok, iss.Err() == nil, "version %d: %v", v, iss.Err())
		_, iss = env.Compile("age(date('2001-11-25'), date('2026-11-24')) == 24")
		assert.NoError(t, iss.Err())
	}
}
