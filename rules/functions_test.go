package rules

import (
	"context"
	"testing"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules/internal/subject"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// Every documented example of the function library compiles, and the ones
// that are conditions hold.
func TestFunctionExamples(t *testing.T) {
	pol, err := Load(Policies(), "guide")
	require.NoError(t, err)
	k, _ := subject.Lookup(string(KindVolunteer))
	env := pol.kinds[k].env
	for _, f := range Functions() {
		env := env
		if f.Message {
			env = pol.kinds[k].messageEnv(pol.kinds[k].scope.Lib, diag.KK)
		}
		ast, iss := env.Compile(f.Example)
		require.NoError(t, iss.Err(), f.Signature)
		prg, err := env.Program(ast, cel.EvalOptions(cel.OptOptimize))
		require.NoError(t, err)
		out, _, err := prg.Eval(map[string]any{})
		require.NoError(t, err, f.Example)
		if _, isBool := out.(types.Bool); isBool {
			assert.Equal(t, types.True, out, f.Example)
		}
	}
}

// pair.same_city compares cities in any case and script: "АЛМАТЫ" is
// "Алматы" (lowerAscii would have kept them apart).
func TestSameCityIgnoresCyrillicCase(t *testing.T) {
	pol, err := Load(Policies(), "pairs")
	require.NoError(t, err)
	prog := &mentoring.Programme{AsOf: civil.D(2026, 11, 24),
		Institutions: []mentoring.Institution{{ID: "i-1", Name: "Home", Kind: mentoring.Orphanage, City: "Алматы"}},
		Volunteers: []volunteer.Volunteer{
			{ID: "v-1", FullName: "A", BirthDate: civil.D(1990, 1, 1), Role: volunteer.IndividualMentor, City: "АЛМАТЫ"},
			{ID: "v-2", FullName: "B", BirthDate: civil.D(1990, 1, 1), Role: volunteer.IndividualMentor, City: "Астана"}},
		Children: []mentoring.Child{{ID: "c-1", Institution: "i-1", BirthDate: civil.D(2014, 1, 1)}},
	}
	require.NoError(t, prog.Index())
	ruled := func(d PairDecision) bool {
		for _, f := range d.Violations {
			if f.Rule == "pair.same_city" {
				return true
			}
		}
		return false
	}
	for _, celOnly := range []bool{false, true} {
		var opts []EvalOption
		if celOnly {
			opts = append(opts, WithCELOnly())
		}
		same, err := pol.Pair(context.Background(), prog, &prog.Volunteers[0], &prog.Children[0], opts...)
		require.NoError(t, err)
		assert.False(t, ruled(same), "АЛМАТЫ and Алматы are one city")
		other, err := pol.Pair(context.Background(), prog, &prog.Volunteers[1], &prog.Children[0], opts...)
		require.NoError(t, err)
		assert.True(t, ruled(other), "Астана is another city")
	}
}
