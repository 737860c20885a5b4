package server_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/server"
)

// fuzzTargets are the operations a fuzzed programme body is posted to.
var fuzzTargets = []string{
	"/v1/check",
	"/v1/check?policy=nastavniki&lang=kk&as_of=2027-01-01",
	"/v1/check/volunteer/v-1",
	"/v1/check/outing/t-1@2026-04-01",
	"/v1/explain?rule=mentor.min_age&subject=volunteer/v-1",
	"/v1/plan/groups",
	"/v1/match",
}

var fuzzTypes = []string{"application/json", "application/yaml", "text/yaml; charset=utf-8", "text/plain", "", server.XLSXType}

// FuzzCheck posts arbitrary bodies, under every programme content type, to
// every operation that reads a programme: the answer is never a 5xx and
// never a panic, and always what the OpenAPI document says.
func FuzzCheck(f *testing.F) {
	s, _ := newServer(f, server.Options{MaxBody: 1 << 20})
	// Small seeds: the fuzzer mutates faster, and the examples are
	// checked whole elsewhere.
	f.Add(uint8(0), uint8(0), readFile(f, "..", "..", "cmd", "sabaq", "testdata", "inputs", "bad.json"))
	f.Add(uint8(1), uint8(1), readFile(f, smallYAML))
	f.Add(uint8(2), uint8(3), readFile(f, smallYAML))
	f.Add(uint8(0), uint8(4), []byte(`{"as_of": "2026-11-24", "volunteers": [{"id": "v-1"}]}`))
	f.Add(uint8(1), uint8(6), []byte("as_of: 2026-11-24\nvolunteers: &a [*a]\n"))
	f.Add(uint8(5), uint8(0), workbook(f, diag.KK, nil))
	f.Fuzz(func(t *testing.T, ct, target uint8, body []byte) {
		req := request{
			method:      http.MethodPost,
			target:      fuzzTargets[int(target)%len(fuzzTargets)],
			contentType: fuzzTypes[int(ct)%len(fuzzTypes)],
			body:        body,
		}
		w := do(t, s, req)
		if w.Code >= 500 {
			t.Fatalf("%s %s → %d: %s", req.contentType, req.target, w.Code, w.Body.String())
		}
	})
}

// FuzzLint posts arbitrary policies: never a 5xx, never a panic.
func FuzzLint(f *testing.F) {
	s, _ := newServer(f, server.Options{})
	f.Add([]byte("name: ours\nextends: guide\nparams:\n  mentor_min_age: {default: 23}\n"))
	f.Add(readFile(f, "..", "..", "cmd", "sabaq", "testdata", "inputs", "broken.yaml"))
	f.Add([]byte("name: x\nrules:\n  - {id: a, subject: volunteer, expr: 'age(volunteer.birth_date, as_of) >', severity: deny, message: {kk: a, ru: b, en: c}}\n"))
	f.Fuzz(func(t *testing.T, body []byte) {
		r := httptest.NewRequest(http.MethodPost, "/v1/lint", bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/yaml")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("→ %d: %s", w.Code, w.Body.String())
		}
		conforms(t, http.MethodPost, "/v1/lint", w.Code, w.Header().Get("Content-Type"), w.Body.Bytes())
	})
}

// FuzzReport posts arbitrary programmes for the HTML report: never a 5xx,
// never a panic, and a page is never anything but the report — no value
// of the programme opens markup.
func FuzzReport(f *testing.F) {
	s, _ := newServer(f, server.Options{MaxBody: 1 << 20})
	f.Add(uint8(0), readFile(f, "..", "..", "cmd", "sabaq", "testdata", "inputs", "bad.json"))
	f.Add(uint8(1), readFile(f, smallYAML))
	f.Add(uint8(0), []byte(`{"as_of": "2026-11-24", "organisation": "<script>x</script>", "institutions": [{"id": "i<b>", "name": "</text><svg onload=x>", "kind": "orphanage"}]}`))
	f.Add(uint8(5), workbook(f, diag.RU, nil))
	f.Fuzz(func(t *testing.T, ct uint8, body []byte) {
		req := request{method: http.MethodPost, target: "/v1/report?lang=ru", contentType: fuzzTypes[int(ct)%len(fuzzTypes)], body: body}
		w := do(t, s, req)
		if w.Code >= 500 {
			t.Fatalf("%s → %d: %s", req.contentType, w.Code, w.Body.String())
		}
		if w.Code == http.StatusOK {
			page := w.Body.String()
			if strings.Contains(page, "<script") || strings.Contains(page, "<svg onload") {
				t.Fatalf("markup from the programme in the page: %.2000s", page)
			}
		}
	})
}

// FuzzPlayground posts arbitrary policies beside arbitrary programmes, and
// arbitrary forms: never a 5xx, never a panic, always what the OpenAPI
// document says.
func FuzzPlayground(f *testing.F) {
	s, _ := newServer(f, server.Options{MaxBody: 1 << 20})
	small := readFile(f, smallYAML)
	f.Add(uint8(0), []byte("name: ours\nextends: guide\nparams:\n  mentor_min_age: {default: 23}\n"), small, "")
	f.Add(uint8(1), readFile(f, "..", "..", "cmd", "sabaq", "testdata", "inputs", "broken.yaml"), small, "")
	f.Add(uint8(2), []byte("name: x\nrules:\n  - {id: a, subject: volunteer, expr: 'volunteer.id != \"\"', severity: deny, message: {kk: a, ru: b, en: c}}\n"), small,
		"rule=a&subject=volunteer/v-1")
	f.Add(uint8(3), []byte("name: ours\nextends: nastavniki\n"), readFile(f, "..", "..", "cmd", "sabaq", "testdata", "inputs", "bad.json"), "")
	f.Add(uint8(4), []byte("--x\r\nContent-Disposition: form-data; name=\"policy\"\r\n\r\n"), []byte("x"), "")
	types := []string{"application/yaml", "", "application/json", server.XLSXType, "raw"}
	f.Fuzz(func(t *testing.T, kind uint8, policy, programme []byte, query string) {
		ptype := types[int(kind)%len(types)]
		var body []byte
		ctype := "multipart/form-data; boundary=x"
		if ptype == "raw" {
			body = policy // a form of the fuzzer's own
		} else {
			body, ctype = formBody(t, part{name: "policy", file: "p.yaml", body: policy},
				part{name: "programme", file: "p.yaml", ctype: ptype, body: programme})
		}
		target := "/v1/playground"
		if q, err := url.ParseQuery(query); err == nil && len(query) < 200 {
			target += "?" + q.Encode()
		}
		w := do(t, s, request{method: http.MethodPost, target: target, contentType: ctype, body: body})
		if w.Code >= 500 {
			t.Fatalf("→ %d: %s", w.Code, w.Body.String())
		}
	})
}
