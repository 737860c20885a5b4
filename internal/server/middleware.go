package server

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
)

// recorder remembers what a handler answered, for the access log and the
// metrics.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
	code   wire.Code // the error code, when the answer is an error object
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// requestIDPattern is what a request id given by the client may look like
// to be kept (and logged): hexadecimal digits and dashes, as UUIDs and
// W3C trace ids are, which cannot spell a name. Anything else is replaced
// by a fresh id.
var requestIDPattern = regexp.MustCompile(`^[0-9A-Fa-f][0-9A-Fa-f-]{7,63}$`)

// observe serves a request through h, then writes one access-log line and
// counts it. The line holds the route's pattern (never the path, which may
// carry ids), the status, the size and the time, the error code if any,
// and of the query only policy, lang and as_of — each as the service read
// it, never as the client wrote it: no body, no name, no address.
func (s *Server) observe(w http.ResponseWriter, r *http.Request, h http.Handler) {
	start := time.Now()
	id := r.Header.Get("X-Request-Id")
	if !requestIDPattern.MatchString(id) {
		id = rand.Text()
	}
	w.Header().Set("X-Request-Id", id)
	rec := &recorder{ResponseWriter: w}
	h.ServeHTTP(rec, r)
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	d := time.Since(start)
	route := r.Pattern
	if route == "" {
		route = "unmatched"
	}
	s.metrics.request(route, rec.status, d)

	level := slog.LevelInfo
	if rec.status >= 500 {
		level = slog.LevelError
	}
	attrs := []slog.Attr{
		slog.String("id", id),
		slog.String("method", knownMethod(r.Method)),
		slog.String("route", route),
		slog.Int("status", rec.status),
		slog.Int64("bytes", rec.bytes),
		slog.Float64("ms", float64(d.Microseconds())/1000),
	}
	if rec.code != "" {
		attrs = append(attrs, slog.String("error", string(rec.code)))
	}
	s.log.LogAttrs(r.Context(), level, "request", append(attrs, s.queryAttrs(r)...)...)
}

// queryAttrs are the query parameters a log line may hold, each as the
// service read it: a served policy's name (else "unknown"), the language
// matched, a date (else "invalid").
func (s *Server) queryAttrs(r *http.Request) []slog.Attr {
	q := r.URL.Query()
	var attrs []slog.Attr
	if v := q.Get("policy"); v != "" {
		if _, ok := s.store.Get(v); !ok {
			v = "unknown"
		}
		attrs = append(attrs, slog.String("policy", v))
	}
	if v := q.Get("lang"); v != "" {
		attrs = append(attrs, slog.String("lang", string(diag.Match(v))))
	}
	if v := q.Get("as_of"); v != "" {
		if _, err := civil.ParseDate(v); err != nil {
			v = "invalid"
		}
		attrs = append(attrs, slog.String("as_of", v))
	}
	return attrs
}

// knownMethod is the method for the log: a standard one, else OTHER.
func knownMethod(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions, http.MethodConnect, http.MethodTrace:
		return m
	}
	return "OTHER"
}

// clip cuts s to at most n bytes, on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}

// guard wraps a route's handler with what every route needs: the bearer
// token (but on open routes), the cap on requests in flight (but on the
// probes and /metrics), and headers that keep answers out of caches and
// sniffers.
func (s *Server) guard(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Language", string(langOf(r)))
		h.Add("Vary", "Accept-Language")
		if !rt.open && !s.authorized(r) {
			s.fail(w, r, wire.CodeUnauthorized, nil)
			return
		}
		if !rt.uncapped {
			select {
			case s.inflight <- struct{}{}:
				s.metrics.inFlight.Inc()
				defer func() {
					<-s.inflight
					s.metrics.inFlight.Dec()
				}()
			default:
				s.fail(w, r, wire.CodeOverloaded, nil, strconv.Itoa(RetryAfter))
				return
			}
			w.Header().Set("Cache-Control", "no-store")
		}
		rt.handle(s, w, r)
	})
}

// work is the context of a request's work once its body is read: it ends
// after Options.WorkTimeout, or when the client goes.
func (s *Server) work(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.Context(), s.opts.WorkTimeout)
}

// authorized checks the bearer token in constant time; without a token
// configured every request is.
func (s *Server) authorized(r *http.Request) bool {
	if s.opts.Token == "" {
		return true
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return false
	}
	a, b := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(s.opts.Token))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

// langOf is the language of a request's messages: the lang query
// parameter, else Accept-Language, else English; any BCP 47 tag is
// matched to kk, ru or en.
func langOf(r *http.Request) diag.Lang {
	if l := r.URL.Query().Get("lang"); l != "" {
		return diag.Match(l)
	}
	if l := r.Header.Get("Accept-Language"); l != "" {
		return diag.Match(l)
	}
	return diag.EN
}

// writeJSON answers with v as JSON, encoded as the command line encodes it.
func (s *Server) writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	if err := wire.Encode(&buf, v); err != nil {
		s.log.Error("encoding a response", "error", err.Error())
		status = http.StatusInternalServerError
		buf.Reset()
		_ = wire.Encode(&buf, wire.NewError(wire.CodeInternal, diag.EN, nil))
	}
	s.write(w, status, "application/json", buf.Bytes())
}

// write answers with a body of a media type.
func (s *Server) write(w http.ResponseWriter, status int, mediaType string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", mediaType+"; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
