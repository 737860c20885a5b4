package calendar_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/calendar"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// report is what comes due, with the characters TEXT values must escape
// (a comma, a semicolon, a backslash, a new line) and messages long
// enough in Cyrillic to be folded.
func report() *rules.DueReport {
	return &rules.DueReport{Policy: "guide", From: civil.D(2026, 11, 24), To: civil.D(2026, 12, 24), Due: []rules.DueFinding{
		{Date: civil.D(2026, 12, 1), Finding: rules.Finding{Rule: "agreement.monthly_report", Severity: rules.Deny,
			Subject: "agreement/a-1", Source: "R10, D2 §6.1 (L2293)",
			Message: "Волонтёр v-1 (соглашение a-1) не отчитался за месяцы: 2026-11. Отчёт подаётся не реже раза в месяц; a\\b,\nc"}},
		{Date: civil.D(2026, 12, 11), Finding: rules.Finding{Rule: "child.adaptation_centre_stay", Severity: rules.Warn,
			Subject: "child/c-1", Source: "R5 (L1618)",
			Message: "Ребёнок c-1 находится в ЦАН с 2026-06-10, больше 6 мес.: срок пребывания — до 6 мес."}},
		{Date: civil.D(2026, 12, 11), Finding: rules.Finding{Rule: "tandem.outing_agreement", Severity: rules.Error,
			Subject: "outing/t-1@2026-12-11", Message: "x"}},
	}}
}

func write(t *testing.T, lang diag.Lang) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, calendar.Write(&b, report(), calendar.Options{Lang: lang}))
	return b.Bytes()
}

// unfold joins folded lines (RFC 5545 §3.1).
func unfold(s string) []string {
	return strings.Split(strings.ReplaceAll(strings.TrimSuffix(s, "\r\n"), "\r\n ", ""), "\r\n")
}

// TestStructure reads the file as RFC 5545 lays it out, without any
// iCalendar library: CRLF lines of at most 75 octets, folded between
// characters, components balanced, one event per finding with the
// properties an importer needs.
func TestStructure(t *testing.T) {
	out := write(t, diag.RU)
	s := string(out)
	require.True(t, strings.HasSuffix(s, "\r\n"))
	for i, line := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n") {
		assert.NotContains(t, line, "\n", "line %d has a bare LF", i+1)
		assert.LessOrEqual(t, len(line), 75, "line %d is longer than 75 octets", i+1)
		assert.True(t, utf8.ValidString(line), "line %d splits a character", i+1)
	}
	lines := unfold(s)
	assert.Equal(t, "BEGIN:VCALENDAR", lines[0])
	assert.Equal(t, "END:VCALENDAR", lines[len(lines)-1])
	assert.Contains(t, lines, "VERSION:2.0")
	var events []map[string]string
	for _, l := range lines {
		switch {
		case l == "BEGIN:VEVENT":
			events = append(events, map[string]string{})
		case l == "END:VEVENT":
		case len(events) > 0:
			name, value, ok := strings.Cut(l, ":")
			require.True(t, ok, l)
			events[len(events)-1][name] = value
		}
	}
	require.Len(t, events, 3)
	uids := map[string]bool{}
	for i, ev := range events {
		f := report().Due[i]
		uids[ev["UID"]] = true
		assert.Equal(t, "20261124T000000Z", ev["DTSTAMP"])
		assert.Equal(t, strings.ReplaceAll(f.Date.String(), "-", ""), ev["DTSTART;VALUE=DATE"])
		assert.Equal(t, strings.ReplaceAll(f.Date.AddDays(1).String(), "-", ""), ev["DTEND;VALUE=DATE"])
		assert.Contains(t, ev["SUMMARY;LANGUAGE=ru"], f.Subject)
		assert.Contains(t, ev, "DESCRIPTION;LANGUAGE=ru")
	}
	assert.Len(t, uids, 3, "every event has its own UID")
	assert.Contains(t, strings.Join(lines, "\n"), `не реже раза в месяц\; a\\b\,\nc`, "TEXT is escaped as §3.3.11 says")
}

// TestReproducible: the same report gives the same bytes, and a UID
// depends on the rule, subject and date only.
func TestReproducible(t *testing.T) {
	assert.Equal(t, write(t, diag.KK), write(t, diag.KK))
	f := report().Due[0]
	g := f
	g.Message, g.Severity = "other", rules.Warn
	assert.Equal(t, calendar.UID(f), calendar.UID(g))
	g.Date = g.Date.AddDays(1)
	assert.NotEqual(t, calendar.UID(f), calendar.UID(g))
}

// TestAnotherParserReadsIt reads the file with python-icalendar (Debian:
// python3-icalendar), a parser that did not write it, and checks every
// event as it sees it.
func TestAnotherParserReadsIt(t *testing.T) {
	py := pythonWithICalendar()
	if py == "" {
		t.Skip("no python3 with the icalendar module: the file is not read by a second parser (apt-get install python3-icalendar)")
	}
	for _, lang := range diag.Langs {
		t.Run(string(lang), func(t *testing.T) {
			cmd := exec.Command(py, "testdata/read.py")
			cmd.Stdin = bytes.NewReader(write(t, lang))
			cmd.Stderr = os.Stderr
			out, err := cmd.Output()
			require.NoError(t, err)
			var got struct {
				Version string
				Prodid  string
				Events  []struct{ UID, Start, End, Stamp, Summary, Language, Description string }
			}
			require.NoError(t, json.Unmarshal(out, &got))
			assert.Equal(t, "2.0", got.Version)
			require.Len(t, got.Events, 3)
			for i, ev := range got.Events {
				f := report().Due[i]
				assert.Equal(t, calendar.UID(f), ev.UID)
				assert.Equal(t, f.Date.String(), ev.Start)
				assert.Equal(t, f.Date.AddDays(1).String(), ev.End)
				assert.Equal(t, "2026-11-24T00:00:00+00:00", ev.Stamp)
				assert.Equal(t, string(lang), ev.Language)
				assert.True(t, strings.HasSuffix(ev.Summary, ": "+f.Subject+" — "+f.Rule), ev.Summary)
				assert.True(t, strings.HasPrefix(ev.Description, f.Message), "the message comes back whole: %q", ev.Description)
				if f.Source != "" {
					assert.True(t, strings.HasSuffix(ev.Description, f.Source), ev.Description)
				}
			}
		})
	}
}

// pythonWithICalendar finds a python3 that imports icalendar: the one on
// PATH, or Debian's, where python3-icalendar installs it.
func pythonWithICalendar() string {
	candidates := []string{"/usr/bin/python3"}
	if p, err := exec.LookPath("python3"); err == nil {
		candidates = append([]string{p}, candidates...)
	}
	for _, py := range candidates {
		if exec.Command(py, "-c", "import icalendar").Run() == nil {
			return py
		}
	}
	return ""
}
