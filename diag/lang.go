package diag

import "golang.org/x/text/language"

// Lang is one of the three languages sabaqtastyq speaks.
type Lang string

// The supported languages. Kazakh is the guide's own language.
const (
	KK Lang = "kk"
	RU Lang = "ru"
	EN Lang = "en"
)

// Langs lists the supported languages in the order messages are written.
var Langs = []Lang{KK, RU, EN}

var matcher = language.NewMatcher([]language.Tag{language.English, language.Kazakh, language.Russian})

// Match picks the supported language closest to a BCP 47 tag or an
// Accept-Language list ("kk-KZ", "ru", "en-GB,en;q=0.8"). Anything it cannot
// place gives English.
func Match(tag string) Lang {
	tags, _, err := language.ParseAcceptLanguage(tag)
	if err != nil || len(tags) == 0 {
		return EN
	}
	_, i, conf := matcher.Match(tags...)
	if conf == language.No {
		return EN
	}
	return [...]Lang{EN, KK, RU}[i]
}

// ParseLang accepts exactly "kk", "ru" or "en" (any case) and reports
// whether s was one of them.
func ParseLang(s string) (Lang, bool) {
	switch Lang(s) {
	case KK, RU, EN:
		return Lang(s), true
	case "KK":
		return KK, true
	case "RU":
		return RU, true
	case "EN":
		return EN, true
	}
	return "", false
}

// Text is one message in the three languages.
type Text struct {
	KK string `json:"kk" yaml:"kk"`
	RU string `json:"ru" yaml:"ru"`
	EN string `json:"en" yaml:"en"`
}

// In returns the text in lang, falling back to English when it is empty.
func (t Text) In(lang Lang) string {
	switch lang {
	case KK:
		if t.KK != "" {
			return t.KK
		}
	case RU:
		if t.RU != "" {
			return t.RU
		}
	}
	return t.EN
}
