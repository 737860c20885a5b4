package document_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/agreement/document"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// terms are an invented organisation's requirements (clauses 7.4–7.7).
var terms = document.Terms{
	Discipline: "мекеменің ішкі тәртіп ережелері және 4-қосымшадағы қауіпсіздік техникасы жөніндегі нұсқаулық.",
	Training:   "«Тәлімгерлер мектебі» оқыту курсы; мекемеден тыс сапарлар үйлестірушімен келісіледі",
	Equipment:  "жобаның телефоны тек балалармен байланыс үшін",
	Career:     "екі жоба циклынан кейін – тәлімгер-шебер",
}

// sample is a fully filled agreement; the person is invented.
func sample() agreement.Agreement {
	return agreement.Agreement{
		ID:        "a-1",
		Volunteer: "v-1",
		Organisation: &agreement.Organisation{
			Name:           "«Birgemiz» қоғамдық қоры",
			Representative: "А. Б. Сейтова",
			Basis:          "Жарғы",
		},
		Party: &agreement.Party{
			FullName:   "Айгерім Садықова",
			IDDocument: agreement.IDDocument{Number: "045123987", IssuedOn: civil.D(2015, 6, 3), Issuer: "ҚР ІІМ"},
			Contacts:   &volunteer.Contacts{Phone: "+7 700 000 00 00", Email: "aigerim@example.org", Address: "Алматы, Абай даңғылы 1"},
		},
		City:            "Алматы",
		HoursPerWeek:    4,
		Weekdays:        []volunteer.Weekday{volunteer.Tue, volunteer.Sat},
		ReimbursedCosts: []agreement.Cost{agreement.Transport, agreement.Meals},
		SignedOn:        civil.D(2026, 2, 15),
	}
}

func render(t *testing.T, a agreement.Agreement, opts document.Options) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, document.Render(&b, a, opts))
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), got)
}

func TestRenderGolden(t *testing.T) {
	cases := []struct {
		name     string
		a        agreement.Agreement
		addendum bool
	}{
		{"filled", sample(), true},
		{"blank", agreement.Agreement{ID: "a-2", Volunteer: "v-2"}, false},
	}
	for _, c := range cases {
		for _, lang := range diag.Langs {
			for _, f := range []document.Format{document.Markdown, document.HTML} {
				name := c.name + "." + string(lang) + "." + string(f)
				t.Run(name, func(t *testing.T) {
					opts := document.Options{Lang: lang, Format: f, MentorAddendum: c.addendum}
					if c.name == "filled" {
						opts.Terms = &terms
						opts.Volunteer = &volunteer.Volunteer{ID: "v-1", Screening: volunteer.Screening{SafetyBriefing: civil.D(2026, 2, 10)}}
					}
					golden(t, name, render(t, c.a, opts))
				})
			}
		}
	}
}

// appendix2 lists every clause number of the guide's Appendix 2, in order
// (L2208–L2294).
var appendix2 = func() []string {
	var ids []string
	for sec, n := range []int{13, 5, 10, 6, 2, 3} {
		for i := 1; i <= n; i++ {
			ids = append(ids, itoa(sec+1)+"."+itoa(i))
		}
	}
	return ids
}()

func itoa(i int) string {
	if i >= 10 {
		return string(rune('0'+i/10)) + string(rune('0'+i%10))
	}
	return string(rune('0' + i))
}

func TestEveryClauseInOrder(t *testing.T) {
	require.Len(t, appendix2, 39)
	marks := map[document.Format]func(id string) string{
		document.Markdown: func(id string) string { return "**" + id + ".** " },
		document.HTML:     func(id string) string { return `<span class="num">` + id + ".</span> " },
	}
	for _, lang := range diag.Langs {
		for f, mark := range marks {
			t.Run(string(lang)+"."+string(f), func(t *testing.T) {
				out := render(t, sample(), document.Options{Lang: lang, Format: f, MentorAddendum: true})
				at := 0
				for _, id := range appendix2 {
					i := strings.Index(out[at:], mark(id))
					require.GreaterOrEqual(t, i, 0, "clause %s missing or out of order", id)
					at += i + len(mark(id))
					// the clause text follows its number
					assert.NotEqual(t, '<', rune(out[at]), "clause %s has no text", id)
				}
				// the Part I terms and the addendum come after 6.3
				for _, id := range []string{"7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "7.7", "M1.1", "M1.10", "M2.1", "M2.7"} {
					i := strings.Index(out[at:], mark(id))
					require.GreaterOrEqual(t, i, 0, "clause %s missing or out of order", id)
					at += i + len(mark(id))
				}
			})
		}
	}
}

