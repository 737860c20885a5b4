package decode_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
)

var personal = decode.Mask{"full_name": true, "birth_date": true, "phone": true, "details": true}

// Values of personal fields never appear in a snippet, whatever the line
// looks like and wherever on it the problem is; keys, ids and the
// structure stay.
func TestSnippetMasksPersonalValues(t *testing.T) {
	secret := "Aigerim Sadykova, Almaty"
	long := strings.Repeat(`{"id": "v", "full_name": "`+secret+`", "birth_date": "1990-02-30", "role": "coach"}, `, 400)
	cases := []struct {
		name, src, at string // at: the text the problem points at
		want          string // "" when only the absence of secrets is checked
	}{
		{"json record", `{"id": "v-1", "full_name": "` + secret + `", "birth_date": "1990-02-30", "role": "x"}`, `"1990`,
			`{"id": "v-1", "full_name": "•••", "birth_date": "•••", "role": "x"}` + "\n" + strings.Repeat(" ", 48) + "^"},
		{"json escapes", `{"full_name": "Ai\"gerim\\", "id": 7}`, `7`, `{"full_name": "•••", "id": 7}` + "\n" + strings.Repeat(" ", 27) + "^"},
		{"yaml flow", `  - {id: v-1, full_name: ` + secret + `, birth_date: 1990-02-30}`, `v-1`, ""},
		{"yaml flow, quoted", `  - {id: v-1, full_name: 'Aigerim '' Sadykova', birth_date: "1990-02-30"}`, `v-1`, ""},
		{"yaml block", `    full_name: ` + secret, `full_name`, "    full_name: •••\n    ^"},
		{"yaml block, comment", `    phone: +7 701 555 0102 # call after six`, `phone`, ""},
		{"yaml continuation of a flow mapping", `     full_name: ` + secret + `, birth_date: 1990-02-30}`, `birth_date`, ""},
		{"nested object", `{"health": {"limitations": true, "details": "asthma, ` + secret + `"}, "x": 1}`, `"x"`, ""},
		{"a masked value at the caret", `{"birth_date": "2013-02-30"}`, `"2013`, `{"birth_date": "•••"}` + "\n" + strings.Repeat(" ", 15) + "^"},
		{"long line, early", long, `"coach"`, ""},
		{"long line, middle", long, strings.Repeat(`{"id": "v", "full_name": "`+secret+`", "birth_date": "1990-02-30", "role": "coach"}, `, 200) + `{"id"`, ""},
		{"long line, caret inside a string", long[:20000] + "\x01" + long[20000:], "\x01", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			off := strings.Index(c.src, c.at)
			if strings.HasSuffix(c.name, "middle") {
				off = len(c.at) - len(`{"id"`)
			}
			require.GreaterOrEqual(t, off, 0)
			got := decode.Snippet([]byte(c.src), off, personal)
			for _, s := range []string{"Aigerim", "Sadykova", "1990", "2013", "701", "asthma", "gerim"} {
				assert.NotContains(t, got, s)
			}
			assert.True(t, strings.HasSuffix(got, "^"), got)
			line := strings.SplitN(got, "\n", 2)[0]
			assert.LessOrEqual(t, utf8.RuneCountInString(line), 2+decode.Width+20, "a window, not the line")
			if c.want != "" {
				assert.Equal(t, c.want, got)
			}
		})
	}
}

// A snippet of a problem on a line of many megabytes costs what one on a
// short line does: it reads a window, not the line (see
// BenchmarkSnippetLongLine).
func TestSnippetOfAHugeLine(t *testing.T) {
	src := []byte(`{"s": [` + strings.Repeat(`"x", `, 1_000_000) + `1], "n": "x"}`)
	at := len(src) - 4 // "x"}
	got := decode.Snippet(src, at, personal)
	want := "…" + string(src[at-40:]) + "\n" + strings.Repeat(" ", 41) + "^"
	assert.Equal(t, want, got)
	got = decode.SnippetAt(src, diag.Pos{Line: 1, Col: at + 1}, nil)
	assert.Contains(t, got, `1], "n": "x"}`)
}

