package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/server"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/planning"
	"github.com/birgemiz/sabaqtastyq/planning/policyjudge"
	"github.com/birgemiz/sabaqtastyq/rules"
)

var smallYAML = filepath.Join("..", "..", "cmd", "sabaq", "testdata", "inputs", "small.yaml")

func TestPolicies(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	w := get(t, s, "/v1/policies?lang=kk")
	require.Equal(t, http.StatusOK, w.Code)
	var list struct{ Policies []wire.PolicySummary }
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &list))
	var names []string
	for _, p := range list.Policies {
		names = append(names, p.Name)
	}
	assert.Equal(t, rules.PolicyNames(), names)

	w = get(t, s, "/v1/policies/nastavniki?lang=ru")
	require.Equal(t, http.StatusOK, w.Code)
	var pol wire.Policy
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &pol))
	assert.Equal(t, "guide", pol.Extends)
	want, err := rules.Resolve("nastavniki")
	require.NoError(t, err)
	assert.Equal(t, want.Description().In(diag.RU), pol.Description)
	assert.Len(t, pol.Rules, len(want.Rules()))

	// The YAML of a policy is its own file, as compiled.
	w = do(t, s, request{method: http.MethodGet, target: "/v1/policies/nastavniki",
		header: map[string]string{"Accept": "application/yaml, application/json;q=0.5"}})
	require.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, "application/yaml; charset=utf-8", w.Header().Get("Content-Type"))
	src, err := fs.ReadFile(rules.Policies(), "nastavniki.yaml")
	require.NoError(t, err)
	assert.Equal(t, string(src), w.Body.String())

	w = get(t, s, "/v1/policies/almaty")
	require.Equal(t, http.StatusNotFound, w.Code)
	assert.Equal(t, wire.CodePolicyNotFound, errorOf(t, w).Code)
	assert.Contains(t, errorOf(t, w).Message, `"almaty"`)
}

func TestLint(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	broken := readFile(t, "..", "..", "cmd", "sabaq", "testdata", "inputs", "broken.yaml")
	tests := []struct {
		name     string
		target   string
		ctype    string
		body     []byte
		status   int
		valid    bool
		file     string
		problems []int // the lines of the problems
	}{
		{"a profile of an embedded policy", "/v1/lint", "application/yaml",
			[]byte("name: ours\nextends: guide\nparams:\n  mentor_min_age: {default: 23}\n"),
			http.StatusOK, true, "policy.yaml", nil},
		{"a broken policy, named", "/v1/lint?file=broken.yaml", "application/yaml", broken,
			http.StatusOK, false, "broken.yaml", []int{10, 14}},
		{"a profile of nothing", "/v1/lint", "text/yaml", []byte("name: ours\nextends: guid\n"),
			http.StatusOK, false, "policy.yaml", []int{2}},
		{"not YAML", "/v1/lint", "application/x-yaml", []byte("name: [\n"),
			http.StatusOK, false, "policy.yaml", []int{1}},
		{"a path as the file name", "/v1/lint?file=../guide.yaml", "application/yaml", broken,
			http.StatusBadRequest, false, "", nil},
		{"a policy sent as JSON", "/v1/lint", "application/json", broken,
			http.StatusUnsupportedMediaType, false, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := post(t, s, tt.target, tt.ctype, tt.body)
			require.Equal(t, tt.status, w.Code, w.Body.String())
			if tt.status != http.StatusOK {
				return
			}
			var l wire.Lint
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &l))
			assert.Equal(t, tt.valid, l.Valid)
			assert.Equal(t, tt.file, l.File)
			var lines []int
			for _, p := range l.Problems {
				lines = append(lines, p.Line)
				assert.Equal(t, tt.file, p.File)
				assert.Positive(t, p.Column)
			}
			assert.Equal(t, tt.problems, lines)
		})
	}
}

// A policy body larger than a policy file may be is refused, whatever
// --max-body allows.
func TestLintTooLarge(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	body := append([]byte("name: x\n#"), bytes.Repeat([]byte("x"), 4<<20)...)
	w := post(t, s, "/v1/lint", "application/yaml", body)
	require.Equal(t, http.StatusRequestEntityTooLarge, w.Code)
	assert.Equal(t, wire.CodeTooLarge, errorOf(t, w).Code)
}

