package decode_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
)

type kind string

type inner struct {
	X string `json:"x"`
}

type target struct {
	Name  string      `json:"name"`
	Kind  kind        `json:"kind,omitempty"`
	N     int8        `json:"n"`
	U     uint16      `json:"u"`
	F     float64     `json:"f"`
	B     bool        `json:"b"`
	D     civil.Date  `json:"d"`
	M     civil.Month `json:"m"`
	L     []inner     `json:"l"`
	P     *inner      `json:"p"`
	S     []string    `json:"s"`
	Skip  string      `json:"-"`
	embed             // promoted fields
	Plain string      // no tag: named Plain
}

type embed struct {
	E string `json:"e"`
}

type want struct {
	code       diag.Code
	path       string
	line, col  int
	en, ru, kk string // substrings of the message
}

func check(t *testing.T, got diag.List, wants []want) {
	t.Helper()
	require.Len(t, got, len(wants), "problems: %v", got)
	for i, w := range wants {
		e := got[i]
		assert.Equal(t, w.code, e.Code, "code %d", i)
		assert.Equal(t, w.path, e.Path, "path %d", i)
		assert.Equal(t, w.line, e.Line, "line %d", i)
		assert.Equal(t, w.col, e.Col, "col %d", i)
		assert.Equal(t, "f", e.File)
		assert.Contains(t, e.Message(diag.EN), w.en)
		assert.Contains(t, e.Message(diag.RU), w.ru)
		assert.Contains(t, e.Message(diag.KK), w.kk)
		assert.True(t, strings.HasSuffix(e.Snippet, "^"), "snippet %q", e.Snippet)
	}
}

func TestDecodeValid(t *testing.T) {
	cases := map[string]string{
		"json": `{"name": "Әлия", "kind": "k", "n": -3, "u": 7, "f": 1.5, "b": true, "d": "2026-11-24",
			"m": "2026-10", "l": [{"x": "a"}, {"x": null}], "p": {"x": "b"}, "s": [], "e": "emb", "Plain": "p"}`,
		"yaml": "name: Әлия\nkind: k\nn: -3\nu: 7\nf: 1.5\nb: true\nd: 2026-11-24\nm: 2026-10\n" +
			"l:\n  - x: a\n  - x: null\np: {x: b}\ns: []\ne: emb\nPlain: p\n",
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			var got target
			require.Empty(t, decode.Decode([]byte(in), &got, decode.Options{File: "f"}))
			assert.Equal(t, target{Name: "Әлия", Kind: "k", N: -3, U: 7, F: 1.5, B: true,
				D: civil.D(2026, 11, 24), M: civil.M(2026, 10), L: []inner{{"a"}, {""}},
				P: &inner{"b"}, S: []string{}, embed: embed{"emb"}, Plain: "p"}, got)
		})
	}
}

func TestDecodeNullGivesZero(t *testing.T) {
	got := target{Name: "x", P: &inner{"y"}, L: []inner{{}}}
	require.Empty(t, decode.Decode([]byte(`{"name": null, "p": null, "l": null, "d": null}`), &got, decode.Options{File: "f"}))
	assert.Equal(t, target{}, got)
}