func TestAddendumOnlyWhenAsked(t *testing.T) {
	for _, lang := range diag.Langs {
		t.Run(string(lang), func(t *testing.T) {
			without := render(t, sample(), document.Options{Lang: lang})
			with := render(t, sample(), document.Options{Lang: lang, MentorAddendum: true})
			assert.NotContains(t, without, "**M1.1.**")
			assert.Contains(t, with, "**M1.1.**")
			assert.Contains(t, with, "**M2.5.**")
		})
	}
}

func TestHTMLIsWellFormed(t *testing.T) {
	for _, lang := range diag.Langs {
		for _, a := range []agreement.Agreement{sample(), {ID: "a-2"}} {
			t.Run(string(lang)+"/"+a.ID, func(t *testing.T) {
				out := render(t, a, document.Options{Lang: lang, Format: document.HTML, MentorAddendum: true})
				wellFormed(t, out)
			})
		}
	}
}

// wellFormed parses out as XML: every tag closed, properly nested, every
// entity known.
func wellFormed(t *testing.T, out string) {
	t.Helper()
	n, err := checkXML(out)
	require.NoError(t, err)
	assert.Greater(t, n, 50, "elements")
}

func checkXML(s string) (elements int, err error) {
	dec := xml.NewDecoder(strings.NewReader(s))
	dec.Strict = true
	depth := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if depth != 0 {
				return elements, errors.New("unclosed elements")
			}
			return elements, nil
		}
		if err != nil {
			return elements, err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
			elements++
		case xml.EndElement:
			depth--
		}
	}
}

func TestCheckXML(t *testing.T) {
	// The checker itself must fail on broken markup and pass good markup.
	for _, bad := range []string{"<p><b>x</p></b>", "<p>x", "<br>", "<p>&nbsp;</p>"} {
		t.Run(bad, func(t *testing.T) {
			_, err := checkXML(bad)
			assert.Error(t, err)
		})
	}
	n, err := checkXML("<p><br/>&#39;</p>")
	require.NoError(t, err)
	assert.Equal(t, 2, n)
}

func TestBlanksNotErrors(t *testing.T) {
	out := render(t, agreement.Agreement{ID: "a-3"}, document.Options{Lang: diag.RU, Format: document.HTML})
	assert.Contains(t, out, "удостоверение личности № ________________,")
	assert.Contains(t, out, "«__» __________ 20__ г.")
	assert.Contains(t, out, "г. ________________")
}

func TestOrganisationDefault(t *testing.T) {
	def := &agreement.Organisation{Name: "Default Org"}
	t.Run("used when the agreement names none", func(t *testing.T) {
		a := sample()
		a.Organisation = nil
		out := render(t, a, document.Options{Lang: diag.EN, Organisation: def})
		assert.Contains(t, out, "WHEREAS Default Org (hereinafter")
	})
	t.Run("the agreement's own wins", func(t *testing.T) {
		out := render(t, sample(), document.Options{Lang: diag.EN, Organisation: def})
		assert.NotContains(t, out, "Default Org")
		assert.Contains(t, out, "«Birgemiz» қоғамдық қоры")
	})
}

func TestMarkdownEscapesValues(t *testing.T) {
	a := sample()
	a.Party.FullName = "A *bold* [link](x) _name_"
	out := render(t, a, document.Options{Lang: diag.EN})
	assert.Contains(t, out, `A \*bold\* \[link\](x) \_name\_`)
	a.Party.FullName = `<script>alert(1)</script>`
	html := render(t, a, document.Options{Lang: diag.EN, Format: document.HTML})
	assert.NotContains(t, html, "<script>")
	wellFormed(t, html)
}

func TestWorkingTerms(t *testing.T) {
	out := render(t, sample(), document.Options{Lang: diag.KK})
	assert.Contains(t, out, "аптасына 4 сағат")
	assert.Contains(t, out, "Апта күндері: сейсенбі, сенбі.")
	assert.Contains(t, out, "көлік; тамақтану.")
	a := sample()
	a.HoursPerWeek = 0
	out = render(t, a, document.Options{Lang: diag.KK})
	assert.Contains(t, out, `аптасына \_\_\_\_ сағат`)
}

