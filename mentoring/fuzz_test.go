package mentoring_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
	"github.com/birgemiz/sabaqtastyq/internal/decode/decodetest"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// attacks are programme files that once cost minutes or gigabytes, or
// leaked personal data; the fuzz target starts from them.
var attacks = []string{
	// An alias bomb in a programme.
	"as_of: 2026-11-24\nx: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\ny: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n" +
		"z: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nvolunteers: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
	// Nesting beyond the cap.
	`{"as_of": "2026-11-24", "volunteers": ` + strings.Repeat("[", 200) + strings.Repeat("]", 200) + `}`,
	// A long line with problems and personal data on it.
	`{"as_of": "2026-11-24", "volunteers": [` + strings.Repeat(`{"id": "v", "full_name": "Aigerim Sadykova", "birth_date": "1990-02-30", "role": "coach"}, `, 50) +
		`{"id": "w"}]}`,
	// A child's impossible birth date, a birth after as_of, year 1 and 9999.
	`{"as_of": "2026-11-24", "children": [{"id": "c", "birth_date": "2013-02-30", "institution": "i"}, {"id": "d", "birth_date": "2030-01-01", "institution": "i"}, {"id": "e", "birth_date": "0001-01-01", "institution": "i"}], "institutions": [{"id": "i", "name": "H", "kind": "school"}], "meetings": [{"id": "m", "kind": "general", "date": "9999-12-31"}]}`,
	// Problems everywhere, past the cap.
	`{"as_of": "2026-11-24", "reports": [` + strings.Repeat(`{"volunteer": "ghost", "month": "2026-13"}, `, 150) + `{}]}`,
	// Contract v2: notice after the end, outing after closing, visits.
	`{"as_of": "2026-11-24", "volunteers": [{"id": "v", "full_name": "A", "birth_date": "1990-01-01", "role": "coach"}], "agreements": [{"id": "a", "volunteer": "v", "signed_on": "2026-01-01", "notice_given_on": "2026-06-02", "ends_on": "2026-06-01", "ended_by": "volunteer", "notice_days": 20}], "visits": [{"tandem": "t-9", "date": "2026-12-01"}], "check_ins": [{"tandem": "", "date": "2026-01-01"}]}`,
}

// FuzzDecode loads any bytes as a JSON and as a YAML programme, from
// memory and streamed. It must never panic; a failure is a diag.List
// whose every problem has a code and a message in each language and never
// quotes a name; a success validates cleanly again; and both ways of
// reading agree.
func FuzzDecode(f *testing.F) {
	for _, file := range []string{"../examples/data/programme.json", "../examples/data/problems.json"} {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, false)
	}
	f.Add([]byte(strings.Join(baseJSON, "\n")), false)
	f.Add([]byte(strings.Join(baseYAML, "\n")), true)
	f.Add([]byte("as_of: 2026-02-30\nvolunteers: [{id: v-1, id: v-2}]\ntandems: [{mentor: x}]\n"), true)
	for _, a := range attacks {
		f.Add([]byte(a), strings.HasPrefix(a, "as_of"))
	}
	f.Fuzz(func(t *testing.T, data []byte, yaml bool) {
		syntax := mentoring.JSON
		if yaml {
			syntax = mentoring.YAML
		}
		p, err := mentoring.Parse(data, "fuzz", syntax)
		q, serr := mentoring.Decode(bytes.NewReader(data), "fuzz", syntax)
		require.Equal(t, diag.Localize(err, diag.EN), diag.Localize(serr, diag.EN), "from memory and streamed")
		require.Equal(t, snippets(err), snippets(serr), "snippets from memory and streamed")
		if err == nil {
			if p == nil || q == nil {
				t.Fatal("no programme and no error")
			}
			if err := p.Validate(); err != nil {
				t.Fatalf("loaded, then invalid: %v", err)
			}
			return
		}
		if p != nil {
			t.Fatal("a programme with an error")
		}
		for _, e := range diag.Errors(err) {
			if e.Code == "" {
				t.Fatalf("problem without a code: %v", e)
			}
			for _, lang := range diag.Langs {
				if e.Message(lang) == "" {
					t.Fatalf("no %s message: %v", lang, e)
				}
			}
		}
		if leak := decodetest.Leak(err, decodetest.PersonalValues(data, decode.MaskOf[mentoring.Programme]())); leak != "" {
			t.Fatalf("personal data %q in a problem: %v", leak, diag.Errors(err))
		}
	})
}

func snippets(err error) []string {
	var out []string
	for _, e := range diag.Errors(err) {
		out = append(out, e.Snippet)
	}
	return out
}
