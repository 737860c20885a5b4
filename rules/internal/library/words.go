package library

import (
	"slices"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/grammar"
	"github.com/birgemiz/sabaqtastyq/rules/internal/value"
)

// The message functions put dates, months, numbers, counts and codes into
// a message's sentence in its language. They exist only inside the {{ }}
// of a message or a description, and each template is compiled with the
// functions of its own language: say(date('2026-03-01'), 'ablative') is
// "2026 жылғы 1 наурыздан" in a kk message, "1 марта 2026 г." in a ru one.
// Every language has the same names and signatures, so that a translated
// template compiles; each overload's id ends in its language, so that the
// native evaluator finds the right one.
//
// A case name or a vocabulary name is a string literal: the compiler
// checks it ([Literal]), so that a typo is an error at its file:line:col
// and not a wrong word at run time.

// Literal kinds: what an argument that must be a string literal names.
const (
	LiteralCase       = "case"
	LiteralVocabulary = "vocabulary"
)

// CheckLiteral reports whether s is a name of the literal kind, and the
// names there are, for the error.
func CheckLiteral(kind, s string) (bool, []string) {
	switch kind {
	case LiteralCase:
		_, ok := grammar.ParseCase(s)
		return ok, grammar.CaseNames[:]
	case LiteralVocabulary:
		_, ok := vocabularies[s]
		return ok, VocabularyNames()
	}
	return true, nil
}