// TestNumbersInTheirForm: the hours of 7.1 and the notice of 3.10 take
// the noun form their number asks; the notice is the agreement's own.
func TestNumbersInTheirForm(t *testing.T) {
	cases := []struct {
		hours, notice int
		lang          diag.Lang
		want          []string
	}{
		{4, 0, diag.RU, []string{"уделяет Организации 4 часа в неделю", "не менее чем за 2 недели."}},
		{1, 7, diag.RU, []string{"1 час в неделю", "не менее чем за 1 неделю."}},
		{5, 10, diag.RU, []string{"5 часов в неделю", "не менее чем за 10 дней."}},
		{21, 21, diag.RU, []string{"21 час в неделю", "не менее чем за 3 недели."}},
		{2, 22, diag.RU, []string{"2 часа в неделю", "не менее чем за 22 дня."}},
		{1, 1, diag.EN, []string{"gives the Organisation 1 hour a week", "at least 1 day in advance"}},
		{6, 28, diag.EN, []string{"6 hours a week", "at least 4 weeks in advance"}},
		{6, 10, diag.KK, []string{"аптасына 6 сағат", "кемінде 10 күн бұрын"}},
		{6, 0, diag.KK, []string{"кемінде 2 апта бұрын"}},
	}
	for _, c := range cases {
		a := sample()
		a.HoursPerWeek, a.NoticeDays = c.hours, c.notice
		out := render(t, a, document.Options{Lang: c.lang})
		for _, w := range c.want {
			assert.Contains(t, out, w, "%+v", c)
		}
	}
}

// TestPartOneTerms: clauses 7.4–7.7 state what Part I says an agreement
// lists, filled from the organisation's terms and the volunteer's record,
// or left as lines.
func TestPartOneTerms(t *testing.T) {
	v := &volunteer.Volunteer{ID: "v-1", Screening: volunteer.Screening{SafetyBriefing: civil.D(2026, 2, 10)}}
	out := render(t, sample(), document.Options{Lang: diag.KK, Terms: &terms, Volunteer: v})
	assert.Contains(t, out, "**7.4.** Тәртіпке және қауіпсіздік техникасына қойылатын талаптар: мекеменің ішкі тәртіп ережелері және 4-қосымшадағы қауіпсіздік техникасы жөніндегі нұсқаулық. Волонтер")
	assert.Contains(t, out, "нұсқаулықпен таныстырылды: 2026 жылғы 10 ақпан.")
	assert.Contains(t, out, "**7.5.** Оқыту мен сапарларға қойылатын талаптар: «Тәлімгерлер мектебі»")
	assert.Contains(t, out, "**7.6.** Техника мен байланыс құралдарын пайдалануға")
	assert.Contains(t, out, "**7.7.** Мансаптық өсу")
	ru := render(t, sample(), document.Options{Lang: diag.RU})
	assert.Contains(t, ru, `Требования к обучению и поездкам: \_\_\_\_`)
	assert.Contains(t, ru, `ознакомлен с инструкцией по технике безопасности: «\_\_» \_\_\_`)
}

// TestVolunteerRecordFillsTheParty: what the agreement's party leaves
// out, the volunteer's record gives; what it gives, it keeps.
func TestVolunteerRecordFillsTheParty(t *testing.T) {
	v := &volunteer.Volunteer{ID: "v-1", FullName: "Дана Омарова",
		Contacts: &volunteer.Contacts{Phone: "+7 701 111 11 11", Email: "dana@example.org", Address: "Алматы, Сәтбаев к-сі 5"}}
	a := sample()
	a.Party = nil
	out := render(t, a, document.Options{Lang: diag.EN, Volunteer: v})
	assert.Contains(t, out, "the Republic of Kazakhstan Дана Омарова, identity card No. \\_")
	assert.Contains(t, out, "residing at Алматы, Сәтбаев к-сі 5, contact details (phone, e-mail) +7 701 111 11 11, dana@example.org,")
	assert.Contains(t, out, "| Full name: Дана Омарова |")

	a = sample()
	a.Party.Contacts = &volunteer.Contacts{Phone: "+7 700 000 00 00"}
	out = render(t, a, document.Options{Lang: diag.EN, Volunteer: v})
	assert.Contains(t, out, "Айгерім Садықова", "the agreement's own name wins")
	assert.Contains(t, out, "+7 700 000 00 00, dana@example.org", "the record fills only the gaps")
}

