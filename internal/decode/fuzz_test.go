package decode_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
)

// attacks are inputs that once cost minutes or gigabytes, or leaked what
// they should not; every fuzz target of the package starts from them.
var attacks = []string{
	// An alias bomb: nine to the fifth values from 45 lines.
	"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" +
		"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n" +
		"e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n",
	// Nesting far beyond any stack.
	`{"nick": ` + strings.Repeat("[", 300) + strings.Repeat("]", 300) + "}",
	strings.Repeat("- ", 300) + "x\n",
	// A long line with a few problems.
	`{"s": [` + strings.Repeat(`"x", `, 500) + `1], "n": "x", "l": [{"x": 1}]}`,
	// Broken strings and numbers.
	"{\"name\": \"a\x01b\"}", `{"name": "\ud800"}`, `{"f": 1e400, "n": -0, "u": 18446744073709551616}`,
	`{"name": "\u00e9\xff"}`, `{"d": "0001-01-01", "m": "9999-12"}`,
	"\xEF\xBB\xBF{}", "", " ", "nul", "[", "{\"a\":", `{"name": "a"} x`,
	// Duplicate keys and a name given as a number.
	`{"p": {"x": "a", "x": "b"}, "name": 7}`,
}

// FuzzDecode feeds any bytes, as JSON and as YAML, in memory and
// streamed, to Decode, DecodeReader and Locate: they must not panic, every
// problem must carry a code and a file, and the two ways of reading JSON
// must agree.
func FuzzDecode(f *testing.F) {
	for _, s := range append(attacks,
		`{"name": "a", "n": 1, "l": [{"x": "y"}], "d": "2026-01-01", "m": "2026-01"}`,
		"name: a\nl:\n  - x: y\np: &a {x: b}\nq: *a\n",
		`{"p": {"x": "a", "x": "b"}, "zz": [[[{}]]]}`,
	) {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, yaml bool) {
		o := decode.Options{File: "f", Format: decode.JSON, MaxDepth: 50}
		if yaml {
			o.Format = decode.YAML
		}
		var got target
		errs := decode.Decode(data, &got, o)
		for _, e := range errs {
			if e.Code == "" || e.File != "f" {
				t.Fatalf("problem without a code or a file: %#v", e)
			}
		}
		if !yaml {
			var streamed target
			serrs := decode.DecodeReader(bytes.NewReader(data), &streamed, o)
			require.Equal(t, codes(errs), codes(serrs), "streamed and in memory")
			if len(errs) == 0 {
				require.Equal(t, got, streamed)
			}
		}
		paths := []string{"l[0].x", "p", "zz[0]", "name"}
		require.Equal(t, decode.Locate(data, o, paths), decode.LocateReader(bytes.NewReader(data), o, paths))
		// Snippets from memory and from a stream are the same.
		mask := decode.Mask{"name": true}
		streamed := decode.FinishReader(bytes.NewReader(data), clearSnippets(errs), mask)
		for i, e := range decode.Finish(data, clearSnippets(errs), mask) {
			require.Equal(t, e.Snippet, streamed[i].Snippet, "%v", e)
		}
	})
}

func clearSnippets(l diag.List) diag.List {
	out := make(diag.List, len(l))
	for i, e := range l {
		c := *e
		c.Snippet = ""
		out[i] = &c
	}
	return out
}

func codes(l diag.List) []string {
	var out []string
	for _, e := range l {
		out = append(out, e.Pos.String()+" "+e.Path+" "+string(e.Code))
	}
	return out
}

// plain is what both decoders read the same way: no civil types, which the
// standard library reads by their own rules.
type plain struct {
	Name  string   `json:"name"`
	N     int8     `json:"n"`
	U     uint16   `json:"u"`
	F     float64  `json:"f"`
	B     bool     `json:"b"`
	L     []inner  `json:"l"`
	P     *inner   `json:"p"`
	S     []string `json:"s"`
	Deep  [][]int  `json:"deep"`
	Inner inner    `json:"inner"`
}

// FuzzJSONAgreesWithStdlib holds the decoder's JSON to encoding/json's:
// the same documents are valid, and a document the decoder reads without
// a problem gives the value encoding/json gives.
func FuzzJSONAgreesWithStdlib(f *testing.F) {
	for _, s := range append(attacks,
		`{"name": "Әлия \u00e9 \n", "n": -3, "u": 7, "f": 1.5e3, "b": true, "l": [{"x": "a"}, {"x": null}], "p": {"x": "b"}, "s": [], "deep": [[1], []]}`,
		`{"name": null, "p": null, "l": null, "inner": {"x": "\\\"/\b\f\n\r\t"}}`,
		`[1, 2.5, "x", true, false, null, {}, []]`,
	) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var ours, std plain
		errs := decode.Decode(data, &ours, decode.Options{File: "f", Format: decode.JSON, MaxDepth: 10_000})
		syntax := false
		for _, e := range errs {
			syntax = syntax || e.Code == diag.CodeSyntax
		}
		// A byte-order mark, which editors write, is read as nothing.
		data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
		valid := json.Valid(data)
		if len(bytes.TrimSpace(data)) > 0 {
			assert.Equal(t, valid, !syntax, "valid JSON by encoding/json: %v; problems: %v", valid, errs)
		}
		if len(errs) == 0 {
			require.NoError(t, json.Unmarshal(data, &std))
			assert.Equal(t, std, ours)
		}
	})
}
