package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/server"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

var examples = filepath.Join("..", "..", "examples", "data")

// cliJSON is what `sabaq check --format json` prints for body: the
// library's findings, encoded as the command line encodes them.
func cliJSON(tb testing.TB, body []byte, syntax mentoring.Syntax, policy string, lang diag.Lang) string {
	tb.Helper()
	_, _, rep := libraryReport(tb, body, syntax, policy, lang)
	var buf bytes.Buffer
	require.NoError(tb, wire.Encode(&buf, rep))
	return buf.String()
}

// libraryReport evaluates policy on body with the library, as the command
// line does.
func libraryReport(tb testing.TB, body []byte, syntax mentoring.Syntax, policy string, lang diag.Lang) (*rules.Policy, *mentoring.Programme, *rules.Report) {
	tb.Helper()
	prog, err := mentoring.Parse(body, "", syntax)
	require.NoError(tb, err)
	pol, err := rules.Resolve(policy)
	require.NoError(tb, err)
	rep, err := pol.Evaluate(context.Background(), prog, rules.WithLang(lang))
	require.NoError(tb, err)
	return pol, prog, rep
}

// The example with problems gets the golden output of the command line,
// byte for byte.
func TestCheckGolden(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	w := post(t, s, "/v1/check", "application/json", readFile(t, examples, "problems.json"))
	require.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, string(readFile(t, examples, "problems.expected.json")), w.Body.String())
	assert.Equal(t, "application/json; charset=utf-8", w.Header().Get("Content-Type"))
	assert.Equal(t, "no-store", w.Header().Get("Cache-Control"))
}

// For every example programme and every fixture of the embedded policies'
// suites, in every language and with both embedded profiles, POST
// /v1/check answers exactly the library's findings as the command line
// prints them.
func TestCheckMatchesTheLibrary(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	type input struct {
		name   string
		body   []byte
		syntax mentoring.Syntax
		ctype  string
	}
	var inputs []input
	progs, err := filepath.Glob(filepath.Join(examples, "*.json"))
	require.NoError(t, err)
	for _, f := range progs {
		if strings.HasSuffix(f, ".expected.json") {
			continue
		}
		inputs = append(inputs, input{filepath.Base(f), readFile(t, f), mentoring.JSON, "application/json"})
	}
	suites, err := filepath.Glob(filepath.Join("..", "..", "rules", "policies", "*_test.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, suites)
	for _, suite := range suites {
		for name, body := range fixtures(t, suite) {
			inputs = append(inputs, input{filepath.Base(suite) + "/" + name, body, mentoring.YAML, "application/yaml"})
		}
	}
	require.GreaterOrEqual(t, len(inputs), 4)
	for _, in := range inputs {
		for _, policy := range []string{"guide", "nastavniki"} {
			for _, lang := range diag.Langs {
				t.Run(fmt.Sprintf("%s/%s/%s", in.name, policy, lang), func(t *testing.T) {
					want := cliJSON(t, in.body, in.syntax, policy, lang)
					w := post(t, s, "/v1/check?policy="+policy+"&lang="+string(lang), in.ctype, in.body)
					require.Equal(t, http.StatusOK, w.Code, w.Body.String())
					assert.Equal(t, want, w.Body.String())
				})
			}
		}
	}
}

// fixtures returns the inline fixtures of a suite file, each as a YAML
// programme.
func fixtures(tb testing.TB, suite string) map[string][]byte {
	tb.Helper()
	var doc struct {
		Fixtures map[string]yaml.Node `yaml:"fixtures"`
	}
	require.NoError(tb, yaml.Unmarshal(readFile(tb, suite), &doc))
	out := map[string][]byte{}
	for name, node := range doc.Fixtures {
		if node.Kind == yaml.MappingNode && len(node.Content) == 2 && node.Content[0].Value == "file" {
			continue // a fixture in another file: the examples cover those
		}
		b, err := yaml.Marshal(&node)
		require.NoError(tb, err)
		out[name] = b
	}
	require.NotEmpty(tb, out, "%s has no inline fixture", suite)
	return out
}

func TestCheckLanguage(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	body := readFile(t, examples, "problems.json")
	tests := []struct {
		name   string
		target string
		accept string
		want   diag.Lang
	}{
		{"default English", "/v1/check", "", diag.EN},
		{"lang wins over the header", "/v1/check?lang=ru", "kk", diag.RU},
		{"Accept-Language with a region", "/v1/check", "kk-KZ,kk;q=0.9,ru;q=0.8", diag.KK},
		{"a BCP 47 tag as lang", "/v1/check?lang=ru-RU", "", diag.RU},
		{"an unknown language", "/v1/check?lang=fr", "", diag.EN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := do(t, s, request{method: http.MethodPost, target: tt.target, contentType: "application/json",
				body: body, header: map[string]string{"Accept-Language": tt.accept}})
			require.Equal(t, http.StatusOK, w.Code)
			assert.Equal(t, cliJSON(t, body, mentoring.JSON, "guide", tt.want), w.Body.String())
			assert.Equal(t, string(tt.want), w.Header().Get("Content-Language"))
		})
	}
}

// as_of moves the evaluation date: one day earlier v-21 is a day younger.
func TestCheckAsOf(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	w := post(t, s, "/v1/check?as_of=2026-11-23", "application/json", readFile(t, examples, "problems.json"))
	require.Equal(t, http.StatusOK, w.Code)
	var c wire.Check
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &c))
	assert.Equal(t, "2026-11-23", c.AsOf.String())
}

