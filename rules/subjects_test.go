package rules_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/questionnaire"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// The questionnaire package ships boundary responses with the roles they
// should get; the role policy must agree with every one of them.
func TestRespondentRoleSuggestions(t *testing.T) {
	var expected struct {
		AsOf  string `yaml:"as_of"`
		Cases map[string]struct {
			Roles    []string `yaml:"roles"`
			Warnings []string `yaml:"warnings"`
		} `yaml:"cases"`
	}
	dir := filepath.Join("..", "questionnaire", "testdata", "roles")
	raw, err := os.ReadFile(filepath.Join(dir, "expected.yaml"))
	require.NoError(t, err)
	require.NoError(t, yaml.Unmarshal(raw, &expected))
	require.NotEmpty(t, expected.Cases)
	asOf, err := civil.ParseDate(expected.AsOf)
	require.NoError(t, err)
	p := load(t, "questionnaire")
	for name, want := range expected.Cases {
		t.Run(name, func(t *testing.T) {
			resp, err := questionnaire.Load(filepath.Join(dir, name+".json"))
			require.NoError(t, err)
			decisions, err := p.Respondent(context.Background(), &resp, asOf, rules.WithLang(diag.KK))
			require.NoError(t, err)
			var roles, warnings []string
			for _, d := range decisions {
				if d.Result != rules.NotApplies {
					assert.NotEmpty(t, d.Message, d.Rule)
				}
				assert.NotContains(t, d.Message, "‹?›")
				switch {
				case d.Severity == rules.Deny && d.Result == rules.Passed:
					roles = append(roles, strings.TrimPrefix(d.Rule, "role."))
				case d.Severity == rules.Warn && d.Result == rules.Failed:
					warnings = append(warnings, d.Rule)
				case d.Result == rules.Errored:
					t.Errorf("%s: %s", d.Rule, d.Message)
				}
			}
			assert.ElementsMatch(t, want.Roles, roles)
			assert.ElementsMatch(t, want.Warnings, warnings)
		})
	}
}

func TestPair(t *testing.T) {
	p := load(t, "pairs")
	prog := fixture()
	prog.Volunteers[0].Status = volunteer.Active
	prog.Volunteers[0].City = "Almaty"
	prog.Volunteers[0].Languages = []string{"kk", "ru"}
	child := &prog.Children[2]
	child.Languages = []string{"ru"}
	dec, err := p.Pair(context.Background(), prog, &prog.Volunteers[0], child)
	require.NoError(t, err)
	assert.True(t, dec.Allowed, "%+v", dec.Violations)
	assert.NotEmpty(t, dec.Parts)

	child.Languages = []string{"en"}
	dec, err = p.Pair(context.Background(), prog, &prog.Volunteers[0], child)
	require.NoError(t, err)
	assert.False(t, dec.Allowed)
	require.NotEmpty(t, dec.Violations)
	assert.Equal(t, "pair.shared_language", dec.Violations[0].Rule)

	_, err = load(t, "guide").Pair(context.Background(), prog, &prog.Volunteers[0], child)
	require.ErrorIs(t, err, rules.ErrInput)
}

var _ = mentoring.Orphanage
