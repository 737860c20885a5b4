package mentoring_test

import (
	"os"
	"strings"
	"testing"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// FuzzDecode loads any bytes as a JSON and as a YAML programme. It must
// never panic; a failure is a diag.List whose every problem has a code and
// a message in each language; a success validates cleanly again.
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
	f.Fuzz(func(t *testing.T, data []byte, yaml bool) {
		syntax := mentoring.JSON
		if yaml {
			syntax = mentoring.YAML
		}
		p, err := mentoring.Parse(data, "fuzz", syntax)
		if err == nil {
			if p == nil {
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
	})
}
