// Package server is the decision service that `sabaq serve` runs: the
// policies of the guide over HTTP, for the platforms a volunteer centre
// already has (PHP, Python, 1C, a ministry's portal) that cannot import a
// Go library.
//
// A [Server] is an http.Handler. [New] compiles the policies — the
// embedded ones, and with Options.Policies those of a folder over them —
// and [Server.ListenAndServe] serves them until its context is done.
//
// # The API
//
//	POST /v1/check?policy=&lang=&as_of=     a programme → the object of `sabaq check --format json`
//	POST /v1/check/{kind}/{id}              the same, for one subject
//	POST /v1/report?policy=&lang=&as_of=    a programme → the printable HTML report (package htmlreport)
//	POST /v1/explain?rule=&subject=         why one rule came out as it did for one subject
//	POST /v1/lint?file=                     a policy → its problems at line and column
//	POST /v1/playground?rule=&subject=      a form of a policy and a programme → lint, findings, an explanation
//	GET  /v1/policies                       the policies served
//	GET  /v1/policies/{name}                one policy: parameters and rules (JSON), or its file (Accept: application/yaml)
//	POST /v1/plan/groups?institution=&min=&max=     proposed group sessions
//	POST /v1/match?policy=&institution=&max_children=   proposed tandems
//	GET  /v1/openapi.json                   the OpenAPI 3.1 document of all of it
//	GET  /healthz, /readyz, /metrics        probes and Prometheus metrics
//	/                                       the web console ([Console]; Options.NoConsole turns it off)
//
// A programme is sent as application/json or application/yaml (also
// application/x-yaml and text/yaml), or as an .xlsx workbook ([XLSXType],
// read by package sheet, unpacking to at most Options.MaxUnpacked);
// another Content-Type is refused with 415. The file parameter names the
// body in problems: a workbook's are at roster.xlsx!volunteers!D7, the
// problem's file, sheet, line (the row) and column. Compliance is in the body of a check, never in its status. Every
// error is one object, the one package internal/wire defines and the
// command line prints:
//
//	{"error": {"code": "invalid_input", "message": "…",
//	           "problems": [{"line": 5, "column": 53, "path": "volunteers[0].birth_date", "code": "bad_date", "message": "…"}]}}
//
// Codes map to statuses in one table: invalid input, a bad parameter or a
// policy that cannot do what was asked 400, a missing token 401, an unknown
// policy, rule or subject 404, a body over the limit 413, an unknown
// Content-Type 415, too many requests in flight or work past its time
// limit 503. Messages follow the lang parameter, else Accept-Language
// (any BCP 47 tag, matched by diag.Match), in Kazakh, Russian or English.
//
// # The playground
//
// POST /v1/playground takes a multipart/form-data form of two parts,
// policy (YAML, at most limits.PolicyBytes) and programme (typed by its
// part's Content-Type, else by its file name), compiles the policy as
// /v1/lint does — its extends resolved among the served policies, the
// rules held to the same cost bounds — and, when it compiles, evaluates it
// as /v1/check does; with rule and subject it also explains that rule of
// the edited policy. It answers 200 whether the policy compiles or not
// ([Playground]). Its evaluations are not counted in the metrics, whose
// labels name served policies only.
//
// # The console
//
// At "/" the server serves a web console ([Console], embedded): drop a
// programme or workbook and read the HTML report of /v1/report in a
// sandboxed frame; click a finding to see /v1/explain's answer; edit a
// policy in a playground backed by /v1/playground, problems marked at their
// lines, findings updated as you type. It is plain HTML, CSS and
// JavaScript modules, in Kazakh, Russian and English from one catalog
// (console/words.json), and fetches nothing from elsewhere: its
// Content-Security-Policy allows its own files only, and the report's
// inline styles by their hash. Its files are open like the probes; what it
// asks the API carries the token when the service has one.
//
// # Policies that change while serving
//
// With Options.Policies, the folder's *.yaml files are served beside the
// embedded policies (a file named like an embedded one replaces it, for
// the profiles that extend it too) and watched with fsnotify. A change is
// picked up after a quiet interval (Options.Debounce): the folder is read
// into memory, compiled whole, and swapped in atomically by a rules.Store.
// A request looks its policy up once, so a request in flight finishes on
// the set it started with. A broken edit keeps the last good set serving;
// the reload's problems, at their lines and columns, go to the log and to
// /readyz, and sabaq_policy_last_reload_successful drops to 0. SIGHUP
// (in `sabaq serve`) or [Server.Reload] reloads by hand.
//
// # Readiness
//
// /healthz answers 200 while the process serves. /readyz answers 200 with
// status "ready", or "degraded" with the problems of a failed reload: the
// last good policies still answer correctly, and taking every replica out
// of rotation because one shared ConfigMap edit is broken would stop a
// service that works — Prometheus treats a failed configuration reload
// the same way. It answers 503 ("shutting_down") once a graceful shutdown
// has begun. Alert on sabaq_policy_last_reload_successful == 0, not on
// readiness.
//
// # Under load and abuse
//
// A body is refused with 413 before it is read whole: at once when its
// Content-Length is over Options.MaxBody (default 64 MiB,
// limits.RequestBytes), else as soon as it passes it; a policy body is held
// to limits.PolicyBytes. The reading of a programme keeps its own caps
// (nesting, YAML aliases, problems), and a policy's rules their cost
// bounds. At most Options.MaxInFlight requests are served at once (default
// 64); past it a request gets 503 with Retry-After: 1, while the probes and
// /metrics still answer. The http.Server has read-header, read, write and
// idle timeouts, and the work of a request (evaluating, explaining,
// matching) stops at Options.WorkTimeout. On shutdown, requests in flight
// get Options.ShutdownTimeout to finish.
//
// A token (Options.Token) is checked in constant time on every route but
// the probes and the console's files. [CheckExposure] refuses an address
// that other machines can reach without a token or TLS.
//
// # Logs and personal data
//
// Each request is one slog line: a request id (X-Request-Id, kept when the
// client sends a hexadecimal one such as a UUID or a trace id), the method,
// the route's pattern (never the path, whose ids are left out), the status,
// the size, the time, the error code, and of the query only policy, lang
// and as_of as the service read them (a served policy's name or "unknown",
// the language matched, a date or "invalid"). No body, no name, no birth
// date, no contact, no client address is logged. Metrics labels take
// their values from routes, statuses, served policies and their rule ids.
//
// # Concurrency
//
// A Server is safe for concurrent use; compiled policies are immutable and
// evaluated concurrently. Close it to stop watching the folder.
package server
