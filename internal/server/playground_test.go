package server_test

import (
	"bytes"
	"io/fs"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/internal/server"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// part is one part of a playground form.
type part struct {
	name, file, ctype string
	body              []byte
}

// formBody encodes parts as multipart/form-data and returns the body and
// its Content-Type.
func formBody(tb testing.TB, parts ...part) ([]byte, string) {
	tb.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, p := range parts {
		h := textproto.MIMEHeader{}
		disp := `form-data; name="` + p.name + `"`
		if p.file != "" {
			disp += `; filename="` + p.file + `"`
		}
		h.Set("Content-Disposition", disp)
		if p.ctype != "" {
			h.Set("Content-Type", p.ctype)
		}
		w, err := mw.CreatePart(h)
		require.NoError(tb, err)
		_, err = w.Write(p.body)
		require.NoError(tb, err)
	}
	require.NoError(tb, mw.Close())
	return buf.Bytes(), mw.FormDataContentType()
}

// playground posts a policy and a programme and decodes a 200 answer.
func playground(tb testing.TB, h http.Handler, target string, parts ...part) (server.Playground, int, []byte) {
	tb.Helper()
	body, ctype := formBody(tb, parts...)
	w := post(tb, h, target, ctype, body)
	var got server.Playground
	if w.Code == http.StatusOK {
		decodeInto(tb, w.Body.Bytes(), &got)
	}
	return got, w.Code, w.Body.Bytes()
}

func guideYAML(tb testing.TB) []byte {
	tb.Helper()
	src, err := fs.ReadFile(rules.Policies(), "guide.yaml")
	require.NoError(tb, err)
	return src
}

// The served guide, posted to the playground, gives the findings of
// /v1/check; an edit of a threshold changes them, on both sides of it.
func TestPlayground(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	problems := readFile(t, examples, "problems.json")
	programme := part{name: "programme", file: "problems.json", ctype: "application/json", body: problems}

	got, code, body := playground(t, s, "/v1/playground?lang=ru", part{name: "policy", file: "guide.yaml", body: guideYAML(t)}, programme)
	require.Equal(t, http.StatusOK, code, string(body))
	assert.True(t, got.Lint.Valid)
	assert.Equal(t, "guide.yaml", got.Lint.File)
	w := post(t, s, "/v1/check?lang=ru", "application/json", problems)
	var check wire.Check
	decodeInto(t, w.Body.Bytes(), &check)
	require.NotNil(t, got.Check)
	assert.Equal(t, check, *got.Check)
	assert.Nil(t, got.Explanation)

	// A profile moves the age threshold: v-21 is 24 on as_of (a day before
	// turning 25), so a minimum of 24 lets them mentor and 25 does not.
	profile := func(age string) part {
		return part{name: "policy", file: "ours.yaml", body: []byte("name: ours\nextends: guide\nparams:\n  mentor_min_age: {default: " + age + "}\n")}
	}
	has := func(c *wire.Check, rule, subject string) bool {
		for _, f := range c.Findings {
			if f.Rule == rule && f.Subject == subject {
				return true
			}
		}
		return false
	}
	for _, tt := range []struct {
		age  string
		want bool
	}{{"24", false}, {"25", true}} {
		got, code, body = playground(t, s, "/v1/playground", profile(tt.age), programme)
		require.Equal(t, http.StatusOK, code, string(body))
		require.True(t, got.Lint.Valid, string(body))
		assert.Equal(t, tt.want, has(got.Check, "mentor.min_age", "volunteer/v-21"), "minimum age %s", tt.age)
	}

	// With a rule and a subject, the rule of the edited policy is explained.
	got, code, body = playground(t, s, "/v1/playground?rule=mentor.min_age&subject=volunteer/v-21&lang=kk", profile("25"), programme)
	require.Equal(t, http.StatusOK, code, string(body))
	require.NotNil(t, got.Explanation)
	assert.Equal(t, rules.Failed, got.Explanation.Result)
	assert.Equal(t, "volunteer/v-21", got.Explanation.Subject)
	assert.NotEmpty(t, got.Explanation.Steps)
}

// A policy that does not compile is answered 200 with its problems at
// their lines and columns, and no findings.
func TestPlaygroundLint(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	programme := part{name: "programme", file: "small.yaml", body: readFile(t, smallYAML)}
	broken := []byte("name: ours\nextends: guide\nrules:\n  - id: x.y\n    subject: volunteer\n    expr: volunteer.age >\n    severity: deny\n    message: {kk: a, ru: b, en: c}\n")
	got, code, body := playground(t, s, "/v1/playground?lang=en&rule=x.y&subject=volunteer/v-1",
		part{name: "policy", file: "ours.yaml", ctype: "application/yaml", body: broken}, programme)
	require.Equal(t, http.StatusOK, code, string(body))
	assert.False(t, got.Lint.Valid)
	require.NotEmpty(t, got.Lint.Problems)
	p := got.Lint.Problems[0]
	assert.Equal(t, "ours.yaml", p.File)
	assert.Equal(t, 6, p.Line)
	assert.Positive(t, p.Column)
	assert.Nil(t, got.Check)
	assert.Nil(t, got.Explanation)
}

func TestPlaygroundErrors(t *testing.T) {
	s, _ := newServer(t, server.Options{MaxBody: 64 << 10})
	small := readFile(t, smallYAML)
	pol := part{name: "policy", body: []byte("name: ours\nextends: guide\n")}
	prog := part{name: "programme", file: "small.yaml", body: small}
	tests := []struct {
		name    string
		target  string
		parts   []part
		ctype   string // instead of the form's
		raw     []byte // instead of the form
		status  int
		code    wire.Code
		problem diag.Code
	}{
		{"no programme", "", []part{pol}, "", nil, http.StatusBadRequest, wire.CodeBadRequest, "server.form_missing"},
		{"no policy", "", []part{prog}, "", nil, http.StatusBadRequest, wire.CodeBadRequest, "server.form_missing"},
		{"a part twice", "", []part{pol, pol, prog}, "", nil, http.StatusBadRequest, wire.CodeBadRequest, "server.form_part"},
		{"an unknown part", "", []part{pol, prog, {name: "x", body: []byte("1")}}, "", nil, http.StatusBadRequest, wire.CodeBadRequest, "server.form_part"},
		{"not a form", "", []part{pol, prog}, "application/json", nil, http.StatusUnsupportedMediaType, wire.CodeUnsupportedMediaType, ""},
		{"a broken form", "", nil, "multipart/form-data; boundary=zzz", []byte("--zzz\r\nContent-Disposition: form-data; name=\"policy\"\r\n\r\nname: x\r\n--zz"), http.StatusBadRequest, wire.CodeBadRequest, "server.form"},
		{"a form without a boundary", "", nil, "multipart/form-data", []byte("x"), http.StatusBadRequest, wire.CodeBadRequest, "server.form"},
		{"a policy file name that is no YAML", "", []part{{name: "policy", file: "blob", body: pol.body}, prog}, "", nil, http.StatusBadRequest, wire.CodeBadRequest, "server.file_name"},
		{"a programme of no known type", "", []part{pol, {name: "programme", file: "roster.txt", body: small}}, "", nil, http.StatusUnsupportedMediaType, wire.CodeUnsupportedMediaType, ""},
		{"a programme typed by its part", "", []part{pol, {name: "programme", file: "p", ctype: "application/yaml", body: small}}, "", nil, http.StatusOK, "", ""},
		{"a malformed programme", "", []part{pol, {name: "programme", file: "p.json", body: []byte(`{"as_of": 5}`)}}, "", nil, http.StatusBadRequest, wire.CodeInvalidInput, "wrong_type"},
		{"a policy over its cap", "", []part{{name: "policy", body: bytes.Repeat([]byte("#"), 70<<10)}, prog}, "", nil, http.StatusRequestEntityTooLarge, wire.CodeTooLarge, ""},
		{"a rule without a subject", "/v1/playground?rule=mentor.min_age", []part{pol, prog}, "", nil, http.StatusBadRequest, wire.CodeBadRequest, diag.CodeRequired},
		{"an unknown rule", "/v1/playground?rule=x&subject=volunteer/v-1", []part{pol, prog}, "", nil, http.StatusNotFound, wire.CodeRuleNotFound, ""},
		{"an unknown subject", "/v1/playground?rule=mentor.min_age&subject=volunteer/nobody", []part{pol, prog}, "", nil, http.StatusNotFound, wire.CodeSubjectNotFound, ""},
		{"a subject of another kind", "/v1/playground?rule=mentor.min_age&subject=child/c-1", []part{pol, prog}, "", nil, http.StatusBadRequest, wire.CodeBadRequest, "server.subject_kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, ctype := formBody(t, tt.parts...)
			if tt.ctype != "" {
				ctype = tt.ctype
			}
			if tt.raw != nil {
				body = tt.raw
			}
			if tt.target == "" {
				tt.target = "/v1/playground"
			}
			w := post(t, s, tt.target, ctype, body)
			require.Equal(t, tt.status, w.Code, w.Body.String())
			if tt.code == "" {
				return
			}
			e := errorOf(t, w)
			assert.Equal(t, tt.code, e.Code)
			if tt.problem != "" {
				require.NotEmpty(t, e.Problems)
				assert.Equal(t, string(tt.problem), e.Problems[0].Code)
			}
		})
	}
}

// The policy part is held to limits.PolicyBytes even when the body may be
// larger.
func TestPlaygroundPolicyCap(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	big := append([]byte("name: ours\nextends: guide\n#"), bytes.Repeat([]byte("x"), int(limits.PolicyBytes))...)
	_, code, body := playground(t, s, "/v1/playground", part{name: "policy", body: big},
		part{name: "programme", file: "small.yaml", body: readFile(t, smallYAML)})
	require.Equal(t, http.StatusRequestEntityTooLarge, code)
	assert.True(t, strings.Contains(string(body), limits.Size(limits.PolicyBytes)), string(body))
}
