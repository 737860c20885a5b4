package server_test

import (
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/internal/server"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// localPolicy is a profile of the guide whose minimum mentor age is age.
func localPolicy(age string) []byte {
	return []byte("name: local\nversion: \"" + age + "\"\nextends: guide\nparams:\n  mentor_min_age: {default: " + age + "}\n")
}

// writeAtomic replaces a file the way editors save: a temporary file
// renamed over it.
func writeAtomic(tb testing.TB, file string, data []byte) {
	tb.Helper()
	tmp := filepath.Join(filepath.Dir(file), ".tmp-"+filepath.Base(file))
	require.NoError(tb, os.WriteFile(tmp, data, 0o644))
	require.NoError(tb, os.Rename(tmp, file))
}

// watched builds a server on a policies folder holding files, watching it.
func watched(tb testing.TB, files map[string][]byte, opts server.Options) (*server.Server, string, *syncBuffer) {
	tb.Helper()
	dir := tb.TempDir()
	for name, data := range files {
		require.NoError(tb, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	opts.Policies = dir
	opts.Debounce = 20 * time.Millisecond
	s, log := newServer(tb, opts)
	ctx, cancel := context.WithCancel(context.Background())
	tb.Cleanup(cancel)
	require.NoError(tb, s.Watch(ctx))
	return s, dir, log
}

// findsV21 says whether checking the example with problems under policy
// reports volunteer v-21 (who is 24) as too young.
func findsV21(tb testing.TB, h http.Handler, policy string) bool {
	tb.Helper()
	w := post(tb, h, "/v1/check?policy="+policy, "application/json", readFile(tb, examples, "problems.json"))
	require.Equal(tb, http.StatusOK, w.Code, w.Body.String())
	var c wire.Check
	require.NoError(tb, json.Unmarshal(w.Body.Bytes(), &c))
	for _, f := range c.Findings {
		if f.Rule == "mentor.min_age" && f.Subject == "volunteer/v-21" {
			return true
		}
	}
	return false
}

type readiness struct {
	Status   string
	Policies []string
	Error    *wire.Error
}

func ready(tb testing.TB, h http.Handler) readiness {
	tb.Helper()
	w := get(tb, h, "/readyz")
	var r readiness
	require.NoError(tb, json.Unmarshal(w.Body.Bytes(), &r))
	return r
}

// eventually bounds the wait for a reload: generous, for a race-detector
// run on a busy machine recompiles every policy at a tenth of the speed.
const eventually = time.Minute

func TestReloadOnEdit(t *testing.T) {
	s, dir, log := watched(t, map[string][]byte{"local.yaml": localPolicy("25")}, server.Options{})
	file := filepath.Join(dir, "local.yaml")
	assert.True(t, findsV21(t, s, "local"))

	// An edit is served once it compiles.
	writeAtomic(t, file, localPolicy("24"))
	require.Eventually(t, func() bool { return !findsV21(t, s, "local") }, eventually, 10*time.Millisecond)
	assert.Equal(t, "ready", ready(t, s).Status)

	// A broken edit keeps the last good set, and says why in /readyz, the
	// log and the metrics, its problems at their lines.
	writeAtomic(t, file, []byte("name: local\nextends: guide\nparams:\n  mentor_min_agee: {default: 23}\n"))
	require.Eventually(t, func() bool { return ready(t, s).Status == "degraded" }, eventually, 10*time.Millisecond)
	r := ready(t, s)
	require.NotNil(t, r.Error)
	assert.Equal(t, wire.CodePolicyError, r.Error.Code)
	require.NotEmpty(t, r.Error.Problems)
	assert.Equal(t, "local.yaml", r.Error.Problems[0].File)
	assert.Equal(t, 4, r.Error.Problems[0].Line)
	assert.Contains(t, r.Policies, "local")
	assert.False(t, findsV21(t, s, "local"), "the last good policy (24) still serves")
	assert.Contains(t, log.String(), "policy reload failed")
	assert.Contains(t, log.String(), "local.yaml:4:")
	assert.Contains(t, scrape(t, s), "sabaq_policy_last_reload_successful 0")

	// Mended, it serves again.
	writeAtomic(t, file, localPolicy("26"))
	require.Eventually(t, func() bool { return ready(t, s).Status == "ready" }, eventually, 10*time.Millisecond)
	assert.True(t, findsV21(t, s, "local"))
	assert.Contains(t, scrape(t, s), "sabaq_policy_last_reload_successful 1")

	// A new file is a new policy. A removed one keeps serving: a reload
	// never serves less than before (a folder emptied by mistake, a
	// half-done checkout), and /readyz says which policy went missing.
	writeAtomic(t, filepath.Join(dir, "other.yaml"), []byte("name: other\nextends: guide\n"))
	require.Eventually(t, func() bool { return contains(ready(t, s).Policies, "other") }, eventually, 10*time.Millisecond)
	require.NoError(t, os.Remove(filepath.Join(dir, "other.yaml")))
	require.Eventually(t, func() bool { return ready(t, s).Status == "degraded" }, eventually, 10*time.Millisecond)
	r = ready(t, s)
	assert.Contains(t, r.Policies, "other")
	require.NotNil(t, r.Error)
	require.NotEmpty(t, r.Error.Problems)
	assert.Equal(t, string(rules.CodeDropped), r.Error.Problems[0].Code)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// A file of the folder named like an embedded policy replaces it, for the
// profiles that extend it too.
func TestFolderReplacesEmbedded(t *testing.T) {
	guide, err := fs.ReadFile(rules.Policies(), "guide.yaml")
	require.NoError(t, err)
	ours := strings.Replace(string(guide), "default: 25", "default: 24", 1)
	require.NotEqual(t, string(guide), ours)
	s, _, _ := watched(t, map[string][]byte{"guide.yaml": []byte(ours)}, server.Options{})
	assert.False(t, findsV21(t, s, "guide"))
	assert.False(t, findsV21(t, s, "nastavniki"), "nastavniki extends the folder's guide")
}

// A folder whose policies do not compile does not start.
func TestBrokenFolderDoesNotStart(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "local.yaml"), []byte("name: local\nextends: guid\n"), 0o644))
	_, err := server.New(server.Options{Policies: dir})
	require.ErrorIs(t, err, rules.ErrPolicy)
	_, err = server.New(server.Options{Policies: filepath.Join(dir, "nothing")})
	require.Error(t, err)
}

// A request in flight finishes on the policies it started with, though a
// reload swaps them meanwhile.
func TestReloadKeepsRequestsInFlight(t *testing.T) {
	s, dir, _ := watched(t, map[string][]byte{"local.yaml": localPolicy("25")}, server.Options{})
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)

	body := readFile(t, examples, "problems.json")
	pr, pw := io.Pipe()
	// On a failure below, the request still waits for its body and the
	// server's Close for the request: end the body first (cleanups run
	// last in, first out), so that a failure fails instead of hanging.
	t.Cleanup(func() { pw.CloseWithError(io.ErrUnexpectedEOF) })
	done := make(chan *http.Response, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/v1/check?policy=local", pr)
		req.Header.Set("Content-Type", "application/json")
		resp, err := ts.Client().Do(req)
		if err != nil {
			done <- nil
			return
		}
		done <- resp
	}()
	_, err := pw.Write(body[:100])
	require.NoError(t, err)
	require.Eventually(t, func() bool { return strings.Contains(scrape(t, s), "sabaq_http_requests_in_flight 1") },
		eventually, time.Millisecond)

	writeAtomic(t, filepath.Join(dir, "local.yaml"), localPolicy("24"))
	require.Eventually(t, func() bool { return !findsV21(t, s, "local") }, eventually, 10*time.Millisecond)

	_, err = pw.Write(body[100:])
	require.NoError(t, err)
	require.NoError(t, pw.Close())
	resp := <-done
	require.NotNil(t, resp)
	var c wire.Check
	require.NoError(t, json.Unmarshal(drain(t, resp), &c))
	found := false
	for _, f := range c.Findings {
		found = found || (f.Rule == "mentor.min_age" && f.Subject == "volunteer/v-21")
	}
	assert.True(t, found, "the request that started under 25 finished under 25")
}