func TestCheckYAMLAndJSONAgree(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	asYAML := blockYAML(t, readFile(t, examples, "problems.json"))
	require.True(t, bytes.HasPrefix(asYAML, []byte("as_of:")), "the YAML is in block style")
	for _, ct := range []string{"application/yaml", "application/x-yaml", "text/yaml", "application/yaml; charset=utf-8"} {
		t.Run(ct, func(t *testing.T) {
			w := post(t, s, "/v1/check", ct, asYAML)
			require.Equal(t, http.StatusOK, w.Code, w.Body.String())
			assert.Equal(t, string(readFile(t, examples, "problems.expected.json")), w.Body.String())
		})
	}
}

// Malformed input is a 400 whose problems are where the command line puts
// them, without snippet and without the values of names.
func TestCheckBadInput(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	bad := readFile(t, "..", "..", "cmd", "sabaq", "testdata", "inputs", "bad.json")
	w := post(t, s, "/v1/check", "application/json", bad)
	require.Equal(t, http.StatusBadRequest, w.Code)
	e := errorOf(t, w)
	assert.Equal(t, wire.CodeInvalidInput, e.Code)
	type place struct {
		Line, Column int
		Path         string
	}
	var got []place
	for _, p := range e.Problems {
		got = append(got, place{p.Line, p.Column, p.Path})
		assert.Empty(t, p.File, "the body is not a file")
		assert.NotEmpty(t, p.Message)
	}
	// The places of cmd/sabaq/testdata/check-bad-programme/stderr.golden.
	assert.Equal(t, []place{
		{5, 53, "volunteers[0].birth_date"},
		{6, 27, "volunteers[0].commitment_months"},
		{6, 51, "volunteers[0].screening.interveiw"},
		{9, 39, "tandems[0].mentor"},
		{9, 55, "tandems[0].child"},
	}, got)
	assert.NotContains(t, w.Body.String(), "A B", "the volunteer's name")
	assert.NotContains(t, w.Body.String(), "snippet")
	assert.NotContains(t, w.Body.String(), "^")
}

