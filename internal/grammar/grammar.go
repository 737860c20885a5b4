// Package grammar puts numbers, dates and months into running text in
// Kazakh, Russian and English: plural forms by the CLDR rules of
// golang.org/x/text, Kazakh case endings after numerals and dates, and
// dates as people write them ("2026 жылғы 23 мамыр", "23 мая 2026 г.",
// "23 May 2026").
//
// # Kazakh case endings
//
// A Kazakh ending follows the last sound of the word as it is read aloud
// and the last vowel (vowel harmony). A numeral written in digits takes its
// ending after a hyphen, as the numeral is read: 25 is read "жиырма бес",
// so "25-ке", "25-тен"; 10 is "он", so "10-ға", "10-нан"; 1000 is "мың", so
// "1000-ға". The rules, for the last sound of the word:
//
//	              vowel   л р у й и з ж   м н ң   voiceless, б в г д
//	genitive      -ның    -дың            -ның    -тың
//	dative        -ға     -ға             -ға     -қа
//	locative      -да     -да             -да     -та
//	ablative      -дан    -дан            -нан    -тан
//	accusative    -ны     -ды             -ды     -ты
//
// each with its front-vowel twin (-нің, -ге, -де, -ден, -ні…) after a
// word whose last vowel is ә, е, ө, ү, і or э.
package grammar

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
)

// Case is a grammatical case.
type Case int

// Cases. Nominative adds nothing.
const (
	Nominative Case = iota
	Genitive
	Dative
	Accusative
	Locative
	Ablative
)

// sound is the class of a word's last sound that chooses its ending.
type sound int

const (
	vowel     sound = iota
	sonorant        // л р у й и з ж
	nasal           // м н ң
	voiceless       // п т к қ с ш ф х ц ч щ, and б в г д as read at a word's end
)

// endings[case][sound] is the back-vowel ending; front() gives its twin.
var endings = [...][4]string{
	Genitive:   {"ның", "дың", "ның", "тың"},
	Dative:     {"ға", "ға", "ға", "қа"},
	Accusative: {"ны", "ды", "ды", "ты"},
	Locative:   {"да", "да", "да", "та"},
	Ablative:   {"дан", "дан", "нан", "тан"},
}

func front(ending string) string {
	switch ending {
	case "ға":
		return "ге"
	case "қа":
		return "ке"
	}
	return toFront.Replace(ending)
}

var toFront = strings.NewReplacer("ы", "і", "а", "е")

func classify(r rune) (sound, bool) {
	switch r {
	case 'а', 'ә', 'е', 'ё', 'о', 'ө', 'ұ', 'ү', 'ы', 'і', 'э', 'ю', 'я':
		return vowel, true
	case 'л', 'р', 'у', 'й', 'и', 'з', 'ж':
		return sonorant, true
	case 'м', 'н', 'ң':
		return nasal, true
	case 'п', 'т', 'к', 'қ', 'с', 'ш', 'ф', 'х', 'ц', 'ч', 'щ', 'б', 'в', 'г', 'ғ', 'д', 'һ':
		return voiceless, true
	}
	return 0, false
}

// isFront reports whether the last vowel of word that decides harmony is a
// front vowel. и, у and ю are read with either; they are skipped. An е
// right after a back vowel is the Russian ending of a name read as
// [йе] after a Kazakh stem, and the stem decides: Қонаев → Қонаевтағы,
// Тоқаев → Тоқаевтың (a Kazakh word never writes а, о, ұ or ы before е).
func isFront(word string) bool {
	for len(word) > 0 {
		r, n := utf8.DecodeLastRuneInString(word)
		word = word[:len(word)-n]
		switch r {
		case 'е':
			prev, _ := utf8.DecodeLastRuneInString(word)
			switch prev {
			case 'а', 'о', 'ұ', 'ы', 'я', 'ё':
				return false
			}
			return true
		case 'ә', 'ө', 'ү', 'і', 'э':
			return true
		case 'а', 'о', 'ұ', 'ы', 'я', 'ё':
			return false
		}
	}
	return false
}

// Ending returns the Kazakh ending of case c for a word as it is read, in
// lower case: Ending("мамыр", Ablative) is "дан". It returns "" for the
// nominative and for a word that ends in no Kazakh letter.
func Ending(word string, c Case) string {
	if c == Nominative || int(c) >= len(endings) {
		return ""
	}
	word = strings.ToLower(word)
	last, _ := utf8.DecodeLastRuneInString(word)
	s, ok := classify(last)
	if !ok {
		return ""
	}
	e := endings[c][s]
	if isFront(word) {
		e = front(e)
	}
	return e
}

