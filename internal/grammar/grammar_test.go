package grammar_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/grammar"
)

func TestKazakhNumbers(t *testing.T) {
	for _, c := range []struct {
		n                  int64
		gen, dat, loc, abl string
	}{
		{0, "0-дің", "0-ге", "0-де", "0-ден"},
		{1, "1-дің", "1-ге", "1-де", "1-ден"},
		{2, "2-нің", "2-ге", "2-де", "2-ден"},
		{3, "3-тің", "3-ке", "3-те", "3-тен"},
		{6, "6-ның", "6-ға", "6-да", "6-дан"},
		{9, "9-дың", "9-ға", "9-да", "9-дан"},
		{10, "10-ның", "10-ға", "10-да", "10-нан"},
		{12, "12-нің", "12-ге", "12-де", "12-ден"},
		{14, "14-тің", "14-ке", "14-те", "14-тен"},
		{18, "18-дің", "18-ге", "18-де", "18-ден"},
		{20, "20-ның", "20-ға", "20-да", "20-дан"},
		{24, "24-тің", "24-ке", "24-те", "24-тен"},
		{25, "25-тің", "25-ке", "25-те", "25-тен"},
		{40, "40-тың", "40-қа", "40-та", "40-тан"},
		{50, "50-дің", "50-ге", "50-де", "50-ден"},
		{60, "60-тың", "60-қа", "60-та", "60-тан"},
		{70, "70-тің", "70-ке", "70-те", "70-тен"},
		{80, "80-нің", "80-ге", "80-де", "80-нен"},
		{90, "90-ның", "90-ға", "90-да", "90-нан"},
		{100, "100-дің", "100-ге", "100-де", "100-ден"},
		{1000, "1000-ның", "1000-ға", "1000-да", "1000-нан"},
		{2026, "2026-ның", "2026-ға", "2026-да", "2026-дан"},
		{1_000_000, "1000000-ның", "1000000-ға", "1000000-да", "1000000-нан"},
		{1_000_000_000, "1000000000-тың", "1000000000-қа", "1000000000-та", "1000000000-тан"},
	} {
		assert.Equal(t, c.gen, grammar.Number(c.n, grammar.Genitive), "%d genitive", c.n)
		assert.Equal(t, c.dat, grammar.Number(c.n, grammar.Dative), "%d dative", c.n)
		assert.Equal(t, c.loc, grammar.Number(c.n, grammar.Locative), "%d locative", c.n)
		assert.Equal(t, c.abl, grammar.Number(c.n, grammar.Ablative), "%d ablative", c.n)
	}
	assert.Equal(t, "25", grammar.Number(25, grammar.Nominative))
}

func TestKazakhWords(t *testing.T) {
	for word, abl := range map[string]string{
		"мамыр": "мамырдан", "ақпан": "ақпаннан", "шілде": "шілдеден", "қыркүйек": "қыркүйектен",
		"сәуір": "сәуірден", "маусым": "маусымнан", "қараша": "қарашадан", "Алматы": "Алматыдан",
	} {
		assert.Equal(t, abl, grammar.KK(word, grammar.Ablative))
	}
	assert.Equal(t, "", grammar.Ending("Almaty", grammar.Dative), "no Kazakh letter, no ending")
}

func TestDates(t *testing.T) {
	d := civil.D(2026, time.May, 23)
	assert.Equal(t, "2026 жылғы 23 мамыр", grammar.Date(diag.KK, d))
	assert.Equal(t, "2026 жылғы 23 мамырдан", grammar.DateCase(diag.KK, d, grammar.Ablative))
	assert.Equal(t, "2026 жылғы 1 наурызға", grammar.DateCase(diag.KK, civil.D(2026, time.March, 1), grammar.Dative))
	assert.Equal(t, "23 мая 2026 г.", grammar.Date(diag.RU, d))
	assert.Equal(t, "23 May 2026", grammar.Date(diag.EN, d))
	assert.Equal(t, "", grammar.Date(diag.KK, civil.Date{}))

	m := civil.M(2026, time.November)
	assert.Equal(t, "2026 жылғы қараша", grammar.Month(diag.KK, m))
	assert.Equal(t, "ноябрь 2026 г.", grammar.Month(diag.RU, m))
	assert.Equal(t, "ноябре 2026 г.", grammar.MonthCase(diag.RU, m, grammar.Locative))
	assert.Equal(t, "November 2026", grammar.Month(diag.EN, m))
}