func TestCheckErrors(t *testing.T) {
	s, _ := newServer(t, server.Options{MaxBody: 4 << 10})
	small := []byte(`{"as_of": "2026-11-24"}`)
	tests := []struct {
		name    string
		req     request
		status  int
		code    wire.Code
		problem string // the path of the first problem, when there is one
	}{
		{"syntax error", request{contentType: "application/json", body: []byte(`{"as_of": `)},
			http.StatusBadRequest, wire.CodeInvalidInput, ""},
		{"YAML that is not a programme", request{contentType: "application/yaml", body: []byte("- 1\n- 2\n")},
			http.StatusBadRequest, wire.CodeInvalidInput, ""},
		{"empty body", request{contentType: "application/json"},
			http.StatusBadRequest, wire.CodeInvalidInput, ""},
		{"no as_of", request{contentType: "application/json", body: []byte(`{}`)},
			http.StatusBadRequest, wire.CodeInvalidInput, "as_of"},
		{"unknown policy", request{target: "/v1/check?policy=almaty", contentType: "application/json", body: small},
			http.StatusNotFound, wire.CodePolicyNotFound, ""},
		{"as_of not a date", request{target: "/v1/check?as_of=2026-02-30", contentType: "application/json", body: small},
			http.StatusBadRequest, wire.CodeBadRequest, "as_of"},
		{"text/plain", request{contentType: "text/plain", body: small},
			http.StatusUnsupportedMediaType, wire.CodeUnsupportedMediaType, ""},
		{"a form, as curl -d sends", request{contentType: "application/x-www-form-urlencoded", body: small},
			http.StatusUnsupportedMediaType, wire.CodeUnsupportedMediaType, ""},
		{"no Content-Type", request{body: small},
			http.StatusUnsupportedMediaType, wire.CodeUnsupportedMediaType, ""},
		{"a body over the limit", request{contentType: "application/json", body: bytes.Repeat([]byte(" "), 4<<10+1)},
			http.StatusRequestEntityTooLarge, wire.CodeTooLarge, ""},
		{"a body at the limit", request{contentType: "application/json", body: append(bytes.Repeat([]byte(" "), 4<<10-len(small)), small...)},
			http.StatusOK, "", ""},
		{"unknown subject kind", request{target: "/v1/check/person/p-1", contentType: "application/json", body: small},
			http.StatusNotFound, wire.CodeSubjectNotFound, ""},
		{"unknown subject", request{target: "/v1/check/volunteer/v-1", contentType: "application/json", body: small},
			http.StatusNotFound, wire.CodeSubjectNotFound, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.method = http.MethodPost
			if tt.req.target == "" {
				tt.req.target = "/v1/check"
			}
			w := do(t, s, tt.req)
			require.Equal(t, tt.status, w.Code, w.Body.String())
			if tt.code == "" {
				return
			}
			e := errorOf(t, w)
			assert.Equal(t, tt.code, e.Code)
			assert.NotEmpty(t, e.Message)
			if tt.problem != "" {
				require.NotEmpty(t, e.Problems)
				assert.Equal(t, tt.problem, e.Problems[0].Path)
			}
		})
	}
}

// One subject of a programme: only its findings.
func TestCheckSubject(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	body := readFile(t, examples, "problems.json")
	var all wire.Check
	require.NoError(t, json.Unmarshal(post(t, s, "/v1/check", "application/json", body).Body.Bytes(), &all))
	for _, subject := range []string{"volunteer/v-22", "outing/t-11@2026-05-02", "volunteer/v-1", "institution/inst-3", "tandem/t-15"} {
		t.Run(subject, func(t *testing.T) {
			w := post(t, s, "/v1/check/"+subject, "application/json", body)
			require.Equal(t, http.StatusOK, w.Code, w.Body.String())
			var one wire.Check
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &one))
			want := []wire.Finding{}
			for _, f := range all.Findings {
				if f.Subject == subject {
					want = append(want, f)
				}
			}
			assert.Equal(t, want, one.Findings)
			assert.Equal(t, len(want) == 0 || allWarn(want), one.Compliant)
		})
	}
}

func allWarn(fs []wire.Finding) bool {
	for _, f := range fs {
		if f.Severity != "warn" {
			return false
		}
	}
	return true
}

// blockYAML rewrites a JSON document as block-style YAML.
func blockYAML(tb testing.TB, jsonDoc []byte) []byte {
	tb.Helper()
	var n yaml.Node
	require.NoError(tb, yaml.Unmarshal(jsonDoc, &n))
	var unflow func(*yaml.Node)
	unflow = func(n *yaml.Node) {
		n.Style &^= yaml.FlowStyle
		if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && !strings.ContainsAny(n.Value, ":#{}[],&*!|>'\"%@`") {
			n.Style &^= yaml.DoubleQuotedStyle
		}
		for _, c := range n.Content {
			unflow(c)
		}
	}
	unflow(&n)
	b, err := yaml.Marshal(&n)
	require.NoError(tb, err)
	return b
}