func TestRenderVolunteer(t *testing.T) {
	p := &mentoring.Programme{
		AsOf:         civil.D(2026, 11, 24),
		Organisation: "«Бірге» волонтерлік орталығы",
		Volunteers: volunteer.List{
			{ID: "v-1", FullName: "Дана Омарова", BirthDate: civil.D(1990, 1, 1), Role: volunteer.IndividualMentor,
				Contacts: &volunteer.Contacts{Phone: "+7 701 111 11 11"}},
			{ID: "v-2", FullName: "Ерлан Әли", BirthDate: civil.D(2000, 1, 1), Role: volunteer.EventVolunteer},
			{ID: "v-3", FullName: "Иван Петров", BirthDate: civil.D(2000, 1, 1), Role: volunteer.GroupVolunteer},
		},
		Agreements: agreement.List{
			{ID: "a-1", Volunteer: "v-1", City: "Алматы", SignedOn: civil.D(2025, 1, 10), HoursPerWeek: 2},
			{ID: "a-2", Volunteer: "v-1", City: "Алматы", SignedOn: civil.D(2026, 1, 10), HoursPerWeek: 4},
			{ID: "a-3", Volunteer: "v-2", City: "Шымкент", SignedOn: civil.D(2026, 3, 1)},
		},
	}
	require.NoError(t, p.Index())
	var b bytes.Buffer
	require.NoError(t, document.RenderVolunteer(&b, p, "v-1", document.Options{Lang: diag.KK}))
	out := b.String()
	assert.Contains(t, out, "2026 жылғы 10 қаңтар", "the latest agreement")
	assert.Contains(t, out, "аптасына 4 сағат")
	assert.Contains(t, out, "«Бірге» волонтерлік орталығы (бұдан әрі")
	assert.Contains(t, out, "және Дана Омарова волонтермен")
	assert.Contains(t, out, "+7 701 111 11 11")
	assert.Contains(t, out, "**M1.1.**", "a mentor gets the addendum")

	b.Reset()
	require.NoError(t, document.RenderVolunteer(&b, p, "v-2", document.Options{Lang: diag.RU}))
	assert.NotContains(t, b.String(), "**M1.1.**")
	assert.Contains(t, b.String(), "гражданин(ка) РК Ерлан Әли,")

	for id, code := range map[string]diag.Code{"v-9": document.CodeVolunteer, "v-3": document.CodeNoAgreement} {
		b.Reset()
		err := document.RenderVolunteer(&b, p, id, document.Options{})
		var de *diag.Error
		require.ErrorAs(t, err, &de)
		assert.Equal(t, code, de.Code)
		assert.Zero(t, b.Len())
		for _, lang := range diag.Langs {
			assert.Contains(t, de.Message(lang), id)
			assert.NotContains(t, de.Message(lang), "Иван")
		}
	}
	err := document.RenderVolunteer(&b, nil, "v-1", document.Options{})
	var de *diag.Error
	require.ErrorAs(t, err, &de)
	assert.Equal(t, document.CodeNoProgramme, de.Code)
}

func TestBadOptions(t *testing.T) {
	cases := []struct {
		name string
		opts document.Options
		code diag.Code
	}{
		{"unknown language", document.Options{Lang: "de"}, document.CodeLang},
		{"unknown format", document.Options{Format: "pdf"}, document.CodeFormat},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			err := document.Render(&b, sample(), c.opts)
			var de *diag.Error
			require.ErrorAs(t, err, &de)
			assert.Equal(t, c.code, de.Code)
			assert.Zero(t, b.Len(), "nothing written on error")
			for _, lang := range diag.Langs {
				msg := de.Localize(lang)
				assert.NotContains(t, msg, "Садықова")
				assert.NotContains(t, msg, "045123987")
			}
		})
	}
}

func TestConcurrentRender(t *testing.T) {
	done := make(chan string, 8)
	for i := range 8 {
		go func() {
			var b bytes.Buffer
			_ = document.Render(&b, sample(), document.Options{Lang: diag.Langs[i%3], Format: document.HTML})
			done <- b.String()
		}()
	}
	for range 8 {
		assert.Contains(t, <-done, "</html>")
	}
}
