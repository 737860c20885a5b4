package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/internal/server"
)

// Load test figures: 16 clients share loadRequests requests.
const (
	loadClients  = 16
	loadRequests = 2400
)

// TestLoad serves on loopback and sends a few thousand requests from 16
// concurrent clients — checks of the example programmes with the embedded
// and a folder's policy, one subject, lint, listings, readiness — while the
// folder's policy is edited halfway. Every answer must be right: not one
// error. It logs the median and 99th percentile latency and the requests
// per second; it asserts no time.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("the load test runs without -short")
	}
	dir := t.TempDir()
	policyFile := filepath.Join(dir, "local.yaml")
	require.NoError(t, os.WriteFile(policyFile, localPolicy("25"), 0o644))
	s, _ := newServer(t, server.Options{Policies: dir, Debounce: 50 * time.Millisecond})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	base := "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	defer func() {
		cancel()
		require.NoError(t, <-served)
	}()

	problems := readFile(t, examples, "problems.json")
	golden := readFile(t, examples, "problems.expected.json")
	small := readFile(t, smallYAML)
	profile := []byte("name: ours\nextends: nastavniki\nparams:\n  mentor_min_age: {default: 23}\n")
	type call struct {
		method, path, ctype string
		body                []byte
		check               func(body []byte) error
	}
	isJSON := func(b []byte) error {
		if !json.Valid(b) {
			return fmt.Errorf("not JSON: %.200s", b)
		}
		return nil
	}
	checkGuide := call{"POST", "/v1/check", "application/json", problems, func(b []byte) error {
		if !bytes.Equal(b, golden) {
			return fmt.Errorf("not the golden answer: %.200s", b)
		}
		return nil
	}}
	checkLocal := call{"POST", "/v1/check?policy=local&lang=kk", "application/yaml", small, isJSON}
	checkSubject := call{"POST", "/v1/check/volunteer/v-21?policy=local", "application/json", problems, isJSON}
	checkProfile := call{"POST", "/v1/check?policy=nastavniki&lang=ru", "application/json", problems, isJSON}
	list := call{"GET", "/v1/policies", "", nil, isJSON}
	readyz := call{"GET", "/readyz", "", nil, isJSON}
	// Lint compiles a policy and its base on every call, two orders of
	// magnitude dearer than a check: one call in eighteen, as an editor
	// that lints on save would send among a platform's checks.
	lint := call{"POST", "/v1/lint?lang=ru", "application/yaml", profile, func(b []byte) error {
		if !bytes.Contains(b, []byte(`"valid": true`)) {
			return fmt.Errorf("lint: %.300s", b)
		}
		return nil
	}}
	calls := []call{
		checkGuide, checkLocal, checkSubject, checkProfile, list, checkGuide, checkLocal, readyz, checkSubject,
		checkGuide, checkLocal, checkProfile, list, checkGuide, checkLocal, readyz, checkSubject, lint,
	}

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: loadClients}, Timeout: time.Minute}
	var (
		next      atomic.Int64
		failures  atomic.Int64
		reloadAt  = loadRequests / 2
		mu        sync.Mutex
		latencies = make([]time.Duration, 0, loadRequests)
		firstErr  atomic.Value
	)
	fail := func(err error) {
		failures.Add(1)
		firstErr.CompareAndSwap(nil, err)
	}
	start := time.Now()
	var wg sync.WaitGroup
	for range loadClients {
		wg.Go(func() {
			for {
				i := next.Add(1) - 1
				if i >= loadRequests {
					return
				}
				if i == int64(reloadAt) {
					tmp := policyFile + ".tmp"
					if err := os.WriteFile(tmp, localPolicy("24"), 0o644); err != nil {
						fail(err)
					} else if err := os.Rename(tmp, policyFile); err != nil {
						fail(err)
					}
				}
				c := calls[i%int64(len(calls))]
				req, err := http.NewRequest(c.method, base+c.path, bytes.NewReader(c.body))
				if err != nil {
					fail(err)
					continue
				}
				if c.ctype != "" {
					req.Header.Set("Content-Type", c.ctype)
				}
				began := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					fail(err)
					continue
				}
				b, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				took := time.Since(began)
				switch {
				case err != nil:
					fail(err)
				case resp.StatusCode != http.StatusOK:
					fail(fmt.Errorf("%s %s: %d %.300s", c.method, c.path, resp.StatusCode, b))
				default:
					if err := c.check(b); err != nil {
						fail(fmt.Errorf("%s %s: %w", c.method, c.path, err))
					}
				}
				mu.Lock()
				latencies = append(latencies, took)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	if err := firstErr.Load(); err != nil {
		t.Errorf("first failure: %v", err)
	}
	require.Zero(t, failures.Load(), "failed requests")

	slices.Sort(latencies)
	pct := func(p float64) time.Duration { return latencies[int(p*float64(len(latencies)-1))] }
	t.Logf("%d requests from %d clients in %s: %.0f requests/s, latency p50 %s, p99 %s, max %s",
		len(latencies), loadClients, elapsed.Round(time.Millisecond), float64(len(latencies))/elapsed.Seconds(),
		pct(0.50).Round(10*time.Microsecond), pct(0.99).Round(10*time.Microsecond), latencies[len(latencies)-1].Round(time.Millisecond))

	// The edit was picked up: the folder's policy now reads 24.
	require.Eventually(t, func() bool {
		resp, err := client.Get(base + "/v1/policies/local")
		if err != nil {
			return false
		}
		return strings.Contains(string(drain(t, resp)), `"version": "24"`)
	}, eventually, 10*time.Millisecond)
	assert.Contains(t, scrape(t, s), `sabaq_policy_reloads_total{result="success"} 2`)
}
