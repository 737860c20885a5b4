// Package decodetest helps fuzz targets check that personal data stays
// out of problems.
package decodetest

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
)

// PersonalValues returns the values of the keys in mask in a JSON
// document, those that appear in it once, as they are written (a value
// with escapes is left out): any sight of them in a problem is a leak.
func PersonalValues(data []byte, mask decode.Mask) []string {
	var doc any
	if json.Unmarshal(data, &doc) != nil {
		return nil
	}
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if s, ok := e.(string); ok && mask[k] && len(s) >= 4 && bytes.Count(data, []byte(s)) == 1 {
					out = append(out, s)
				}
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(doc)
	return out
}

// Leak returns the first personal value that a problem of err shows, in its
// message, its arguments or its snippet, or "".
func Leak(err error, values []string) string {
	for _, e := range diag.Errors(err) {
		seen := e.Error() + "\n" + strings.Join(e.Args, "\n") + "\n" + e.Snippet
		for _, v := range values {
			if strings.Contains(seen, v) {
				return v
			}
		}
	}
	return ""
}
