package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
)

// Every word of the command line's catalog, and of every other catalog it
// shows, exists in Kazakh, Russian and English, and the Kazakh and Russian
// ones are not the English left in place.
func TestEveryWordInThreeLanguages(t *testing.T) {
	codes := diag.Registered()
	require.NotEmpty(t, codes)
	for _, c := range codes {
		text, _ := diag.Lookup(c)
		for _, l := range diag.Langs {
			assert.NotEmpty(t, text.In(l), "%s has no %s text", c, l)
		}
		if strings.HasPrefix(string(c), "cli.") && hasLetters(text.EN) && !sameEverywhere[string(c)] {
			assert.NotEqual(t, text.EN, text.KK, "%s: the Kazakh is the English", c)
			assert.NotEqual(t, text.EN, text.RU, "%s: the Russian is the English", c)
		}
	}
}

// sameEverywhere are catalog entries that are rightly the same in every
// language: codes and signs.
var sameEverywhere = map[string]bool{}

func hasLetters(s string) bool { return regexp.MustCompile(`[A-Za-z]{3}`).MatchString(s) }

// Help speaks the reader's language: every command's summary, text and
// flags differ from the English in Kazakh and Russian.
func TestHelpInThreeLanguages(t *testing.T) {
	trees := map[diag.Lang]*cobra.Command{}
	for _, l := range diag.Langs {
		trees[l] = newRoot(&env{lang: l, getenv: func(string) string { return "" }})
	}
	var walk func(en, kk, ru *cobra.Command)
	walk = func(en, kk, ru *cobra.Command) {
		path := en.CommandPath()
		for _, x := range []*cobra.Command{kk, ru} {
			assert.NotEqual(t, en.Short, x.Short, "%s: summary not translated", path)
			if en.Long != "" {
				assert.NotEqual(t, en.Long, x.Long, "%s: text not translated", path)
			}
			en.Flags().VisitAll(func(f *pflag.Flag) {
				g := x.Flags().Lookup(f.Name)
				require.NotNil(t, g)
				assert.NotEqual(t, f.Usage, g.Usage, "%s --%s: usage not translated", path, f.Name)
			})
		}
		for i, s := range en.Commands() {
			walk(s, kk.Commands()[i], ru.Commands()[i])
		}
	}
	walk(trees[diag.EN], trees[diag.KK], trees[diag.RU])
}

// authored are cases whose output quotes, beside sabaq's words, texts the
// input's author wrote in English (a suite's case names and messages).
var authored = map[string]bool{"test-text-kk": true}

// allowedLatin are the words in Latin script a Kazakh or Russian reader may
// meet in sabaq's output: names of the program, the formats and the
// languages, codes a person types (flags, formats, policy and field names,
// vocabulary codes, ids), and the direction's own name.
var allowedLatin = []string{
	"sabaq", "sabaqtastyq", "birgemiz", "cel", "json", "yaml", "csv", "xlsx", "html", "sarif", "junit", "md", "text",
	"kk", "ru", "en", "bcp", "api", "http", "https", "tls", "pem", "id", "ok", "go", "true", "false", "null",
	"guide", "nastavniki", "pairs", "questionnaire", "mini", "own", "all", "auto", "always", "never",
	"bash", "zsh", "fish", "powershell", "when", "expr", "params", "vars", "type", "extends", "override", "bool", "mentors", "age", "deny", "warn",
	"orphanage", "school", "ngo", "kind", "role", "coach", "help", "as_of", "kib", "mib", "gib", "dumb", "unified", "diff", "schema", "alias",
	"volunteer", "child", "tandem", "group", "agreement", "outing", "programme", "pair", "respondent", "institution",
	"file", "line", "column", "path", "code", "message", "problems", "error",
	// the variables of a rule's expression, in explain's trace
	"tandems", "visits", "outings", "reports", "meetings", "groups", "children", "volunteers", "institutions", "agreements",
}

var (
	latinWord = regexp.MustCompile(`[A-Za-z][A-Za-z0-9_.\-/]*`)
	quoted    = regexp.MustCompile(`«[^»]*»|"[^"]*"|'[^']*'|\([^()]*\.(?:yaml|json)[^()]*\)|[\w.+-]+@[\w.-]+`)
)

