package server_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io/fs"
	"net/http"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/internal/server"
)

// The console is served at / by default, with a Content-Security-Policy
// that allows nothing from elsewhere; NoConsole turns it off.
func TestConsoleServed(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	tests := []struct {
		target, ctype, contains string
	}{
		{"/", "text/html; charset=utf-8", `<script type="module" src="js/main.js">`},
		{"/js/main.js", "text/javascript; charset=utf-8", "import"},
		{"/style.css", "text/css; charset=utf-8", ":root"},
		{"/words.json", "application/json", `"kk"`},
		{"/example.json", "application/json", `"as_of"`},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			w := get(t, s, tt.target)
			require.Equal(t, http.StatusOK, w.Code)
			assert.Equal(t, tt.ctype, w.Header().Get("Content-Type"))
			assert.Contains(t, w.Body.String(), tt.contains)
			csp := w.Header().Get("Content-Security-Policy")
			assert.Contains(t, csp, "default-src 'none'")
			assert.Contains(t, csp, "frame-ancestors 'none'")
			assert.NotContains(t, csp, "http")
			assert.NotContains(t, csp, "unsafe")
		})
	}
	w := do(t, s, request{method: http.MethodPost, target: "/"})
	assert.Equal(t, http.StatusMethodNotAllowed, w.Code)
	assert.Equal(t, http.StatusNotFound, get(t, s, "/js/").Code, "no folder listing")
	assert.Equal(t, http.StatusNotFound, get(t, s, "/nothing.js").Code)

	off, _ := newServer(t, server.Options{NoConsole: true})
	assert.Equal(t, http.StatusNotFound, get(t, off, "/").Code)
}

// The report the console frames inherits its policy: the report's inline
// styles are allowed by their hashes, and nothing else inline is.
func TestConsoleCSPAllowsTheReport(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	csp := get(t, s, "/").Header().Get("Content-Security-Policy")
	page := post(t, s, "/v1/report?lang=kk", "application/json", readFile(t, examples, "problems.json")).Body.String()
	styles := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindAllStringSubmatch(page, -1)
	require.NotEmpty(t, styles)
	for _, m := range styles {
		sum := sha256.Sum256([]byte(m[1]))
		assert.Contains(t, csp, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	}
	assert.NotContains(t, page, " style=", "an inline style attribute would be refused")
}

// Every word of the console is in its catalog, in all three languages;
// every word of the catalog is used; the page holds no word of its own
// and the scripts none in Cyrillic.
func TestConsoleWords(t *testing.T) {
	fsys := server.Console()
	raw, err := fs.ReadFile(fsys, "words.json")
	require.NoError(t, err)
	var words map[string]map[string]string
	require.NoError(t, json.Unmarshal(raw, &words))
	for key, texts := range words {
		assert.ElementsMatch(t, []string{"kk", "ru", "en"}, keys(texts), key)
		for lang, text := range texts {
			assert.NotEmpty(t, strings.TrimSpace(text), "%s in %s", key, lang)
		}
		// The same placeholders in every language.
		ph := regexp.MustCompile(`\{\d\}`)
		want := ph.FindAllString(texts["en"], -1)
		slices.Sort(want)
		for lang, text := range texts {
			got := ph.FindAllString(text, -1)
			slices.Sort(got)
			assert.Equal(t, want, got, "placeholders of %s in %s", key, lang)
		}
	}

	used := map[string]bool{}
	page, err := fs.ReadFile(fsys, "index.html")
	require.NoError(t, err)
	for _, m := range regexp.MustCompile(`data-i18n(?:-label|-title)?="([^"]+)"`).FindAllSubmatch(page, -1) {
		used[string(m[1])] = true
	}
	// Nothing but markup and white space outside the marked elements,
	// which are empty in the file and filled from the catalog.
	text := regexp.MustCompile(`(?s)<script.*?</script>|<[^>]+>`).ReplaceAll(page, nil)
	assert.Empty(t, strings.TrimSpace(string(text)), "words in index.html outside the catalog")

	scripts, err := fs.Glob(fsys, "js/*.js")
	require.NoError(t, err)
	require.NotEmpty(t, scripts)
	call := regexp.MustCompile(`\bt\(\s*'([a-z0-9_]+)'`)
	for _, name := range scripts {
		src, err := fs.ReadFile(fsys, name)
		require.NoError(t, err)
		for _, m := range call.FindAllSubmatch(src, -1) {
			used[string(m[1])] = true
		}
		assert.False(t, bytes.ContainsFunc(src, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }),
			"%s holds words of its own: they belong in words.json", name)
	}
	for key := range used {
		_, ok := words[key]
		assert.True(t, ok, "%s is missing from words.json", key)
	}
	for key := range words {
		assert.True(t, used[key], "%s is in words.json and used nowhere", key)
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// The console loads nothing from elsewhere: no address in its files.
func TestConsoleSelfContained(t *testing.T) {
	fsys := server.Console()
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(name) == ".json" {
			return err
		}
		src, err := fs.ReadFile(fsys, name)
		require.NoError(t, err)
		assert.NotRegexp(t, `(?i)https?:|//[a-z0-9.-]+\.[a-z]{2,}/|@import`, string(src), name)
		return nil
	})
	require.NoError(t, err)
}

// The example the console offers is the repository's example with
// problems, byte for byte.
func TestConsoleExample(t *testing.T) {
	got, err := fs.ReadFile(server.Console(), "example.json")
	require.NoError(t, err)
	assert.Equal(t, string(readFile(t, examples, "problems.json")), string(got),
		"copy examples/data/problems.json to internal/server/console/example.json")
}