func TestExplain(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	body := readFile(t, examples, "problems.json")
	tests := []struct {
		name   string
		query  string
		status int
		code   wire.Code
	}{
		{"a failing rule", "rule=mentor.min_age&subject=volunteer/v-21", http.StatusOK, ""},
		{"a passing rule, in Kazakh", "rule=mentor.min_age&subject=volunteer/v-1&lang=kk", http.StatusOK, ""},
		{"no rule", "subject=volunteer/v-1", http.StatusBadRequest, wire.CodeBadRequest},
		{"no subject", "rule=mentor.min_age", http.StatusBadRequest, wire.CodeBadRequest},
		{"an unknown rule", "rule=mentor.max_age&subject=volunteer/v-1", http.StatusNotFound, wire.CodeRuleNotFound},
		{"a subject of another kind", "rule=mentor.min_age&subject=tandem/t-1", http.StatusBadRequest, wire.CodeBadRequest},
		{"an unknown subject", "rule=mentor.min_age&subject=volunteer/v-99", http.StatusNotFound, wire.CodeSubjectNotFound},
		{"an unknown policy", "rule=mentor.min_age&subject=volunteer/v-1&policy=x", http.StatusNotFound, wire.CodePolicyNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := post(t, s, "/v1/explain?"+tt.query, "application/json", body)
			require.Equal(t, tt.status, w.Code, w.Body.String())
			if tt.code != "" {
				assert.Equal(t, tt.code, errorOf(t, w).Code)
			}
		})
	}

	// The explanation is the library's.
	prog, err := mentoring.Parse(body, "", mentoring.JSON)
	require.NoError(t, err)
	pol, err := rules.Resolve("guide")
	require.NoError(t, err)
	ex, err := pol.Explain(context.Background(), prog, "mentor.min_age", "volunteer/v-21")
	require.NoError(t, err)
	var want bytes.Buffer
	require.NoError(t, wire.Encode(&want, ex))
	w := post(t, s, "/v1/explain?rule=mentor.min_age&subject=volunteer/v-21", "application/json", body)
	assert.Equal(t, want.String(), w.Body.String())
}

// Plans and matchings are the planner's own JSON, as the command line
// prints it.
func TestPlanAndMatch(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	body := readFile(t, smallYAML)
	prog, err := mentoring.Parse(body, "", mentoring.YAML)
	require.NoError(t, err)

	plan, err := planning.PlanGroups(prog, planning.GroupOptions{Lang: diag.EN})
	require.NoError(t, err)
	var want bytes.Buffer
	require.NoError(t, plan.WriteJSON(&want))
	w := post(t, s, "/v1/plan/groups", "application/yaml", body)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, want.String(), w.Body.String())

	pairs, err := rules.Resolve("pairs")
	require.NoError(t, err)
	judge, err := policyjudge.New(context.Background(), pairs, prog, diag.EN)
	require.NoError(t, err)
	m, err := planning.Match(context.Background(), prog, judge, planning.MatchOptions{Lang: diag.EN})
	require.NoError(t, err)
	want.Reset()
	require.NoError(t, m.WriteJSON(&want))
	w = post(t, s, "/v1/match", "application/yaml", body)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, want.String(), w.Body.String())

	tests := []struct {
		name   string
		target string
		status int
		code   wire.Code
	}{
		{"groups of 2 to 4", "/v1/plan/groups?min=2&max=4&institution=inst-1", http.StatusOK, ""},
		{"a bound that is not a number", "/v1/plan/groups?min=twelve", http.StatusBadRequest, wire.CodeBadRequest},
		{"bounds upside down", "/v1/plan/groups?min=18&max=12", http.StatusBadRequest, wire.CodeBadRequest},
		{"an unknown institution", "/v1/plan/groups?institution=inst-9", http.StatusBadRequest, wire.CodeBadRequest},
		{"two children a mentor", "/v1/match?max_children=2", http.StatusOK, ""},
		{"a policy without pair rules", "/v1/match?policy=guide", http.StatusBadRequest, wire.CodePolicyError},
		{"an unknown pair policy", "/v1/match?policy=x", http.StatusNotFound, wire.CodePolicyNotFound},
		{"match in an unknown institution", "/v1/match?institution=inst-9", http.StatusBadRequest, wire.CodeBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := post(t, s, tt.target, "application/yaml", body)
			require.Equal(t, tt.status, w.Code, w.Body.String())
			if tt.code != "" {
				assert.Equal(t, tt.code, errorOf(t, w).Code)
			}
		})
	}
}

