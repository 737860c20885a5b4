package reference_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/reference"
)

// FuzzParse reads any bytes as the safety list: no panic, every problem
// a positioned diag error in that file, and an accepted set has text in
// every language.
func FuzzParse(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte("- {id: a, name: {kk: к}}\n- {id: a}\n"))
	f.Add([]byte("a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]\n"))
	f.Add([]byte(strings.Repeat("- ", 200) + "x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := `- {id: d, latin: "X", name: {kk: к, ru: р, en: e}, description: {kk: к, ru: р, en: e}}`
		fsys := fstest.MapFS{
			"data/directions.yaml":         {Data: []byte(dir)},
			"data/safety.yaml":             {Data: data},
			"data/organisation_types.yaml": {Data: []byte(good)},
		}
		s, err := reference.Parse(fsys)
		if err != nil {
			for _, e := range diag.Errors(err) {
				require.Equal(t, "data/safety.yaml", e.File, "%v", e)
				require.NotEmpty(t, e.Code)
			}
			return
		}
		for _, x := range s.SafetyTopics() {
			require.NotEmpty(t, x.Name.KK+x.Name.RU+x.Name.EN)
		}
	})
}
