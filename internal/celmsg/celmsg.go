// Package celmsg words the compile errors of CEL expressions for the
// people who write policies: cel-go's messages speak the parser's and the
// type checker's language ("mismatched input '<EOF>' expecting {…,
// NUM_FLOAT, …}", "no matching overload for '_<_' applied to
// '(civil.Date, string)'"), in English only. [Rewrite] replaces the ones a
// rule author meets most with the catalog's words in Kazakh, Russian and
// English, naming operators as they are written and types as the
// programme file calls them; a message it has no words for keeps CEL's
// own text, marked as CEL's.
//
// The problems keep their code's family: a rewritten problem's code is
// "policy.cel." and what kind of mistake it is (syntax_end,
// no_overload…), so a program that looked for "policy.cel" still finds
// it by prefix, and its position and caret are unchanged.
package celmsg

import (
	"regexp"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// Codes of the rewritten messages.
const (
	CodeEnd        diag.Code = "policy.cel.syntax_end"        // the expression stops where more was needed
	CodeUnexpected diag.Code = "policy.cel.syntax_unexpected" // {0} is not expected where it stands
	CodeMissing    diag.Code = "policy.cel.syntax_missing"    // {0} is missing before {1}
	CodeCharacter  diag.Code = "policy.cel.syntax_character"  // {0} is no character of CEL
	CodeSyntax     diag.Code = "policy.cel.syntax"            // any other syntax error: {0} CEL's text
	CodeUndeclared diag.Code = "policy.cel.undeclared"        // {0} names nothing
	CodeHint       diag.Code = "policy.cel.undeclared_hint"   // {0} names nothing; {1} the nearest name
	CodeNoField    diag.Code = "policy.cel.no_field"          // the value has no field {0}
	CodeOperator   diag.Code = "policy.cel.no_overload_op"    // operator {0} does not take {1}
	CodeFunction   diag.Code = "policy.cel.no_overload_fn"    // function {0} does not take ({1})
	CodeNoFields   diag.Code = "policy.cel.no_fields"         // a value of a type without fields: {0}'s fields asked
	CodeHas        diag.Code = "policy.cel.has"               // has() given something other than a field
	CodeExpected   diag.Code = "policy.cel.expected"          // {0} needed here, {1} given (worded by fill)
	CodeReserved   diag.Code = "policy.cel.reserved"          // {0} is a word CEL reserves
	CodeMacroVar   diag.Code = "policy.cel.macro_var"         // a macro's variable that is not a plain name
	CodeOther      diag.Code = "policy.cel.other"             // CEL's own text {0}, marked as such
)

var (
	reEnd        = regexp.MustCompile(`^Syntax error: mismatched input '<EOF>' expecting`)
	reMismatched = regexp.MustCompile(`^Syntax error: (?:mismatched|extraneous) input '(.*)' expecting`)
	reMissing    = regexp.MustCompile(`^Syntax error: missing '(.*)' at '(.*)'$`)
	reCharacter  = regexp.MustCompile(`^Syntax error: token recognition error at: '(.*)'$`)
	reViable     = regexp.MustCompile(`^Syntax error: no viable alternative at input '(.*)'$`)
	reSyntax     = regexp.MustCompile(`^Syntax error: (.*)$`)
	reHint       = regexp.MustCompile(`^undeclared reference to '([^']*)' \(did you mean '([^']*)'\?\)$`)
	reUndeclared = regexp.MustCompile(`^undeclared reference to '([^']*)'`)
	reField      = regexp.MustCompile(`^undefined field '([^']*)'$`)
	reNoFields   = regexp.MustCompile(`^type '([^']*)' does not support field selection$`)
	reHas        = regexp.MustCompile(`^invalid argument to has\(\) macro$`)
	reExpected   = regexp.MustCompile(`^expected type '([^']*)' but found '([^']*)'$`)
	reReserved   = regexp.MustCompile(`^reserved identifier: (.*)$`)
	reMacroVar   = regexp.MustCompile(`^argument must be a simple name$`)
	reOverload   = regexp.MustCompile(`^found no matching overload for '([^']*)' applied to '\((.*)\)'$`)
)

// operators are CEL's internal names of its operators, as they are
// written in an expression.
var operators = map[string]string{
	"_<_": "<", "_<=_": "<=", "_>_": ">", "_>=_": ">=", "_==_": "==", "_!=_": "!=",
	"_+_": "+", "_-_": "-", "_*_": "*", "_/_": "/", "_%_": "%", "_&&_": "&&", "_||_": "||",
	"!_": "!", "-_": "-", "_[_]": "[ ]", "@in": "in", "_?_:_": "? :",
}

// types name CEL's and our Go types as rule authors know them, in {kk, ru, en}.
var types = map[string]diag.Text{
	"civil.Date":                {KK: "күн", RU: "дата", EN: "date"},
	"civil.Month":               {KK: "ай", RU: "месяц", EN: "month"},
	"string":                    {KK: "мәтін", RU: "строка", EN: "string"},
	"int":                       {KK: "бүтін сан", RU: "целое число", EN: "int"},
	"uint":                      {KK: "теріс емес бүтін сан", RU: "целое без знака", EN: "uint"},
	"double":                    {KK: "бөлшек сан", RU: "дробное число", EN: "double"},
	"bool":                      {KK: "bool (true/false)", RU: "bool (true/false)", EN: "bool (true/false)"},
	"null_type":                 {KK: "null", RU: "null", EN: "null"},
	"bytes":                     {KK: "байттар", RU: "байты", EN: "bytes"},
	"google.protobuf.Timestamp": {KK: "уақыт белгісі", RU: "отметка времени", EN: "timestamp"},
	"google.protobuf.Duration":  {KK: "ұзақтық", RU: "длительность", EN: "duration"},
}

func typeName(t string) diag.Text {
	t = strings.TrimSpace(t)
	if w, ok := types[t]; ok {
		return w
	}
	switch {
	case strings.HasPrefix(t, "list("):
		in := typeName(strings.TrimSuffix(strings.TrimPrefix(t, "list("), ")"))
		return diag.Text{KK: in.KK + " тізімі", RU: "список (" + in.RU + ")", EN: "list of " + in.EN}
	case strings.HasPrefix(t, "map("):
		return diag.Text{KK: "кесте " + t[3:], RU: "словарь " + t[3:], EN: "map " + t[3:]}
	}
	return diag.Text{KK: t, RU: t, EN: t}
}

// Rewrite returns l with every CEL message ([rules.CodeCEL]) it knows
// worded by the catalog; other problems, and their order, are as they
// were. The problems are copies: l is not changed.
func Rewrite(l diag.List) diag.List {
	var out diag.List
	for i, p := range l {
		if p.Code != rules.CodeCEL || len(p.Args) == 0 {
			if out != nil {
				out = append(out, p)
			}
			continue
		}
		if out == nil {
			out = append(diag.List(nil), l[:i]...)
		}
		out = append(out, rewrite(p))
	}
	if out == nil {
		return l
	}
	return out
}

func rewrite(p *diag.Error) *diag.Error {
	c := *p
	msg := p.Args[0]
	set := func(code diag.Code, args ...string) *diag.Error {
		c.Code, c.Args, c.Text = code, args, nil
		return &c
	}
	if m := reEnd.FindStringSubmatch(msg); m != nil {
		return set(CodeEnd)
	}
	if m := reMismatched.FindStringSubmatch(msg); m != nil {
		return set(CodeUnexpected, m[1])
	}
	if m := reMissing.FindStringSubmatch(msg); m != nil {
		return set(CodeMissing, m[1], m[2])
	}
	if m := reCharacter.FindStringSubmatch(msg); m != nil {
		return set(CodeCharacter, m[1])
	}
	if m := reViable.FindStringSubmatch(msg); m != nil {
		return set(CodeUnexpected, lastToken(m[1]))
	}
	if m := reSyntax.FindStringSubmatch(msg); m != nil {
		return set(CodeSyntax, m[1])
	}
	if m := reHint.FindStringSubmatch(msg); m != nil {
		return set(CodeHint, m[1], m[2])
	}
	if m := reUndeclared.FindStringSubmatch(msg); m != nil {
		return set(CodeUndeclared, m[1])
	}
	if m := reField.FindStringSubmatch(msg); m != nil {
		return set(CodeNoField, m[1])
	}
	if m := reNoFields.FindStringSubmatch(msg); m != nil {
		t := typeName(m[1])
		words := diag.Text{KK: t.KK, RU: t.RU, EN: t.EN}
		c.Code, c.Args, c.Text = CodeNoFields, []string{m[1]}, ptr(fillText(CodeNoFields, words))
		return &c
	}
	if reHas.MatchString(msg) {
		return set(CodeHas)
	}
	if m := reExpected.FindStringSubmatch(msg); m != nil {
		want, got := typeName(m[1]), typeName(m[2])
		t := fillEach(CodeExpected, func(l diag.Lang) []string { return []string{want.In(l), got.In(l)} })
		c.Code, c.Args, c.Text = CodeExpected, []string{m[1], m[2]}, &t
		return &c
	}
	if reMacroVar.MatchString(msg) {
		return set(CodeMacroVar)
	}
	if m := reReserved.FindStringSubmatch(msg); m != nil {
		return set(CodeReserved, m[1])
	}
	if m := reOverload.FindStringSubmatch(msg); m != nil {
		args := splitTypes(m[2])
		text := func(lang diag.Lang) string {
			words := make([]string, len(args))
			for i, a := range args {
				words[i] = typeName(a).In(lang)
			}
			return joinWith(words, lang)
		}
		if op, ok := operators[m[1]]; ok {
			t := fill(CodeOperator, op, text)
			c.Code, c.Args, c.Text = CodeOperator, []string{op}, &t
			return &c
		}
		t := fill(CodeFunction, m[1], text)
		c.Code, c.Args, c.Text = CodeFunction, []string{m[1]}, &t
		return &c
	}
	return set(CodeOther, msg)
}

func ptr[T any](v T) *T { return &v }

// fillText renders code's template in each language with {0} the word
// of that language.
func fillText(code diag.Code, words diag.Text) diag.Text {
	return fillEach(code, func(l diag.Lang) []string { return []string{words.In(l)} })
}

// fillEach renders code's template in each language with that language's
// arguments.
func fillEach(code diag.Code, args func(diag.Lang) []string) diag.Text {
	var t diag.Text
	for _, l := range diag.Langs {
		tmpl, _ := diag.Template(code, l)
		s := diag.Fill(tmpl, args(l))
		switch l {
		case diag.KK:
			t.KK = s
		case diag.RU:
			t.RU = s
		default:
			t.EN = s
		}
	}
	return t
}

// fill renders code's template in each language with name and the types.
func fill(code diag.Code, name string, types func(diag.Lang) string) diag.Text {
	return fillEach(code, func(l diag.Lang) []string { return []string{name, types(l)} })
}

func joinWith(words []string, lang diag.Lang) string {
	and := map[diag.Lang]string{diag.KK: " және ", diag.RU: " и ", diag.EN: " and "}[lang]
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + and + words[len(words)-1]
}

// splitTypes splits "civil.Date, list(string), map(string, int)" at the
// commas outside brackets.
func splitTypes(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// lastToken is the last word of the input ANTLR could not read, where the
// caret points.
func lastToken(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return s
	}
	return f[len(f)-1]
}

func init() {
	diag.Register(map[diag.Code]diag.Text{
		CodeEnd: {
			KK: "өрнек аяқталмай қалған: белгіленген жерден кейін мән не жақша жетіспейді",
			RU: "выражение оборвано: после отмеченного места не хватает значения или скобки",
			EN: "the expression stops too early: a value or a bracket is missing after the mark",
		},
		CodeUnexpected: {
			KK: "«{0}» бұл жерде күтілмеген: өрнекті осы тұстан тексеріңіз",
			RU: "«{0}» здесь не ожидается: проверьте выражение в этом месте",
			EN: "\"{0}\" is not expected here: check the expression at the mark",
		},
		CodeMissing: {
			KK: "«{1}» алдында «{0}» жетіспейді",
			RU: "перед «{1}» не хватает «{0}»",
			EN: "\"{0}\" is missing before \"{1}\"",
		},
		CodeCharacter: {
			KK: "«{0}» таңбасын CEL оқымайды",
			RU: "символ «{0}» не читается в CEL",
			EN: "\"{0}\" is not a character CEL reads",
		},
		CodeSyntax: {
			KK: "өрнектің жазылуында қате бар (CEL хабары: {0})",
			RU: "в записи выражения ошибка (сообщение CEL: {0})",
			EN: "the expression is not written correctly (CEL says: {0})",
		},
		CodeUndeclared: {
			KK: "«{0}» деген атау жоқ: субъект, params, vars не функция атауын тексеріңіз",
			RU: "имени «{0}» нет: проверьте имя субъекта, params, vars или функции",
			EN: "\"{0}\" names nothing: check the subject's, a parameter's, a variable's or a function's name",
		},
		CodeHint: {
			KK: "«{0}» деген атау жоқ («{1}» болуы мүмкін бе?)",
			RU: "имени «{0}» нет (может быть, «{1}»?)",
			EN: "\"{0}\" names nothing (did you mean \"{1}\"?)",
		},
		CodeNoField: {
			KK: "бұл мәнде «{0}» өрісі жоқ: өрістер тізімі — rules/functions.md",
			RU: "у этого значения нет поля «{0}»: список полей — в rules/functions.md",
			EN: "this value has no field \"{0}\": rules/functions.md lists the fields",
		},
		CodeOperator: {
			KK: "{0} операторы мыналарды қабылдамайды: {1}",
			RU: "оператор {0} не применим к значениям типов: {1}",
			EN: "operator {0} does not take {1}",
		},
		CodeFunction: {
			KK: "{0} функциясы мұндай аргументтерді қабылдамайды: {1}",
			RU: "функция {0} не принимает такие аргументы: {1}",
			EN: "function {0} does not take {1}",
		},
		CodeNoFields: {
			KK: "{0} мәнінде өрістер жоқ: нүктеден кейінгі атауды тексеріңіз",
			RU: "у значения типа «{0}» нет полей: проверьте имя после точки",
			EN: "a value of type {0} has no fields: check the name after the dot",
		},
		CodeHas: {
			KK: "has() өрісті тексереді: has(agreement.ends_on) сияқты жазыңыз",
			RU: "has() проверяет поле: пишите как has(agreement.ends_on)",
			EN: "has() tests a field: write it as has(agreement.ends_on)",
		},
		CodeExpected: {
			KK: "бұл жерде {0} керек, ал {1} берілген",
			RU: "здесь нужно значение типа «{0}», а указано «{1}»",
			EN: "{0} is needed here, but this is {1}",
		},
		CodeReserved: {
			KK: "«{0}» — CEL-дің сақталған сөзі, атау бола алмайды",
			RU: "«{0}» — зарезервированное слово CEL, оно не может быть именем",
			EN: "\"{0}\" is a word CEL reserves; it cannot be a name",
		},
		CodeMacroVar: {
			KK: "all(), exists(), map(), filter() айнымалысы қарапайым атау болуы керек: languages.all(l, l != '')",
			RU: "переменная all(), exists(), map(), filter() должна быть простым именем: languages.all(l, l != '')",
			EN: "the variable of all(), exists(), map() or filter() must be a plain name: languages.all(l, l != '')",
		},
		CodeOther: {
			KK: "CEL өрнегін құрастыру мүмкін болмады (CEL хабары: {0})",
			RU: "выражение CEL не компилируется (сообщение CEL: {0})",
			EN: "the CEL expression does not compile (CEL says: {0})",
		},
	})
}
