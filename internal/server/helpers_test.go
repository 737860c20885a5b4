package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/internal/server"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
)

// syncBuffer is a log destination tests read while the server writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// newServer builds a server whose log goes to the returned buffer.
func newServer(tb testing.TB, opts server.Options) (*server.Server, *syncBuffer) {
	tb.Helper()
	log := &syncBuffer{}
	opts.Logger = slog.New(slog.NewJSONHandler(log, nil))
	s, err := server.New(opts)
	require.NoError(tb, err)
	tb.Cleanup(func() { s.Close() })
	return s, log
}

// request is one request a test sends.
type request struct {
	method, target string
	contentType    string
	body           []byte
	header         map[string]string
}

// do serves req in process and checks the answer against the OpenAPI
// document: its status must be documented for the operation and its JSON
// body must match the schema.
func do(tb testing.TB, h http.Handler, req request) *httptest.ResponseRecorder {
	tb.Helper()
	r := httptest.NewRequest(req.method, req.target, bytes.NewReader(req.body))
	if req.contentType != "" {
		r.Header.Set("Content-Type", req.contentType)
	}
	for k, v := range req.header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	conforms(tb, req.method, r.URL.Path, w.Code, w.Header().Get("Content-Type"), w.Body.Bytes())
	return w
}

func post(tb testing.TB, h http.Handler, target, contentType string, body []byte) *httptest.ResponseRecorder {
	tb.Helper()
	return do(tb, h, request{method: http.MethodPost, target: target, contentType: contentType, body: body})
}

func get(tb testing.TB, h http.Handler, target string) *httptest.ResponseRecorder {
	tb.Helper()
	return do(tb, h, request{method: http.MethodGet, target: target})
}

// errorOf decodes an error answer.
func errorOf(tb testing.TB, w *httptest.ResponseRecorder) wire.Error {
	tb.Helper()
	var body wire.ErrorBody
	require.NoError(tb, json.Unmarshal(w.Body.Bytes(), &body), w.Body.String())
	return body.Error
}

func readFile(tb testing.TB, parts ...string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(parts...))
	require.NoError(tb, err)
	return b
}

// The OpenAPI document, compiled once for every test.
var apiDoc = sync.OnceValues(func() (*openAPI, error) {
	raw, err := server.OpenAPI()
	if err != nil {
		return nil, err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource(docURL, doc); err != nil {
		return nil, err
	}
	var parsed struct {
		Paths map[string]map[string]struct {
			Responses map[string]json.RawMessage `json:"responses"`
		} `json:"paths"`
		Components struct {
			Responses map[string]json.RawMessage `json:"responses"`
		} `json:"components"`
	}
	if err := json.Unmarshal(raw, &parsed); err != nil {
		return nil, err
	}
	a := &openAPI{compiler: c, schemas: map[string]*jsonschema.Schema{}, raw: raw}
	for p, ops := range parsed.Paths {
		re := regexp.MustCompile("^" + regexp.MustCompile(`\\\{[^/]+\\\}`).ReplaceAllString(regexp.QuoteMeta(p), `[^/]+`) + "$")
		a.paths = append(a.paths, docPath{template: p, re: re})
		for m, op := range ops {
			for status, resp := range op.Responses {
				a.responses = append(a.responses, docResponse{method: strings.ToUpper(m), path: p, status: status,
					pointer: responsePointer(p, m, status, resp)})
			}
		}
	}
	return a, nil
})

const docURL = "https://sabaq.invalid/openapi.json"

type openAPI struct {
	mu        sync.Mutex
	compiler  *jsonschema.Compiler
	schemas   map[string]*jsonschema.Schema
	paths     []docPath
	responses []docResponse
	raw       []byte
}

type docPath struct {
	template string
	re       *regexp.Regexp
}

type docResponse struct {
	method, path, status string
	pointer              string // of the response object, $ref followed
}

// responsePointer is the JSON pointer of a response object, following a
// $ref to components/responses.
func responsePointer(path, method, status string, resp json.RawMessage) string {
	var ref struct {
		Ref string `json:"$ref"`
	}
	if json.Unmarshal(resp, &ref) == nil && ref.Ref != "" {
		return ref.Ref
	}
	esc := strings.NewReplacer("~", "~0", "/", "~1").Replace
	return "#/paths/" + esc(path) + "/" + method + "/responses/" + status
}

// schema compiles (once) the schema at a pointer of the document.
func (a *openAPI) schema(tb testing.TB, pointer string) *jsonschema.Schema {
	tb.Helper()
	a.mu.Lock()
	defer a.mu.Unlock()
	if s, ok := a.schemas[pointer]; ok {
		return s
	}
	s, err := a.compiler.Compile(docURL + pointer)
	require.NoError(tb, err, "compiling %s", pointer)
	a.schemas[pointer] = s
	return s
}

// conforms checks an answer against the document.
func conforms(tb testing.TB, method, path string, status int, contentType string, body []byte) {
	tb.Helper()
	a, err := apiDoc()
	require.NoError(tb, err)
	var tmpl string
	for _, p := range a.paths {
		if p.re.MatchString(path) {
			tmpl = p.template
		}
	}
	if method == http.MethodHead {
		method = http.MethodGet
	}
	pointer := ""
	for _, r := range a.responses {
		if r.method == method && r.path == tmpl && r.status == strconv.Itoa(status) {
			pointer = r.pointer
		}
	}
	isJSON := strings.HasPrefix(contentType, "application/json")
	if pointer == "" {
		if tmpl == "" && !strings.HasPrefix(path, "/v1/") {
			// Outside the API (the console's files): not described.
			if !isJSON || status == http.StatusOK {
				return
			}
		} else {
			// Only the answers for no operation at all (401, 404, 405)
			// may be undocumented, and they are error objects.
			require.Contains(tb, []int{http.StatusUnauthorized, http.StatusNotFound, http.StatusMethodNotAllowed}, status,
				"%s %s: status %d is not documented: %s", method, path, status, body)
			require.True(tb, isJSON, "%s %s: %d is not JSON", method, path, status)
		}
		pointer = "#/components/responses/NotFound"
	}
	if !isJSON {
		return
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	require.NoError(tb, err, "%s %s: the answer is not JSON: %s", method, path, body)
	sch := a.schema(tb, pointer+"/content/application~1json/schema")
	require.NoError(tb, sch.Validate(inst), "%s %s → %d does not match %s:\n%s", method, path, status, pointer, clip(body))
}

func clip(b []byte) string {
	if len(b) > 2000 {
		return string(b[:2000]) + "…"
	}
	return string(b)
}

// drain reads and closes a response body.
func drain(tb testing.TB, resp *http.Response) []byte {
	tb.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(tb, err)
	return b
}

func compileFile(tb testing.TB, file string) *jsonschema.Schema {
	tb.Helper()
	c := jsonschema.NewCompiler()
	doc := decodeJSON(tb, readFile(tb, file))
	require.NoError(tb, c.AddResource("file:///schema.json", doc))
	s, err := c.Compile("file:///schema.json")
	require.NoError(tb, err)
	return s
}

func decodeJSON(tb testing.TB, b []byte) any {
	tb.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(tb, err)
	return v
}

// decodeInto decodes a JSON answer into v.
func decodeInto(tb testing.TB, b []byte, v any) {
	tb.Helper()
	require.NoError(tb, json.Unmarshal(b, v), clip(b))
}
