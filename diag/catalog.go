package diag

import (
	"slices"
	"strconv"
	"strings"
	"sync"
)

// catalog maps a code to its message in each language. Templates use {0},
// {1}… for the error's Args.
var catalog sync.Map // Code → Text

// Register adds message templates for codes, in Kazakh, Russian and English.
// Each package registers its codes in an init function; a code registered
// twice keeps its last templates. Templates refer to arguments as {0}, {1}….
// Register is safe for concurrent use.
func Register(texts map[Code]Text) {
	for code, t := range texts {
		catalog.Store(code, t)
	}
}

// Template returns the message template for code in lang and whether the
// code is registered.
func Template(code Code, lang Lang) (string, bool) {
	v, ok := catalog.Load(code)
	if !ok {
		return "", false
	}
	return v.(Text).In(lang), true
}

func render(code Code, lang Lang, args []string) string {
	tmpl, ok := Template(code, lang)
	if !ok {
		// An unregistered code still says something useful.
		return string(code) + " " + strings.Join(args, " ")
	}
	if lang != "" {
		args = terms(args, lang)
	}
	return Fill(tmpl, args)
}

// terms translates arguments that name a term ("@volunteer") into lang.
// Terms are registered like codes, with the "@" prefix.
func terms(args []string, lang Lang) []string {
	var out []string
	for i, a := range args {
		if len(a) < 2 || a[0] != '@' {
			continue
		}
		t, ok := Template(Code(a), lang)
		if !ok {
			t = a[1:]
		}
		if out == nil {
			out = append([]string(nil), args...)
		}
		out[i] = t
	}
	if out == nil {
		return args
	}
	return out
}

// Fill replaces {0}, {1}… in tmpl with args. A placeholder without an
// argument stays as it is.
func Fill(tmpl string, args []string) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		n, err := strconv.Atoi(tmpl[i+1 : i+j])
		b.WriteString(tmpl[:i])
		if err == nil && n >= 0 && n < len(args) {
			b.WriteString(args[n])
		} else {
			b.WriteString(tmpl[i : i+j+1])
		}
		tmpl = tmpl[i+j+1:]
	}
}

func init() {
	Register(map[Code]Text{
		CodeSyntax: {
			KK: "файл JSON не YAML ретінде оқылмады: {0}",
			RU: "файл не читается как JSON или YAML: {0}",
			EN: "the file is not valid JSON or YAML: {0}",
		},
		CodeUnknownField: {
			KK: "белгісіз өріс «{0}»",
			RU: "неизвестное поле «{0}»",
			EN: "unknown field \"{0}\"",
		},
		CodeUnknownHint: {
			KK: "белгісіз өріс «{0}» («{1}» болуы мүмкін бе?)",
			RU: "неизвестное поле «{0}» (может быть, «{1}»?)",
			EN: "unknown field \"{0}\" (did you mean \"{1}\"?)",
		},
		CodeWrongType: {
			KK: "мұнда {0} болуы керек, ал {1} берілген",
			RU: "здесь ожидается {0}, а указано: {1}",
			EN: "expected {0}, got {1}",
		},
		CodeBadDate: {
			KK: "«{0}» күні дұрыс емес: ЖЖЖЖ-АА-КК пішімінде нақты күн болуы керек",
			RU: "«{0}» — неверная дата: нужен существующий день в формате ГГГГ-ММ-ДД",
			EN: "\"{0}\" is not a date: want an existing day as YYYY-MM-DD",
		},
		CodeBadMonth: {
			KK: "«{0}» айы дұрыс емес: ЖЖЖЖ-АА пішімі керек",
			RU: "«{0}» — неверный месяц: нужен формат ГГГГ-ММ",
			EN: "\"{0}\" is not a month: want YYYY-MM",
		},
		CodeDuplicateID: {
			KK: "«{0}» идентификаторы қайталанады (алғашқысы: {1})",
			RU: "идентификатор «{0}» повторяется (впервые указан в {1})",
			EN: "duplicate id \"{0}\" (first used at {1})",
		},
		CodeDangling: {
			KK: "«{0}» — {1} емес: мұндай идентификатор жоқ",
			RU: "«{0}» — такого идентификатора нет (ожидается {1})",
			EN: "\"{0}\" is not a {1}",
		},
		CodeDuplicateKey: {
			KK: "«{0}» өрісі екі рет берілген",
			RU: "поле «{0}» указано дважды",
			EN: "field \"{0}\" is given twice",
		},
		CodeRequired: {
			KK: "міндетті өріс толтырылмаған",
			RU: "обязательное поле не заполнено",
			EN: "required field is missing",
		},
		CodeImpossible: {
			KK: "күндер мүмкін емес ретте: {0}",
			RU: "даты в невозможном порядке: {0}",
			EN: "dates in an impossible order: {0}",
		},
		CodeTooLarge: {
			KK: "кіріс тым үлкен: {0}",
			RU: "входные данные слишком велики: {0}",
			EN: "input too large: {0}",
		},
		CodeIllegalChange: {
			KK: "«{0}» күйінен «{1}» күйіне өтуге болмайды",
			RU: "нельзя перейти из состояния «{0}» в «{1}»",
			EN: "cannot go from \"{0}\" to \"{1}\"",
		},
		CodeInvalid: {
			KK: "мән жарамсыз: {0}",
			RU: "недопустимое значение: {0}",
			EN: "invalid value: {0}",
		},
	})
}

// Terms name the kinds of things a programme holds; an argument "@volunteer"
// is shown as the term in the reader's language.
func init() {
	Register(map[Code]Text{
		"@volunteer":   {KK: "волонтер", RU: "волонтёр", EN: "volunteer"},
		"@child":       {KK: "бала", RU: "ребёнок", EN: "child"},
		"@institution": {KK: "мекеме", RU: "учреждение", EN: "institution"},
		"@tandem":      {KK: "тандем", RU: "тандем", EN: "tandem"},
		"@group":       {KK: "топ", RU: "группа", EN: "group"},
		"@agreement":   {KK: "келісім", RU: "соглашение", EN: "agreement"},
		"@outing":      {KK: "сыртқа шығу", RU: "выход", EN: "outing"},
		"@string":      {KK: "мәтін", RU: "строка", EN: "a string"},
		"@number":      {KK: "сан", RU: "число", EN: "a number"},
		"@integer":     {KK: "бүтін сан", RU: "целое число", EN: "a whole number"},
		"@bool":        {KK: "true не false", RU: "true или false", EN: "true or false"},
		"@list":        {KK: "тізім", RU: "список", EN: "a list"},
		"@object":      {KK: "объект", RU: "объект", EN: "an object"},
		"@null":        {KK: "null", RU: "null", EN: "null"},
		"@date":        {KK: "күн (ЖЖЖЖ-АА-КК)", RU: "дата (ГГГГ-ММ-ДД)", EN: "a date (YYYY-MM-DD)"},
		"@month":       {KK: "ай (ЖЖЖЖ-АА)", RU: "месяц (ГГГГ-ММ)", EN: "a month (YYYY-MM)"},
	})
}

// Registered returns every code with messages in the catalog, terms
// ("@volunteer") included, sorted: for tests that check every message
// speaks the three languages.
func Registered() []Code {
	var out []Code
	catalog.Range(func(k, _ any) bool {
		out = append(out, k.(Code))
		return true
	})
	slices.Sort(out)
	return out
}

// Lookup returns the texts registered for code.
func Lookup(code Code) (Text, bool) {
	v, ok := catalog.Load(code)
	if !ok {
		return Text{}, false
	}
	return v.(Text), true
}