func TestAuth(t *testing.T) {
	s, _ := newServer(t, server.Options{Token: "s3cret"})
	body := readFile(t, examples, "programme.json")
	tests := []struct {
		name   string
		method string
		target string
		auth   string
		status int
	}{
		{"no token", http.MethodPost, "/v1/check", "", http.StatusUnauthorized},
		{"a wrong token", http.MethodPost, "/v1/check", "Bearer s3cre", http.StatusUnauthorized},
		{"not bearer", http.MethodPost, "/v1/check", "Basic czNjcmV0", http.StatusUnauthorized},
		{"the token", http.MethodPost, "/v1/check", "Bearer s3cret", http.StatusOK},
		{"policies without", http.MethodGet, "/v1/policies", "", http.StatusUnauthorized},
		{"the document without", http.MethodGet, "/v1/openapi.json", "", http.StatusUnauthorized},
		{"metrics without", http.MethodGet, "/metrics", "", http.StatusUnauthorized},
		{"metrics with", http.MethodGet, "/metrics", "Bearer s3cret", http.StatusOK},
		{"an unknown route without", http.MethodGet, "/v1/nothing", "", http.StatusUnauthorized},
		{"liveness is open", http.MethodGet, "/healthz", "", http.StatusOK},
		{"readiness is open", http.MethodGet, "/readyz", "", http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := do(t, s, request{method: tt.method, target: tt.target, contentType: "application/json", body: body,
				header: map[string]string{"Authorization": tt.auth}})
			require.Equal(t, tt.status, w.Code, w.Body.String())
			if tt.status == http.StatusUnauthorized {
				assert.Equal(t, wire.CodeUnauthorized, errorOf(t, w).Code)
				assert.Equal(t, `Bearer realm="sabaq"`, w.Header().Get("WWW-Authenticate"))
			}
		})
	}
}

func TestRoutingErrors(t *testing.T) {
	s, _ := newServer(t, server.Options{NoConsole: true})
	tests := []struct {
		method, target string
		status         int
		allow          string
	}{
		{http.MethodGet, "/v1/nothing", http.StatusNotFound, ""},
		{http.MethodGet, "/v1/check", http.StatusMethodNotAllowed, "POST"},
		{http.MethodDelete, "/v1/policies/guide", http.StatusMethodNotAllowed, "GET, HEAD"},
		{http.MethodPost, "/healthz", http.StatusMethodNotAllowed, "GET, HEAD"},
		{http.MethodGet, "/", http.StatusNotFound, ""},
		{http.MethodGet, "/index.html", http.StatusNotFound, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			w := do(t, s, request{method: tt.method, target: tt.target})
			require.Equal(t, tt.status, w.Code)
			assert.Equal(t, tt.allow, w.Header().Get("Allow"))
			e := errorOf(t, w)
			assert.Contains(t, []wire.Code{wire.CodeNotFound, wire.CodeMethodNotAllowed}, e.Code)
		})
	}
}

// A console, once there is one, is served at / from its file system, open
// to all, and the API keeps its own answers.
func TestConsole(t *testing.T) {
	console := fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>sabaq</title>")}}
	s, _ := newServer(t, server.Options{Console: console, Token: "t"})
	w := get(t, s, "/")
	require.Equal(t, http.StatusOK, w.Code)
	assert.Contains(t, w.Body.String(), "<title>sabaq</title>")
	w = do(t, s, request{method: http.MethodPost, target: "/"})
	assert.Equal(t, http.StatusMethodNotAllowed, w.Code)
}