// KK returns word with the ending of case c: KK("мамыр", Ablative) is
// "мамырдан".
func KK(word string, c Case) string { return word + Ending(word, c) }

// Attributive returns a Kazakh place name with the attributive locative,
// "in X" before a noun: Алматыдағы, Шымкенттегі, Қонаевтағы, and
// "Қарасай ауылындағы" (a last word with the possessive ending -ы/-і takes
// -нда/-нде, as the possessive asks). It returns "" for a name whose last
// word ends in no Kazakh letter ("Almaty"): the caller words the sentence
// another way.
func Attributive(place string) string {
	words := strings.Fields(place)
	if len(words) == 0 {
		return ""
	}
	last := strings.ToLower(words[len(words)-1])
	loc := Ending(last, Locative)
	if loc == "" {
		return ""
	}
	if len(words) > 1 && (strings.HasSuffix(last, "ы") || strings.HasSuffix(last, "і")) {
		loc = "н" + loc // ауылы → ауылында, кенті → кентінде
	}
	return strings.Join(words, " ") + loc + attr(loc)
}

// attr is the suffix -ғы/-гі that makes a locative an attribute; it
// follows the locative's own vowel.
func attr(locative string) string {
	if strings.Contains(locative, "е") {
		return "гі"
	}
	return "ғы"
}

