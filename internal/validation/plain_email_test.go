package validation

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The plain shape is a subset of what the email tag accepts: every address
// simpleEmail takes, the validator takes too; what it refuses is left to
// the validator, so Email always answers as the tag does.
func TestSimpleEmailIsSubsetOfTag(t *testing.T) {
	e, err := shared()
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "abcXYZ019._%+-@"
	pick := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	took := 0
	for range 20000 {
		s := pick(1+r.IntN(8)) + "@" + pick(1+r.IntN(6)) + "." + []string{"kz", "org", "ru", "x", "c0m", "example"}[r.IntN(6)]
		tag := e.v.Var(s, "email") == nil
		if simpleEmail(s) {
			took++
			assert.True(t, tag, "simpleEmail takes %q, the tag refuses it", s)
		}
		assert.Equal(t, tag, Email(s), s)
	}
	assert.Greater(t, took, 100, "the plain shape took too few addresses to prove anything")
	for _, s := range []string{"aigerim@example.kz", "a.b+tag@mail.example.org", "x_1%y@a-b.c.kz"} {
		assert.True(t, simpleEmail(s), s)
	}
	for _, s := range []string{"@example.kz", "a@b", "a@.kz", "a@b.k", "a..b@c.kz", "a@-b.kz", "a@b-.kz", "ай@example.kz", "a b@c.kz"} {
		assert.False(t, simpleEmail(s), s)
	}
}
