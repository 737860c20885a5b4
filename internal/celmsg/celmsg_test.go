package celmsg_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/celmsg"
	"github.com/birgemiz/sabaqtastyq/rules"
)

func TestRewrite(t *testing.T) {
	tests := []struct {
		cel        string
		code       diag.Code
		en, ru, kk string
	}{
		{"Syntax error: mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}",
			celmsg.CodeEnd, "the expression stops too early", "выражение оборвано", "өрнек аяқталмай қалған"},
		{"Syntax error: mismatched input '<EOF>' expecting ':'", celmsg.CodeEnd, "stops too early", "оборвано", "аяқталмай"},
		{"Syntax error: extraneous input ')' expecting <EOF>", celmsg.CodeUnexpected, `")" is not expected here`, "«)» здесь не ожидается", "«)» бұл жерде күтілмеген"},
		{"Syntax error: token recognition error at: '$'", celmsg.CodeCharacter, `"$" is not a character CEL reads`, "символ «$»", "«$» таңбасын"},
		{"found no matching overload for '_<_' applied to '(civil.Date, string)'", celmsg.CodeOperator,
			"operator < does not take date and string", "оператор < не применим к значениям типов: дата и строка", "< операторы мыналарды қабылдамайды: күн және мәтін"},
		{"found no matching overload for 'age' applied to '(civil.Date, list(string))'", celmsg.CodeFunction,
			"function age does not take date and list of string", "дата и список (строка)", "күн және мәтін тізімі"},
		{"undeclared reference to 'volunter' (did you mean 'volunteer'?)", celmsg.CodeHint, `"volunter" names nothing (did you mean "volunteer"?)`, "имени «volunter» нет (может быть, «volunteer»?)", "«volunteer» болуы мүмкін бе?"},
		{"undeclared reference to 'x' (in container '')", celmsg.CodeUndeclared, `"x" names nothing`, "имени «x» нет", "«x» деген атау жоқ"},
		{"undefined field 'agee'", celmsg.CodeNoField, `no field "agee"`, "нет поля «agee»", "«agee» өрісі жоқ"},
		{"type 'string' does not support field selection", celmsg.CodeNoFields, "a value of type string has no fields", "у значения типа «строка» нет полей", "мәтін мәнінде өрістер жоқ"},
		{"invalid argument to has() macro", celmsg.CodeHas, "has() tests a field", "has() проверяет поле", "has() өрісті тексереді"},
		{"expected type 'bool' but found 'int'", celmsg.CodeExpected, "bool (true/false) is needed here, but this is int",
			"здесь нужно значение типа «bool (true/false)», а указано «целое число»", "бұл жерде bool (true/false) керек, ал бүтін сан берілген"},
		{"reserved identifier: var", celmsg.CodeReserved, `"var" is a word CEL reserves`, "«var» — зарезервированное слово CEL", "«var» — CEL-дің сақталған сөзі"},
		{"argument must be a simple name", celmsg.CodeMacroVar, "must be a plain name", "должна быть простым именем", "қарапайым атау болуы керек"},
		{"something new", celmsg.CodeOther, "(CEL says: something new)", "(сообщение CEL: something new)", "(CEL хабары: something new)"},
	}
	for _, tt := range tests {
		t.Run(string(tt.code), func(t *testing.T) {
			in := diag.New(rules.CodeCEL, "rules[0].expr", tt.cel).At(diag.Pos{File: "p.yaml", Line: 3, Col: 9})
			in.Snippet = "    expr: x\n          ^"
			other := diag.New(diag.CodeRequired, "name")
			out := celmsg.Rewrite(diag.List{other, in})
			require.Len(t, out, 2)
			assert.Same(t, other, out[0])
			p := out[1]
			assert.Equal(t, tt.code, p.Code)
			assert.Equal(t, in.Pos, p.Pos)
			assert.Equal(t, in.Snippet, p.Snippet)
			assert.Contains(t, p.Message(diag.EN), tt.en)
			assert.Contains(t, p.Message(diag.RU), tt.ru)
			assert.Contains(t, p.Message(diag.KK), tt.kk)
			assert.NotContains(t, p.Message(diag.RU), "NUM_FLOAT")
			assert.Equal(t, rules.CodeCEL, in.Code, "the input is not changed")
		})
	}
}

func TestRewriteLeavesOthersAlone(t *testing.T) {
	l := diag.List{diag.New(diag.CodeRequired, "a")}
	assert.Equal(t, l, celmsg.Rewrite(l))
	assert.Nil(t, celmsg.Rewrite(nil))
}
