package diag_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/birgemiz/sabaqtastyq/diag"
)

func TestClosest(t *testing.T) {
	commands := []string{"check", "explain", "lint", "test", "fmt", "policy", "convert", "completion"}
	fields := []string{"id", "full_name", "birth_date", "languages", "role", "screening"}
	tests := []struct {
		word  string
		among []string
		want  string
		ok    bool
	}{
		{"chek", commands, "check", true},
		{"CHECK", commands, "check", true},
		{"lnit", commands, "lint", true},
		{"conver", commands, "convert", true},
		{"polcy", commands, "policy", true},
		{"frobnicate", commands, "", false},
		{"langauges", fields, "languages", true},
		{"birthdate", fields, "birth_date", true},
		{"nick", fields, "", false},
		{"x", fields, "", false},
		{"", fields, "", false},
		{"comp", commands, "completion", true},
		{"check", commands, "", false}, // the word itself is no suggestion
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			got, ok := diag.Closest(tt.word, tt.among)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestRegisteredHasEveryLanguage(t *testing.T) {
	codes := diag.Registered()
	assert.Contains(t, codes, diag.CodeBadDate)
	for _, c := range codes {
		text, ok := diag.Lookup(c)
		assert.True(t, ok)
		for _, l := range diag.Langs {
			assert.NotEmpty(t, text.In(l), "%s has no %s text", c, l)
		}
	}
}

// A misspelt key is one mistake: the "required" problem of the field it
// was meant to be goes, in the same file and object only; other problems
// stay in their order.
func TestMisspelt(t *testing.T) {
	at := func(file, path string, code diag.Code, args ...string) *diag.Error {
		return diag.New(code, path, args...).At(diag.Pos{File: file, Line: 1, Col: 1})
	}
	hint := at("a.yaml", "volunteers[0].langauges", diag.CodeUnknownHint, "langauges", "languages")
	meant := at("a.yaml", "volunteers[0].languages", "validate.required")
	other := at("a.yaml", "volunteers[1].languages", "validate.required")
	elsewhere := at("b.yaml", "volunteers[0].languages", "validate.required")
	wrong := at("a.yaml", "volunteers[0].languages", diag.CodeWrongType, "@list", "@string")
	top := at("p.yaml", "nmae", diag.CodeUnknownHint, "nmae", "name")
	name := at("p.yaml", "name", diag.CodeRequired)

	l := diag.List{meant, hint, other, elsewhere, wrong, top, name}
	got := diag.Misspelt(l, diag.CodeRequired, "validate.required")
	assert.Equal(t, diag.List{hint, other, elsewhere, wrong, top}, got)
	assert.Len(t, l, 7, "the list given is not changed")

	plain := diag.List{other, name}
	assert.Equal(t, plain, diag.Misspelt(plain, diag.CodeRequired))
}
