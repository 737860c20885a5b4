package server_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/internal/server"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// scrape returns /metrics as text.
func scrape(tb testing.TB, h http.Handler) string {
	tb.Helper()
	w := get(tb, h, "/metrics")
	require.Equal(tb, http.StatusOK, w.Code)
	return w.Body.String()
}

// A body over the limit is refused with 413, whether its length is
// announced or streamed, and the service stays healthy: the next requests,
// on the same client, are served.
func TestTooLargeLeavesTheServiceHealthy(t *testing.T) {
	s, _ := newServer(t, server.Options{MaxBody: 1 << 20})
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	huge := append([]byte(`{"as_of": "2026-11-24", "x": "`), bytes.Repeat([]byte("x"), 2<<20)...)

	for _, chunked := range []bool{false, true} {
		var body io.Reader = bytes.NewReader(huge)
		if chunked {
			body = io.MultiReader(body) // no length: sent chunked
		}
		req, err := http.NewRequest(http.MethodPost, ts.URL+"/v1/check", body)
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		resp, err := ts.Client().Do(req)
		require.NoError(t, err)
		b := drain(t, resp)
		require.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode, "chunked %v: %s", chunked, b)
		conforms(t, http.MethodPost, "/v1/check", resp.StatusCode, resp.Header.Get("Content-Type"), b)
		var e wire.ErrorBody
		require.NoError(t, json.Unmarshal(b, &e))
		assert.Equal(t, wire.CodeTooLarge, e.Error.Code)
		assert.Contains(t, e.Error.Message, "1 MiB")
	}

	resp, err := ts.Client().Get(ts.URL + "/healthz")
	require.NoError(t, err)
	drain(t, resp)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	resp, err = ts.Client().Post(ts.URL+"/v1/check", "application/json", bytes.NewReader(readFile(t, examples, "problems.json")))
	require.NoError(t, err)
	assert.Equal(t, string(readFile(t, examples, "problems.expected.json")), string(drain(t, resp)))
}

// holdRequest starts a check whose body is written only when release is
// called, so that it stays in flight; it returns once the server counts it.
func holdRequest(t *testing.T, s *server.Server, url string) (release func() *http.Response) {
	t.Helper()
	pr, pw := io.Pipe()
	done := make(chan *http.Response, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, url+"/v1/check", pr)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Log(err)
			done <- nil
			return
		}
		done <- resp
	}()
	_, err := pw.Write([]byte(" "))
	require.NoError(t, err)
	require.Eventually(t, func() bool { return strings.Contains(scrape(t, s), "sabaq_http_requests_in_flight 1") },
		eventually, time.Millisecond)
	return func() *http.Response {
		_, err := pw.Write(readFile(t, examples, "programme.json"))
		require.NoError(t, err)
		require.NoError(t, pw.Close())
		return <-done
	}
}

// Past the cap on requests in flight a request gets 503 with Retry-After;
// the probes and the metrics still answer.
func TestOverloaded(t *testing.T) {
	s, _ := newServer(t, server.Options{MaxInFlight: 1})
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	release := holdRequest(t, s, ts.URL)

	w := post(t, s, "/v1/check", "application/json", readFile(t, examples, "programme.json"))
	require.Equal(t, http.StatusServiceUnavailable, w.Code)
	assert.Equal(t, "1", w.Header().Get("Retry-After"))
	assert.Equal(t, wire.CodeOverloaded, errorOf(t, w).Code)
	assert.Equal(t, http.StatusServiceUnavailable, get(t, s, "/v1/policies").Code)
	for _, probe := range []string{"/healthz", "/readyz", "/metrics"} {
		assert.Equal(t, http.StatusOK, get(t, s, probe).Code, probe)
	}

	resp := release()
	require.NotNil(t, resp)
	drain(t, resp)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, http.StatusOK, post(t, s, "/v1/check", "application/json", readFile(t, examples, "programme.json")).Code)
}

// On shutdown /readyz turns 503, new connections are refused, and a
// request in flight is finished before Serve returns.
func TestGracefulShutdown(t *testing.T) {
	s, log := newServer(t, server.Options{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	url := "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	require.Eventually(t, func() bool {
		resp, err := http.Get(url + "/readyz")
		if err != nil {
			return false
		}
		drain(t, resp)
		return resp.StatusCode == http.StatusOK
	}, eventually, 10*time.Millisecond)

	release := holdRequest(t, s, url)
	cancel()
	require.Eventually(t, func() bool { return get(t, s, "/readyz").Code == http.StatusServiceUnavailable },
		eventually, time.Millisecond)
	assert.Equal(t, "shutting_down", ready(t, s).Status)

	resp := release()
	require.NotNil(t, resp)
	b := drain(t, resp)
	assert.Equal(t, http.StatusOK, resp.StatusCode, string(b))
	select {
	case err := <-served:
		require.NoError(t, err)
	case <-time.After(eventually):
		t.Fatal("Serve did not return")
	}
	_, err = http.Get(url + "/healthz")
	assert.Error(t, err, "no new connection after shutdown")
	assert.Contains(t, log.String(), `"msg":"stopped"`)
}

