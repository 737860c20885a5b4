package recruit_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/doctest"
	"github.com/birgemiz/sabaqtastyq/recruit"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got))
}

// project is an invented organisation; its contacts are not real.
func project() recruit.Project {
	return recruit.Project{
		Organisation: "«Бірге» волонтерлік орталығы",
		Name:         "Бірге",
		Locality:     "Алматы",
		Email:        "info@birge.example.kz",
		Phone:        "+7 727 000 00 00",
		Cities: []recruit.City{
			{Name: "Алматы", Phone: "+7 701 000 00 01", Email: "almaty@birge.example.kz"},
			{Name: "Шымкент", Email: "shymkent@birge.example.kz"},
		},
	}
}

// guideMentorCall is the guide's sample call with the guide profile's
// numbers; nastavniki's differ.
var guideMentorCall = recruit.MentorCall{City: "Шымкент", MentorMinAge: 25, CommitmentMonths: 12, ChildMinAge: 10}

func festival() recruit.EventCall {
	return recruit.EventCall{
		Event:      "Central Asia Youth Festival",
		Place:      "«Шымбұлақ» тау курорты",
		From:       civil.D(2026, time.August, 22),
		To:         civil.D(2026, time.August, 23),
		NeededFrom: civil.D(2026, time.August, 20),
		NeededTo:   civil.D(2026, time.August, 23),
		Briefing:   civil.D(2026, time.August, 19),
		Goals:      []string{"Орталық Азия жастары үшін тұрақты диалог алаңын құру", "өңірлік бірігуді дамыту"},
		City:       "Алматы",
		MinAge:     18,
		Offers:     "брендті киім, алғыс хаттар.",
	}
}

func TestGolden(t *testing.T) {
	docs := []struct {
		name   string
		render func(*bytes.Buffer, recruit.Options) error
	}{
		{"rights", func(b *bytes.Buffer, o recruit.Options) error { return recruit.RenderRights(b, o) }},
		{"mentor-call", func(b *bytes.Buffer, o recruit.Options) error {
			return recruit.RenderMentorCall(b, project(), guideMentorCall, o)
		}},
		{"mentor-call-blank", func(b *bytes.Buffer, o recruit.Options) error {
			return recruit.RenderMentorCall(b, recruit.Project{}, recruit.MentorCall{MentorMinAge: 25, CommitmentMonths: 24}, o)
		}},
		{"event-call", func(b *bytes.Buffer, o recruit.Options) error {
			return recruit.RenderEventCall(b, project(), festival(), o)
		}},
		{"event-call-blank", func(b *bytes.Buffer, o recruit.Options) error {
			return recruit.RenderEventCall(b, recruit.Project{}, recruit.EventCall{MinAge: 18}, o)
		}},
	}
	for _, d := range docs {
		for _, lang := range diag.Langs {
			for _, f := range []recruit.Format{recruit.Markdown, recruit.HTML} {
				name := d.name + "." + string(lang) + "." + string(f)
				t.Run(name, func(t *testing.T) {
					var b bytes.Buffer
					require.NoError(t, d.render(&b, recruit.Options{Lang: lang, Format: f}))
					golden(t, name, b.Bytes())
					if f == recruit.HTML {
						_, err := doctest.XHTML(b.Bytes())
						require.NoError(t, err, "well-formed")
					}
					assert.NotContains(t, b.String(), "<no value>")
				})
			}
		}
	}
}

func TestRightsAsTheGuideCountsThem(t *testing.T) {
	for _, lang := range diag.Langs {
		r, err := recruit.RightsIn(lang)
		require.NoError(t, err)
		assert.Len(t, r.Rights, recruit.NumRights, lang)
		assert.Len(t, r.Responsibilities, recruit.NumResponsibilities, lang)
		assert.Len(t, r.Intro, 2, lang)
		for _, s := range append(append([]string{r.Title, r.RightsTitle, r.ResponsibilitiesTitle, r.Source}, r.Rights...), r.Responsibilities...) {
			assert.NotEmpty(t, strings.TrimSpace(s), lang)
		}
		r.Rights[0] = "changed"
		again, _ := recruit.RightsIn(lang)
		assert.NotEqual(t, "changed", again.Rights[0], "callers get copies")
	}
}

// TestRightsAreTheGuides: every Kazakh item is the guide's text, with
// its line breaks and hyphenation undone (the two corrected typos aside).
func TestRightsAreTheGuides(t *testing.T) {
	raw, err := os.ReadFile("../../shared/seeds/000_15f48fb82a983cfd.txt")
	if err != nil {
		t.Skip("the guide's text is not beside the module")
	}
	lines := strings.Split(string(raw), "\n")
	part := strings.Join(lines[852:920], " ")
	part = regexp.MustCompile(`-\s+`).ReplaceAllString(part, "")
	part = strings.Join(strings.Fields(part), " ")
	part = strings.ReplaceAll(part, "өзіннің", "өзінің")
	part = strings.ReplaceAll(part, "әріптесім ретінде", "әріптес ретінде")
	r, err := recruit.RightsIn(diag.KK)
	require.NoError(t, err)
	for _, s := range append(r.Rights, r.Responsibilities...) {
		assert.Contains(t, part, strings.ReplaceAll(s, "–", ""), "not the guide's wording")
	}
}