func TestPlurals(t *testing.T) {
	const years = "год|года|лет"
	for n, want := range map[int64]string{
		0: "0 лет", 1: "1 год", 2: "2 года", 4: "4 года", 5: "5 лет", 11: "11 лет", 12: "12 лет",
		14: "14 лет", 21: "21 год", 22: "22 года", 24: "24 года", 25: "25 лет", 101: "101 год", 111: "111 лет",
	} {
		assert.Equal(t, want, grammar.Count(diag.RU, n, years), n)
	}
	assert.Equal(t, "1 child", grammar.Count(diag.EN, 1, "child|children"))
	assert.Equal(t, "2 children", grammar.Count(diag.EN, 2, "child|children"))
	assert.Equal(t, "0 children", grammar.Count(diag.EN, 0, "child|children"))
	assert.Equal(t, "2 бала", grammar.Count(diag.KK, 2, "бала"))
}

// Place names as a Kazakh reader writes them "in X" before a noun; the
// names in -ев after a back vowel keep the stem's harmony.
func TestAttributive(t *testing.T) {
	for place, want := range map[string]string{
		"Алматы":        "Алматыдағы",
		"Шымкент":       "Шымкенттегі",
		"Қонаев":        "Қонаевтағы",
		"Астана":        "Астанадағы",
		"Ақтөбе":        "Ақтөбедегі",
		"Семей":         "Семейдегі",
		"Орал":          "Оралдағы",
		"Түркістан":     "Түркістандағы",
		"Қарағанды":     "Қарағандыдағы",
		"Өскемен":       "Өскемендегі",
		"Талдықорған":   "Талдықорғандағы",
		"Қарасай ауылы": "Қарасай ауылындағы",
		"Ақсай кенті":   "Ақсай кентіндегі",
		"Almaty":        "",
		"":              "",
	} {
		assert.Equal(t, want, grammar.Attributive(place), place)
	}
	for word, want := range map[string]string{
		"Тоқаев": "Тоқаевтың", "Қонаев": "Қонаевтың", "Сергеев": "Сергеевтің",
	} {
		assert.Equal(t, want, grammar.KK(word, grammar.Genitive), word)
	}
	d := civil.D(2026, time.November, 24)
	assert.Equal(t, "2026 жылғы 24 қарашадағы", grammar.DateAttributive(diag.KK, d))
	assert.Equal(t, "2026 жылғы 1 шілдедегі", grammar.DateAttributive(diag.KK, civil.D(2026, time.July, 1)))
	assert.Equal(t, "2026 жылғы 3 қыркүйектегі", grammar.DateAttributive(diag.KK, civil.D(2026, time.September, 3)))
	assert.Equal(t, "24 ноября 2026 г.", grammar.DateAttributive(diag.RU, d))
}

func TestKazakhPossessive(t *testing.T) {
	for _, c := range []struct {
		word                    string
		gen, dat, acc, loc, abl string
	}{
		{"балалар үйі", "балалар үйінің", "балалар үйіне", "балалар үйін", "балалар үйінде", "балалар үйінен"},
		{"бейімдеу орталығы", "бейімдеу орталығының", "бейімдеу орталығына", "бейімдеу орталығын", "бейімдеу орталығында", "бейімдеу орталығынан"},
		{"аула клубы", "аула клубының", "аула клубына", "аула клубын", "аула клубында", "аула клубынан"},
		{"мекеме іші", "мекеме ішінің", "мекеме ішіне", "мекеме ішін", "мекеме ішінде", "мекеме ішінен"},
	} {
		assert.Equal(t, c.word, grammar.KKPossessive(c.word, grammar.Nominative))
		assert.Equal(t, c.gen, grammar.KKPossessive(c.word, grammar.Genitive))
		assert.Equal(t, c.dat, grammar.KKPossessive(c.word, grammar.Dative))
		assert.Equal(t, c.acc, grammar.KKPossessive(c.word, grammar.Accusative))
		assert.Equal(t, c.loc, grammar.KKPossessive(c.word, grammar.Locative))
		assert.Equal(t, c.abl, grammar.KKPossessive(c.word, grammar.Ablative))
	}
}

func TestParseCase(t *testing.T) {
	for i, name := range grammar.CaseNames {
		c, ok := grammar.ParseCase(name)
		assert.True(t, ok, name)
		assert.Equal(t, grammar.Case(i), c)
	}
	_, ok := grammar.ParseCase("ablatif")
	assert.False(t, ok)
}