func TestDecodeProblems(t *testing.T) {
	cases := []struct {
		name        string
		json, yaml  string
		wantJ, want []want
	}{{
		name:  "unknown field",
		json:  "{\n  \"name\": \"a\",\n  \"nick\": \"b\"\n}",
		yaml:  "name: a\nnick: b\n",
		wantJ: []want{{diag.CodeUnknownField, "nick", 3, 3, `unknown field "nick"`, "неизвестное поле «nick»", "белгісіз өріс «nick»"}},
		want:  []want{{diag.CodeUnknownField, "nick", 2, 1, `unknown field "nick"`, "неизвестное поле «nick»", "белгісіз өріс «nick»"}},
	}, {
		name:  "wrong type",
		json:  "{\"l\": [{\"x\": \"a\"},\n {\"x\": 5}]}",
		yaml:  "l:\n  - x: a\n  - x: 5\n",
		wantJ: []want{{diag.CodeWrongType, "l[1].x", 2, 8, "expected a string, got a number", "ожидается строка, а указано: число", "мәтін болуы керек, ал сан берілген"}},
		want:  []want{{diag.CodeWrongType, "l[1].x", 3, 8, "expected a string, got a number", "ожидается строка, а указано: число", "мәтін болуы керек, ал сан берілген"}},
	}, {
		name:  "fraction in an integer",
		json:  `{"n": 1.5}`,
		yaml:  "n: 1.5",
		wantJ: []want{{diag.CodeWrongType, "n", 1, 7, "expected a whole number, got 1.5", "целое число, а указано: 1.5", "бүтін сан болуы керек, ал 1.5"}},
		want:  []want{{diag.CodeWrongType, "n", 1, 4, "expected a whole number, got 1.5", "целое число, а указано: 1.5", "бүтін сан болуы керек, ал 1.5"}},
	}, {
		name: "integer out of range",
		json: `{"n": 128, "u": -1}`,
		yaml: "n: 128\nu: -1",
		wantJ: []want{
			{decode.CodeOutOfRange, "n", 1, 7, "128 is out of range", "число 128 слишком", "128 саны"},
			{decode.CodeOutOfRange, "u", 1, 17, "-1 is out of range", "число -1 слишком", "-1 саны"},
		},
		want: []want{
			{decode.CodeOutOfRange, "n", 1, 4, "128 is out of range", "число 128 слишком", "128 саны"},
			{decode.CodeOutOfRange, "u", 2, 4, "-1 is out of range", "число -1 слишком", "-1 саны"},
		},
	}, {
		name:  "impossible day",
		json:  `{"d": "2026-02-30"}`,
		yaml:  "d: 2026-02-30",
		wantJ: []want{{diag.CodeBadDate, "d", 1, 7, `"2026-02-30" is not a date`, "«2026-02-30» — неверная дата", "«2026-02-30» күні дұрыс емес"}},
		want:  []want{{diag.CodeBadDate, "d", 1, 4, `"2026-02-30" is not a date`, "«2026-02-30» — неверная дата", "«2026-02-30» күні дұрыс емес"}},
	}, {
		name:  "bad month",
		json:  `{"m": "2026-13"}`,
		yaml:  "m: 2026-13",
		wantJ: []want{{diag.CodeBadMonth, "m", 1, 7, `"2026-13" is not a month`, "«2026-13» — неверный месяц", "«2026-13» айы дұрыс емес"}},
		want:  []want{{diag.CodeBadMonth, "m", 1, 4, `"2026-13" is not a month`, "«2026-13» — неверный месяц", "«2026-13» айы дұрыс емес"}},
	}, {
		name:  "date given as a number",
		json:  `{"d": 2026}`,
		yaml:  "d: 2026",
		wantJ: []want{{diag.CodeWrongType, "d", 1, 7, "expected a date (YYYY-MM-DD), got a number", "ожидается дата (ГГГГ-ММ-ДД), а указано: число", "күн (ЖЖЖЖ-АА-КК) болуы керек"}},
		want:  []want{{diag.CodeWrongType, "d", 1, 4, "expected a date (YYYY-MM-DD), got a number", "ожидается дата (ГГГГ-ММ-ДД), а указано: число", "күн (ЖЖЖЖ-АА-КК) болуы керек"}},
	}, {
		name:  "duplicate key",
		json:  `{"p": {"x": "a", "x": "b"}}`,
		yaml:  "p:\n  x: a\n  x: b\n",
		wantJ: []want{{diag.CodeDuplicateKey, "p.x", 1, 18, `field "x" is given twice`, "поле «x» указано дважды", "«x» өрісі екі рет берілген"}},
		want:  []want{{diag.CodeDuplicateKey, "p.x", 3, 3, `field "x" is given twice`, "поле «x» указано дважды", "«x» өрісі екі рет берілген"}},
	}, {
		name:  "syntax error",
		json:  "{\"name\": \"a\",\n \"n\": 1,, }",
		yaml:  "name: a\n  n: 1\n",
		wantJ: []want{{diag.CodeSyntax, "", 2, 9, "not valid JSON or YAML: invalid character ','", "не читается как JSON или YAML", "JSON не YAML ретінде оқылмады"}},
		want:  []want{{diag.CodeSyntax, "", 2, 0, "not valid JSON or YAML: mapping values are not allowed", "не читается как JSON или YAML", "JSON не YAML ретінде оқылмады"}},
	}, {
		name:  "list where an object goes",
		json:  `{"p": []}`,
		yaml:  "p: []",
		wantJ: []want{{diag.CodeWrongType, "p", 1, 7, "expected an object, got a list", "ожидается объект, а указано: список", "объект болуы керек, ал тізім"}},
		want:  []want{{diag.CodeWrongType, "p", 1, 4, "expected an object, got a list", "ожидается объект, а указано: список", "объект болуы керек, ал тізім"}},
	}}
	for _, c := range cases {
		t.Run(c.name+"/json", func(t *testing.T) {
			var got target
			check(t, decode.Decode([]byte(c.json), &got, decode.Options{File: "f", Format: decode.JSON}), c.wantJ)
		})
		t.Run(c.name+"/yaml", func(t *testing.T) {
			var got target
			check(t, decode.Decode([]byte(c.yaml), &got, decode.Options{File: "f", Format: decode.YAML}), c.want)
		})
	}
}

