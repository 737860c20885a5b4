package recruit

import (
	"strconv"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/grammar"
)

// The numbers of a call in running text. Kazakh nouns do not change after
// a numeral, and the case ending goes on the word after it ("25 жастан"),
// so Kazakh needs the number only; Russian chooses the noun's form by the
// number and the case the sentence asks; English by one or other.

// ageGen is an age after "от", "не моложе", "с" (Russian genitive:
// "25 лет", "21 года"); the number alone in Kazakh and English, whose
// templates write the noun.
func ageGen(lang diag.Lang, n int) string {
	if lang == diag.RU {
		return grammar.Count(diag.RU, int64(n), "года|лет|лет")
	}
	return strconv.Itoa(n)
}

// duration is a commitment of months, in whole years when it is one:
// nominative ("2 жыл", "2 года", "2 years") or, for Russian after "не
// менее", genitive ("2 лет", "1 года", "18 месяцев").
func duration(lang diag.Lang, months int, genitive bool) string {
	n, years := int64(months), months%12 == 0
	if years {
		n = int64(months / 12)
	}
	switch lang {
	case diag.KK:
		if years {
			return strconv.FormatInt(n, 10) + " жыл"
		}
		return strconv.FormatInt(n, 10) + " ай"
	case diag.RU:
		switch {
		case years && genitive:
			return grammar.Count(diag.RU, n, "года|лет|лет")
		case years:
			return grammar.Count(diag.RU, n, "год|года|лет")
		case genitive:
			return grammar.Count(diag.RU, n, "месяца|месяцев|месяцев")
		}
		return grammar.Count(diag.RU, n, "месяц|месяца|месяцев")
	}
	if years {
		return grammar.Count(diag.EN, n, "year|years")
	}
	return grammar.Count(diag.EN, n, "month|months")
}

// inCities is "in N cities" without its preposition: kk "9 қалада", ru
// "9 городах" (prepositional: "1 городе"), en "9 cities".
func inCities(lang diag.Lang, n int) string {
	switch lang {
	case diag.KK:
		return strconv.Itoa(n) + " қалада"
	case diag.RU:
		return grammar.Count(diag.RU, int64(n), "городе|городах|городах")
	}
	return grammar.Count(diag.EN, int64(n), "city|cities")
}

// when says on which days something happens, with the word that goes
// with it: kk "2026 жылғы 22–23 тамыз аралығында" or "2026 жылғы
// 22 тамызда", ru "22–23 августа 2026 г.", en "on 22–23 August 2026". A
// zero start is "" (the template leaves a line to fill in).
func when(lang diag.Lang, from, to civil.Date) string {
	if from.IsZero() {
		return ""
	}
	if to.IsZero() || to == from {
		switch lang {
		case diag.KK:
			return grammar.DateCase(diag.KK, from, grammar.Locative)
		case diag.RU:
			return grammar.Date(diag.RU, from)
		}
		return "on " + grammar.Date(diag.EN, from)
	}
	r := span(lang, from, to)
	switch lang {
	case diag.KK:
		return r + " аралығында"
	case diag.RU:
		return r
	}
	return "on " + r
}

// span writes a stretch of days as people do: the shared month and year
// once ("2026 жылғы 22–23 тамыз", "22–23 августа 2026 г.", "22–23 August
// 2026"), else both ends in full.
func span(lang diag.Lang, from, to civil.Date) string {
	dash := "–"
	if from.Year() != to.Year() {
		return grammar.Date(lang, from) + " – " + grammar.Date(lang, to)
	}
	if from.Month() != to.Month() {
		whole := grammar.Date(lang, to)
		switch lang {
		case diag.KK: // "2026 жылғы 30 шілде – 2 тамыз"
			year := strconv.Itoa(from.Year()) + " жылғы "
			return year + grammar.Date(lang, from)[len(year):] + " – " + whole[len(year):]
		case diag.RU: // "30 июля – 2 августа 2026 г."
			first := grammar.Date(lang, from)
			return first[:len(first)-len(" "+strconv.Itoa(from.Year())+" г.")] + " – " + whole
		}
		first := grammar.Date(lang, from) // "30 July – 2 August 2026"
		return first[:len(first)-len(" "+strconv.Itoa(from.Year()))] + " – " + whole
	}
	day := strconv.Itoa(from.Day())
	whole := grammar.Date(lang, to)
	switch lang {
	case diag.KK: // "2026 жылғы 22–23 тамыз"
		year := strconv.Itoa(from.Year()) + " жылғы "
		return year + day + dash + whole[len(year):]
	}
	return day + dash + whole // "22–23 августа 2026 г.", "22–23 August 2026"
}
