package server

import (
	"errors"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// policyList is the body of GET /v1/policies.
type policyList struct {
	Policies []wire.PolicySummary `json:"policies"`
}

// policies lists the policies served now.
func (s *Server) policies(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r)
	set := s.store.Set()
	body := policyList{Policies: []wire.PolicySummary{}}
	for _, name := range set.Names() {
		pol, _ := set.Get(name)
		body.Policies = append(body.Policies, wire.PolicySummaryOf(pol, lang))
	}
	s.writeJSON(w, http.StatusOK, body)
}

// policy describes one served policy: its parameters and rules as JSON, or,
// for a client that asks for YAML (Accept: application/yaml), the text of
// its own file as it was compiled — the starting point of an edit.
func (s *Server) policy(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	pol, ok := s.store.Get(name)
	if !ok {
		s.fail(w, r, wire.CodePolicyNotFound, nil, clip(name, 64))
		return
	}
	if wantsYAML(r) {
		src, err := s.source(pol)
		if errors.Is(err, errNoSource) {
			// A reload swapped the set between the look-up and now.
			s.fail(w, r, wire.CodeOverloaded, nil, strconv.Itoa(RetryAfter))
			return
		}
		s.write(w, http.StatusOK, "application/yaml", src)
		return
	}
	s.writeJSON(w, http.StatusOK, wire.PolicyOf(pol, langOf(r)))
}

// wantsYAML says whether the Accept header prefers a YAML type to JSON.
func wantsYAML(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		t, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		t = strings.ToLower(strings.TrimSpace(t))
		if slices.Contains(policyTypes, t) {
			return true
		}
		if t == "application/json" {
			return false
		}
	}
	return false
}

// lint compiles a posted policy and answers its problems and warnings at
// their lines and columns: 200 whether it compiles or not (the verdict is
// in the body, as check's is). A profile's extends finds its base among
// the served policies. The file query parameter names the document in the
// problems (default policy.yaml).
func (s *Server) lint(w http.ResponseWriter, r *http.Request) {
	if !slices.Contains(policyTypes, mediaType(r)) {
		s.fail(w, r, wire.CodeUnsupportedMediaType, nil, strings.Join(policyTypes, ", "))
		return
	}
	file := r.URL.Query().Get("file")
	if file == "" {
		file = "policy.yaml"
	}
	if !validFileName(file) {
		s.fail(w, r, wire.CodeBadRequest, diag.List{diag.New(codeFileName, "file", clip(file, 64))})
		return
	}
	data, ok := s.readBody(w, r, min(s.opts.MaxBody, limits.PolicyBytes))
	if !ok {
		return
	}
	fsys := fstest.MapFS{file: &fstest.MapFile{Data: data, Mode: 0o444}}
	pol, err := rules.Load(fsys, file, rules.WithFallback(s.loaded.Load().files))
	res, err := wire.LintOf(file, pol, err, langOf(r))
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, res)
}

// validFileName accepts a bare policy file name: no folder, no dot file,
// ending in .yaml or .yml.
func validFileName(name string) bool {
	if name != path.Base(name) || strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, ".") || len(name) > 128 {
		return false
	}
	ext := path.Ext(name)
	return ext == ".yaml" || ext == ".yml"
}