func TestDecodeCollectsEveryProblemAndGoesOn(t *testing.T) {
	in := "{\"n\": \"x\", \"nick\": {\"deep\": [1, [2]]}, \"name\": \"kept\", \"d\": \"2026-2-1\", \"l\": [{\"x\": 1}, {\"x\": \"ok\"}]}"
	var got target
	errs := decode.Decode([]byte(in), &got, decode.Options{File: "f"})
	assert.Equal(t, []diag.Code{diag.CodeWrongType, diag.CodeUnknownField, diag.CodeBadDate, diag.CodeWrongType}, codesOf(errs))
	assert.Equal(t, "kept", got.Name)
	assert.Equal(t, []inner{{""}, {"ok"}}, got.L)
}

func codesOf(errs diag.List) []diag.Code {
	codes := make([]diag.Code, len(errs))
	for i, e := range errs {
		codes[i] = e.Code
	}
	return codes
}

func TestDecodeStopsAtMaxErrors(t *testing.T) {
	for _, max := range []int{1, 3} {
		t.Run("max "+string(rune('0'+max)), func(t *testing.T) {
			in := `{"a": 1, "b": 2, "c": 3, "d": 4}`
			var got target
			errs := decode.Decode([]byte(in), &got, decode.Options{File: "f", MaxErrors: max})
			require.Len(t, errs, max+1)
			assert.Equal(t, decode.CodeTooManyErrors, errs[max].Code)
		})
	}
	t.Run("exactly at the cap minus one", func(t *testing.T) {
		var got target
		errs := decode.Decode([]byte(`{"a": 1, "b": 2}`), &got, decode.Options{File: "f", MaxErrors: 3})
		require.Len(t, errs, 2)
	})
}

func TestDecodeDepth(t *testing.T) {
	deep := func(n int) string { return `{"nick": ` + strings.Repeat("[", n) + strings.Repeat("]", n) + "}" }
	var got target
	errs := decode.Decode([]byte(deep(9)), &got, decode.Options{File: "f", MaxDepth: 10})
	require.Len(t, errs, 1)
	assert.Equal(t, diag.CodeUnknownField, errs[0].Code)
	errs = decode.Decode([]byte(deep(10)), &got, decode.Options{File: "f", MaxDepth: 10})
	require.Len(t, errs, 2)
	assert.Equal(t, decode.CodeTooDeep, errs[1].Code)
	// Far deeper than any stack would allow for a recursive skipper.
	errs = decode.Decode([]byte(deep(1_000_000)), &got, decode.Options{File: "f"})
	assert.Equal(t, decode.CodeTooDeep, errs[len(errs)-1].Code)
}

func TestDecodeYAMLAliasBomb(t *testing.T) {
	in := "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" +
		"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n" +
		"e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
	var got target
	errs := decode.Decode([]byte(in), &got, decode.Options{File: "f", Format: decode.YAML})
	require.NotEmpty(t, errs)
	assert.Contains(t, codesOf(errs), diag.CodeTooLarge)
}

func TestDecodeEmptyAndTrailing(t *testing.T) {
	cases := map[string]struct {
		in   string
		f    decode.Format
		line int
		col  int
	}{
		"empty json":         {"  \n", decode.JSON, 1, 1},
		"empty yaml":         {"", decode.YAML, 1, 1},
		"json after the end": {`{"name": "a"} {}`, decode.JSON, 1, 15},
		"two yaml documents": {"name: a\n---\nname: b\n", decode.YAML, 2, 1},
		"cut short":          {`{"name": "a", `, decode.JSON, 1, 15},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			var got target
			errs := decode.Decode([]byte(c.in), &got, decode.Options{File: "f", Format: c.f})
			require.Len(t, errs, 1)
			assert.Equal(t, diag.CodeSyntax, errs[0].Code)
			assert.Equal(t, c.line, errs[0].Line)
			assert.Equal(t, c.col, errs[0].Col)
		})
	}
}

func TestDecodeColumnsCountCharacters(t *testing.T) {
	in := `{"name": "Әлия Сәрсенбаева", "n": "x"}`
	var got target
	errs := decode.Decode([]byte(in), &got, decode.Options{File: "f"})
	require.Len(t, errs, 1)
	assert.Equal(t, 35, errs[0].Col)
	assert.Equal(t, in+"\n"+strings.Repeat(" ", 34)+"^", errs[0].Snippet)
}

