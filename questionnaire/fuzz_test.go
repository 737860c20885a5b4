package questionnaire_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
	"github.com/birgemiz/sabaqtastyq/internal/decode/decodetest"
	"github.com/birgemiz/sabaqtastyq/questionnaire"
)

// FuzzDecode feeds Decode arbitrary JSON and YAML: it must never panic, every
// problem must be a positioned diag error, and a response it accepts must
// validate.
func FuzzDecode(f *testing.F) {
	for _, name := range []string{"testdata/aigerim.json", "testdata/aigerim.yaml"} {
		b, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(b, name[len(name)-4:] == "yaml")
	}
	f.Add([]byte(`{"qualities": {"patience": 1e99}}`), false)
	f.Add([]byte("motives: [a, a, a, a]\nqualities: [1]\n"), true)
	// The attacks: a long response (once quadratic: 1 MB took 196 s), deep
	// nesting, an alias bomb, a birth date that does not exist.
	f.Add([]byte(`{"motives": [`+strings.Repeat(`"new_friends", `, 2000)+`"x"]}`), false)
	f.Add([]byte(`{"qualities": `+strings.Repeat("[", 500)+strings.Repeat("]", 500)+`}`), false)
	f.Add([]byte("a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nmotives: [*b, *b, *b, *b]\n"), true)
	f.Add([]byte(`{"full_name": "Aigerim Sadykova", "birth_date": "1990-02-30", "phone": 7}`), false)
	f.Fuzz(func(t *testing.T, data []byte, isYAML bool) {
		name := "f.json"
		if isYAML {
			name = "f.yaml"
		}
		r, err := questionnaire.Decode(bytes.NewReader(data), name)
		if err != nil {
			l := diag.Errors(err)
			require.NotEmpty(t, l, "not a diag error: %v", err)
			require.LessOrEqual(t, len(l), 101, "the problem cap")
			for _, e := range l {
				require.Equal(t, name, e.File)
			}
			leak := decodetest.Leak(err, decodetest.PersonalValues(data, decode.MaskOf[questionnaire.Response]()))
			require.Empty(t, leak, "personal data in a problem: %v", l)
			return
		}
		require.NoError(t, r.Validate())
	})
}