// The Kazakh and Russian outputs of every golden case hold no English word
// a person reads: a word in Latin script is an identifier (it has a dot,
// a dash, a digit, a slash or an underscore, follows a backslash as an
// escape does (iCalendar's \n), or is in allowedLatin), a
// flag, or quoted input. Snippets of the input (lines under a problem) and
// lines the file itself wrote (the policy's own texts) are left out.
func TestGoldenOutputsSpeakTheReadersLanguage(t *testing.T) {
	dirs, err := filepath.Glob("testdata/*/args")
	require.NoError(t, err)
	checked := 0
	// Commands and flags are words a person types.
	typed := map[string]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		typed[c.Name()] = true
		c.Flags().VisitAll(func(f *pflag.Flag) { typed[f.Name] = true })
		c.PersistentFlags().VisitAll(func(f *pflag.Flag) { typed[f.Name] = true })
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(newRoot(&env{lang: diag.EN, getenv: func(string) string { return "" }}))
	for _, a := range dirs {
		dir := filepath.Dir(a)
		args, _ := os.ReadFile(a)
		envFile, _ := os.ReadFile(filepath.Join(dir, "env"))
		lang := ""
		for _, l := range []string{"kk", "ru"} {
			if regexp.MustCompile(`(?m)^--lang(=|\n)`+l+`\b|^--lang\n`+l).Match(args) ||
				strings.Contains(string(envFile), "SABAQ_LANG="+l) ||
				strings.Contains(string(envFile), "LANG="+l) && !strings.Contains(string(envFile), "SABAQ_LANG") {
				lang = l
			}
		}
		if authored[filepath.Base(dir)] {
			continue
		}
		if lang == "" || strings.Contains(string(args), "-o\njson") || strings.Contains(string(args), "--format\njson") ||
			strings.Contains(string(args), "html") || strings.Contains(string(args), "\nen\n") {
			continue
		}
		for _, f := range []string{"stdout.golden", "stderr.golden"} {
			b, err := os.ReadFile(filepath.Join(dir, f))
			require.NoError(t, err)
			lines := strings.Split(string(b), "\n")
			for n, line := range lines {
				if strings.TrimSpace(line) == "^" || n+1 < len(lines) && strings.TrimSpace(lines[n+1]) == "^" {
					continue // a snippet of the input, and its caret
				}
				text := quoted.ReplaceAllString(line, "")
				for _, at := range latinWord.FindAllStringIndex(text, -1) {
					w := text[at[0]:at[1]]
					before, after := byte(' '), byte(' ')
					if at[0] > 0 {
						before = text[at[0]-1]
					}
					if at[1] < len(text) {
						after = text[at[1]]
					}
					if strings.ContainsAny(w, "0123456789._-/") || strings.ContainsRune(".-/[=\\", rune(before)) ||
						strings.ContainsRune("[(=", rune(after)) || w == strings.ToUpper(w) ||
						slices.Contains(allowedLatin, strings.ToLower(w)) || typed[w] || len(w) == 1 {
						continue // an identifier, a flag, a path, a name in capitals, a code
					}
					t.Errorf("%s/%s:%d: %q is English in %s output: %s", dir, f, n+1, w, lang, line)
				}
			}
			checked++
		}
	}
	assert.Positive(t, checked, "no Kazakh or Russian golden output found")
	t.Logf("%s golden outputs read", strconv.Itoa(checked))
}

// The README's command table lists what completion offers: the commands
// cobra completes are the ones the table shows.
func TestREADMEListsTheCompletedCommands(t *testing.T) {
	quiet(t)
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	table := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^\\| `sabaq ([a-z]+)").FindAllStringSubmatch(string(readme), -1) {
		table[m[1]] = true
	}
	code, out, _ := sabaq(t, "", "__complete", "")
	require.Equal(t, exitOK, code)
	completed := map[string]bool{}
	for _, line := range strings.Split(out, "\n") {
		name, _, _ := strings.Cut(line, "\t")
		if name != "" && !strings.HasPrefix(name, ":") && !strings.HasPrefix(name, "-") {
			completed[name] = true
		}
	}
	assert.Equal(t, table, completed)
}
