package rules

import (
	"context"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
)

// A programme large enough to be evaluated in spans side by side gives the
// report one goroutine gives, finding for finding and outcome for outcome,
// in the same order.
func TestParallelEvaluationIsSequentialEvaluation(t *testing.T) {
	prog := randomProgramme(rand.New(rand.NewPCG(7, 11)), parallelFrom+1500)
	p := mustGuide(t)
	eval := func(procs int) *Report {
		t.Helper()
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		rep, err := p.Evaluate(context.Background(), prog, WithOutcomes(), WithLang(diag.RU))
		require.NoError(t, err)
		return rep
	}
	one, four := eval(1), eval(4)
	require.NotEmpty(t, one.Findings, "the random programme breaks rules")
	assert.Equal(t, one, four)
	assert.Equal(t, one, eval(3))
}

// A cancelled context stops every span and Evaluate returns its error, not
// a partial report.
func TestParallelEvaluationCancelled(t *testing.T) {
	prog := randomProgramme(rand.New(rand.NewPCG(7, 11)), parallelFrom+1500)
	p := mustGuide(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rep, err := p.Evaluate(ctx, prog)
	require.ErrorIs(t, err, context.Canceled)
	assert.Nil(t, rep)
}
