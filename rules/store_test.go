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

	"github.com/birgemiz/sabaqtastyq/diag"
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

// A reload never serves less: an empty set, or one without a policy being
// served, is refused with the reason, and the old set keeps serving.
func TestReloadRefusesLess(t *testing.T) {
	dir := t.TempDir()
	writePolicies(t, dir, "25")
	set, err := rules.LoadDir(os.DirFS(dir))
	require.NoError(t, err)
	store := rules.NewStore(set)

	err = store.Reload(os.DirFS(t.TempDir()))
	require.ErrorIs(t, err, rules.ErrPolicy)
	assert.Equal(t, "the new set has no policy at all: the old set keeps serving", err.Error())
	assert.Equal(t, rules.CodeEmptySet, diag.Errors(err)[0].Code)

	smaller := t.TempDir()
	guide, err := os.ReadFile(filepath.Join("policies", "guide.yaml"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(smaller, "guide.yaml"), guide, 0o644))
	err = store.Reload(os.DirFS(smaller))
	require.ErrorIs(t, err, rules.ErrPolicy)
	assert.Contains(t, err.Error(), `lacks policy "local", which is being served`)
	assert.Contains(t, diag.Localize(err, diag.RU), "«local»")

	_, ok := store.Get("local")
	assert.True(t, ok, "the old set keeps serving")
	writePolicies(t, dir, "23")
	assert.NoError(t, store.Reload(os.DirFS(dir)), "the same policies, changed, reload")
}
