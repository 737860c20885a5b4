package validation_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/validation"
)

type sample struct {
	Text  string            `json:"text" validate:"required,min=2,max=5"`
	Count int               `json:"count" validate:"min=1,max=10"`
	List  []string          `json:"list" validate:"min=1,max=2,unique"`
	Kind  string            `json:"kind" validate:"oneof=a b"`
	Mail  string            `json:"mail" validate:"omitempty,email"`
	Langs []string          `json:"langs" validate:"dive,bcp47_language_tag"`
	Day   civil.Date        `json:"day" validate:"required"`
	Month civil.Month       `json:"month" validate:"required"`
	Inner *inner            `json:"inner,omitempty"`
	Rows  []inner           `json:"rows" validate:"dive"`
	Map   map[string]string `json:"map,omitempty" validate:"omitempty,dive,max=1"`
	NoTag string            `validate:"max=1"`
}

type inner struct {
	Name string `json:"name" validate:"required"`
}

func good() sample {
	return sample{Text: "abc", Count: 5, List: []string{"x"}, Kind: "a", Langs: []string{"kk"},
		Day: civil.D(2026, 1, 2), Month: civil.M(2026, 1), Rows: []inner{{Name: "n"}}}
}

func TestStructValid(t *testing.T) {
	require.Empty(t, validation.Struct(good()))
	s := good()
	require.Empty(t, validation.Struct(&s))
}

// TestMessages fails every tag in every shape it has a message for, and
// checks the message in each language: present, naming the field by its
// JSON name, and not left as a raw key.
func TestMessages(t *testing.T) {
	cases := []struct {
		name  string
		tag   string
		edit  func(*sample)
		path  string
		field string
		args  []string
	}{
		{"required string", "required", func(s *sample) { s.Text = "" }, "text", "text", []string{""}},
		{"required date", "required", func(s *sample) { s.Day = civil.Date{} }, "day", "day", []string{""}},
		{"required month", "required", func(s *sample) { s.Month = civil.Month{} }, "month", "month", []string{""}},
		{"min string", "min", func(s *sample) { s.Text = "a" }, "text", "text", []string{"2"}},
		{"max string", "max", func(s *sample) { s.Text = "abcdef" }, "text", "text", []string{"5"}},
		{"min number", "min", func(s *sample) { s.Count = 0 }, "count", "count", []string{"1", "0"}},
		{"max number", "max", func(s *sample) { s.Count = 11 }, "count", "count", []string{"10", "11"}},
		{"min items", "min", func(s *sample) { s.List = nil }, "list", "list", []string{"1"}},
		{"max items", "max", func(s *sample) { s.List = []string{"x", "y", "z"} }, "list", "list", []string{"2"}},
		{"unique", "unique", func(s *sample) { s.List = []string{"x", "x"} }, "list", "list", []string{""}},
		{"oneof", "oneof", func(s *sample) { s.Kind = "c" }, "kind", "kind", []string{"a b", "c"}},
		{"email", "email", func(s *sample) { s.Mail = "not-an-address" }, "mail", "mail", []string{""}},
		{"bcp47_language_tag", "bcp47_language_tag", func(s *sample) { s.Langs = []string{"kk", "!!"} }, "langs[1]", "langs[1]", []string{""}},
	}
	covered := map[string]bool{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := good()
			tc.edit(&s)
			errs := validation.Struct(s)
			require.Len(t, errs, 1, errs.Error())
			e := errs[0]
			assert.Equal(t, tc.path, e.Path)
			assert.Equal(t, diag.Code("validate."+tc.tag), e.Code)
			assert.Equal(t, tc.args, e.Args)
			require.NotNil(t, e.Text)
			for _, lang := range diag.Langs {
				msg := e.Message(lang)
				assertMessage(t, msg, tc.tag, tc.field, lang)
			}
			assert.NotEqual(t, e.Text.KK, e.Text.RU)
			assert.NotEqual(t, e.Text.KK, e.Text.EN)
			covered[tc.tag] = true
		})
	}
	var got []string
	for tag := range covered {
		got = append(got, tag)
	}
	slices.Sort(got)
	assert.Equal(t, validation.Tags(), got, "every tag with messages is exercised")
}

func assertMessage(t *testing.T, msg, tag, field string, lang diag.Lang) {
	t.Helper()
	assert.NotEmpty(t, msg, lang)
	assert.Contains(t, msg, field, "%s message names the field: %q", lang, msg)
	for _, raw := range []string{"validate." + tag, tag + "-string", tag + "-items", tag + "-number", "Key:", "{0}", "{1}"} {
		assert.NotContains(t, msg, raw, "%s message is a raw key: %q", lang, msg)
	}
	if lang != diag.EN {
		assert.True(t, strings.ContainsFunc(msg, func(r rune) bool { return r >= 'А' && r <= 'ӿ' }),
			"%s message is written in Cyrillic: %q", lang, msg)
	}
	if lang == diag.KK {
		// Letters Russian does not have show the text is Kazakh.
		assert.True(t, strings.ContainsAny(msg, "әғқңөұүһі"), "kk message is Kazakh: %q", msg)
	}
}

