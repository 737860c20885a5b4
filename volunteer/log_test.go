package volunteer_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// logJSON logs args with slog's JSON handler and returns the line.
func logJSON(tb testing.TB, args ...any) string {
	tb.Helper()
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, noTime)).Info("record", args...)
	require.True(tb, json.Valid(buf.Bytes()), buf.String())
	return buf.String()
}

func TestLogRedaction(t *testing.T) {
	v := valid()
	v.Health = &volunteer.Health{Limitations: true, Details: "asthma since 2001"}
	secrets := []string{v.FullName, "Aigerim", v.Contacts.Phone, "701", v.Contacts.Email, v.Contacts.Address,
		v.BirthDate.String(), "asthma"}
	entry := volunteer.DiaryEntry{Volunteer: "v-1", Date: civil.D(2026, 3, 1), Activity: "chess club",
		Achievements: "Dana Omarova won a game", Note: "call Dana's aunt"}
	cases := []struct {
		name    string
		value   any
		secrets []string
		shows   []string
	}{
		{"volunteer", v, secrets, []string{`"id":"v-1"`, `"role":"individual_mentor"`, volunteer.Redacted}},
		{"volunteer pointer", &v, secrets, []string{`"id":"v-1"`}},
		{"contacts", *v.Contacts, secrets, []string{volunteer.Redacted}},
		{"health", *v.Health, secrets, []string{`"limitations":true`}},
		{"diary entry", entry, []string{"Dana", "aunt"}, []string{`"activity":"chess club"`, `"date":"2026-03-01"`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := logJSON(t, "subject", tc.value)
			for _, s := range tc.secrets {
				assert.NotContains(t, out, s)
			}
			for _, s := range tc.shows {
				assert.Contains(t, out, s)
			}
		})
	}
	t.Run("empty contacts stay empty", func(t *testing.T) {
		out := logJSON(t, "subject", volunteer.Contacts{Phone: "1"})
		assert.Contains(t, out, `"email":""`)
		assert.Contains(t, out, `"phone":"[REDACTED]"`)
	})
}

// noTime drops the timestamp, whose digits could match a secret by chance.
var noTime = &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}}
