package format_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/rules/format"
)

func TestOrderAndLayout(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{
			name: "policy and rule keys in order, texts kk ru en",
			in: `rules:
- severity: deny
  expr: "true"
  id: a.b
  message: {en: e, kk: k, ru: r}
  subject: volunteer
name: p
version: "1"
`,
			want: `name: p
version: "1"

rules:
  - id: a.b
    subject: volunteer
    expr: "true"
    severity: deny
    message: {kk: k, ru: r, en: e}
`,
		},
		{
			name: "comments stay with their lines, a blank line between rules",
			in: `# head comment
name: p
# the rules
rules:
  # first
  - id: a
    expr: x
  # second
  - id: b   # trailing
    expr: y
`,
			want: `# head comment

name: p

# the rules
rules:
  # first
  - id: a
    expr: x

  # second
  - id: b # trailing
    expr: y
`,
		},
		{
			name: "a long expression becomes a folded block wrapped after an operator",
			in: `name: p
rules:
  - id: a
    expr: "volunteer.commitment_months >= params.mentor_min_commitment_months && volunteer.parental_consent"
`,
			want: `name: p

rules:
  - id: a
    expr: >-
      volunteer.commitment_months >= params.mentor_min_commitment_months &&
      volunteer.parental_consent
`,
		},
		{
			name: "a multi-line expression keeps its lines",
			in:   "name: p\nrules:\n  - id: a\n    expr: >-\n      x &&\n        y\n",
			want: "name: p\n\nrules:\n  - id: a\n    expr: |-\n      x &&\n        y\n",
		},
		{
			name: "unknown keys are kept after the known ones",
			in:   "zzz: 1\nname: p\n",
			want: "name: p\n\nzzz: 1\n",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := format.Source([]byte(c.in))
			require.NoError(t, err)
			assert.Equal(t, c.want, string(got))
			again, err := format.Source(got)
			require.NoError(t, err)
			assert.Equal(t, string(got), string(again), "idempotent")
		})
	}
}

func TestErrors(t *testing.T) {
	for name, src := range map[string]string{
		"not YAML":    "a: [",
		"a list":      "- a\n- b\n",
		"empty":       "",
		"only a word": "policy",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := format.Source([]byte(src))
			assert.Error(t, err)
		})
	}
}

// The embedded policies format idempotently and compile, formatted, to the
// same rules.
func TestEmbeddedPolicies(t *testing.T) {
	files, err := fs.Glob(rules.Policies(), "*.yaml")
	require.NoError(t, err)
	for _, f := range files {
		if filepath.Ext(f) != ".yaml" || len(f) > 10 && f[len(f)-10:] == "_test.yaml" {
			continue
		}
		t.Run(f, func(t *testing.T) {
			src, err := fs.ReadFile(rules.Policies(), f)
			require.NoError(t, err)
			once, err := format.Source(src)
			require.NoError(t, err)
			twice, err := format.Source(once)
			require.NoError(t, err)
			assert.Equal(t, string(once), string(twice), "fmt(fmt(x)) == fmt(x)")

			dir := t.TempDir()
			// Bases resolve next to the formatted file first, then in the
			// embedded policies.
			require.NoError(t, os.WriteFile(filepath.Join(dir, f), once, 0o644))
			formatted, err := rules.LoadFile(filepath.Join(dir, f))
			require.NoError(t, err)
			original, err := rules.Load(rules.Policies(), f)
			require.NoError(t, err)
			assert.Equal(t, strip(original.Rules()), strip(formatted.Rules()))
			assert.Equal(t, len(original.Params()), len(formatted.Params()))
		})
	}
}

// strip drops positions, which formatting moves.
func strip(rs []rules.Rule) []rules.Rule {
	out := make([]rules.Rule, len(rs))
	for i, r := range rs {
		r.Pos = rules.Rule{}.Pos
		out[i] = r
	}
	return out
}
