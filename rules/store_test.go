package rules_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/rules"
)

func writePolicies(t *testing.T, dir string, minAge string) {
	t.Helper()
	guide, err := os.ReadFile(filepath.Join("policies", "guide.yaml"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "guide.yaml"), guide, 0o644))
	profile := "name: local\nextends: guide\nparams:\n  mentor_min_age:\n    default: " + minAge + "\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "local.yaml"), []byte(profile), 0o644))
}

func TestStoreReload(t *testing.T) {
	dir := t.TempDir()
	writePolicies(t, dir, "25")
	set, err := rules.LoadDir(os.DirFS(dir))
	require.NoError(t, err)
	assert.Equal(t, []string{"guide", "local"}, set.Names())
	store := rules.NewStore(set)

	prog := fixture()
	prog.Volunteers[0].BirthDate = d("2002-01-01") // 24
	rep, err := store.Evaluate(context.Background(), "local", prog)
	require.NoError(t, err)
	assert.Len(t, ruleFindings(rep, "mentor.min_age"), 1)

	// A good reload changes the answer.
	writePolicies(t, dir, "23")
	require.NoError(t, store.Reload(os.DirFS(dir)))
	rep, err = store.Evaluate(context.Background(), "local", prog)
	require.NoError(t, err)
	assert.Empty(t, ruleFindings(rep, "mentor.min_age"))

	// A broken reload reports where and keeps serving the last good set.
	writePolicies(t, dir, "'twenty'")
	err = store.Reload(os.DirFS(dir))
	require.ErrorIs(t, err, rules.ErrPolicy)
	assert.Contains(t, err.Error(), "local.yaml:5:14")
	rep, err = store.Evaluate(context.Background(), "local", prog)
	require.NoError(t, err)
	assert.Empty(t, ruleFindings(rep, "mentor.min_age"), "the old policy (min age 23) still serves")
}

// Evaluations run while the store is reloaded, well and badly, under -race.
func TestConcurrentEvaluateAndReload(t *testing.T) {
	good, bad := t.TempDir(), t.TempDir()
	writePolicies(t, good, "25")
	writePolicies(t, bad, "[1")
	set, err := rules.LoadDir(os.DirFS(good))
	require.NoError(t, err)
	store := rules.NewStore(set)
	prog := fixture()
	prog.Volunteers[0].BirthDate = d("2002-01-01")
	require.NoError(t, prog.Index())

	var wg sync.WaitGroup
	var evaluations atomic.Int64
	stop := make(chan struct{})
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				p, ok := store.Get("local")
				if !assert.True(t, ok) {
					return
				}
				rep, err := p.Evaluate(context.Background(), prog)
				if !assert.NoError(t, err) {
					return
				}
				assert.Len(t, ruleFindings(rep, "mentor.min_age"), 1)
				evaluations.Add(1)
			}
		})
	}
	for i := range 6 {
		if i%2 == 0 {
			assert.NoError(t, store.Reload(os.DirFS(good)))
		} else {
			assert.Error(t, store.Reload(os.DirFS(bad)))
		}
	}
	close(stop)
	wg.Wait()
	assert.Positive(t, evaluations.Load())
}
