package decode_test

import (
	"testing"

	"github.com/birgemiz/sabaqtastyq/internal/decode"
)

// FuzzDecode feeds any bytes, as JSON and as YAML, to Decode and Locate:
// they must not panic, and every problem must carry a code and, unless
// the input is unreadable as a whole, a position.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"name": "a", "n": 1, "l": [{"x": "y"}], "d": "2026-01-01", "m": "2026-01"}`,
		"name: a\nl:\n  - x: y\np: &a {x: b}\nq: *a\n",
		`{"p": {"x": "a", "x": "b"}, "zz": [[[{}]]]}`,
		"{\"n\": 1e400, \"u\": -0, \"f\": 1e999}",
		"\xEF\xBB\xBF{}",
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, yaml bool) {
		o := decode.Options{File: "f", Format: decode.JSON}
		if yaml {
			o.Format = decode.YAML
		}
		var got target
		for _, e := range decode.Decode(data, &got, o) {
			if e.Code == "" {
				t.Fatalf("problem without a code: %v", e)
			}
		}
		decode.Locate(data, o, []string{"l[0].x", "p", "zz[0]"})
	})
}