// VocabularyNames are the vocabularies words() knows, sorted.
func VocabularyNames() []string {
	out := make([]string, 0, len(vocabularies))
	for n := range vocabularies {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// Vocabulary returns the codes of a vocabulary and their words in lang,
// for documentation.
func Vocabulary(name string, lang diag.Lang) map[string]string {
	v, ok := vocabularies[name]
	if !ok {
		return nil
	}
	out := make(map[string]string, len(v))
	for code, w := range v {
		out[code] = w.in(lang)
	}
	return out
}

// word is a code's words in a sentence. poss marks a Kazakh name ending in
// the third-person possessive ("балалар үйі"), which takes the pronominal
// н before a case ending ("балалар үйінен").
type word struct {
	kk, ru, en string
	poss       bool
}

func (w word) in(lang diag.Lang) string {
	switch lang {
	case diag.KK:
		return w.kk
	case diag.RU:
		return w.ru
	}
	return w.en
}

// inCase is the word in case c: Kazakh inflects it; Russian and English
// words are used as written (a sentence is worded around them).
func (w word) inCase(lang diag.Lang, c grammar.Case) string {
	if lang != diag.KK {
		return w.in(lang)
	}
	if w.poss {
		return grammar.KKPossessive(w.kk, c)
	}
	return grammar.KK(w.kk, c)
}

// vocabularies are the words of the programme's codes as they read inside
// a sentence (lower case; the workbook's column labels are capitalised
// and live with the workbook). A code a vocabulary lacks is shown as it
// is.
var vocabularies = map[string]map[string]word{
	"phase": {
		"acquaintance":       {"танысу", "знакомство", "acquaintance", false},
		"inside_institution": {"мекеме ішіндегі кездесулер", "встречи в стенах учреждения", "meetings inside the institution", false},
		"active":             {"белсенді, сыртқа шығуға болады", "активный, выходы разрешены", "active, outings allowed", false},
		"closing":            {"аяқталу", "завершение", "closing", false},
		"closed":             {"жабылған", "закрыт", "closed", false},
	},
	"stage": {
		"interview":          {"әңгімелесу", "собеседование", "interview", false},
		"psychological_test": {"психологиялық сынақ", "психологическое тестирование", "psychological test", false},
		"training":           {"оқыту", "обучение", "training", false},
		"documents":          {"құжаттарды жинау", "сбор документов", "documents", false},
	},
	"close_reason": {
		"completed":              {"мерзімі аяқталды", "завершён по сроку", "completed", false},
		"mentor_withdrew":        {"тәлімгер бас тартты", "наставник отказался", "the mentor withdrew", false},
		"mentor_moved":           {"тәлімгер көшіп кетті", "наставник переехал", "the mentor moved away", false},
		"child_left":             {"бала мекемеден кетті", "ребёнок выбыл из учреждения", "the child left the institution", false},
		"child_placed_in_family": {"бала отбасына орналастырылды", "ребёнок устроен в семью", "the child was placed in a family", false},
		"institution_request":    {"мекеменің өтініші бойынша", "по просьбе учреждения", "at the institution's request", false},
		"other":                  {"басқа себеп", "другая причина", "another reason", false},
	},
	"institution": {
		"orphanage":             {"балалар үйі", "детский дом", "orphanage", true},
		"adaptation_centre":     {"кәмелетке толмағандарды бейімдеу орталығы", "центр адаптации несовершеннолетних", "adaptation centre for minors", true},
		"inspector_registry":    {"инспекторлар есебі", "учёт у инспекторов", "inspectors' register", true},
		"social_service_centre": {"арнаулы әлеуметтік қызмет көрсету орталығы", "центр оказания специальных социальных услуг", "special social-service centre", true},
		"school":                {"мектеп", "школа", "school", false},
		"crisis_centre":         {"дағдарыс орталығы", "кризисный центр", "crisis centre", true},
		"yard_club":             {"аула клубы", "дворовый клуб", "yard club", true},
		"ngo":                   {"коммерциялық емес ұйым", "некоммерческая организация", "non-profit organisation", false},
	},
	"status": {
		"applicant": {"үміткер", "кандидат", "applicant", false},
		"screening": {"іріктеуде", "на отборе", "in selection", false},
		"approved":  {"мақұлданған", "одобрен", "approved", false},
		"active":    {"белсенді", "активен", "active", false},
		"on_hold":   {"уақытша тоқтатылған", "приостановлен", "on hold", false},
		"retired":   {"жобадан шыққан", "выбыл", "retired", false},
	},
	"level": {
		"trainee": {"тағылымдамашы", "стажёр", "trainee", false},
		"mentor":  {"тәлімгер", "наставник", "mentor", false},
		"master":  {"шебер тәлімгер", "мастер-наставник", "master mentor", false},
	},
	"programme": {
		"individual": {"жеке тәлімгерлік", "индивидуальное наставничество", "individual mentoring", false},
		"coaching":   {"коучинг", "коучинг", "coaching", false},
		"group":      {"топтық тәлімгерлік", "групповое наставничество", "group mentoring", false},
	},
	"role": {
		"individual_mentor": {"жеке тәлімгер", "индивидуальный наставник", "individual mentor", false},
		"group_volunteer":   {"топтық сабақ волонтері", "волонтёр групповых занятий", "group-session volunteer", true},
		"event_volunteer":   {"іс-шара волонтері", "волонтёр мероприятий", "event volunteer", true},
		"coach":             {"коуч", "коуч", "coach", false},
	},
}

// longestWord is the longest word of every vocabulary in every language
// and case, in bytes: what words() may build beyond the code it is given.
var longestWord = func() uint64 {
	n := 0
	for _, v := range vocabularies {
		for _, w := range v {
			for _, l := range diag.Langs {
				for c := range grammar.CaseNames {
					n = max(n, len(w.inCase(l, grammar.Case(c))))
				}
			}
		}
	}
	return uint64(n)
}()

// wordOf is a code's words in lang and case c; the code itself when the
// vocabulary lacks it.
func wordOf(lang diag.Lang, vocab, code string, c grammar.Case) string {
	w, ok := vocabularies[vocab][code]
	if !ok {
		return code
	}
	return w.inCase(lang, c)
}

// caseOf reads a case name; the compiler has checked it, so an unknown one
// is the nominative.
func caseOf(name string) grammar.Case {
	c, _ := grammar.ParseCase(name)
	return c
}

// The longest date or month as people write it, with a case ending, is
// under 64 bytes ("2026 жылғы 30 желтоқсаннан" is 47); a number with its
// ending under 32.
const (
	dateBytes   = 64
	numberBytes = 32
)

// messageFuncs are the message functions, every language's overloads.
func messageFuncs() []Func {
	var say, quantity, words []Overload
	for _, l := range diag.Langs {
		say = append(say,
			sized(lit(fn1("say", "say_date_"+string(l), false, aDate, rString,
				ok1(func(d civil.Date) string { return grammar.Date(l, d) })), l), fixed(dateBytes)),
			sized(lit(fn2("say", "say_date_string_"+string(l), false, aDate, aString, rString,
				ok2(func(d civil.Date, c string) string { return grammar.DateCase(l, d, caseOf(c)) })), l, "", LiteralCase), fixed(dateBytes)),
			sized(lit(fn1("say", "say_month_"+string(l), false, aMonth, rString,
				ok1(func(m civil.Month) string { return grammar.Month(l, m) })), l), fixed(dateBytes)),
			sized(lit(fn2("say", "say_month_string_"+string(l), false, aMonth, aString, rString,
				ok2(func(m civil.Month, c string) string { return grammar.MonthCase(l, m, caseOf(c)) })), l, "", LiteralCase), fixed(dateBytes)),
			sized(lit(fn2("say", "say_int_string_"+string(l), false, aInt, aString, rString,
				ok2(func(n int64, c string) string { return sayNumber(l, n, caseOf(c)) })), l, "", LiteralCase), fixed(numberBytes)),
		)
		quantity = append(quantity,
			sized(lit(fn2("quantity", "quantity_int_string_"+string(l), false, aInt, aString, rString,
				ok2(func(n int64, forms string) string { return grammar.Count(l, n, forms) })), l),
				func(a []Size) Size { return Size{Len: add(a[1].Len, numberBytes)} }),
			sized(lit(fn3("quantity", "quantity_int_string_string_"+string(l), aInt, aString, aString, rString,
				func(n int64, forms, c string) (string, error) { return quantityCase(l, n, forms, caseOf(c)), nil }), l, "", "", LiteralCase),
				func(a []Size) Size { return Size{Len: add(a[1].Len, 2*numberBytes)} }),
		)
		words = append(words,
			sized(lit(fn2("words", "words_string_string_"+string(l), false, aString, aString, rString,
				ok2(func(vocab, code string) string { return wordOf(l, vocab, code, grammar.Nominative) })), l, LiteralVocabulary),
				func(a []Size) Size { return Size{Len: max(a[1].Len, longestWord)} }),
			sized(lit(fn3("words", "words_string_string_string_"+string(l), aString, aString, aString, rString,
				func(vocab, code, c string) (string, error) { return wordOf(l, vocab, code, caseOf(c)), nil }), l, LiteralVocabulary, "", LiteralCase),
				func(a []Size) Size { return Size{Len: max(a[1].Len, longestWord)} }),
			sized(lit(wordsList(l), l, LiteralVocabulary),
				func(a []Size) Size {
					return Size{Len: a[1].Len, Elem: &Size{Len: max(elem(a[1]), longestWord)}}
				}),
		)
	}
	return []Func{
		{Name: "say", Since: 4, Message: true,
			Signature: "say(date) -> string, say(date, case) -> string, say(month) -> string, say(month, case) -> string, say(int, case) -> string",
			Doc: "In a message or description only, in its language: a date or a month as people write it " +
				"(kk \"2026 жылғы 1 наурыз\", ru \"1 марта 2026 г.\", en \"1 March 2026\"; kk \"2026 жылғы қараша\", ru \"ноябрь 2026 г.\", en \"November 2026\"), " +
				"or a number in digits. The case, a string literal — nominative, genitive, dative, accusative, locative or ablative — " +
				"puts the Kazakh ending after the date, the month or the number as it is read (\"2026 жылғы 1 наурыздан\", \"25-ке\", \"10-нан\"); " +
				"in ru it declines a month's name (genitive \"ноября 2026 г.\", locative \"ноябре 2026 г.\"); otherwise ru and en are unchanged. Since library version 4.",
			Example:   "say(date('2026-03-01'), 'ablative') == '2026 жылғы 1 наурыздан'",
			Overloads: say},
		{Name: "quantity", Since: 4, Message: true,
			Signature: "quantity(int, string) -> string, quantity(int, string, case) -> string",
			Doc: "In a message or description only: a number and the form of its noun, from the forms written " +
				"\"one|few|many\" in ru ('день|дня|дней': \"1 день\", \"3 дня\", \"15 дней\") and \"one|other\" in en ('child|children'), " +
				"by the CLDR plural rules; kk nouns do not change after a number ('күн': \"15 күн\"), and a case puts its ending on the noun (\"14 күннен\"). Since library version 4.",
			Example:   "quantity(15, 'күн', 'ablative') == '15 күннен'",
			Overloads: quantity},
		{Name: "words", Since: 4, Message: true,
			Signature: "words(vocabulary, string) -> string, words(vocabulary, string, case) -> string, words(vocabulary, list(string)) -> list(string)",
			Doc: "In a message or description only: the words of a code of the programme in the message's language, " +
				"from a vocabulary named by a string literal — " + strings.Join(VocabularyNames(), ", ") + " — " +
				"(words('phase', 'inside_institution') is \"мекеме ішіндегі кездесулер\" in kk, \"встречи в стенах учреждения\" in ru); " +
				"a case declines the kk words (\"балалар үйінен\"); a code the vocabulary lacks is shown as it is. Since library version 4.",
			Example:   "words('institution', 'orphanage', 'ablative') == 'балалар үйінен'",
			Overloads: words},
	}
}

// sayNumber is n in digits, with the Kazakh ending of case c in kk.
func sayNumber(lang diag.Lang, n int64, c grammar.Case) string {
	if lang == diag.KK {
		return grammar.Number(n, c)
	}
	return grammar.Number(n, grammar.Nominative)
}

// quantityCase is a count whose Kazakh noun takes the ending of case c.
func quantityCase(lang diag.Lang, n int64, forms string, c grammar.Case) string {
	s := grammar.Count(lang, n, forms)
	if lang == diag.KK {
		return grammar.KK(s, c)
	}
	return s
}

// lit marks an overload as a message function of lang whose arguments
// named by kinds (one per argument, "" for any value) must be literals.
func lit(o Overload, lang diag.Lang, kinds ...string) Overload {
	o.Lang = lang
	o.Literal = kinds
	return o
}

// wordsList is words(vocabulary, list(string)) -> list(string).
func wordsList(l diag.Lang) Overload {
	strs := cel.ListType(cel.StringType)
	return Overload{ID: "words_string_list_" + string(l), Args: []*cel.Type{cel.StringType, strs}, Result: strs,
		cel: cel.BinaryBinding(func(x, y ref.Val) ref.Val {
			vocab, e := aString.ref("words", x)
			if e != nil {
				return e
			}
			list, ok := y.(traits.Lister)
			if !ok {
				return types.NewErr("words: want a list of strings")
			}
			n, _ := list.Size().(types.Int)
			out := make([]string, n)
			for i := range out {
				code, e := aString.ref("words", list.Get(types.Int(i)))
				if e != nil {
					return e
				}
				out[i] = wordOf(l, vocab, code, grammar.Nominative)
			}
			return types.NewStringList(types.DefaultTypeAdapter, out)
		}),
		Native: Native{N2: func(c *value.Ctx, x, y value.Val) value.Val {
			vocab := aString.val(x)
			if !y.IsList() {
				value.Bail("words on a non-list")
			}
			n := y.Size()
			c.BuildList(n)
			out := c.List(n)
			for i := range n {
				w := wordOf(l, vocab, aString.val(y.At(i)), grammar.Nominative)
				c.Build(int64(len(w)))
				out[i] = value.StrV(w)
			}
			return value.ValsV(out)
		}}}
}

// fn3 makes a three-argument overload of f.
func fn3[A, B, C, R any](name, id string, a arg[A], b arg[B], d arg[C], r res[R], f func(A, B, C) (R, error)) Overload {
	return Overload{ID: id, Args: []*cel.Type{a.typ, b.typ, d.typ}, Result: r.typ,
		cel: cel.FunctionBinding(func(args ...ref.Val) ref.Val {
			av, e := a.ref(name, args[0])
			if e != nil {
				return e
			}
			bv, e := b.ref(name, args[1])
			if e != nil {
				return e
			}
			cv, e := d.ref(name, args[2])
			if e != nil {
				return e
			}
			out, err := f(av, bv, cv)
			if err != nil {
				return failRef(name, err)
			}
			return r.ref(out)
		}),
		Native: Native{N3: func(c *value.Ctx, x, y, z value.Val) value.Val {
			out, err := f(a.val(x), b.val(y), d.val(z))
			if err != nil {
				return failVal(err)
			}
			return r.val(c, out)
		}}}
}
