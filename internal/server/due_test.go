package server_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/server"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// POST /v1/due answers the library's Due for the same request, in the
// request's language; days and all change the span and what is listed.
func TestDue(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	body := readFile(t, examples, "problems.json")
	prog, err := mentoring.Parse(body, "", mentoring.JSON)
	require.NoError(t, err)
	tests := []struct {
		name, query string
		policy      string
		from        civil.Date
		days        int
		opts        []rules.EvalOption
	}{
		{"default", "", "guide", prog.AsOf, server.DueDays, []rules.EvalOption{rules.WithLang(diag.EN)}},
		{"ru, 90 days", "?lang=ru&days=90", "guide", prog.AsOf, 90, []rules.EvalOption{rules.WithLang(diag.RU)}},
		{"as_of and all", "?as_of=2026-12-05&days=10&all=true&policy=nastavniki", "nastavniki", civil.D(2026, 12, 5), 10,
			[]rules.EvalOption{rules.WithLang(diag.EN), rules.WithCurrent()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := post(t, s, "/v1/due"+tt.query, "application/json", body)
			require.Equal(t, http.StatusOK, w.Code, w.Body.String())
			pol, err := rules.Resolve(tt.policy)
			require.NoError(t, err)
			want, err := pol.Due(context.Background(), prog, tt.from, tt.from.AddDays(tt.days), tt.opts...)
			require.NoError(t, err)
			var got rules.DueReport
			decodeInto(t, w.Body.Bytes(), &got)
			assert.Equal(t, *want, got)
			assert.NotEmpty(t, got.Due)
		})
	}
}

func TestDueErrors(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	body := readFile(t, examples, "problems.json")
	tests := []struct {
		name, target string
		status       int
		code         wire.Code
	}{
		{"days not a number", "/v1/due?days=many", http.StatusBadRequest, wire.CodeBadRequest},
		{"days zero", "/v1/due?days=0", http.StatusBadRequest, wire.CodeBadRequest},
		{"days past the cap", "/v1/due?days=732", http.StatusBadRequest, wire.CodeBadRequest},
		{"all not a bool", "/v1/due?all=yes", http.StatusBadRequest, wire.CodeBadRequest},
		{"bad as_of", "/v1/due?as_of=2026-13-01", http.StatusBadRequest, wire.CodeBadRequest},
		{"unknown policy", "/v1/due?policy=nope", http.StatusNotFound, wire.CodePolicyNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := post(t, s, tt.target, "application/json", body)
			require.Equal(t, tt.status, w.Code, w.Body.String())
			var e wire.ErrorBody
			decodeInto(t, w.Body.Bytes(), &e)
			assert.Equal(t, tt.code, e.Error.Code)
		})
	}
	w := post(t, s, "/v1/due", "application/json", []byte(`{"as_of": "2026-11-24", "volunteers": [{"id": 1}]}`))
	assert.Equal(t, http.StatusBadRequest, w.Code)
}
