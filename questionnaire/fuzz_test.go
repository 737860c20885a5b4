package questionnaire_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
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
	f.Fuzz(func(t *testing.T, data []byte, isYAML bool) {
		name := "f.json"
		if isYAML {
			name = "f.yaml"
		}
		r, err := questionnaire.Decode(bytes.NewReader(data), name)
		if err != nil {
			l := diag.Errors(err)
			require.NotEmpty(t, l, "not a diag error: %v", err)
			for _, e := range l {
				require.Equal(t, name, e.File)
			}
			return
		}
		require.NoError(t, r.Validate())
	})
}