func TestProbes(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	w := get(t, s, "/healthz")
	require.Equal(t, http.StatusOK, w.Code)
	assert.JSONEq(t, `{"status": "ok"}`, w.Body.String())
	w = get(t, s, "/readyz")
	require.Equal(t, http.StatusOK, w.Code)
	var ready struct {
		Status   string
		Policies []string
	}
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &ready))
	assert.Equal(t, "ready", ready.Status)
	assert.Equal(t, rules.PolicyNames(), ready.Policies)
}

func TestCheckExposure(t *testing.T) {
	tests := []struct {
		addr       string
		token, tls bool
		ok         bool
	}{
		{"127.0.0.1:8080", false, false, true},
		{"127.1.2.3:8080", false, false, true},
		{"[::1]:8080", false, false, true},
		{"localhost:8080", false, false, true},
		{":8080", false, false, false},
		{"0.0.0.0:8080", false, false, false},
		{"[::]:8080", false, false, false},
		{"192.168.1.10:8080", false, false, false},
		{"example.org:8080", false, false, false},
		{"0.0.0.0:8080", true, false, true},
		{"0.0.0.0:8443", false, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			err := server.CheckExposure(tt.addr, tt.token, tt.tls)
			if tt.ok {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, server.ErrExposed)
			}
		})
	}
	assert.Error(t, server.CheckExposure("8080", false, false), "no host:port")
}

// The document is OpenAPI 3.1, every schema in it compiles as JSON Schema
// 2020-12, and it describes exactly the routes the server has and the
// bodies it reads.
func TestOpenAPIDocument(t *testing.T) {
	a, err := apiDoc()
	require.NoError(t, err)
	meta := compileFile(t, filepath.Join("testdata", "openapi", "oas-3.1-schema.json"))
	inst := decodeJSON(t, a.raw)
	require.NoError(t, meta.Validate(inst))

	var doc struct {
		Paths      map[string]map[string]json.RawMessage
		Components struct {
			Schemas       map[string]json.RawMessage
			RequestBodies map[string]struct {
				Content map[string]json.RawMessage
			} `json:"requestBodies"`
		}
	}
	require.NoError(t, json.Unmarshal(a.raw, &doc))
	for name := range doc.Components.Schemas {
		a.schema(t, "#/components/schemas/"+name)
	}

	s, _ := newServer(t, server.Options{})
	var routes, documented []string
	for _, p := range s.Routes() {
		if method, path, ok := strings.Cut(p, " "); ok {
			routes = append(routes, strings.ToLower(method)+" "+path)
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			documented = append(documented, method+" "+path)
		}
	}
	assert.ElementsMatch(t, routes, documented)

	var types []string
	for ct := range doc.Components.RequestBodies["Programme"].Content {
		types = append(types, ct)
	}
	assert.ElementsMatch(t, server.ProgrammeTypes(), types)

	w := get(t, s, "/v1/openapi.json")
	require.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, string(a.raw), w.Body.String())
}

// Work past its time limit stops, and the request gets 503.
func TestWorkTimeout(t *testing.T) {
	s, _ := newServer(t, server.Options{WorkTimeout: 1})
	w := post(t, s, "/v1/check", "application/json", readFile(t, examples, "problems.json"))
	require.Equal(t, http.StatusServiceUnavailable, w.Code)
	assert.Equal(t, wire.CodeTimeout, errorOf(t, w).Code)
	assert.Empty(t, w.Header().Get("Retry-After"), "retrying the same work will not help")
}

// A body that ends before its Content-Length (the client went away) is
// the client's doing: 400, not a fault of the service.
func TestTruncatedBody(t *testing.T) {
	s, log := newServer(t, server.Options{})
	r := httptest.NewRequest(http.MethodPost, "/v1/check", strings.NewReader(`{"as_of": `))
	r.Header.Set("Content-Type", "application/json")
	r.ContentLength = 1000
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	require.Equal(t, http.StatusBadRequest, w.Code)
	assert.Equal(t, wire.CodeInvalidInput, errorOf(t, w).Code)
	assert.NotContains(t, log.String(), `"level":"ERROR"`)
}