// TestRepoTagsHaveMessages reads every validate tag in the module and
// fails when a tag that can fail has no message in kk, ru and en.
func TestRepoTagsHaveMessages(t *testing.T) {
	root := filepath.Join("..", "..")
	used := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil // another package's work in progress; not ours to judge
		}
		ast.Inspect(f, func(n ast.Node) bool {
			field, ok := n.(*ast.Field)
			if !ok || field.Tag == nil {
				return true
			}
			raw, err := strconv.Unquote(field.Tag.Value)
			if err != nil {
				return true
			}
			for _, part := range strings.FieldsFunc(reflect.StructTag(raw).Get("validate"), func(r rune) bool { return r == ',' || r == '|' }) {
				tag, _, _ := strings.Cut(part, "=")
				used[tag] = path
			}
			return true
		})
		return nil
	})
	require.NoError(t, err)
	require.Contains(t, used, "required", "the walk found the domain's tags")
	for tag, path := range used {
		t.Run(tag, func(t *testing.T) {
			if validation.IsStructural(tag) {
				return
			}
			assert.Contains(t, validation.Tags(), tag, "tag %q (used in %s) has no kk/ru/en message", tag, path)
		})
	}
}

func TestPaths(t *testing.T) {
	s := good()
	s.Inner = &inner{}
	s.Rows = []inner{{Name: "ok"}, {}, {}}
	s.Map = map[string]string{"k": "long"}
	s.NoTag = "xx"
	var paths []string
	for _, e := range validation.Struct(s) {
		paths = append(paths, e.Path)
	}
	assert.Equal(t, []string{"inner.name", "rows[1].name", "rows[2].name", "map[k]", "NoTag"}, paths)
}

type person struct {
	Name  string `json:"full_name" validate:"max=3"`
	Phone string `json:"phone" validate:"omitempty,email"`
}

func TestNoFreeTextEchoed(t *testing.T) {
	p := person{Name: "Aigerim Sadykova", Phone: "+7 701 123 45 67"}
	errs := validation.Struct(p)
	require.Len(t, errs, 2)
	for _, e := range errs {
		for _, lang := range diag.Langs {
			msg := e.Localize(lang)
			assert.NotContains(t, msg, "Aigerim")
			assert.NotContains(t, msg, "701")
		}
		assert.NotContains(t, strings.Join(e.Args, " "), "Aigerim")
		assert.NotContains(t, strings.Join(e.Args, " "), "701")
	}
}

func TestVar(t *testing.T) {
	cases := []struct {
		name  string
		value any
		tag   string
		paths []string
		code  diag.Code
	}{
		{"valid", []string{"kk"}, "max=2,dive,bcp47_language_tag", nil, ""},
		{"too many", []string{"kk", "ru", "en"}, "max=2,dive,bcp47_language_tag", []string{"volunteers[3].languages"}, "validate.max"},
		{"bad element", []string{"kk", "!!"}, "max=2,dive,bcp47_language_tag", []string{"volunteers[3].languages[1]"}, "validate.bcp47_language_tag"},
		{"nil required", nil, "required", []string{"volunteers[3].languages"}, "validate.required"},
		{"zero date required", civil.Date{}, "required", []string{"volunteers[3].languages"}, "validate.required"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			errs := validation.Var("volunteers[3].languages", tc.value, tc.tag)
			var paths []string
			for _, e := range errs {
				paths = append(paths, e.Path)
				assert.Equal(t, tc.code, e.Code)
				for _, lang := range diag.Langs {
					msg := e.Message(lang)
					assert.Contains(t, msg, "languages")
					assert.NotContains(t, msg, "\x1f")
				}
			}
			assert.Equal(t, tc.paths, paths)
		})
	}
}

func TestNotStruct(t *testing.T) {
	for name, v := range map[string]any{"nil": nil, "int": 3, "nil pointer": (*sample)(nil)} {
		t.Run(name, func(t *testing.T) {
			errs := validation.Struct(v)
			require.Len(t, errs, 1)
			assert.Equal(t, validation.CodeNotStruct, errs[0].Code)
			assert.NotEmpty(t, errs[0].Message(diag.KK))
		})
	}
}

func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	results := make([]diag.List, 16)
	for i := range results {
		wg.Go(func() {
			s := good()
			s.Count = 11
			s.Kind = "z"
			results[i] = validation.Struct(s)
		})
	}
	wg.Wait()
	for _, r := range results {
		require.Len(t, r, 2)
		assert.Equal(t, results[0].Localize(diag.KK), r.Localize(diag.KK))
	}
}

// The value of a field tagged personal is never an argument, even when
// it is an enumeration or a number that other fields would show.
func TestPersonalValuesAreNotArguments(t *testing.T) {
	type health struct {
		Answer string `json:"answer" validate:"oneof=no yes" personal:"true"`
		Score  int    `json:"score" validate:"max=5"`
	}
	type form struct {
		Gender string  `json:"gender" validate:"oneof=female male"`
		Health *health `json:"health" personal:"true"`
		Age    int     `json:"age" validate:"max=120" personal:"true"`
	}
	errs := validation.Struct(form{Gender: "f", Health: &health{Answer: "asthma", Score: 9}, Age: 130})
	require.Len(t, errs, 4)
	for _, e := range errs {
		for _, lang := range diag.Langs {
			msg := e.Localize(lang)
			for _, secret := range []string{"asthma", "130", "9"} {
				assert.NotContains(t, msg, secret, e.Path)
				assert.NotContains(t, e.Args, secret, e.Path)
			}
		}
	}
	assert.Equal(t, []string{"female male", "f"}, errs[0].Args, "a value that is not personal is shown")
}