// TestTheLanguagesHaveTheSameBlocks: the translations lay out as the
// Kazakh does, block for block and item for item.
func TestTheLanguagesHaveTheSameBlocks(t *testing.T) {
	raw, err := os.ReadFile("data/calls.yaml")
	require.NoError(t, err)
	var all map[string]map[string]struct {
		Title  string `yaml:"title"`
		Blocks []struct {
			Kind, If, Unless, List string
			Text                   string
			Items                  []any
		} `yaml:"blocks"`
	}
	require.NoError(t, yaml.Unmarshal(raw, &all))
	shape := func(lang, call string) []string {
		var out []string
		for _, b := range all[lang][call].Blocks {
			out = append(out, b.Kind+"/"+b.If+"/"+b.Unless+"/"+b.List+"/"+strings.Repeat("*", len(b.Items)))
		}
		return out
	}
	for _, call := range []string{"mentor", "event"} {
		for _, lang := range []string{"ru", "en"} {
			assert.Equal(t, shape("kk", call), shape(lang, call), "%s %s", call, lang)
			assert.NotEmpty(t, all[lang][call].Title)
		}
	}
}

// TestCallsFollowTheirNumbers renders both calls with numbers the guide
// never uses: every one shows, in the form its language asks, and none of
// the guide's own is left in the text.
func TestCallsFollowTheirNumbers(t *testing.T) {
	cases := []struct {
		lang     diag.Lang
		call     recruit.MentorCall
		contains []string
	}{
		{diag.KK, recruit.MentorCall{MentorMinAge: 21, CommitmentMonths: 36, ChildMinAge: 13},
			[]string{"21 жастан бастап", "кемінде 21 жаста", "кем дегенде 3 жыл бойы", "ең аз уақыты – 3 жыл", "13 жастан басталады"}},
		{diag.RU, recruit.MentorCall{MentorMinAge: 21, CommitmentMonths: 36, ChildMinAge: 13},
			[]string{"от 21 года", "не моложе 21 года", "не менее 3 лет", "— 3 года,", "от 13 лет"}},
		{diag.RU, recruit.MentorCall{MentorMinAge: 30, CommitmentMonths: 12, ChildMinAge: 1},
			[]string{"от 30 лет", "не менее 1 года", "— 1 год,", "от 1 года"}},
		{diag.RU, recruit.MentorCall{MentorMinAge: 22, CommitmentMonths: 18},
			[]string{"от 22 лет", "не менее 18 месяцев", "— 18 месяцев,"}},
		{diag.KK, recruit.MentorCall{MentorMinAge: 22, CommitmentMonths: 18}, []string{"кем дегенде 18 ай бойы"}},
		{diag.EN, recruit.MentorCall{MentorMinAge: 21, CommitmentMonths: 12, ChildMinAge: 13},
			[]string{"aged 21 or older", "at least 1 year.", "is 1 year;", "age of 13"}},
		{diag.EN, recruit.MentorCall{MentorMinAge: 21, CommitmentMonths: 30}, []string{"at least 30 months."}},
	}
	for _, c := range cases {
		var b bytes.Buffer
		require.NoError(t, recruit.RenderMentorCall(&b, recruit.Project{}, c.call, recruit.Options{Lang: c.lang}))
		for _, s := range c.contains {
			assert.Contains(t, b.String(), s, "%s %+v", c.lang, c.call)
		}
		assert.NotRegexp(t, `\b(25|24|2 жыл|2 года|2 лет|2 years|11)\b`, b.String(), "%s: a number of the guide's sample", c.lang)
		if c.call.ChildMinAge == 0 {
			assert.NotContains(t, b.String(), "?\n\n"+"Қатысушылардың", "no children's paragraph")
		}
	}
	for _, lang := range diag.Langs {
		var b bytes.Buffer
		call := festival()
		call.MinAge = 21
		require.NoError(t, recruit.RenderEventCall(&b, project(), call, recruit.Options{Lang: lang}))
		want := map[diag.Lang]string{diag.KK: "21 жастан бастап", diag.RU: "от 21 года", diag.EN: "21 or older"}[lang]
		assert.Contains(t, b.String(), want)
		assert.NotContains(t, b.String(), "18")
	}
}