// BenchmarkSnippetLongLine shows a problem near the end of a line of 5 KB
// and of 5 MB: the same cost.
func BenchmarkSnippetLongLine(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"5KB", 1_000}, {"5MB", 1_000_000}} {
		src := []byte(`{"s": [` + strings.Repeat(`"x", `, size.n) + `1], "n": "x"}`)
		b.Run(size.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				decode.Snippet(src, len(src)-4, personal)
			}
		})
	}
}

// FuzzSnippet shows any line at any offset without panicking and within
// its window, and never shows the value of a personal key in records
// written as JSON or YAML, long or short, wherever the problem is.
func FuzzSnippet(f *testing.F) {
	f.Add([]byte(`{"full_name": "x", "id": 1}`), 3, "Aigerim Sadykova", uint8(1), false)
	f.Add([]byte("a: b\n\tc: [d, e]\n"), 9, "Dana, Omarova", uint8(40), true)
	f.Add([]byte("\xff\xfe\n\r\n"), 1, "x", uint8(200), false)
	f.Fuzz(func(t *testing.T, src []byte, off int, secret string, records uint8, yaml bool) {
		got := decode.Snippet(src, off, personal)
		require.True(t, strings.HasSuffix(got, "^"))
		require.LessOrEqual(t, utf8.RuneCountInString(strings.SplitN(got, "\n", 2)[0]), 3*decode.Width)

		// Records with the secret as a name; the problem at a key or a value.
		secret = strings.Map(func(r rune) rune {
			if r == '"' || r == '\'' || r == '\\' || r == '\n' || r == '\r' || r == '#' || r == ':' || r < ' ' || r == utf8.RuneError {
				return 'x'
			}
			return r
		}, secret)
		secret = strings.TrimSpace(secret)
		if len(secret) < 4 || strings.ContainsAny(secret, "{}[],-•…") || strings.Contains(" id v role coach full_name birth_date", secret) {
			return
		}
		record := `{"id": "v", "full_name": "` + secret + `", "role": "coach"}, `
		if yaml {
			record = `{id: v, full_name: '` + secret + `', role: coach}, `
		}
		line := "[" + strings.Repeat(record, int(records)+1) + "{}]"
		starts := []int{}
		for i := 1; i < len(line); i++ {
			if line[i-1] == ' ' && line[i] != ' ' || line[i-1] == '{' {
				starts = append(starts, i)
			}
		}
		at := starts[int(uint(off)%uint(len(starts)))]
		got = decode.Snippet([]byte(line), at, personal)
		require.NotContains(t, got, secret, "problem at %d", at)
	})
}

// The value of a key reported unknown is hidden when it may be personal:
// a misspelt personal field (full_nmae holds a name), or a key with no
// field near it (nothing says what it holds). A misspelt field that is not
// personal keeps its value, so the author sees what was written.
func TestFinishMasksUnknownKeys(t *testing.T) {
	src := "v:\n  full_nmae: Aigerim Sadykova\n  nick: Aika\n  langauges: [kk, ru]\n"
	unknown := func(line int, code diag.Code, args ...string) *diag.Error {
		return diag.New(code, "", args...).At(diag.Pos{File: "p.yaml", Line: line, Col: 3})
	}
	errs := diag.List{
		unknown(2, diag.CodeUnknownHint, "full_nmae", "full_name"),
		unknown(3, diag.CodeUnknownField, "nick"),
		unknown(4, diag.CodeUnknownHint, "langauges", "languages"),
	}
	got := decode.Finish([]byte(src), errs, personal)
	require.Len(t, got, 3)
	assert.Equal(t, "  full_nmae: •••\n  ^", got[0].Snippet)
	assert.Equal(t, "  nick: •••\n  ^", got[1].Snippet)
	assert.Equal(t, "  langauges: [kk, ru]\n  ^", got[2].Snippet)

	// Without personal fields to hide (a policy file), nothing is masked.
	plain := diag.List{unknown(3, diag.CodeUnknownField, "nick")}
	assert.Equal(t, "  nick: Aika\n  ^", decode.Finish([]byte(src), plain, nil)[0].Snippet)
}
