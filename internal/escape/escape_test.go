package escape_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/birgemiz/sabaqtastyq/internal/doctest"
	"github.com/birgemiz/sabaqtastyq/internal/escape"
)

func TestMarkdown(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Айгерім Садықова", "Айгерім Садықова"},
		{"Children's home No. 1, Almaty", "Children's home No. 1, Almaty"},
		{"A\n1. Fake clause\n\n---", `A 1. Fake clause  ---`},
		{"Sadykova\n\n1. Fake\n\n---\n", `Sadykova  1. Fake  ---`},
		{"1. Fake", `1\. Fake`},
		{"2026) x", `2026\) x`},
		{"- item", `\- item`},
		{"+ item", `\+ item`},
		{"===", `\===`},
		{"    code", "code"},
		{"\tcode", "code"},
		{"# Heading", `\# Heading`},
		{"> quote", `\> quote`},
		{"```go", "\\`\\`\\`go"},
		{"~~~", `\~\~\~`},
		{"*bold* _it_", `\*bold\* \_it\_`},
		{"a | b", `a \| b`},
		{"[click](javascript:alert(1))", `\[click\](javascript:alert(1))`},
		{"![img](x.png)", `!\[img\](x.png)`},
		{"<script>alert(1)</script>", `\<script\>alert(1)\</script\>`},
		{"<javascript:alert(1)>", `\<javascript:alert(1)\>`},
		{"&lt;b&gt;", `\&lt;b\&gt;`},
		{`back\slash`, `back\\slash`},
		{"CR\rLF\nCRLF\r\nLS\u2028PS\u2029", "CR LF CRLF LS PS"},
		{"trailing \n", "trailing"},
		{"0\u00a0", "0"},
		{"\u00a0\u2003x\u2003", "x"},
		{"bell\aesc\x1b[2J", "bell\uFFFDesc\uFFFD\\[2J"},
		{"bad\xffutf8", "bad\uFFFDutf8"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			assert.Equal(t, c.want, escape.Markdown(c.in))
		})
	}
}

func ExampleMarkdown() {
	fmt.Println(escape.Markdown("ООО «Ромашка»\n1. Fake clause\n---"))
	fmt.Println(escape.Markdown("Aigerim *Star* [x](javascript:alert(1))"))
	// Output:
	// ООО «Ромашка» 1. Fake clause ---
	// Aigerim \*Star\* \[x\](javascript:alert(1))
}

// page puts v where the documents put values: in a heading, inside a
// paragraph, in a table cell, in a list item and at the start of a line.
func page(v string) string {
	return "# T " + v + " H\n\nstart " + v + " end\n\n| a | b |\n| --- | --- |\n| " + v + " c | d |\n\n- item " + v + " i\n\n" + v + " tail\n"
}

// shown is what a reader should see of v: the same characters, line
// breaks as spaces, control characters as U+FFFD, without leading blanks.
func shown(v string) string {
	var b strings.Builder
	for _, r := range v {
		switch {
		case strings.ContainsRune("\r\n\t\v\f\u2028\u2029\u0085", r):
			r = ' '
		case unicode.IsControl(r):
			r = '\uFFFD'
		}
		b.WriteRune(r)
	}
	return strings.TrimFunc(b.String(), unicode.IsSpace)
}

// checkValue asserts that v, escaped, changes neither the outline of the
// page nor anything a reader sees but the value itself.
func checkValue(t *testing.T, v string) {
	t.Helper()
	benign := []byte(page("VALUE"))
	got := []byte(page(escape.Markdown(v)))
	if !assert.Equal(t, doctest.Markdown(benign), doctest.Markdown(got), "value %q opened or closed something:\n%s", v, got) {
		return
	}
	want := strings.Split(strings.ReplaceAll(doctest.Visible(benign), "VALUE", shown(v)), "\n")
	have := strings.Split(doctest.Visible(got), "\n")
	if assert.Equal(t, len(want), len(have), "%q", v) {
		for i := range want {
			assert.Equal(t, collapse(want[i]), collapse(have[i]), "value %q reads differently", v)
		}
	}
}

// collapse trims and drops the spaces a viewer may fold (CommonMark keeps
// inner spaces, but a table cell or a heading trims its ends).
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestMarkdownInAPage(t *testing.T) {
	for _, v := range attacks {
		t.Run(v, func(t *testing.T) { checkValue(t, v) })
	}
}

// attacks are the values the fuzz corpus starts from.
var attacks = []string{
	"Aigerim Sadykova",
	"A\n1. Fake clause\n\n---\n",
	"x\n\n# Heading\n",
	"x\n=====",
	"x\r\n- item\r\n+ item",
	"    indented code",
	"\n\n```\ncode\n```",
	"| evil | cell |\n|---|---|",
	"a|b|c",
	"[click](javascript:alert(1))",
	"<javascript:alert(1)>",
	"<img src=x onerror=alert(1)>",
	"<!-- comment -->",
	"&amp; &#60;script&#62;",
	"**bold** _it_ ~~gone~~ `code`",
	"[ref]: https://evil.example",
	"- [x] done",
	"> quote",
	"***",
	"1) one",
	"www.example.org and https://example.org and a@b.kz",
	"trailing backslash\\",
	"two spaces  \nbreak",
	"esc\x1b[31mred",
	"\u2028line\u2029para\u0085nel",
	"\xff\xfe",
	"",
	"   ",
	"0\u00a0",
	"\u2003bold\u2003",
}

func FuzzMarkdown(f *testing.F) {
	for _, v := range attacks {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		out := escape.Markdown(v)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 from %q", v)
		}
		if strings.ContainsAny(out, "\r\n") {
			t.Fatalf("a line break survived in %q", out)
		}
		checkValue(t, v)
	})
}

func TestControls(t *testing.T) {
	for in, want := range map[string]string{
		"Айгерім":       "Айгерім",
		"tab\tnl\ncr\r": "tab\tnl\ncr\r",
		"esc\x1b[2J":    "esc\uFFFD[2J",
		"nul\x00":       "nul\uFFFD",
		"c1\u0085":      "c1\uFFFD",
		"bad\xff":       "bad\uFFFD",
	} {
		assert.Equal(t, want, escape.Controls(in), "%q", in)
	}
}

func ExampleControls() {
	fmt.Printf("%+q\n", escape.Controls("Dana\x1b[2J Ospanova"))
	// Output:
	// "Dana\ufffd[2J Ospanova"
}