// The access log names routes, statuses and times — never a body, a
// name, a birth date, a contact, an id from a path or a query value other
// than policy, lang and as_of.
func TestAccessLogHasNoPersonalData(t *testing.T) {
	s, log := newServer(t, server.Options{})
	body := readFile(t, examples, "problems.json")
	post(t, s, "/v1/check?policy=guide&lang=kk&as_of=2026-11-20", "application/json", body)
	post(t, s, "/v1/check/volunteer/v-21", "application/json", body)
	post(t, s, "/v1/explain?rule=mentor.min_age&subject=volunteer/v-22", "application/json", body)
	post(t, s, "/v1/check", "application/json", append(body[:len(body)-3:len(body)-3], []byte("]}")...))
	post(t, s, "/v1/match?institution=inst-1", "application/json", body)
	do(t, s, request{method: http.MethodGet, target: "/v1/policies", header: map[string]string{"X-Request-Id": "Aigerim-Sadykova"}})
	post(t, s, "/v1/check?policy=Aigerim&lang=Sadykova&as_of=Ospanova", "application/json", body)
	do(t, s, request{method: "DANA", target: "/v1/policies"})
	do(t, s, request{method: http.MethodGet, target: "/healthz", header: map[string]string{"X-Request-Id": "4bf92f35-77b3-4da6-a3ce-929d0e0e4736"}})

	prog, err := mentoring.Parse(body, "", mentoring.JSON)
	require.NoError(t, err)
	var secrets []string
	for _, v := range prog.Volunteers {
		secrets = append(secrets, v.FullName, v.BirthDate.String(), v.ID+"\"")
		if v.Contacts != nil {
			secrets = append(secrets, v.Contacts.Phone, v.Contacts.Email)
		}
	}
	for _, c := range prog.Children {
		secrets = append(secrets, c.BirthDate.String())
	}
	secrets = append(secrets, "mentor.min_age", "inst-1", "Aigerim", "Sadykova", "Ospanova", "DANA")

	allowed := map[string]bool{"time": true, "level": true, "msg": true, "id": true, "method": true, "route": true,
		"status": true, "bytes": true, "ms": true, "error": true, "policy": true, "lang": true, "as_of": true}
	lines := 0
	sc := bufio.NewScanner(strings.NewReader(log.String()))
	for sc.Scan() {
		var entry map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &entry))
		for k := range entry {
			assert.True(t, allowed[k], "the log has a field %q", k)
		}
		for _, secret := range secrets {
			if secret != "" && secret != "\"" {
				assert.NotContains(t, sc.Text(), secret)
			}
		}
		lines++
	}
	assert.Equal(t, 9, lines)
	assert.Contains(t, log.String(), `"route":"POST /v1/check/{kind}/{id}"`)
	assert.Contains(t, log.String(), `"as_of":"2026-11-20"`)
	assert.Contains(t, log.String(), `"policy":"unknown","lang":"en","as_of":"invalid"`)
	assert.Contains(t, log.String(), `"id":"4bf92f35-77b3-4da6-a3ce-929d0e0e4736"`, "a trace id is kept")
}

// The metrics are Prometheus text: requests by route and status, latency
// histograms, evaluations, findings by rule, policy reloads.
func TestMetrics(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	body := readFile(t, examples, "problems.json")
	for range 3 {
		post(t, s, "/v1/check", "application/json", body)
	}
	post(t, s, "/v1/check", "text/plain", body)
	get(t, s, "/v1/nothing")

	parser := expfmt.NewTextParser(model.LegacyValidation)
	families, err := parser.TextToMetricFamilies(strings.NewReader(scrape(t, s)))
	require.NoError(t, err)
	value := func(name string, labels map[string]string) float64 {
		t.Helper()
		f, ok := families[name]
		require.True(t, ok, "no metric %s", name)
		for _, m := range f.GetMetric() {
			match := true
			for _, lp := range m.GetLabel() {
				if want, ok := labels[lp.GetName()]; ok && want != lp.GetValue() {
					match = false
				}
			}
			if !match {
				continue
			}
			switch {
			case m.Counter != nil:
				return m.GetCounter().GetValue()
			case m.Gauge != nil:
				return m.GetGauge().GetValue()
			case m.Histogram != nil:
				return float64(m.GetHistogram().GetSampleCount())
			}
		}
		t.Fatalf("no %s%v", name, labels)
		return 0
	}
	assert.Equal(t, 3.0, value("sabaq_http_requests_total", map[string]string{"route": "POST /v1/check", "code": "200"}))
	assert.Equal(t, 1.0, value("sabaq_http_requests_total", map[string]string{"route": "POST /v1/check", "code": "415"}))
	assert.Equal(t, 1.0, value("sabaq_http_requests_total", map[string]string{"route": "/v1/", "code": "404"}))
	assert.Equal(t, 4.0, value("sabaq_http_request_duration_seconds", map[string]string{"route": "POST /v1/check"}))
	assert.Equal(t, 3.0, value("sabaq_evaluations_total", map[string]string{"policy": "guide", "compliant": "false"}))
	assert.Equal(t, 3.0, value("sabaq_findings_total", map[string]string{"policy": "guide", "rule": "mentor.min_age", "severity": "deny"}))
	assert.Equal(t, 1.0, value("sabaq_policy_reloads_total", map[string]string{"result": "success"}))
	assert.Equal(t, 1.0, value("sabaq_policy_last_reload_successful", nil))
	assert.Equal(t, 4.0, value("sabaq_policies_served", nil))
	assert.Equal(t, 0.0, value("sabaq_http_requests_in_flight", nil))
	_, ok := families["go_goroutines"]
	assert.True(t, ok, "the Go collector")
}
