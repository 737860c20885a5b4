package yamlnode_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/internal/yamlnode"
)

// laughs builds a billion laughs of n levels of nine aliases each.
func laughs(n int) string {
	var b strings.Builder
	b.WriteString("l0: &l0 [x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < n; i++ {
		ref := fmt.Sprintf("*l%d", i-1)
		fmt.Fprintf(&b, "l%d: &l%d [%s]\n", i, i, strings.Repeat(ref+", ", 8)+ref)
	}
	return b.String()
}

func TestCheck(t *testing.T) {
	cases := []struct {
		name string
		src  string
		code diag.Code // "" when the document passes
		line int
	}{
		{"no aliases", "a: [1, 2, 3]\nb: {c: d}\n", "", 0},
		{"a few aliases", "a: &a {x: 1, y: 2}\nb: [*a, *a, *a]\n", "", 0},
		// 9^4 = 6561 values added: within the budget; 9^5 is not.
		{"four levels of laughs", laughs(4), "", 0},
		{"five levels of laughs", laughs(5), yamlnode.CodeAliases, 5},
		{"eight levels of laughs", laughs(8), yamlnode.CodeAliases, 8},
		{"an alias inside its anchor", "a: &a [1, *a]\n", yamlnode.CodeAliases, 1},
		{"nesting at the limit", strings.Repeat("[", limits.Depth) + strings.Repeat("]", limits.Depth), "", 0},
		{"nesting past the limit", strings.Repeat("[", limits.Depth+1) + strings.Repeat("]", limits.Depth+1), decode.CodeTooDeep, 1},
		{"nesting through an alias", "a: &a " + strings.Repeat("[", 60) + strings.Repeat("]", 60) + "\nb: " + strings.Repeat("[", 50) + "*a" + strings.Repeat("]", 50) + "\n", decode.CodeTooDeep, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root, perr := yamlnode.Parse("f.yaml", []byte(c.src))
			require.Nil(t, perr)
			e := yamlnode.Check(root, "f.yaml")
			if c.code == "" {
				assert.Nil(t, e)
				return
			}
			require.NotNil(t, e)
			assert.Equal(t, c.code, e.Code)
			assert.Equal(t, "f.yaml", e.File)
			assert.Equal(t, c.line, e.Line, e.Error())
		})
	}
}

func TestParse(t *testing.T) {
	_, e := yamlnode.Parse("f.yaml", nil)
	require.NotNil(t, e)
	assert.Equal(t, "f.yaml:1:1: the file is not valid JSON or YAML: empty document", e.Error())
	_, e = yamlnode.Parse("f.yaml", []byte("a: 1\nb: [\n"))
	require.NotNil(t, e)
	assert.Equal(t, diag.CodeSyntax, e.Code)
	assert.Equal(t, 2, e.Line)
	n, e := yamlnode.Parse("f.yaml", []byte("a: 1\n---\nb: 2\n"))
	require.Nil(t, e)
	assert.Equal(t, "a", n.Content[0].Value, "the first document")
}

func ExampleCheck() {
	root, _ := yamlnode.Parse("suite.yaml", []byte("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"+
		"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"))
	fmt.Println(yamlnode.Check(root, "suite.yaml"))
	// Output:
	// suite.yaml:5:5: YAML aliases expand to more than 10000 values; write the repeated values out
}
