package report_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/doctest"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/report"
)

// programmeWith is the test programme with v in every text a report
// shows: each volunteer's name, the end of each volunteer's and tandem's
// id, each diary entry's form of activity, achievements and note, and each
// closed tandem's note.
func programmeWith(t *testing.T, v string) *mentoring.Programme {
	t.Helper()
	p := programme()
	rename := map[string]string{}
	for i := range p.Volunteers {
		id := p.Volunteers[i].ID + v
		rename[p.Volunteers[i].ID] = id
		p.Volunteers[i].ID, p.Volunteers[i].FullName = id, v
	}
	for i := range p.Agreements {
		p.Agreements[i].ID += v
		p.Agreements[i].Volunteer = rename[p.Agreements[i].Volunteer]
	}
	for i := range p.Reports {
		p.Reports[i].Volunteer = rename[p.Reports[i].Volunteer]
	}
	for i := range p.Diary {
		e := &p.Diary[i]
		e.Volunteer = rename[e.Volunteer]
		e.Activity, e.Achievements, e.Note = v, v, v
	}
	tandem := map[string]string{}
	for i := range p.Tandems {
		t := &p.Tandems[i]
		tandem[t.ID] = t.ID + v
		t.ID, t.Mentor, t.CloseNote = t.ID+v, rename[t.Mentor], v
	}
	for i := range p.Groups {
		for j, m := range p.Groups[i].Mentors {
			p.Groups[i].Mentors[j] = rename[m]
		}
	}
	for i := range p.Visits {
		p.Visits[i].Tandem = tandem[p.Visits[i].Tandem]
	}
	for i := range p.Outings {
		p.Outings[i].Tandem = tandem[p.Outings[i].Tandem]
	}
	for i := range p.CheckIns {
		p.CheckIns[i].Tandem = tandem[p.CheckIns[i].Tandem]
	}
	require.NoError(t, p.Index())
	return p
}

// checkReports renders the monthly reports and the summary with v in every
// text, in every language and both document formats, and asserts that the
// outline is the one a plain value gives.
func checkReports(t *testing.T, v string, langs ...diag.Lang) {
	t.Helper()
	x := "X"
	if strings.TrimSpace(v) == "" {
		x = v // an empty achievement is left out, as it should be
	}
	var plain *mentoring.Programme
	hostile := programmeWith(t, v)
	for _, lang := range langs {
		for _, f := range []report.Format{report.Markdown, report.HTML} {
			opts := report.Options{Lang: lang, Format: f}
			for name, render := range map[string]func(io.Writer, *mentoring.Programme) error{
				"monthly": func(w io.Writer, p *mentoring.Programme) error { return report.RenderMonthly(w, p, april, "", opts) },
				"summary": func(w io.Writer, p *mentoring.Programme) error { return report.RenderSummary(w, p, april, opts) },
			} {
				html := f == report.HTML
				want, err := doctest.Plain(fmt.Sprint(name, lang, f, x), html, func(w io.Writer) error {
					if plain == nil {
						plain = programmeWith(t, x)
					}
					return render(w, plain)
				})
				require.NoError(t, err)
				var got bytes.Buffer
				require.NoError(t, render(&got, hostile))
				doctest.Same(t, html, want, got.Bytes(), fmt.Sprintf("%s %s %s, value %q", name, lang, f, v))
			}
		}
	}
}

// hostile are values that would change a report's structure unescaped.
var hostile = []string{
	"Note\n\n# Fake heading\n\n---\n",
	"A\n1. fake item",
	"| a | b |\n|---|---|\n| c | d |",
	"a | b",
	"- item",
	"    code",
	"[x](javascript:alert(1))",
	"<script>alert(1)</script>",
	"<b>bold</b> &amp;",
	"**b** _i_ ~~s~~ `c`",
	"esc\x1b]0;title\x07",
	"x\u2028y",
	"",
}

func TestValuesCannotChangeTheReports(t *testing.T) { doctest.Values(t, hostile, checkReports) }

func FuzzRender(f *testing.F) { doctest.Fuzz(f, hostile, checkReports) }
