package wire_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

func evaluate(t *testing.T, file string) *rules.Report {
	t.Helper()
	prog, err := mentoring.Load(file)
	require.NoError(t, err)
	pol, err := rules.Resolve(rules.DefaultPolicy)
	require.NoError(t, err)
	rep, err := pol.Evaluate(context.Background(), prog)
	require.NoError(t, err)
	return rep
}

// The check object is byte for byte the golden output of
// `sabaq check --format json` for the example with problems, and the same
// document as the report's own JSON for both examples.
func TestCheckIsTheCommandLinesObject(t *testing.T) {
	examples := filepath.Join("..", "..", "examples", "data")
	golden, err := os.ReadFile(filepath.Join(examples, "problems.expected.json"))
	require.NoError(t, err)

	var got bytes.Buffer
	require.NoError(t, wire.Encode(&got, wire.CheckOf(evaluate(t, filepath.Join(examples, "problems.json")))))
	assert.Equal(t, string(golden), got.String())

	for _, name := range []string{"problems.json", "programme.json"} {
		t.Run(name, func(t *testing.T) {
			rep := evaluate(t, filepath.Join(examples, name))
			var direct, shaped bytes.Buffer
			require.NoError(t, wire.Encode(&direct, rep))
			require.NoError(t, wire.Encode(&shaped, wire.CheckOf(rep)))
			assert.Equal(t, direct.String(), shaped.String())
		})
	}
}

func TestCheckWithoutFindingsHasAnEmptyList(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, wire.Encode(&buf, wire.CheckOf(&rules.Report{Policy: "guide", Compliant: true})))
	assert.Contains(t, buf.String(), `"findings": []`)
}

// A problem keeps its place as fields, its message without them, and
// never its snippet.
func TestProblemOf(t *testing.T) {
	e := diag.New(diag.CodeBadDate, "volunteers[0].birth_date", "1990-02-30").
		At(diag.Pos{File: "p.json", Line: 5, Col: 53})
	e.Snippet = `{"full_name": "Aigerim Sadykova", "birth_date": "1990-02-30"}`
	tests := []struct {
		lang diag.Lang
		want string
	}{
		{diag.EN, `"1990-02-30" is not a date: want an existing day as YYYY-MM-DD`},
		{diag.RU, "«1990-02-30» — неверная дата: нужен существующий день в формате ГГГГ-ММ-ДД"},
		{diag.KK, "«1990-02-30» күні дұрыс емес: ЖЖЖЖ-АА-КК пішімінде нақты күн болуы керек"},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			p := wire.ProblemOf(e, tt.lang)
			assert.Equal(t, wire.Problem{File: "p.json", Line: 5, Column: 53, Path: "volunteers[0].birth_date",
				Code: "bad_date", Message: tt.want}, p)
			b, err := json.Marshal(wire.NewError(wire.CodeInvalidInput, tt.lang, diag.List{e}))
			require.NoError(t, err)
			assert.NotContains(t, string(b), "Sadykova")
			assert.NotContains(t, string(b), "snippet")
		})
	}
}

func TestProblemWithoutPlaceLeavesItOut(t *testing.T) {
	b, err := json.Marshal(wire.ProblemOf(diag.New(diag.CodeRequired, "rule"), diag.EN))
	require.NoError(t, err)
	assert.JSONEq(t, `{"path": "rule", "code": "required", "message": "required field is missing"}`, string(b))
}

// Every error code speaks the three languages, each differently, and no
// message is the bare code.
func TestEveryCodeHasMessages(t *testing.T) {
	for _, c := range wire.Codes() {
		t.Run(string(c), func(t *testing.T) {
			seen := map[string]bool{}
			for _, l := range diag.Langs {
				m := c.Message(l, "X", "Y")
				assert.NotEqual(t, string(c), m, "%s has no %s message", c, l)
				assert.NotContains(t, m, "{0}")
				seen[m] = true
			}
			assert.Len(t, seen, len(diag.Langs), "a language repeats another's message")
		})
	}
}

func TestNewErrorShape(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, wire.Encode(&buf, wire.NewError(wire.CodeTooLarge, diag.EN, nil, "64 MiB")))
	assert.Equal(t, `{
  "error": {
    "code": "too_large",
    "message": "the request body is too large: the limit is 64 MiB"
  }
}
`, buf.String())
}

func TestLintOf(t *testing.T) {
	good := []byte(`name: mine
extends: guide
params:
  mentor_min_age: {default: 23}
`)
	broken := []byte(`name: broken
rules:
  - id: a.b
    subject: volunteer
    expr: volunteer.agee >= 3
    severity: deny
    message: {kk: "a", ru: "b", en: "c"}
`)
	tests := []struct {
		name      string
		src       []byte
		valid     bool
		problems  int
		firstLine int
	}{
		{"profile", good, true, 0, 0},
		{"broken", broken, false, 1, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"p.yaml": {Data: tt.src}}
			pol, err := rules.Load(fsys, "p.yaml")
			l, err := wire.LintOf("p.yaml", pol, err, diag.EN)
			require.NoError(t, err)
			assert.Equal(t, tt.valid, l.Valid)
			require.Len(t, l.Problems, tt.problems)
			assert.NotNil(t, l.Warnings)
			if tt.problems > 0 {
				assert.Equal(t, "p.yaml", l.Problems[0].File)
				assert.Equal(t, tt.firstLine, l.Problems[0].Line)
				assert.Equal(t, "rules[0].expr", l.Problems[0].Path)
			} else {
				assert.Equal(t, "mine", l.Name)
				assert.Positive(t, l.RuleCount)
			}
		})
	}
}

func TestPolicyOf(t *testing.T) {
	pol, err := rules.Resolve("nastavniki")
	require.NoError(t, err)
	p := wire.PolicyOf(pol, diag.RU)
	assert.Equal(t, "guide", p.Extends)
	assert.Equal(t, len(pol.Rules()), p.RuleCount)
	assert.Len(t, p.Rules, p.RuleCount)
	var age wire.Param
	for _, par := range p.Params {
		if par.Name == "mentor_min_commitment_months" {
			age = par
		}
	}
	assert.EqualValues(t, 24, age.Value, "the profile's override is the value shown")
	assert.NotEmpty(t, age.Description)
}
