package doctest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/internal/doctest"
)

// The outlines tell apart what a value must not change, and only that.
func TestMarkdownOutline(t *testing.T) {
	plain := doctest.Markdown([]byte("# T\n\n**1.1.** Name X here.\n\n| a | b |\n|---|---|\n| X | c |\n"))
	for name, doc := range map[string]string{
		"a new clause":      "# T\n\n**1.1.** Name X\n\n1. here.\n\n| a | b |\n|---|---|\n| X | c |\n",
		"a rule":            "# T\n\n**1.1.** Name X\n\n---\n\n| a | b |\n|---|---|\n| X | c |\n",
		"a split cell":      "# T\n\n**1.1.** Name X here.\n\n| a | b |\n|---|---|\n| X | y | c |\n",
		"a javascript link": "# T\n\n**1.1.** Name [X](javascript:alert(1)) here.\n\n| a | b |\n|---|---|\n| X | c |\n",
		"raw HTML":          "# T\n\n**1.1.** Name <b>X</b> here.\n\n| a | b |\n|---|---|\n| X | c |\n",
	} {
		assert.NotEqual(t, plain, doctest.Markdown([]byte(doc)), name)
	}
	for name, doc := range map[string]string{
		"other text":        "# T\n\n**1.1.** Name Айгерім here.\n\n| a | b |\n|---|---|\n| Y | c |\n",
		"a web address":     "# T\n\n**1.1.** Name www.example.org here.\n\n| a | b |\n|---|---|\n| X | c |\n",
		"an e-mail address": "# T\n\n**1.1.** Name a@b.kz here.\n\n| a | b |\n|---|---|\n| X | c |\n",
	} {
		assert.Equal(t, plain, doctest.Markdown([]byte(doc)), name)
	}
}

func TestXHTML(t *testing.T) {
	out, err := doctest.XHTML([]byte(`<p class="x">a <b>b</b></p>`))
	require.NoError(t, err)
	assert.Equal(t, "p class\n  b\n", out)
	for _, bad := range []string{"<p>a", "<p><b>x</p></b>", "<p>\x1b</p>", "<p>&nbsp;</p>"} {
		_, err := doctest.XHTML([]byte(bad))
		assert.Error(t, err, bad)
	}
}

func TestVisible(t *testing.T) {
	assert.Equal(t, "a * b & c\n", doctest.Visible([]byte(`a \* b \& c`)))
}
