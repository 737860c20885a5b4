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
