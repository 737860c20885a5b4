package gen_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/bench/gen"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// load writes the programme c describes in both notations and loads each
// file the way sabaq check does; both must give the same programme.
func load(t *testing.T, c gen.Config) *mentoring.Programme {
	t.Helper()
	p, err := gen.Programme(c)
	require.NoError(t, err)
	dir := t.TempDir()
	var progs []*mentoring.Programme
	for _, f := range []struct {
		name  string
		write func(*bytes.Buffer, *mentoring.Programme) error
	}{
		{"programme.json", func(b *bytes.Buffer, p *mentoring.Programme) error { return gen.WriteJSON(b, p) }},
		{"programme.yaml", func(b *bytes.Buffer, p *mentoring.Programme) error { return gen.WriteYAML(b, p) }},
	} {
		var buf bytes.Buffer
		require.NoError(t, f.write(&buf, p))
		path := filepath.Join(dir, f.name)
		require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o600))
		loaded, err := mentoring.Load(path)
		require.NoError(t, err, f.name)
		progs = append(progs, loaded)
	}
	a, err := json.Marshal(progs[0])
	require.NoError(t, err)
	b, err := json.Marshal(progs[1])
	require.NoError(t, err)
	require.JSONEq(t, string(a), string(b), "the JSON and YAML files hold the same programme")
	return progs[0]
}

func TestShape(t *testing.T) {
	p := load(t, gen.Config{Volunteers: 800, Seed: 1})
	assert.Len(t, p.Volunteers, 800)
	assert.Len(t, p.Children, 400)
	assert.Len(t, p.Tandems, 400)
	assert.Len(t, p.Agreements, 800)
	assert.Len(t, p.Reports, 6400)
	assert.Len(t, p.Groups, 100)
	assert.Len(t, p.Outings, 200-countNotActive(p))
	assert.Len(t, p.Institutions, 9)
	assert.Len(t, p.CheckIns, 400)
	assert.Greater(t, len(p.Visits), 400*12, "a visit every 12 to 14 days since March at the latest")
	for _, g := range p.Groups {
		assert.Len(t, g.Mentors, 8, g.ID)
		assert.Len(t, g.Children, 4, g.ID)
	}
}

// countNotActive counts the tandems that would have had an outing but are
// not active yet.
func countNotActive(p *mentoring.Programme) int {
	n := 0
	for i, t := range p.Tandems {
		if i%2 == 0 && t.Phase != mentoring.ActivePhase {
			n++
		}
	}
	return n
}

func TestCompliant(t *testing.T) {
	p := load(t, gen.Config{Volunteers: 1600, Seed: 2})
	pol, err := rules.Resolve("guide")
	require.NoError(t, err)
	rep, err := pol.Evaluate(context.Background(), p)
	require.NoError(t, err)
	assert.Empty(t, rep.Findings)
	assert.True(t, rep.Compliant)
}

func TestViolations(t *testing.T) {
	p := load(t, gen.Config{Volunteers: 1600, Seed: 3, Violations: 0.3})
	pol, err := rules.Resolve("guide")
	require.NoError(t, err)
	rep, err := pol.Evaluate(context.Background(), p)
	require.NoError(t, err)
	seen := map[string]int{}
	for _, f := range rep.Findings {
		seen[f.Rule]++
	}
	// Every breach the generator knows shows up as its rule's finding.
	for _, id := range []string{
		"mentor.min_age", "mentor.commitment", "volunteer.minor_consent", "volunteer.event_min_age",
		"volunteer.cascade_level", "coaching.age_range", "child.adaptation_centre_stay",
		"child.adaptation_centre_age", "mentor.screening", "mentor.agreement", "child.min_age",
		"tandem.group_first", "group.min_size", "group.max_size", "agreement.notice",
		"agreement.monthly_report", "tandem.outing_agreement",
		"tandem.regular_contact", "tandem.first_week_support", "tandem.early_closure", "mentor.single_tandem",
		"mentor.safety_briefing", "institution.coordinator", "institution.partnership_agreement",
		"institution.interaction_rules",
	} {
		assert.Positive(t, seen[id], id)
	}
}

func TestDeterministic(t *testing.T) {
	write := func(c gen.Config) []byte {
		p, err := gen.Programme(c)
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, gen.WriteJSON(&b, p))
		return b.Bytes()
	}
	c := gen.Config{Volunteers: 200, Seed: 7, Violations: 0.2}
	assert.Equal(t, write(c), write(c))
	assert.NotEqual(t, write(c), write(gen.Config{Volunteers: 200, Seed: 8, Violations: 0.2}))
}

func TestConfigErrors(t *testing.T) {
	for _, c := range []gen.Config{{Volunteers: -1}, {Volunteers: 1 << 30}, {Violations: -0.1}, {Violations: 1.5}} {
		_, err := gen.Programme(c)
		assert.ErrorIs(t, err, gen.ErrConfig, "%+v", c)
	}
}
