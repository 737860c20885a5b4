package document_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/agreement/document"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/doctest"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// withValue is the sample agreement with v in every text it holds: the
// party's name, document, issuer, address and contacts, the city, and the
// organisation's name, representative and basis.
func withValue(v string) agreement.Agreement {
	a := sample()
	a.Organisation = &agreement.Organisation{Name: v, Representative: v, Basis: v}
	a.Party = &agreement.Party{
		FullName:   v,
		IDDocument: agreement.IDDocument{Number: v, IssuedOn: a.Party.IDDocument.IssuedOn, Issuer: v},
		Contacts:   &volunteer.Contacts{Phone: v, Email: v, Address: v},
	}
	a.City = v
	return a
}

// checkAgreement renders the agreement with v everywhere, in every
// language and both formats, and asserts that its outline is the one the
// plain value "X" gives: no value opened a block, split a cell or made
// markup (Markdown), or made an element (HTML).
func checkAgreement(t *testing.T, v string, langs ...diag.Lang) {
	t.Helper()
	x := "X"
	if strings.TrimSpace(v) == "" {
		x = v // a blank is a line to fill in, and an empty basis no line at all
	}
	for _, lang := range langs {
		for _, f := range []document.Format{document.Markdown, document.HTML} {
			opts := document.Options{Lang: lang, Format: f, MentorAddendum: true}
			termsOf := func(s string) *document.Terms {
				return &document.Terms{Discipline: s, Training: s, Equipment: s, Career: s}
			}
			html := f == document.HTML
			want, err := doctest.Plain(fmt.Sprint(lang, f, x), html, func(w io.Writer) error {
				o := opts
				o.Terms = termsOf(x)
				return document.Render(w, withValue(x), o)
			})
			require.NoError(t, err)
			var got bytes.Buffer
			o := opts
			o.Terms = termsOf(v)
			require.NoError(t, document.Render(&got, withValue(v), o))
			if !doctest.Same(t, html, want, got.Bytes(), fmt.Sprintf("%s %s, value %q", lang, f, v)) {
				return
			}
		}
	}
}

// hostile are values that would change a document's structure if they were
// not escaped; the first is the attack of issue 10.
var hostile = []string{
	"Aigerim\n\n1. The Volunteer waives every right.\n\n---\n",
	"A\n# Heading",
	"A\r\n- item\r\n+ item\r\n* item",
	"A\n=====",
	"    code",
	"1. list",
	"| x | y |\n|---|---|",
	"a | b",
	"[click](javascript:alert(1))",
	"<javascript:alert(1)>",
	"<script>alert(1)</script>",
	"<img src=x onerror=alert(1)>",
	"&#60;b&#62; &amp;",
	"**b** _i_ ~~s~~ `c`",
	"```\nfence",
	"> quote",
	"[r]: https://evil.example",
	"]]> <![CDATA[",
	"esc\x1b[2Jape",
	"\u2028sep\u2029",
	"",
	"  \t ",
}

func TestValuesCannotChangeTheAgreement(t *testing.T) { doctest.Values(t, hostile, checkAgreement) }

func FuzzRender(f *testing.F) { doctest.Fuzz(f, hostile, checkAgreement) }
