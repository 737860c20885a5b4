package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// What a programme file holds cannot rewrite the terminal: no line break,
// no control character.
func TestLine(t *testing.T) {
	for in, want := range map[string]string{
		"«Бірге» volunteer centre, Almaty": "«Бірге» volunteer centre, Almaty",
		"Org\n\nFake line":                 "Org Fake line",
		"Org\x1b[2J\rover":                 "Org\uFFFD[2J over",
	} {
		assert.Equal(t, want, line(in), "%q", in)
	}
}
