package diag_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/birgemiz/sabaqtastyq/diag"
)

func TestMatch(t *testing.T) {
	cases := map[string]diag.Lang{
		"kk": diag.KK, "kk-KZ": diag.KK, "ru": diag.RU, "ru-RU,ru;q=0.9": diag.RU, "en-GB": diag.EN,
		"de": diag.EN, "": diag.EN, "!!": diag.EN, "fr,ru;q=0.5": diag.RU,
	}
	for in, want := range cases {
		t.Run(in, func(t *testing.T) { assert.Equal(t, want, diag.Match(in)) })
	}
}

func TestLocalizeWithTermsAndPositions(t *testing.T) {
	e := diag.New(diag.CodeDangling, "tandems[2].mentor", "v-9", "@volunteer").At(diag.Pos{File: "p.json", Line: 7, Col: 17})
	assert.Equal(t, `p.json:7:17: tandems[2].mentor: "v-9" is not a volunteer`, e.Error())
	assert.Equal(t, `p.json:7:17: tandems[2].mentor: «v-9» — волонтер емес: мұндай идентификатор жоқ`, e.Localize(diag.KK))
	assert.Equal(t, `p.json:7:17: tandems[2].mentor: «v-9» — такого идентификатора нет (ожидается волонтёр)`, e.Localize(diag.RU))
}

func TestEveryCodeHasThreeLanguages(t *testing.T) {
	codes := []diag.Code{diag.CodeSyntax, diag.CodeUnknownField, diag.CodeUnknownHint, diag.CodeWrongType,
		diag.CodeBadDate, diag.CodeBadMonth, diag.CodeDuplicateID, diag.CodeDangling, diag.CodeDuplicateKey,
		diag.CodeRequired, diag.CodeInvalid, diag.CodeImpossible, diag.CodeTooLarge, diag.CodeIllegalChange}
	for _, c := range codes {
		for _, l := range diag.Langs {
			tmpl, ok := diag.Template(c, l)
			assert.True(t, ok, "%s", c)
			assert.NotEmpty(t, tmpl, "%s %s", c, l)
		}
		kk, _ := diag.Template(c, diag.KK)
		en, _ := diag.Template(c, diag.EN)
		assert.NotEqual(t, kk, en, "%s has no Kazakh text", c)
	}
}

func TestListAndErrors(t *testing.T) {
	a := diag.New(diag.CodeRequired, "b").At(diag.Pos{File: "f", Line: 9, Col: 1})
	b := diag.New(diag.CodeRequired, "a").At(diag.Pos{File: "f", Line: 2, Col: 5})
	l := diag.List{a, b}
	l.Sort()
	assert.Equal(t, diag.List{b, a}, l)
	assert.Nil(t, diag.List(nil).Err())
	joined := errors.Join(l, fmt.Errorf("wrapped: %w", diag.New(diag.CodeSyntax, "", "x")))
	assert.Len(t, diag.Errors(joined), 3)
	var de *diag.Error
	assert.True(t, errors.As(error(l), &de))
	assert.Equal(t, "f:2:5: a: міндетті өріс толтырылмаған\nf:9:1: b: міндетті өріс толтырылмаған", l.Localize(diag.KK))
}

func TestFill(t *testing.T) {
	assert.Equal(t, "a x b {1} {z}", diag.Fill("a {0} b {1} {z}", []string{"x"}))
	assert.Equal(t, "no placeholders", diag.Fill("no placeholders", nil))
	assert.Equal(t, "open {0", diag.Fill("open {0", []string{"x"}))
}

func TestPos(t *testing.T) {
	assert.Equal(t, "f.yaml:3:4", diag.Pos{File: "f.yaml", Line: 3, Col: 4}.String())
	assert.Equal(t, "f.yaml", diag.Pos{File: "f.yaml"}.String())
	assert.Equal(t, "3", diag.Pos{Line: 3}.String())
	assert.Equal(t, "volunteers[3].screening", diag.JoinPath("volunteers[3]", "screening"))
	assert.Equal(t, "tandems[2]", diag.JoinPath("tandems", "[2]"))
}

// A problem reads the same in every language, at the same place.
func ExampleError_Localize() {
	e := diag.New(diag.CodeBadDate, "volunteers[3].screening.training", "2026-02-30").
		At(diag.Pos{File: "programme.yaml", Line: 41, Col: 17})
	for _, lang := range diag.Langs {
		fmt.Println(e.Localize(lang))
	}
	// Output:
	// programme.yaml:41:17: volunteers[3].screening.training: «2026-02-30» күні дұрыс емес: ЖЖЖЖ-АА-КК пішімінде нақты күн болуы керек
	// programme.yaml:41:17: volunteers[3].screening.training: «2026-02-30» — неверная дата: нужен существующий день в формате ГГГГ-ММ-ДД
	// programme.yaml:41:17: volunteers[3].screening.training: "2026-02-30" is not a date: want an existing day as YYYY-MM-DD
}

func TestCellPositions(t *testing.T) {
	for _, c := range []struct {
		pos  diag.Pos
		want string
	}{
		{diag.Pos{File: "roster.xlsx", Sheet: "volunteers", Line: 7, Col: 4}, "roster.xlsx!volunteers!D7"},
		{diag.Pos{File: "roster.xlsx", Sheet: "volunteers", Line: 7, Col: 27}, "roster.xlsx!volunteers!AA7"},
		{diag.Pos{File: "roster.xlsx", Sheet: "volunteers", Line: 7, Col: 702}, "roster.xlsx!volunteers!ZZ7"},
		{diag.Pos{File: "roster.xlsx", Sheet: "volunteers", Line: 7}, "roster.xlsx!volunteers!7"},
		{diag.Pos{File: "roster.xlsx", Sheet: "volunteers"}, "roster.xlsx!volunteers"},
		{diag.Pos{File: "volunteers.csv", Line: 4}, "volunteers.csv:4"},
	} {
		assert.Equal(t, c.want, c.pos.String())
	}
	assert.Equal(t, "", diag.ColumnName(0))
	assert.Equal(t, "A", diag.ColumnName(1))
	assert.Equal(t, "Z", diag.ColumnName(26))
}
