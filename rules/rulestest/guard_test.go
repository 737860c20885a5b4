package rulestest_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/rules/rulestest"
)

// secret is what a file outside the suite's folder holds; no problem may
// repeat any of it.
const secret = "secret_token: hunter2\n"

// tree lays out files under a fresh folder and returns the folder. A body
// "->TARGET" makes a symbolic link; $DIR in a body is the folder.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o700))
		body = strings.ReplaceAll(body, "$DIR", dir)
		if target, ok := strings.CutPrefix(body, "->"); ok {
			require.NoError(t, os.Symlink(filepath.FromSlash(target), path))
			continue
		}
		require.NoError(t, os.WriteFile(path, []byte(body), 0o600))
	}
	return dir
}

const fixtureOK = "as_of: 2026-11-24\nvolunteers: []\n"

// suiteWith is a one-case suite of the guide whose fixture is written as
// given, on line 3 column 9.
func suiteWith(fixture string) string {
	return "policy: guide\nfixtures:\n  base: " + fixture + "\ncases:\n  - name: c\n    findings: []\n"
}

// problemsOf loads the suite and returns its problems, asserting that
// none of them repeats the secret.
func problemsOf(t *testing.T, path string, opts ...rulestest.Option) diag.List {
	t.Helper()
	_, err := rulestest.Load(path, opts...)
	require.Error(t, err)
	l := diag.Errors(err)
	require.NotEmpty(t, l, "%v", err)
	noSecret(t, l)
	return l
}

func noSecret(t *testing.T, l diag.List) {
	t.Helper()
	for _, e := range l {
		for _, text := range []string{e.Error(), e.Snippet, strings.Join(e.Args, " ")} {
			assert.NotContains(t, text, "secret_token")
			assert.NotContains(t, text, "hunter2")
		}
	}
}

func TestFixtureFileStaysInTheSuitesFolder(t *testing.T) {
	cases := []struct {
		name    string
		files   map[string]string
		fixture string
		code    diag.Code
	}{
		{"dot-dot", map[string]string{"secret.yaml": secret}, "{file: ../secret.yaml}", rulestest.CodeOutside},
		{"deep dot-dot", map[string]string{"secret.yaml": secret}, "{file: ../../../../secret.yaml}", rulestest.CodeOutside},
		{"dot-dot through a subfolder", map[string]string{"secret.yaml": secret, "s/sub/x": ""}, "{file: sub/../../secret.yaml}", rulestest.CodeOutside},
		{"absolute", map[string]string{"secret.yaml": secret}, "{file: $DIR/secret.yaml}", rulestest.CodeOutside},
		{"symbolic link out", map[string]string{"secret.yaml": secret, "s/link.yaml": "->$DIR/secret.yaml"}, "{file: link.yaml}", rulestest.CodeOutside},
		{"relative link out", map[string]string{"secret.yaml": secret, "s/link.yaml": "->../secret.yaml"}, "{file: link.yaml}", rulestest.CodeOutside},
		{"folder link out", map[string]string{"out/secret.yaml": secret, "s/d": "->$DIR/out"}, "{file: d/secret.yaml}", rulestest.CodeOutside},
		{"device", map[string]string{"s/zero.yaml": "->/dev/zero"}, "{file: zero.yaml}", rulestest.CodeOutside},
		{"missing", nil, "{file: nope.yaml}", rulestest.CodeNoFile},
		{"a folder", map[string]string{"s/data/x": ""}, "{file: data}", rulestest.CodeNotRegular},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{"s/x_test.yaml": suiteWith(c.fixture)}
			for k, v := range c.files {
				files[k] = v
			}
			dir := tree(t, files)
			l := problemsOf(t, filepath.Join(dir, "s", "x_test.yaml"))
			require.Len(t, l, 1, "one problem, and no knock-on 'no fixture' for the case: %v", l)
			assert.Equal(t, c.code, l[0].Code)
			assert.Equal(t, "fixtures.base.file", l[0].Path)
			assert.Equal(t, 3, l[0].Line)
			assert.Equal(t, 9, l[0].Col)
			assert.NotContains(t, l[0].Args[0], dir+"/s/", "the path is shown as written")
		})
	}
}

