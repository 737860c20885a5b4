package decode_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
)

// A key one slip away from a field names the field meant; a key far from
// every field, or near one already given, does not.
func TestUnknownFieldHint(t *testing.T) {
	tests := []struct {
		name, src string
		code      diag.Code
		path      string
		en        string
	}{
		{"transposed letters", `{"nmae": "x"}`, diag.CodeUnknownHint, "nmae", `unknown field "nmae" (did you mean "name"?)`},
		{"two slips in a short word, yaml", "l:\n  - {zz: 1}\n", diag.CodeUnknownField, "l[0].zz", `unknown field "zz"`},
		{"nested", `{"p": {"y": "1"}}`, diag.CodeUnknownHint, "p.y", `(did you mean "x"?)`},
		{"far from all", `{"nickname": "x"}`, diag.CodeUnknownField, "nickname", `unknown field "nickname"`},
		{"near a field given", `{"name": "a", "nmae": "b"}`, diag.CodeUnknownField, "nmae", `unknown field "nmae"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v target
			errs := decode.Decode([]byte(tt.src), &v, decode.Options{File: "f"})
			require.Len(t, errs, 1, "%v", errs)
			assert.Equal(t, tt.code, errs[0].Code)
			assert.Equal(t, tt.path, errs[0].Path, "the path is where the key is")
			assert.Contains(t, errs[0].Message(diag.EN), tt.en)
			assert.NotEqual(t, errs[0].Message(diag.EN), errs[0].Message(diag.KK))
		})
	}
}

// "$schema" at the top of a document is an editor's pointer, not data;
// anywhere else it is an unknown field.
func TestSchemaKey(t *testing.T) {
	var v target
	errs := decode.Decode([]byte(`{"$schema": "https://example.org/s.json", "name": "a"}`), &v, decode.Options{File: "f"})
	assert.Empty(t, errs)
	assert.Equal(t, "a", v.Name)
	errs = decode.Decode([]byte("$schema: ./s.json\nname: a\n"), &v, decode.Options{File: "f.yaml"})
	assert.Empty(t, errs)
	errs = decode.Decode([]byte(`{"p": {"$schema": "x"}}`), &v, decode.Options{File: "f"})
	require.Len(t, errs, 1)
	assert.Equal(t, "p.$schema", errs[0].Path)
}
