package server

import (
	"net/http"
	"strings"
	"time"

	"github.com/birgemiz/sabaqtastyq/internal/wire"
)

// route is one entry of the route table: a ServeMux pattern, its handler
// and what guards it.
type route struct {
	pattern string // "POST /v1/check"
	handle  func(s *Server, w http.ResponseWriter, r *http.Request)
	// open routes need no token: the probes and the console's files.
	open bool
	// uncapped routes do not count against MaxInFlight and have no work
	// deadline: the probes, /metrics and the answers that an address is
	// wrong. An orchestrator's probe must get through a busy service.
	uncapped bool
}

// routeTable lists every route; the OpenAPI document describes the same
// ones (a test checks that they agree).
func (s *Server) routeTable() []route {
	return []route{
		{pattern: "POST /v1/check", handle: (*Server).check},
		{pattern: "POST /v1/check/{kind}/{id}", handle: (*Server).checkSubject},
		{pattern: "POST /v1/report", handle: (*Server).report},
		{pattern: "POST /v1/due", handle: (*Server).due},
		{pattern: "POST /v1/explain", handle: (*Server).explain},
		{pattern: "POST /v1/lint", handle: (*Server).lint},
		{pattern: "POST /v1/playground", handle: (*Server).playground},
		{pattern: "GET /v1/policies", handle: (*Server).policies},
		{pattern: "GET /v1/policies/{name}", handle: (*Server).policy},
		{pattern: "POST /v1/plan/groups", handle: (*Server).planGroups},
		{pattern: "POST /v1/match", handle: (*Server).match},
		{pattern: "GET /v1/openapi.json", handle: (*Server).openapi},
		{pattern: "GET /healthz", handle: (*Server).healthz, open: true, uncapped: true},
		{pattern: "GET /readyz", handle: (*Server).readyz, open: true, uncapped: true},
		{pattern: "GET /metrics", handle: (*Server).serveMetrics, uncapped: true},
		{pattern: "/v1/", handle: (*Server).nowhere, uncapped: true},
		{pattern: "/", handle: (*Server).console, open: true, uncapped: true},
	}
}

// Routes lists the patterns the server answers, in the order of its route
// table: "POST /v1/check", "GET /healthz"… The catch-all patterns "/v1/"
// and "/" (the console) come last.
func (s *Server) Routes() []string {
	var out []string
	for _, rt := range s.routeTable() {
		out = append(out, rt.pattern)
	}
	return out
}

// nowhere answers a request no route takes: 405 with Allow when another
// method would be taken, else 404. Both as error objects, so a client
// reads every answer of /v1/ the same way.
func (s *Server) nowhere(w http.ResponseWriter, r *http.Request) {
	var allowed []string
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		_, p := s.mux.Handler(probe)
		console := p == "/" && s.consoleFS != nil && (m == http.MethodGet || m == http.MethodHead)
		if console || (p != "" && p != "/" && p != "/v1/") {
			allowed = append(allowed, m)
		}
	}
	if len(allowed) == 0 {
		s.fail(w, r, wire.CodeNotFound, nil)
		return
	}
	w.Header().Set("Allow", strings.Join(allowed, ", "))
	s.fail(w, r, wire.CodeMethodNotAllowed, nil, clip(r.Method, 16), strings.Join(allowed, ", "))
}

// healthz answers 200 while the process serves: it says nothing about the
// policies, so that an orchestrator never restarts a service that keeps
// serving its last good set.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	s.writeJSON(w, http.StatusOK, health{Status: "ok"})
}

type health struct {
	Status string `json:"status"`
}

// Readiness states.
const (
	readyOK       = "ready"
	readyDegraded = "degraded"
	readyDraining = "shutting_down"
)

// readiness is the body of /readyz.
type readiness struct {
	// Status is ready, degraded (the last reload failed and an older set
	// serves) or shutting_down.
	Status   string   `json:"status"`
	Policies []string `json:"policies"`
	// LastReload is when the policies were last read; LastSuccess when they
	// last compiled. Both RFC 3339.
	LastReload  time.Time `json:"last_reload"`
	LastSuccess time.Time `json:"last_success"`
	// Error holds the problems of the last reload, when it failed.
	Error *wire.Error `json:"error,omitempty"`
}

// readyz answers 200 while the service takes requests — degraded
// included, because the last good policies still serve correctly and
// taking every replica out of rotation for one broken edit would stop the
// service — and 503 once it is shutting down.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	st := s.status.Load()
	body := readiness{
		Status: readyOK, Policies: s.store.Set().Names(),
		LastReload: st.LastAttempt.UTC(), LastSuccess: st.LastSuccess.UTC(),
	}
	if st.Err != nil {
		body.Status = readyDegraded
		e := wire.NewError(wire.CodePolicyError, langOf(r), policyProblems(st.Err)).Error
		body.Error = &e
	}
	status := http.StatusOK
	if s.draining.Load() {
		body.Status = readyDraining
		status = http.StatusServiceUnavailable
	}
	s.writeJSON(w, status, body)
}

func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	s.metrics.handler().ServeHTTP(w, r)
}

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	doc, err := OpenAPI()
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.write(w, http.StatusOK, "application/json", doc)
}