// TestEventDates: a stretch of days is written once, as each language
// writes it; one day takes the case its sentence asks.
func TestEventDates(t *testing.T) {
	d := func(m time.Month, day int) civil.Date { return civil.D(2026, m, day) }
	cases := []struct {
		from, to civil.Date
		want     map[diag.Lang]string
	}{
		{d(8, 22), d(8, 23), map[diag.Lang]string{diag.KK: "Біз 2026 жылғы 22–23 тамыз аралығында өтетін", diag.RU: "пройдёт 22–23 августа 2026 г.!", diag.EN: "takes place on 22–23 August 2026!"}},
		{d(7, 30), d(8, 2), map[diag.Lang]string{diag.KK: "Біз 2026 жылғы 30 шілде – 2 тамыз аралығында", diag.RU: "пройдёт 30 июля – 2 августа 2026 г.!", diag.EN: "on 30 July – 2 August 2026!"}},
		{d(12, 30), civil.D(2027, 1, 2), map[diag.Lang]string{diag.KK: "2026 жылғы 30 желтоқсан – 2027 жылғы 2 қаңтар аралығында", diag.RU: "30 декабря 2026 г. – 2 января 2027 г.!", diag.EN: "on 30 December 2026 – 2 January 2027!"}},
		{d(8, 22), civil.Date{}, map[diag.Lang]string{diag.KK: "Біз 2026 жылғы 22 тамызда өтетін", diag.RU: "пройдёт 22 августа 2026 г.!", diag.EN: "takes place on 22 August 2026!"}},
		{d(8, 22), d(8, 22), map[diag.Lang]string{diag.KK: "Біз 2026 жылғы 22 тамызда өтетін", diag.RU: "пройдёт 22 августа 2026 г.!", diag.EN: "on 22 August 2026!"}},
	}
	for _, c := range cases {
		for lang, want := range c.want {
			call := recruit.EventCall{Event: "X", From: c.from, To: c.to, Briefing: d(8, 19), MinAge: 18}
			var b bytes.Buffer
			require.NoError(t, recruit.RenderEventCall(&b, project(), call, recruit.Options{Lang: lang}))
			assert.Contains(t, b.String(), want, lang)
			brief := map[diag.Lang]string{diag.KK: "БРИФИНГ 2026 ЖЫЛҒЫ 19 ТАМЫЗДА ӨТЕДІ.", diag.RU: "БРИФИНГ ПРОЙДЁТ 19 АВГУСТА 2026 Г.**", diag.EN: "THE BRIEFING IS ON 19 AUGUST 2026."}[lang]
			assert.Contains(t, b.String(), brief, lang)
		}
	}
}

func TestErrorsNameTheField(t *testing.T) {
	var b bytes.Buffer
	cases := []struct {
		err  error
		code diag.Code
		path string
	}{
		{recruit.RenderMentorCall(&b, project(), recruit.MentorCall{CommitmentMonths: 12}, recruit.Options{}), recruit.CodeParam, "call.mentor_min_age"},
		{recruit.RenderMentorCall(&b, project(), recruit.MentorCall{MentorMinAge: 25}, recruit.Options{}), recruit.CodeParam, "call.commitment_months"},
		{recruit.RenderMentorCall(&b, project(), recruit.MentorCall{MentorMinAge: 25, CommitmentMonths: 1, ChildMinAge: -1}, recruit.Options{}), recruit.CodeParam, "call.child_min_age"},
		{recruit.RenderEventCall(&b, project(), recruit.EventCall{}, recruit.Options{}), recruit.CodeParam, "call.min_age"},
		{recruit.RenderEventCall(&b, project(), recruit.EventCall{MinAge: 18, From: civil.D(2026, 8, 2), To: civil.D(2026, 8, 1)}, recruit.Options{}), recruit.CodeDates, "call.to"},
		{recruit.RenderEventCall(&b, project(), recruit.EventCall{MinAge: 18, NeededFrom: civil.D(2026, 8, 2), NeededTo: civil.D(2026, 8, 1)}, recruit.Options{}), recruit.CodeDates, "call.needed_to"},
		{recruit.RenderRights(&b, recruit.Options{Lang: "de"}), recruit.CodeLang, "options.lang"},
		{recruit.RenderRights(&b, recruit.Options{Format: "pdf"}), recruit.CodeFormat, "options.format"},
		{recruit.RenderMentorCall(&b, project(), guideMentorCall, recruit.Options{Format: "docx"}), recruit.CodeFormat, "options.format"},
	}
	for _, c := range cases {
		var e *diag.Error
		require.True(t, errors.As(c.err, &e), "%v", c.err)
		assert.Equal(t, c.code, e.Code)
		assert.Equal(t, c.path, e.Path)
		for _, lang := range diag.Langs {
			msg := e.Message(lang)
			assert.NotEmpty(t, msg)
			assert.NotContains(t, msg, string(e.Code), "a message in words")
		}
	}
	assert.Zero(t, b.Len(), "nothing is written on an error")
}

func TestFromProgramme(t *testing.T) {
	p := recruitProgramme()
	got := recruit.FromProgramme(p)
	assert.Equal(t, "«Бірге» волонтерлік орталығы", got.Organisation)
	assert.Equal(t, "Алматы", got.Locality)
	p.Institutions[1].City = "Шымкент"
	assert.Empty(t, recruit.FromProgramme(p).Locality, "two cities: no one locality")
	assert.Equal(t, recruit.Project{}, recruit.FromProgramme(nil))
}