func TestDecodeRejectsBadTarget(t *testing.T) {
	var got target
	errs := decode.Decode([]byte(`{}`), got, decode.Options{})
	require.Len(t, errs, 1)
	assert.Equal(t, diag.CodeInvalid, errs[0].Code)
}

func TestDetect(t *testing.T) {
	cases := []struct {
		name, data string
		want       decode.Format
	}{
		{"a.json", "x: 1", decode.JSON},
		{"a.YAML", "{}", decode.YAML},
		{"a.yml", "{}", decode.YAML},
		{"-", "\xEF\xBB\xBF  \n{\"a\": 1}", decode.JSON},
		{"-", "[1]", decode.JSON},
		{"-", "a: 1", decode.YAML},
		{"", "", decode.YAML},
	}
	for _, c := range cases {
		t.Run(c.name+" "+c.data, func(t *testing.T) {
			assert.Equal(t, c.want, decode.Detect(c.name, []byte(c.data)))
		})
	}
}

func TestLocate(t *testing.T) {
	cases := map[string]struct {
		in string
		f  decode.Format
	}{
		"json": {"{\"l\": [\n  {\"x\": \"a\"},\n  {\"x\": \"b\", \"y\": {\"z\": 1}}\n], \"p\": {}}", decode.JSON},
		"yaml": {"l:\n- x: a\n- {x: b, y: {z: 1}}\np: {}\n", decode.YAML},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			ps := decode.Locate([]byte(c.in), decode.Options{File: "f", Format: c.f}, []string{"l[1].x", "l[1].y.z", "p.missing"})
			x, ok := ps.Of("l[1].x")
			require.True(t, ok)
			assert.Equal(t, 3, x.Line)
			z, _ := ps.Of("l[1].y.z")
			assert.Equal(t, 3, z.Line)
			assert.Greater(t, z.Col, x.Col)
			missing, ok := ps.Of("p.missing")
			require.True(t, ok)
			p, _ := ps.Of("p")
			assert.Equal(t, p, missing, "a missing field is placed at its object")
			_, ok = ps["l[0]"]
			assert.False(t, ok, "only wanted paths are kept")
		})
	}
}

func TestPlace(t *testing.T) {
	in := []byte("{\"l\": [\n {\"x\": \"a\"},\n {\"x\": \"b\"}\n]}")
	errs := diag.List{diag.New(diag.CodeInvalid, "l[1].x", "b"), diag.New(diag.CodeRequired, "l[0].y")}
	errs = decode.Place(in, decode.Options{File: "f"}, errs, nil)
	require.Len(t, errs, 2)
	assert.Equal(t, "f:2:2: l[0].y: required field is missing", errs[0].Error())
	assert.Equal(t, " {\"x\": \"a\"},\n ^", errs[0].Snippet)
	assert.Equal(t, "f:3:8", errs[1].Pos.String())
}

func TestSnippet(t *testing.T) {
	cases := map[string]struct {
		line string
		col  int
		want string
	}{
		"start":    {"abc", 1, "abc\n^"},
		"tab kept": {"\tabc", 3, "\tabc\n\t ^"},
		"end":      {"ab", 3, "ab\n  ^"},
		"past end": {"ab", 9, "ab\n  ^"},
		"long":     {strings.Repeat("a", 50) + "X" + strings.Repeat("b", 200), 51, "…" + strings.Repeat("a", 40) + "X" + strings.Repeat("b", 59) + "…\n" + strings.Repeat(" ", 41) + "^"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, c.want, decode.SnippetAt([]byte(c.line), diag.Pos{Line: 1, Col: c.col}, nil))
		})
	}
}

// Plans are built once and shared: decoders on many goroutines, on a type
// none of them has seen before, agree and do not race (go test -race).
func TestConcurrentDecoding(t *testing.T) {
	type fresh struct {
		Name string  `json:"name" personal:"true"`
		L    []inner `json:"l"`
	}
	in := []byte(`{"name": "a", "l": [{"x": "b"}, {"x": "c"}], "z": 1}`)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			var got fresh
			errs := decode.Decode(in, &got, decode.Options{File: "f"})
			assert.Len(t, errs, 1)
			assert.Equal(t, fresh{Name: "a", L: []inner{{"b"}, {"c"}}}, got)
			assert.True(t, decode.MaskOf[fresh]()["name"])
		})
	}
	wg.Wait()
}
