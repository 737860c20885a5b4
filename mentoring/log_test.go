package mentoring_test

import (
	"bytes"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// Logging a programme, any of its lists or any of its records, with
// slog's JSON or text handler, prints no name, birth date, contact,
// document or health detail.
func TestLogKeepsPersonalDataOut(t *testing.T) {
	p := &mentoring.Programme{
		AsOf:         civil.D(2026, 11, 24),
		Institutions: []mentoring.Institution{{ID: "i-1", Name: "Home", Kind: mentoring.Orphanage, Coordinator: "Gulnara Abenova"}},
		Volunteers: []volunteer.Volunteer{{ID: "v-1", FullName: "Aigerim Sadykova", BirthDate: civil.D(1990, 4, 2),
			Role: volunteer.IndividualMentor, Contacts: &volunteer.Contacts{Phone: "+7 701 555 0102", Email: "aigerim@example.kz"},
			Health: &volunteer.Health{Limitations: true, Details: "asthma"}}},
		Children: []mentoring.Child{{ID: "c-1", BirthDate: civil.D(2013, 5, 17), Institution: "i-1"}},
		Agreements: []agreement.Agreement{{ID: "a-1", Volunteer: "v-1", SignedOn: civil.D(2026, 2, 15),
			Party: &agreement.Party{FullName: "Aigerim Sadykova", IDDocument: agreement.IDDocument{Number: "043512345"}}}},
	}
	secrets := []string{"Aigerim", "Sadykova", "1990-04-02", "1990", "2013-05-17", "Gulnara", "701", "aigerim@", "asthma", "043512345"}
	values := map[string]any{
		"programme":    p,
		"volunteers":   p.Volunteers,
		"children":     p.Children,
		"institutions": p.Institutions,
		"agreements":   p.Agreements,
		"volunteer":    p.Volunteers[0],
		"child":        p.Children[0],
		"institution":  p.Institutions[0],
	}
	for name, v := range values {
		for _, h := range []struct {
			name string
			new  func(*bytes.Buffer) slog.Handler
		}{
			{"json", func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, noTime) }},
			{"text", func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, noTime) }},
		} {
			t.Run(name+"/"+h.name, func(t *testing.T) {
				var buf bytes.Buffer
				slog.New(h.new(&buf)).Info("loaded", slog.Any("v", v))
				out := buf.String()
				require.NotEmpty(t, out)
				for _, s := range secrets {
					assert.NotContains(t, out, s)
				}
			})
		}
	}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("loaded", "p", p)
	assert.Contains(t, buf.String(), `"volunteers":1`)
	assert.Contains(t, buf.String(), `"as_of":"2026-11-24"`)
}

// noTime leaves the time out of the record: its digits could match a
// secret's ("701" in 13:48:51.701) and fail the test by chance.
var noTime = &slog.HandlerOptions{ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
	if len(groups) == 0 && a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}}
