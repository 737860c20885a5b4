package guide_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/guide"
)

func TestParse(t *testing.T) {
	type ref struct {
		ids      string
		number   string
		from, to int
		note     string
	}
	for _, tc := range []struct {
		name, source string
		want         []ref
	}{
		{"lists and groups", "R1 (L1557, L2030); R2 (L2033)", []ref{{"R1", "", 1557, 1557, ""}, {"R1", "", 2030, 2030, ""}, {"R2", "", 2033, 2033, ""}}},
		{"steps after an id", "R17, 1.3 (L1663), 2.4 (L1708)", []ref{{"R17", "1.3", 1663, 1663, ""}, {"R17", "2.4", 1708, 1708, ""}}},
		{"id without lines joins the next", "R10, D2 §6.1 (L2293)", []ref{{"R10 D2", "6.1", 2293, 2293, ""}}},
		{"range with an en dash", "D5 (L2453–L2493)", []ref{{"D5", "", 2453, 2493, ""}}},
		{"range with a hyphen, no second L", "D5 (L2453-2493)", []ref{{"D5", "", 2453, 2493, ""}}},
		{"a note before a line", "R5 (L1602; Nastavniki L2399)", []ref{{"R5", "", 1602, 1602, ""}, {"R5", "", 2399, 2399, "Nastavniki"}}},
		{"a note as its own part", "D5 (respect for cultural diversity, L2453–L2493)", []ref{{"D5", "", 2453, 2493, "respect for cultural diversity"}}},
		{"odd spacing", "  R1(L1557 ,  L2030 – L2031 );R2 ( L2033 )  ", []ref{{"R1", "", 1557, 1557, ""}, {"R1", "", 2030, 2031, ""}, {"R2", "", 2033, 2033, ""}}},
		{"a clause sign with a space", "D2 § 3.10 (L2262)", []ref{{"D2", "3.10", 2262, 2262, ""}}},
		{"an id alone", "R10", []ref{{"R10", "", 0, 0, ""}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			refs, ok := guide.Parse(tc.source)
			require.True(t, ok)
			require.Len(t, refs, len(tc.want))
			for i, w := range tc.want {
				r := refs[i]
				assert.Equal(t, w.ids, joinFields(r.IDs), "ids of %d", i)
				assert.Equal(t, w.number, r.Number, "number of %d", i)
				assert.Equal(t, guide.Range{From: w.from, To: w.to}, r.Lines, "lines of %d", i)
				assert.Equal(t, w.note, r.Note, "note of %d", i)
			}
		})
	}
}

func joinFields(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}

func TestParseLaw(t *testing.T) {
	for _, tc := range []struct {
		source   string
		art, par int
	}{
		{"Law of the Republic of Kazakhstan on Volunteer Activity, art. 12 §2", 12, 2},
		{"law, art. 12", 12, 0},
		{"Law on Volunteer Activity,art.12 § 2", 12, 2},
		{"law", 0, 0},
	} {
		t.Run(tc.source, func(t *testing.T) {
			refs, ok := guide.Parse(tc.source)
			require.True(t, ok)
			require.Len(t, refs, 1)
			assert.True(t, refs[0].Law)
			assert.Equal(t, tc.art, refs[0].Article)
			assert.Equal(t, tc.par, refs[0].Paragraph)
		})
	}
}

// TestParseFreeText: an author's own words are no error and no citation.
func TestParseFreeText(t *testing.T) {
	for _, s := range []string{
		"", "   ", "see the coordinator's handbook", "our board's decision of 2026-03-01",
		"R1 (L1557", "R1 L1557)", "R1 (L0)", "R1 (L20-L10)", "R1 (L1557) extra",
		"R1 ((L1557))", "R1 (Nastavniki)", "R1,, R2", "Guide step 3.6 (L1903)",
	} {
		t.Run(s, func(t *testing.T) {
			refs, ok := guide.Parse(s)
			assert.False(t, ok)
			assert.Nil(t, refs)
			assert.Empty(t, guide.Resolve(s).In(diag.KK))
			assert.Equal(t, s, guide.Text(guide.Resolve(s).In(diag.RU), s), "shown as written")
		})
	}
}

