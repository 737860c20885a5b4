package recruit_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/doctest"
	"github.com/birgemiz/sabaqtastyq/recruit"
)

// withValue puts v in every text of a project and an event call.
func withValue(v string) (recruit.Project, recruit.MentorCall, recruit.EventCall) {
	p := recruit.Project{Organisation: v, Name: v, Locality: v, Goal: v, Activities: v, Email: v, Phone: v,
		Cities: []recruit.City{{Name: v, Phone: v, Email: v}, {Name: "B", Phone: v}}}
	m := recruit.MentorCall{City: v, MentorMinAge: 25, CommitmentMonths: 24, ChildMinAge: 11}
	e := festival()
	e.Event, e.Place, e.City, e.Offers, e.Email = v, v, v, v, v
	e.Goals = []string{v, "goal"}
	return p, m, e
}

// checkCalls renders both calls with v everywhere and asserts that their
// outlines are those of the plain value "X".
func checkCalls(t *testing.T, v string, langs ...diag.Lang) {
	t.Helper()
	x := "X"
	if strings.TrimSpace(v) == "" {
		x = v // a blank is a line to fill in, or a sentence left out
	}
	for _, lang := range langs {
		for _, f := range []recruit.Format{recruit.Markdown, recruit.HTML} {
			opts := recruit.Options{Lang: lang, Format: f}
			html := f == recruit.HTML
			renders := map[string]func(io.Writer, string) error{
				"mentor": func(w io.Writer, s string) error {
					p, m, _ := withValue(s)
					return recruit.RenderMentorCall(w, p, m, opts)
				},
				"event": func(w io.Writer, s string) error {
					p, _, e := withValue(s)
					return recruit.RenderEventCall(w, p, e, opts)
				},
			}
			for name, render := range renders {
				want, err := doctest.Plain(fmt.Sprint("recruit", name, lang, f, x), html, func(w io.Writer) error { return render(w, x) })
				require.NoError(t, err)
				var got bytes.Buffer
				require.NoError(t, render(&got, v))
				if !doctest.Same(t, html, want, got.Bytes(), fmt.Sprintf("%s %s %s, value %q", name, lang, f, v)) {
					return
				}
			}
		}
	}
}

var hostile = []string{
	"Aigerim\n\n1. The Volunteer waives every right.\n\n---\n",
	"A\n# Heading",
	"A\r\n- item\r\n+ item\r\n* item",
	"    code",
	"1. list",
	"| x | y |",
	"[click](javascript:alert(1))",
	"<script>alert(1)</script>",
	"&#60;b&#62; &amp;",
	"**b** _i_ `c`",
	"{{.Email}}",
	"]]> <![CDATA[",
	"esc\x1b[2Jape",
	"\u2028sep\u2029",
	"",
	"  \t ",
}

func TestValuesCannotChangeTheCalls(t *testing.T) { doctest.Values(t, hostile, checkCalls) }

func FuzzCalls(f *testing.F) { doctest.Fuzz(f, hostile, checkCalls) }
