package server_test

import (
	"bytes"
	"context"
	"net/http"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/htmlreport"
	"github.com/birgemiz/sabaqtastyq/internal/server"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// The report is the page of package htmlreport for the same evaluation,
// findings marked for the console, what comes due in the next 30 days,
// in the request's language.
func TestReport(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	body := readFile(t, examples, "problems.json")
	for _, lang := range diag.Langs {
		t.Run(string(lang), func(t *testing.T) {
			w := post(t, s, "/v1/report?policy=nastavniki&lang="+string(lang), "application/json", body)
			require.Equal(t, http.StatusOK, w.Code, w.Body.String())
			assert.Equal(t, "text/html; charset=utf-8", w.Header().Get("Content-Type"))
			assert.Contains(t, w.Header().Get("Content-Security-Policy"), "default-src 'none'")
			assert.Equal(t, reportPage(t, body, "nastavniki", lang), w.Body.String())
		})
	}
	// By Accept-Language, as every route.
	w := do(t, s, request{method: http.MethodPost, target: "/v1/report", contentType: "application/json", body: body,
		header: map[string]string{"Accept-Language": "ru-KZ, en;q=0.5"}})
	require.Equal(t, http.StatusOK, w.Code)
	assert.Contains(t, w.Body.String(), `<html lang="ru">`)

	// A workbook gives the same page as its JSON.
	w = post(t, s, "/v1/report?lang=kk", server.XLSXType, workbook(t, diag.KK, nil))
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, reportPage(t, body, "guide", diag.KK), w.Body.String())
}

// reportPage renders the page the library gives for body.
func reportPage(tb testing.TB, body []byte, policy string, lang diag.Lang) string {
	tb.Helper()
	pol, prog, rep := libraryReport(tb, body, mentoring.JSON, policy, lang)
	due, err := pol.Due(context.Background(), prog, rep.AsOf, rep.AsOf.AddDays(server.DueDays), rules.WithLang(lang))
	require.NoError(tb, err)
	coming := &htmlreport.Coming{Days: server.DueDays, Items: []htmlreport.Item{}}
	for _, f := range due.Due {
		coming.Items = append(coming.Items, htmlreport.Item{Date: f.Date, Finding: f.Finding})
	}
	var page bytes.Buffer
	require.NoError(tb, htmlreport.Render(&page, htmlreport.Input{Policy: pol, Report: rep, Programme: prog, Coming: coming},
		htmlreport.Options{Lang: lang, FindingData: true}))
	return page.String()
}

// Each finding of the report names its rule and subject, so that the
// console can explain it.
func TestReportMarksFindings(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	body := readFile(t, examples, "problems.json")
	w := post(t, s, "/v1/report", "application/json", body)
	require.Equal(t, http.StatusOK, w.Code)
	marks := regexp.MustCompile(`data-rule="([^"]+)" data-subject="([^"]+)"`).FindAllStringSubmatch(w.Body.String(), -1)
	w = post(t, s, "/v1/check", "application/json", body)
	var check wire.Check
	decodeInto(t, w.Body.Bytes(), &check)
	require.Len(t, marks, len(check.Findings))
	for i, f := range check.Findings {
		assert.Equal(t, []string{f.Rule, f.Subject}, marks[i][1:])
	}
}

func TestReportErrors(t *testing.T) {
	s, _ := newServer(t, server.Options{MaxBody: 4 << 10})
	tests := []struct {
		name   string
		req    request
		status int
		code   wire.Code
	}{
		{"malformed", request{target: "/v1/report", contentType: "application/json", body: []byte(`{"as_of": 1}`)},
			http.StatusBadRequest, wire.CodeInvalidInput},
		{"unknown policy", request{target: "/v1/report?policy=almaty", contentType: "application/json", body: []byte(`{"as_of": "2026-11-24"}`)},
			http.StatusNotFound, wire.CodePolicyNotFound},
		{"too large", request{target: "/v1/report", contentType: "application/json", body: bytes.Repeat([]byte(" "), 5<<10)},
			http.StatusRequestEntityTooLarge, wire.CodeTooLarge},
		{"a form", request{target: "/v1/report", contentType: "multipart/form-data; boundary=x", body: []byte("--x--")},
			http.StatusUnsupportedMediaType, wire.CodeUnsupportedMediaType},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.method = http.MethodPost
			w := do(t, s, tt.req)
			require.Equal(t, tt.status, w.Code, w.Body.String())
			assert.Equal(t, tt.code, errorOf(t, w).Code)
		})
	}
}