var units = [...]string{"нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"}
var tens = [...]string{"", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"}
var powers = [...]string{"мың", "миллион", "миллиард", "триллион", "квадриллион", "квинтиллион"}

// lastWord returns the last word of n read aloud in Kazakh: 25 "бес",
// 10 "он", 300 "жүз", 2000 "мың", 0 "нөл".
func lastWord(n int64) string {
	if n < 0 {
		n = -n // the ending follows the number, not its sign
	}
	if n < 0 { // math.MinInt64 has no positive twin; it ends in 8
		return units[8]
	}
	switch {
	case n == 0:
		return units[0]
	case n%10 != 0:
		return units[n%10]
	case n%100 != 0:
		return tens[n/10%10]
	case n%1000 != 0:
		return "жүз"
	}
	n /= 1000
	for _, p := range powers {
		if n%1000 != 0 {
			return p
		}
		n /= 1000
	}
	return powers[len(powers)-1]
}

// Number returns n in digits with the Kazakh ending of case c after a
// hyphen, as the number is read: Number(25, Dative) is "25-ке",
// Number(10, Ablative) "10-нан"; the nominative is the digits alone.
func Number(n int64, c Case) string {
	s := strconv.FormatInt(n, 10)
	if e := Ending(lastWord(n), c); e != "" {
		return s + "-" + e
	}
	return s
}

var kkMonths = [...]string{"", "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
	"шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"}

var ruMonthsNom = [...]string{"", "январь", "февраль", "март", "апрель", "май", "июнь",
	"июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"}

var ruMonthsGen = [...]string{"", "января", "февраля", "марта", "апреля", "мая", "июня",
	"июля", "августа", "сентября", "октября", "ноября", "декабря"}

var ruMonthsPrep = [...]string{"", "январе", "феврале", "марте", "апреле", "мае", "июне",
	"июле", "августе", "сентябре", "октябре", "ноябре", "декабре"}

var enMonths = [...]string{"", "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// Date returns d as people write it in running text: kk "2026 жылғы
// 23 мамыр", ru "23 мая 2026 г.", en "23 May 2026". A zero date is "".
func Date(lang diag.Lang, d civil.Date) string { return DateCase(lang, d, Nominative) }

// DateCase is [Date] in case c. Kazakh inflects the month ("2026 жылғы
// 23 мамырдан"); Russian and English dates are the same in every case
// ("с 23 мая 2026 г.").
func DateCase(lang diag.Lang, d civil.Date, c Case) string {
	if d.IsZero() {
		return ""
	}
	day, month, year := strconv.Itoa(d.Day()), int(d.Month()), strconv.Itoa(d.Year())
	switch lang {
	case diag.KK:
		return year + " жылғы " + day + " " + KK(kkMonths[month], c)
	case diag.RU:
		return day + " " + ruMonthsGen[month] + " " + year + " г."
	}
	return day + " " + enMonths[month] + " " + year
}

// DateAttributive is d "as of" before a noun: kk the locative made an
// attribute ("2026 жылғы 24 қарашадағы жағдай бойынша"); ru and en as
// [Date] writes it.
func DateAttributive(lang diag.Lang, d civil.Date) string {
	if lang != diag.KK || d.IsZero() {
		return Date(lang, d)
	}
	month := kkMonths[int(d.Month())]
	loc := Ending(month, Locative)
	return strconv.Itoa(d.Year()) + " жылғы " + strconv.Itoa(d.Day()) + " " + month + loc + attr(loc)
}

// Month returns m as people write it: kk "2026 жылғы қараша", ru "ноябрь
// 2026 г.", en "November 2026". A zero month is "".
func Month(lang diag.Lang, m civil.Month) string { return MonthCase(lang, m, Nominative) }

// MonthCase is [Month] in case c: kk inflects the month name ("2026 жылғы
// қарашада"), ru has the genitive ("ноября 2026 г.") and the prepositional
// ("ноябре 2026 г.", after "в"); other Russian cases and English are as
// the nominative.
func MonthCase(lang diag.Lang, m civil.Month, c Case) string {
	if m.IsZero() {
		return ""
	}
	month, year := int(m.Month()), strconv.Itoa(m.Year())
	switch lang {
	case diag.KK:
		return year + " жылғы " + KK(kkMonths[month], c)
	case diag.RU:
		names := ruMonthsNom
		switch c {
		case Genitive:
			names = ruMonthsGen
		case Locative:
			names = ruMonthsPrep
		}
		return names[month] + " " + year + " г."
	}
	return enMonths[month] + " " + year
}

// Form is a CLDR plural category.
type Form = plural.Form

// Plural categories used by kk, ru and en.
const (
	One   = plural.One
	Few   = plural.Few
	Many  = plural.Many
	Other = plural.Other
)

var tags = map[diag.Lang]language.Tag{diag.KK: language.Kazakh, diag.RU: language.Russian, diag.EN: language.English}

// PluralOf returns the CLDR plural category of the whole number n in lang:
// ru 1, 21 One; 2–4, 22–24 Few; 0, 5–20, 25 Many; en 1 One, else Other;
// kk 1 One, else Other.
func PluralOf(lang diag.Lang, n int64) Form {
	tag, ok := tags[lang]
	if !ok {
		tag = language.English
	}
	if n < 0 {
		n = -n
	}
	// MatchPlural takes int; the category of a huge number follows its
	// last digits in every one of our languages.
	i := int(n % 1_000_000)
	if n >= 1_000_000 {
		i += 1_000_000
	}
	return plural.Cardinal.MatchPlural(tag, i, 0, 0, 0, 0)
}

// Pick returns the form for n from forms written "one|few|many" in
// Russian and "one|other" in English and Kazakh (Kazakh nouns do not
// change after a numeral, so one form is enough there). A missing form
// falls back to the last one given.
func Pick(lang diag.Lang, n int64, forms string) string {
	parts := strings.Split(forms, "|")
	i := 0
	switch PluralOf(lang, n) {
	case One:
		i = 0
	case Few:
		i = 1
	case Many:
		i = 2
	default:
		i = 1 // en and kk "other"; Russian whole numbers never land here
	}
	return parts[min(i, len(parts)-1)]
}

// Count returns n and the form of the noun that goes with it: Count(RU,
// 24, "год|года|лет") is "24 года".
func Count(lang diag.Lang, n int64, forms string) string {
	return strconv.FormatInt(n, 10) + " " + Pick(lang, n, forms)
}

// possessive[case] is the ending of a word that ends in the third-person
// possessive -ы/-і (or -сы/-сі): a compound name such as "балалар үйі"
// (the children's house) takes the pronominal н before the case ending —
// "балалар үйінен", "бейімдеу орталығына", "мекеме ішінде".
var possessive = [...]string{
	Genitive:   "ның",
	Dative:     "на",
	Accusative: "н",
	Locative:   "нда",
	Ablative:   "нан",
}

// KKPossessive returns word, a name that ends in the third-person
// possessive -ы/-і, with the ending of case c: KKPossessive("балалар үйі",
// Ablative) is "балалар үйінен", KKPossessive("бейімдеу орталығы", Dative)
// "бейімдеу орталығына". The nominative is the word itself.
func KKPossessive(word string, c Case) string {
	if c == Nominative || int(c) >= len(possessive) {
		return word
	}
	e := possessive[c]
	if isFront(strings.ToLower(word)) {
		e = toFront.Replace(e)
	}
	return word + e
}

// CaseNames are the names of the cases that message templates take, as in
// say(date, 'ablative'), in the order of [Case].
var CaseNames = [...]string{
	Nominative: "nominative",
	Genitive:   "genitive",
	Dative:     "dative",
	Accusative: "accusative",
	Locative:   "locative",
	Ablative:   "ablative",
}

// ParseCase returns the case with the name given in [CaseNames].
func ParseCase(name string) (Case, bool) {
	for i, n := range CaseNames {
		if n == name {
			return Case(i), true
		}
	}
	return Nominative, false
}
