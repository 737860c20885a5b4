package questionnaire_test

// These tests run roles.yaml on the rules engine. The package itself never
// imports rules (the domain knows nothing of CEL); an external test package
// may, and so checks that the engine agrees with the hand-written reading
// of the policy (suggest) under the defaults and under a raised profile,
// and that every message reads right in three languages whether its role
// fits or not.

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/questionnaire"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// profile compiles a policy that extends the roles policy with params.
func profile(tb testing.TB, params map[string]int) *rules.Policy {
	tb.Helper()
	names := make([]string, 0, len(params))
	for k := range params {
		names = append(names, k)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("name: raised\nversion: \"1.0.0\"\nextends: questionnaire\nparams:\n")
	for _, k := range names {
		fmt.Fprintf(&b, "  %s:\n    default: %d\n", k, params[k])
	}
	fsys := fstest.MapFS{"raised.yaml": {Data: []byte(b.String())}}
	p, err := rules.Load(fsys, "raised")
	require.NoError(tb, err)
	return p
}

func decide(tb testing.TB, p *rules.Policy, r *questionnaire.Response, asOf civil.Date, lang diag.Lang) (outcome, []rules.Decision) {
	tb.Helper()
	ds, err := p.Respondent(context.Background(), r, asOf, rules.WithLang(lang))
	require.NoError(tb, err)
	out := outcome{Roles: []string{}, Warnings: []string{}}
	for _, d := range ds {
		switch {
		case d.Result == rules.Errored:
			tb.Errorf("%s: %s", d.Rule, d.Message)
		case d.Severity == rules.Deny && d.Result == rules.Passed:
			out.Roles = append(out.Roles, strings.TrimPrefix(d.Rule, "role."))
		case d.Severity == rules.Warn && d.Result == rules.Failed:
			out.Warnings = append(out.Warnings, d.Rule)
		}
	}
	return out, ds
}

// codes are what a message must never show, people read words: snake_case
// ids in any language, and in Kazakh and Russian any Latin option id.
var (
	snake = regexp.MustCompile(`\b[a-z0-9]+_[a-z0-9_]+\b|\brole\.[a-z_]+`)
	latin = regexp.MustCompile(`\b(evenings|weekends|teaching|documents|visitors|other|yes|no)\b`)
)

func codes(msg string, lang diag.Lang) []string {
	found := snake.FindAllString(msg, -1)
	if lang != diag.EN {
		found = append(found, latin.FindAllString(msg, -1)...)
	}
	return found
}

func TestRolesOnTheEngine(t *testing.T) {
	want, asOf := readExpected(t)
	p := readPolicy(t)
	defaults, err := rules.Resolve("questionnaire")
	require.NoError(t, err)
	raised := profile(t, want.Raised.Params)
	for name, c := range want.Cases {
		t.Run(name, func(t *testing.T) {
			r, err := questionnaire.Load(filepath.Join("testdata", "roles", name+".json"))
			require.NoError(t, err)
			for _, lang := range diag.Langs {
				got, ds := decide(t, defaults, &r, asOf, lang)
				assert.Equal(t, normal(c), got, "defaults, %s", lang)
				assert.Equal(t, suggest(r, asOf, p, nil), got, "the engine and the Go reading agree")
				checkMessages(t, ds, lang)
				if rc, ok := want.Raised.Cases[name]; ok {
					got, ds := decide(t, raised, &r, asOf, lang)
					assert.Equal(t, normal(rc), got, "raised, %s", lang)
					assert.Equal(t, suggest(r, asOf, p, want.Raised.Params), got)
					checkMessages(t, ds, lang)
				}
			}
		})
	}
}

// checkMessages: every rule that applies says something, in words, with no
// placeholder that failed; a fitting role's message carries no reason it
// would not fit, and the health note speaks of limitations only when the
// applicant noted some.
func checkMessages(t *testing.T, ds []rules.Decision, lang diag.Lang) {
	t.Helper()
	negative := map[diag.Lang][]string{
		diag.KK: {"белгіленбеген", "жетпейді", "сәйкес емес", "толмаған"},
		diag.RU: {"не отмечен", "не хватает", "не подходит", "возраст меньше"},
		diag.EN: {"not marked", "not among", "does not", "until then"},
	}
	for _, d := range ds {
		if d.Result == rules.NotApplies {
			continue
		}
		assert.NotEmpty(t, d.Message, d.Rule)
		assert.NotContains(t, d.Message, "‹?›", d.Rule)
		assert.Empty(t, codes(d.Message, lang), "%s (%s): codes in prose: %s", d.Rule, lang, d.Message)
		if d.Rule == "role.individual_mentor.health" {
			noted := map[diag.Lang]string{diag.KK: "белгіленген:", diag.RU: "Отмечены ограничения", diag.EN: "are noted:"}[lang]
			assert.Equal(t, d.Result == rules.Failed, strings.Contains(d.Message, noted), "%s: %s", lang, d.Message)
			continue
		}
		if d.Result == rules.Passed {
			for _, w := range negative[lang] {
				assert.NotContains(t, d.Message, w, "%s fits, yet: %s", d.Rule, d.Message)
			}
		}
	}
}

// TestRoleMessagesFollowParams sets every param to an unusual value and
// reads every message in three languages: the numbers come from the params,
// none is frozen in the text.
func TestRoleMessagesFollowParams(t *testing.T) {
	_, asOf := readExpected(t)
	p := profile(t, map[string]int{"mentor_min_age": 31, "event_min_age": 16, "mentor_min_hours": 7, "mentor_min_quality": 2})
	r, err := questionnaire.Load(filepath.Join("testdata", "roles", "mentor_age_25.json")) // 25, 10–15 h
	require.NoError(t, err)
	r.Activities = []questionnaire.Activity{questionnaire.GroupEvents, questionnaire.Documents}
	for _, lang := range diag.Langs {
		got, ds := decide(t, p, &r, asOf, lang)
		assert.Equal(t, []string{"events", "documents"}, got.Roles, lang)
		text := map[string]string{}
		for _, d := range ds {
			text[d.Rule] = d.Message
		}
		mentor := text["role.individual_mentor"]
		for _, n := range []string{"31", "7", "2"} {
			assert.Contains(t, mentor, n, "%s: %s", lang, mentor)
		}
		assert.Contains(t, text["role.events"], "16", lang)
		for rule, msg := range text {
			assert.NotRegexp(t, `\b18\b`, msg, "%s (%s): frozen number", rule, lang)
			assert.NotRegexp(t, `\b(12|14|24)\b`, msg, "%s (%s): frozen number", rule, lang)
		}
	}
}
