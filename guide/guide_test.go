package guide_test

import (
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/guide"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// TestStructure: every range inside the text, children inside their
// parent, siblings apart, every titled entry titled in three languages.
func TestStructure(t *testing.T) {
	tab := guide.Structure()
	require.Equal(t, 3259, tab.Lines)
	n := 0
	tab.Walk(func(e *guide.Entry) {
		n++
		name := string(e.Kind) + " " + e.Number + " " + e.Title.EN
		require.NotEmpty(t, e.Lines, name)
		for _, r := range e.Lines {
			assert.True(t, 1 <= r.From && r.From <= r.To && r.To <= tab.Lines, "%s: %v outside the text", name, r)
			if e.Parent != nil {
				assert.True(t, e.Parent.Contains(r), "%s: %v outside its parent", name, r)
			}
		}
		switch e.Kind {
		case guide.Step, guide.Clause:
			assert.Regexp(t, `^[0-9]+(\.[0-9]+)?$`, e.Number, name)
			if e.Title.EN != "" || e.Title.KK != "" || e.Title.RU != "" {
				assert.True(t, e.Title.EN != "" && e.Title.KK != "" && e.Title.RU != "", "%s: titled in every language or none", name)
			}
		case guide.Part, guide.Appendix, guide.Section, guide.Steps:
			assert.NotEmpty(t, e.Title.KK, name)
			assert.NotEmpty(t, e.Title.RU, name)
			assert.NotEmpty(t, e.Title.EN, name)
			if e.Kind == guide.Part || e.Kind == guide.Appendix {
				assert.NotEmpty(t, e.Number, name)
			}
		default:
			t.Errorf("%s: unknown kind", name)
		}
		sib := e.Children
		for i := range sib {
			for j := i + 1; j < len(sib); j++ {
				for _, a := range sib[i].Lines {
					for _, b := range sib[j].Lines {
						assert.True(t, a.To < b.From || b.To < a.From, "%v and %v overlap under %s", a, b, name)
					}
				}
			}
		}
	})
	assert.Greater(t, n, 80)
	for _, r := range [][2]int{{1, 151}, {152, 1528}, {1529, 1923}, {1924, 2098}} {
		assert.NotNil(t, tab.Locate(guide.Range{From: r[0], To: r[1]}), "%v", r)
	}
	for i, top := range tab.Entries {
		for _, other := range tab.Entries[i+1:] {
			for _, a := range top.Lines {
				for _, b := range other.Lines {
					assert.True(t, a.To < b.From || b.To < a.From, "top-level %v and %v overlap", a, b)
				}
			}
		}
	}
}

// TestAnchors: the places the digest names, checked by hand in the text.
func TestAnchors(t *testing.T) {
	tab := guide.Structure()
	for _, tc := range []struct {
		line        int
		kind        guide.Kind
		number, top string
		topKind     guide.Kind
	}{
		{152, guide.Section, "", "I", guide.Part},
		{1528, guide.Section, "", "I", guide.Part},
		{1529, guide.Part, "II", "II", guide.Part},
		{1663, guide.Step, "1.3", "II", guide.Part},
		{1708, guide.Step, "2.4", "II", guide.Part},
		{1747, guide.Step, "2.8", "II", guide.Part},
		{1884, guide.Step, "3.2", "II", guide.Part},
		{1905, guide.Step, "3.6", "II", guide.Part},
		{1924, guide.Part, "III", "III", guide.Part},
		{2101, guide.Appendix, "1", "1", guide.Appendix},
		{2262, guide.Clause, "3.10", "2", guide.Appendix},
		{2286, guide.Clause, "5.1", "2", guide.Appendix},
		{2293, guide.Clause, "6.1", "2", guide.Appendix},
		{2399, guide.Section, "", "3", guide.Appendix},
		{2531, guide.Section, "", "3", guide.Appendix},
		{2453, guide.Appendix, "4", "4", guide.Appendix},
		{2541, guide.Appendix, "6", "6", guide.Appendix},
		{2584, guide.Appendix, "5", "5", guide.Appendix},
		{2602, guide.Appendix, "7", "7", guide.Appendix},
		{2660, guide.Appendix, "8", "8", guide.Appendix},
	} {
		e := tab.Locate(guide.Range{From: tc.line, To: tc.line})
		require.NotNil(t, e, "L%d", tc.line)
		assert.Equal(t, tc.kind, e.Kind, "L%d", tc.line)
		assert.Equal(t, tc.number, e.Number, "L%d", tc.line)
		assert.Equal(t, tc.top, e.Top().Number, "L%d", tc.line)
		assert.Equal(t, tc.topKind, e.Top().Kind, "L%d", tc.line)
	}
	assert.Nil(t, tab.Locate(guide.Range{From: 3260, To: 3260}), "past the end")
	assert.Nil(t, tab.Locate(guide.Range{From: 1500, To: 1600}), "across two parts")
}

// TestHeadingsInText: each numbered step and clause starts on its first
// line, and each title's first Kazakh word is written near its first line
// (for the entries whose title is a heading of the text).
func TestHeadingsInText(t *testing.T) {
	raw, err := os.ReadFile("../../shared/seeds/000_15f48fb82a983cfd.txt")
	if err != nil {
		t.Skip("the guide's text is not beside the module")
	}
	lines := strings.Split(string(raw), "\n")
	require.Len(t, lines, guide.Structure().Lines)
	letters := regexp.MustCompile(`[^\p{L}]+`)
	guide.Structure().Walk(func(e *guide.Entry) {
		first := e.Lines[0].From
		switch e.Kind {
		case guide.Step, guide.Clause:
			assert.Regexp(t, `^\s?`+regexp.QuoteMeta(e.Number)+`\.\s`, lines[first-1], "%s %s at L%d", e.Kind, e.Number, first)
			return
		case guide.Appendix:
			if e.Number == "3" || e.Number == "4" {
				// Untitled in the text: Appendix 3 opens with its first call,
				// Appendix 4's heading follows its list (checked below).
				return
			}
			assert.Contains(t, lines[first-1], e.Number+"-қосымша", "appendix %s at L%d", e.Number, first)
		}
		// Two titles are written elsewhere than at the entry's first line:
		// the introduction's heading follows the title page, and Part I is
		// named in the introduction.
		if at, ok := map[string]int{"Кіріспе": 21, "Волонтерліктің жалпы тәжірибесі": 97}[e.Title.KK]; ok {
			first = at
		}
		word := strings.Fields(letters.ReplaceAllString(e.Title.KK, " "))[0]
		window := strings.Join(lines[max(0, first-3):min(len(lines), first+12)], " ")
		if e.Number == "4" && e.Kind == guide.Appendix {
			window = strings.Join(lines[e.Lines[0].To-3:e.Lines[0].To], " ")
		}
		assert.Contains(t, strings.ToUpper(window), strings.ToUpper(word), "%q near L%d", e.Title.KK, first)
	})
}

// TestEveryPolicySourceResolves: every source string of every embedded
// policy parses, and each of its lines falls in an entry of the table; a
// label's step or clause number is the entry its lines point at, or one
// right beside it.
func TestEveryPolicySourceResolves(t *testing.T) {
	tab := guide.Structure()
	sources := policySources(t)
	require.NotEmpty(t, sources)
	for _, src := range sources {
		refs, ok := guide.Parse(src)
		require.True(t, ok, "%q does not parse", src)
		require.NotEmpty(t, refs, src)
		for _, r := range refs {
			if r.Law {
				assert.Equal(t, 12, r.Article, src)
				continue
			}
			require.NotZero(t, r.Lines.From, "%q: %q has no lines", src, r.Label)
			e := tab.Locate(r.Lines)
			require.NotNil(t, e, "%q: %v is in no entry", src, r.Lines)
			if r.Number != "" {
				var found *guide.Entry
				for a := e; a != nil && found == nil; a = a.Parent {
					found = a.Numbered(r.Number)
				}
				require.NotNil(t, found, "%q: %s not beside %v", src, r.Number, r.Lines)
				near := found.Lines[0].From-2 <= r.Lines.From && r.Lines.To <= found.Lines[0].To
				assert.True(t, near, "%q: %s is at %v, not at %v", src, r.Number, found.Lines[0], r.Lines)
			}
		}
		for _, lang := range diag.Langs {
			for _, c := range guide.Resolve(src).In(lang) {
				assert.NotEmpty(t, c.Text, src)
				assert.NotContains(t, c.Text, "(L", "%q in %s: a line number shown to a reader", src, lang)
				if lang != diag.EN {
					assert.NotRegexp(t, `\b(Part|Appendix|step|clause|Law|art\.)\b`, c.Text, "English in %s: %q", lang, c.Text)
				}
			}
		}
	}
}

// policySources reads the source: of every rule of the embedded policies.
func policySources(tb testing.TB) []string {
	tb.Helper()
	var out []string
	seen := map[string]bool{}
	fsys := rules.Policies()
	paths, err := fs.Glob(fsys, "*.yaml")
	require.NoError(tb, err)
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.yaml") {
			continue
		}
		data, err := fs.ReadFile(fsys, p)
		require.NoError(tb, err)
		var doc struct {
			Rules []struct {
				Source string `yaml:"source"`
			} `yaml:"rules"`
		}
		require.NoError(tb, yaml.Unmarshal(data, &doc), p)
		for _, r := range doc.Rules {
			if r.Source != "" && !seen[r.Source] {
				seen[r.Source] = true
				out = append(out, r.Source)
			}
		}
	}
	return out
}
