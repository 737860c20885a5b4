package rules_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/rules"
)

// The rule author's reference, functions.md, is generated from the
// function table and the table of subject kinds (go test -run
// TestReference -update), so it cannot drift from what the engine does.
func TestReference(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Rule author's reference\n\n")
	b.WriteString("Generated from the engine's tables by `go test ./rules -run TestReference -update`; do not edit.\n\n")
	b.WriteString("## Subjects and their variables\n\n")
	b.WriteString("Every rule names a subject kind and reads its variables, besides `params.*` and the policy's own variables. A list's limit is the `limits` entry that bounds it in the cost proof.\n\n")
	for _, k := range rules.Kinds() {
		fmt.Fprintf(&b, "### %s\n\n| variable | type | limit | what |\n|---|---|---|---|\n", k)
		for _, v := range rules.Variables(k) {
			fmt.Fprintf(&b, "| `%s` | `%s` | %s | %s |\n", v.Name, v.Type, v.Limit, v.Doc)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "## Functions\n\nThe library is at version %d. Besides standard CEL and the strings, lists, sets and math extensions, policies may call:\n\n", rules.LibraryVersion)
	b.WriteString("| function | since | what | example |\n|---|---|---|---|\n")
	var theirs []rules.Function
	for _, f := range rules.Functions() {
		if f.From != "" {
			theirs = append(theirs, f)
			continue
		}
		fmt.Fprintf(&b, "| `%s` | %d | %s | `%s` |\n", f.Signature, f.Since, f.Doc, f.Example)
	}
	b.WriteString("\n### cel-go's functions the native evaluator runs\n\nThese come from cel-go; the engine runs them natively too (see \"How it works\" in the package doc). Anything else of CEL runs on cel-go, and `sabaq policy show NAME --format json` and `sabaq lint -v` say which rules that makes.\n\n")
	b.WriteString("| function | from | note | example |\n|---|---|---|---|\n")
	for _, f := range theirs {
		fmt.Fprintf(&b, "| `%s` | %s | %s | `%s` |\n", f.Signature, f.From, f.Doc, f.Example)
	}
	got := b.String()
	if *update {
		require.NoError(t, os.WriteFile("functions.md", []byte(got), 0o644))
	}
	want, err := os.ReadFile("functions.md")
	require.NoError(t, err, "go test -run TestReference -update writes it")
	assert.Equal(t, string(want), got, "functions.md is stale: go test ./rules -run TestReference -update")
}