// TestCitations: what a reader sees, in three languages.
func TestCitations(t *testing.T) {
	for _, tc := range []struct {
		source     string
		kk, ru, en string
		section    string // en
		lines      []int
	}{
		{
			"R8 (L1903–L1906)",
			"II бөлім, «Коммерциялық емес ұйымдарға (КЕҰ) арналған тәлімгерлік жобаларын дамыту бойынша қадамдар», 3.6-қадам",
			"Часть II, «Шаги по развитию проектов наставничества для некоммерческих организаций (НКО)», шаг 3.6",
			"Part II, «Steps to develop mentoring projects for non-profit organisations», step 3.6",
			"Part II, step 3.6", []int{1903, 1906},
		},
		{
			"R10, D2 §3.10 (L2262)",
			"2-қосымша (Келісім), «Волонтердің міндеттері», 3.10-тармақ",
			"Приложение 2 (Соглашение волонтёра), «Обязанности волонтёра», п. 3.10",
			"Appendix 2 (Volunteer agreement), «The volunteer's duties», clause 3.10",
			"Appendix 2, clause 3.10", []int{2262, 2262},
		},
		{
			"D2 §5.1 (L2285)", // a blank line before the clause: the label wins
			"2-қосымша (Келісім), «Мерзімі», 5.1-тармақ",
			"Приложение 2 (Соглашение волонтёра), «Срок», п. 5.1",
			"Appendix 2 (Volunteer agreement), «Term», clause 5.1",
			"Appendix 2, clause 5.1", []int{2285, 2285},
		},
		{
			"R5 (L1602)",
			"II бөлім, «Балалар үйіндегі тәлімгерлік»",
			"Часть II, «Наставничество в детском доме»",
			"Part II, «Mentoring in orphanages»",
			"Part II", []int{1602, 1602},
		},
		{
			"D5 (L2453–L2493)",
			"4-қосымша (Қауіпсіздік техникасы жөніндегі нұсқаулық)",
			"Приложение 4 (Инструкция по технике безопасности)",
			"Appendix 4 (Safety instruction)",
			"Appendix 4", []int{2453, 2493},
		},
		{
			"Law of the Republic of Kazakhstan on Volunteer Activity, art. 12 §2",
			"«Волонтерлік қызмет туралы» Қазақстан Республикасының Заңы, 12-бап, 2-тармақ",
			"Закон Республики Казахстан «О волонтёрской деятельности», ст. 12, п. 2",
			"Law of the Republic of Kazakhstan on Volunteer Activity, art. 12 §2",
			"art. 12 §2", nil,
		},
		{
			"R1 (L99999)", "R1 (L99999)", "R1 (L99999)", "R1 (L99999)", "", []int{99999, 99999},
		},
	} {
		t.Run(tc.source, func(t *testing.T) {
			c := guide.Resolve(tc.source)
			for lang, want := range map[diag.Lang]string{diag.KK: tc.kk, diag.RU: tc.ru, diag.EN: tc.en} {
				cs := c.In(lang)
				require.Len(t, cs, 1, lang)
				assert.Equal(t, want, cs[0].Text, lang)
				assert.Equal(t, tc.lines, cs[0].Lines, lang)
			}
			assert.Equal(t, tc.section, c.In(diag.EN)[0].Section)
		})
	}
}

// TestTextDeduplicates: one place cited twice is shown once.
func TestTextDeduplicates(t *testing.T) {
	c := guide.Resolve("R3 (L1589–L1591, L1593), R1 (L1557)")
	assert.Len(t, c.In(diag.EN), 3)
	assert.Equal(t, "Part II, «Aim and directions of BIRGEMIZ SABAQTASTYQ»", guide.Text(c.In(diag.EN), ""))
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"R1 (L1557, L2030); R2 (L2033)", "R10, D2 §6.1 (L2293)", "law, art. 12 §2", "free words"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		refs, ok := guide.Parse(s)
		if !ok {
			require.Nil(t, refs)
			return
		}
		for _, r := range refs {
			require.True(t, r.Lines.From <= r.Lines.To)
		}
		for _, lang := range diag.Langs {
			_ = guide.Text(guide.Resolve(s).In(lang), s)
		}
	})
}

// Steps of one section, cited one after the other, follow its title once.
func TestTextGroupsSteps(t *testing.T) {
	c := guide.Resolve("R8, 3.6 (L1903–L1905), 3.7 (L1907–L1911)")
	for lang, want := range map[diag.Lang]string{
		diag.KK: "3.6-қадам, 3.7-қадам",
		diag.RU: "шаг 3.6, шаг 3.7",
		diag.EN: "step 3.6, step 3.7",
	} {
		text := guide.Text(c.In(lang), "")
		assert.True(t, strings.HasSuffix(text, want), "%s: %s", lang, text)
		assert.Equal(t, 1, strings.Count(text, "«"), "%s: the title once: %s", lang, text)
	}
	// Two sections: both titles.
	two := guide.Text(guide.Resolve("R17, 1.3 (L1663), 2.4 (L1708)").In(diag.EN), "")
	assert.Equal(t, 2, strings.Count(two, "«"), two)
}