func TestFixtureFileMessage(t *testing.T) {
	dir := tree(t, map[string]string{"s/x_test.yaml": suiteWith("{file: ../secret.yaml}"), "secret.yaml": secret})
	l := problemsOf(t, filepath.Join(dir, "s", "x_test.yaml"))
	assert.Equal(t, `fixtures.base.file: "../secret.yaml" is outside the suite's folder: a suite reads files only from its own folder and the folders in it`,
		strings.TrimPrefix(l[0].Error(), l[0].Pos.String()+": "))
	assert.Contains(t, l[0].Localize(diag.KK), "тест жинағының бумасынан тыс")
	assert.Contains(t, l[0].Localize(diag.RU), "вне папки набора тестов")
}

func TestFixtureFileInsideTheFolder(t *testing.T) {
	dir := tree(t, map[string]string{
		"s/x_test.yaml":    suiteWith("{file: data/base.yaml}"),
		"s/data/base.yaml": fixtureOK,
		"s/y_test.yaml":    suiteWith("{file: link.yaml}"),
		"s/link.yaml":      "->data/base.yaml",
	})
	for _, name := range []string{"x_test.yaml", "y_test.yaml"} {
		t.Run(name, func(t *testing.T) {
			s, err := rulestest.Load(filepath.Join(dir, "s", name))
			require.NoError(t, err)
			sr, err := s.Run(context.Background(), rulestest.Options{})
			require.NoError(t, err)
			assert.Equal(t, rulestest.Pass, sr.Cases[0].Status, sr.Cases[0].Diff())
		})
	}
}

func TestNamedPipeIsNotOpened(t *testing.T) {
	dir := tree(t, map[string]string{"s/x_test.yaml": suiteWith("{file: pipe.yaml}")})
	if err := syscall.Mkfifo(filepath.Join(dir, "s", "pipe.yaml"), 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	// Opening a pipe with no writer would block for ever.
	l := problemsOf(t, filepath.Join(dir, "s", "x_test.yaml"))
	require.Len(t, l, 1)
	assert.Equal(t, rulestest.CodeNotRegular, l[0].Code)
}

func TestPolicyStaysInTheSuitesFolder(t *testing.T) {
	policy := "name: p\nversion: \"1\"\nrules: []\n"
	cases := []struct {
		name   string
		files  map[string]string
		policy string
	}{
		{"dot-dot", map[string]string{"p.yaml": policy}, "../p.yaml"},
		{"absolute", map[string]string{"p.yaml": policy}, "$DIR/p.yaml"},
		{"symbolic link out", map[string]string{"p.yaml": policy, "s/p.yaml": "->$DIR/p.yaml"}, "p.yaml"},
		{"bare name beside is a link out", map[string]string{"secret.yaml": secret, "s/mine.yaml": "->../secret.yaml"}, "mine"},
		{"device", map[string]string{"s/zero.yaml": "->/dev/zero"}, "zero.yaml"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{"s/x_test.yaml": "policy: " + c.policy + "\nfixtures:\n  base: {as_of: 2026-11-24}\ncases:\n  - name: c\n"}
			for k, v := range c.files {
				files[k] = v
			}
			dir := tree(t, files)
			l := problemsOf(t, filepath.Join(dir, "s", "x_test.yaml"))
			require.Len(t, l, 1, "%v", l)
			assert.Equal(t, rulestest.CodeOutside, l[0].Code)
			assert.Equal(t, "policy", l[0].Path)
			assert.Equal(t, 1, l[0].Line)
			assert.Equal(t, 9, l[0].Col)
		})
	}
}

