package server_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/server"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// BenchmarkCheck compares POST /v1/check on the example with problems,
// served in process, with its baseline: the same library calls made
// directly (read, evaluate, encode). The difference is what the service
// adds: routing, guards, the access log, metrics.
func BenchmarkCheck(b *testing.B) {
	body := readFile(b, examples, "problems.json")
	b.Run("library", func(b *testing.B) {
		pol, err := rules.Resolve("guide")
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			prog, err := mentoring.Parse(body, "", mentoring.JSON)
			if err != nil {
				b.Fatal(err)
			}
			rep, err := pol.Evaluate(context.Background(), prog, rules.WithLang(diag.EN))
			if err != nil {
				b.Fatal(err)
			}
			if err := wire.Encode(io.Discard, wire.CheckOf(rep)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("handler", func(b *testing.B) {
		s, err := server.New(server.Options{Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			r := httptest.NewRequest(http.MethodPost, "/v1/check", bytes.NewReader(body))
			r.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			s.ServeHTTP(w, r)
			if w.Code != http.StatusOK {
				b.Fatal(w.Code)
			}
		}
	})
}
