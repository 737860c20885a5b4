package format_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
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
			name: "override follows the id it is about",
			in: `name: p
extends: guide
rules:
  - subject: volunteer
    override: true
    id: mentor.min_age
    disabled: false
`,
			want: `name: p
extends: guide

rules:
  - id: mentor.min_age
    override: true
    subject: volunteer
    disabled: false
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
			want: "name: p\n\nrules:\n  - id: a\n    expr: >-\n      x &&\n        y\n",
		},
		{
			name: "an expression broken by hand keeps its breaks, re-indented",
			in: `name: p
rules:
- expr: >-
    agreements.exists(a, has(a.signed_on) && a.signed_on <= tandem.started_on &&
      (!has(a.ends_on) || a.ends_on >= tandem.started_on))
  id: a
- id: b
  when: |-
      x ||
      y
`,
			want: `name: p

rules:
  - id: a
    expr: >-
      agreements.exists(a, has(a.signed_on) && a.signed_on <= tandem.started_on &&
        (!has(a.ends_on) || a.ends_on >= tandem.started_on))

  - id: b
    when: |-
      x ||
      y
`,
		},
		{
			name: "a one-line expression that fits stays on its key's line",
			in:   "name: p\nrules:\n  - id: a\n    expr: volunteer.commitment_months >= params.mentor_min_commitment_months\n",
			want: "name: p\n\nrules:\n  - id: a\n    expr: volunteer.commitment_months >= params.mentor_min_commitment_months\n",
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
	cases := []struct {
		name, src string
		code      diag.Code
		line      int
		sentinel  error
	}{
		{"not YAML", "name: p\nrules: [\n", diag.CodeSyntax, 2, nil},
		{"a list", "- a\n- b\n", format.CodeNotPolicy, 1, format.ErrNotPolicy},
		{"empty", "", format.CodeNotPolicy, 1, format.ErrNotPolicy},
		{"only a word", "policy", format.CodeNotPolicy, 1, format.ErrNotPolicy},
		{"too many values", "name: p\nx: [" + strings.Repeat("1,", limits.PolicyValues) + "1]\n", format.CodeTooLarge, 1, format.ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := format.File("p.yaml", []byte(c.src))
			require.Error(t, err)
			l := diag.Errors(err)
			require.Len(t, l, 1, "%v", err)
			assert.Equal(t, c.code, l[0].Code)
			assert.Equal(t, "p.yaml", l[0].File)
			assert.Equal(t, c.line, l[0].Line, l[0].Error())
			if c.sentinel != nil {
				assert.ErrorIs(t, err, c.sentinel)
			}
			assert.NotContains(t, err.Error(), "format:", "no package prefix for people")
		})
	}
}

// Aliases are written back as aliases, never expanded: a billion laughs
// formats in the time its bytes take.
func TestAliasesStayAliases(t *testing.T) {
	src := "name: p\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" +
		"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n" +
		"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
	out, err := format.Source([]byte(src))
	require.NoError(t, err)
	assert.Less(t, len(out), 2*len(src))
	assert.Contains(t, string(out), "*e")
}

// FuzzSource: formatting never panics, never changes what a policy means
// (the formatted text reads back to the same values), and formats its own
// output to the same text when there are no comments to move (yaml.v3
// places a comment differently after a reformat in a few corners).
func FuzzSource(f *testing.F) {
	for _, seed := range []string{
		"name: p\nrules:\n  - id: a\n    expr: x && y\n",
		"# c\nname: p\nversion: \"1\"\ndescription: {en: e, kk: k}\n",
		"name: p\nrules:\n  - id: a\n    expr: >-\n      " + strings.Repeat("aaaa && ", 20) + "b\n",
		"name: p\nrules:\n  - id: a\n    expr: |-\n      x &&\n        y\n",
		"a: &a [x, x]\nb: [*a, *a]\n",
		"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
		"name: " + strings.Repeat("[", 50) + strings.Repeat("]", 50) + "\n",
		"- a\n",
		"a: [",
		"\x00\xff",
		"",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		once, err := format.Source(src)
		if err != nil {
			if len(diag.Errors(err)) == 0 && !strings.HasPrefix(err.Error(), "format:") {
				t.Fatalf("an error that is not a positioned problem: %v", err)
			}
			return
		}
		var before, after any
		if yaml.Unmarshal(src, &before) != nil || !stringKeys(before) {
			return // aliases yaml.v3 will not expand, or keys no policy has (null, lists)
		}
		if err := yaml.Unmarshal(once, &after); err != nil {
			t.Fatalf("the formatted text does not read back: %v\n%s", err, once)
		}
		if !reflect.DeepEqual(before, after) {
			t.Fatalf("formatting changed the values:\n%s\n---\n%s", src, once)
		}
		if bytes.ContainsRune(src, '#') {
			return
		}
		twice, err := format.Source(once)
		if err != nil {
			t.Fatalf("the formatted text does not format: %v\n%s", err, once)
		}
		if string(once) != string(twice) {
			t.Fatalf("not idempotent:\n%s\n---\n%s", once, twice)
		}
	})
}

// stringKeys reports whether every mapping in v has string keys, as every
// policy does (the encoder writes a null key back as an empty string).
func stringKeys(v any) bool {
	switch v := v.(type) {
	case map[string]any:
		for _, x := range v {
			if !stringKeys(x) {
				return false
			}
		}
	case map[any]any:
		return false
	case []any:
		for _, x := range v {
			if !stringKeys(x) {
				return false
			}
		}
	}
	return true
}

// formatted lists the embedded policies laid out as sabaq fmt lays them out:
// fmt must leave them unchanged, hand-broken expressions and all. A new
// embedded policy joins the list once it is formatted.
var formatted = map[string]bool{"guide.yaml": true, "nastavniki.yaml": true, "pairs.yaml": true}

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
			if formatted[f] {
				assert.Equal(t, string(src), string(once), "sabaq fmt leaves a formatted embedded policy unchanged")
			} else if string(src) != string(once) {
				t.Logf("%s is not laid out as sabaq fmt lays it out yet (its owner runs sabaq fmt -w)", f)
			}

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