// A policy file that is swapped for a link after the suite was read is
// still refused when the policy is loaded.
func TestPolicyCheckedAgainWhenLoaded(t *testing.T) {
	dir := tree(t, map[string]string{
		"s/x_test.yaml": "policy: p.yaml\nfixtures:\n  base: {as_of: 2026-11-24}\ncases:\n  - name: c\n",
		"s/p.yaml":      "name: p\n",
		"secret.yaml":   secret,
	})
	s, err := rulestest.Load(filepath.Join(dir, "s", "x_test.yaml"))
	require.NoError(t, err)
	require.NoError(t, os.Remove(filepath.Join(dir, "s", "p.yaml")))
	require.NoError(t, os.Symlink(filepath.Join(dir, "secret.yaml"), filepath.Join(dir, "s", "p.yaml")))
	_, err = s.LoadPolicy()
	require.Error(t, err)
	l := diag.Errors(err)
	require.Len(t, l, 1)
	assert.Equal(t, rulestest.CodeOutside, l[0].Code)
	noSecret(t, l)
}

// The 357-byte billion laughs of the issue, in a fixture: refused at the
// alias that expands the most, before anything is copied.
const laughs = `policy: guide
fixtures:
  base:
    as_of: 2026-11-24
    a: &a [x, x, x, x, x, x, x, x, x]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
    d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
    e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
    f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
    g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
    h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
cases:
  - name: boom
    findings: []
`

func TestAliases(t *testing.T) {
	cases := []struct {
		name string
		src  string
		line int
		code diag.Code
	}{
		{"billion laughs", laughs, 12, rulestest.CodeAliases},
		{"in a case's set", "policy: guide\nfixtures:\n  base: {as_of: 2026-11-24}\nx: &x [" + strings.Repeat("y, ", 200) + "y]\n" +
			"cases:\n" + strings.Repeat("  - {name: c, set: {v: [*x, *x, *x, *x, *x, *x, *x, *x, *x, *x]}}\n", 6), 6, rulestest.CodeAliases},
		{"an alias inside its own anchor", "policy: guide\nfixtures:\n  base: &b {as_of: 2026-11-24, self: *b}\ncases:\n  - name: c\n", 3, rulestest.CodeAliases},
		{"nesting", "policy: guide\nfixtures:\n  base: " + strings.Repeat("[", 120) + strings.Repeat("]", 120) + "\ncases:\n  - name: c\n", 3, decode.CodeTooDeep},
		{"nesting through aliases", "policy: guide\nd: &d " + strings.Repeat("[", 60) + strings.Repeat("]", 60) + "\nfixtures:\n  base: {as_of: 2026-11-24, x: " +
			strings.Repeat("[", 50) + "*d" + strings.Repeat("]", 50) + "}\ncases:\n  - name: c\n", 4, decode.CodeTooDeep},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := rulestest.Parse("x_test.yaml", []byte(c.src))
			require.Error(t, err)
			l := diag.Errors(err)
			require.Len(t, l, 1, "%v", l)
			assert.Equal(t, c.code, l[0].Code, l[0].Error())
			assert.Equal(t, c.line, l[0].Line, l[0].Error())
			assert.NotEmpty(t, l[0].Snippet)
		})
	}
}

func TestAFewAliasesAreFine(t *testing.T) {
	src := `policy: mini.yaml
fixtures:
  one:
    as_of: 2026-11-24
    volunteers:
      - &v {id: v-1, full_name: A, birth_date: 1990-04-02, role: individual_mentor, commitment_months: 24}
cases:
  - name: an alias in a set
    set: {"volunteers[0]": *v}
    findings: []
`
	s, err := rulestest.Parse("testdata/alias_test.yaml", []byte(src))
	require.NoError(t, err)
	sr, err := s.Run(context.Background(), rulestest.Options{})
	require.NoError(t, err)
	assert.Equal(t, rulestest.Pass, sr.Cases[0].Status, sr.Cases[0].Diff())
}

func TestFixtureFileAliases(t *testing.T) {
	body := laughs[strings.Index(laughs, "    a:"):strings.Index(laughs, "cases:")]
	bomb := "as_of: 2026-11-24\n" + strings.ReplaceAll(body, "\n    ", "\n")[4:]
	dir := tree(t, map[string]string{"s/x_test.yaml": suiteWith("{file: bomb.yaml}"), "s/bomb.yaml": bomb})
	l := problemsOf(t, filepath.Join(dir, "s", "x_test.yaml"))
	require.Len(t, l, 1)
	assert.Equal(t, rulestest.CodeAliases, l[0].Code)
	assert.Equal(t, filepath.Join(dir, "s", "bomb.yaml"), l[0].File, "placed in the fixture file")
	assert.Equal(t, 9, l[0].Line)
}

func TestProblemCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("policy: guide\nfixtures:\n  base: {as_of: 2026-11-24}\ncases:\n")
	for range 300 {
		b.WriteString("  - {name: c, nope: 1}\n")
	}
	_, err := rulestest.Parse("x_test.yaml", []byte(b.String()))
	require.Error(t, err)
	l := diag.Errors(err)
	require.Len(t, l, limits.Problems+1)
	assert.Equal(t, decode.CodeTooManyErrors, l[len(l)-1].Code, "the cap closes the list")
	assert.Equal(t, diag.CodeUnknownField, l[0].Code)
}

func TestSizeCaps(t *testing.T) {
	dir := tree(t, map[string]string{
		"s/x_test.yaml":    suiteWith("{file: base.yaml}"),
		"s/base.yaml":      fixtureOK + "# " + strings.Repeat("x", 2000) + "\n",
		"s/big_test.yaml":  suiteWith("{as_of: 2026-11-24}") + "# " + strings.Repeat("x", 3000) + "\n",
		"s/pol_test.yaml":  "policy: p.yaml\nfixtures:\n  base: {as_of: 2026-11-24}\ncases:\n  - name: c\n",
		"s/p.yaml":         "name: p\n# " + strings.Repeat("x", 2000) + "\n",
		"s/zero_test.yaml": "->/dev/zero",
	})
	opt := rulestest.WithMaxFileSize(1000)

	t.Run("suite", func(t *testing.T) {
		_, err := rulestest.Load(filepath.Join(dir, "s", "big_test.yaml"), opt)
		assert.True(t, limits.IsTooLarge(err), "%v", err)
	})
	t.Run("suite from a device", func(t *testing.T) {
		_, err := rulestest.Load(filepath.Join(dir, "s", "zero_test.yaml"))
		assert.True(t, limits.IsTooLarge(err), "%v", err)
	})
	t.Run("fixture", func(t *testing.T) {
		l := problemsOf(t, filepath.Join(dir, "s", "x_test.yaml"), opt)
		require.Len(t, l, 1)
		assert.Equal(t, limits.CodeFileTooLarge, l[0].Code)
		assert.Equal(t, "fixtures.base.file", l[0].Path)
		assert.Contains(t, l[0].Error(), "1000 B")
		_, err := rulestest.Load(filepath.Join(dir, "s", "x_test.yaml"))
		assert.NoError(t, err, "the default cap admits it")
	})
	t.Run("policy", func(t *testing.T) {
		s, err := rulestest.Load(filepath.Join(dir, "s", "pol_test.yaml"), opt)
		require.NoError(t, err)
		_, err = s.LoadPolicy()
		l := diag.Errors(err)
		require.Len(t, l, 1, "%v", err)
		assert.Equal(t, limits.CodeFileTooLarge, l[0].Code)
		assert.Equal(t, "policy", l[0].Path)
	})
}

func TestRunFilesRefusesAnEmptyPath(t *testing.T) {
	dir := tree(t, map[string]string{"empty/readme.md": "nothing here", "full/x_test.yaml": suiteWith("{as_of: 2026-11-24, volunteers: []}")})
	for _, paths := range [][]string{{filepath.Join(dir, "empty")}, {filepath.Join(dir, "full"), filepath.Join(dir, "empty")}} {
		_, err := rulestest.RunFiles(context.Background(), paths, rulestest.Options{})
		require.Error(t, err)
		assert.True(t, errors.Is(err, rulestest.ErrNoSuites))
		l := diag.Errors(err)
		require.Len(t, l, 1)
		assert.Equal(t, rulestest.CodeNoSuites, l[0].Code)
		assert.Contains(t, l[0].Error(), filepath.Join(dir, "empty"))
	}
	res, err := rulestest.RunFiles(context.Background(), []string{filepath.Join(dir, "full")}, rulestest.Options{})
	require.NoError(t, err)
	assert.True(t, res.OK())
}
