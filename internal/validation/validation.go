package validation

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/go-playground/locales/en"
	"github.com/go-playground/locales/kk"
	"github.com/go-playground/locales/ru"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"
	entrans "github.com/go-playground/validator/v10/translations/en"
	rutrans "github.com/go-playground/validator/v10/translations/ru"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
)

// CodePrefix starts the code of every problem found by a validate tag: the
// tag "max" gives the code "validate.max".
const CodePrefix = "validate."

// CodeRequired is the code of a field that the required tag finds empty.
const CodeRequired diag.Code = CodePrefix + "required"

// CodeNotStruct is the code of the one problem [Struct] reports when it is
// given something other than a struct or a pointer to one. It is a
// programming error, reported rather than panicking.
const CodeNotStruct diag.Code = CodePrefix + "not_struct"

// tags are the validate tags that can fail and have messages in Kazakh,
// Russian and English. Tags that only steer validation (dive, omitempty…)
// never fail on their own and need no message.
var tags = []string{"bcp47_language_tag", "email", "max", "min", "oneof", "required", "unique"}

// Structural tags steer validation and never fail on their own.
var structural = []string{"dive", "omitempty", "omitnil", "omitzero", "keys", "endkeys", "structonly", "nostructlevel", "-"}

// Tags returns the validate tags whose failures have messages in every
// language, sorted.
func Tags() []string { return slices.Clone(tags) }

// IsStructural reports whether tag only steers validation (dive, omitempty…)
// and so never fails by itself.
func IsStructural(tag string) bool { return slices.Contains(structural, tag) }

// engine is the one validator with its three translators.
type engine struct {
	v     *validator.Validate
	trans map[diag.Lang]ut.Translator
}

var shared = sync.OnceValues(build)

// build makes the validator: JSON names for fields, civil dates and months
// seen as their text (the zero value as missing), and messages in kk, ru, en.
func build() (*engine, error) {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(jsonName)
	v.RegisterCustomTypeFunc(civilValue, civil.Date{}, civil.Month{})

	uni := ut.New(en.New(), en.New(), ru.New(), kk.New())
	e := &engine{v: v, trans: map[diag.Lang]ut.Translator{}}
	for _, lang := range diag.Langs {
		t, ok := uni.GetTranslator(string(lang))
		if !ok {
			return nil, fmt.Errorf("validation: no translator for %q", lang)
		}
		e.trans[lang] = t
	}
	if err := entrans.RegisterDefaultTranslations(v, e.trans[diag.EN]); err != nil {
		return nil, fmt.Errorf("validation: en translations: %w", err)
	}
	if err := rutrans.RegisterDefaultTranslations(v, e.trans[diag.RU]); err != nil {
		return nil, fmt.Errorf("validation: ru translations: %w", err)
	}
	for lang, extra := range map[diag.Lang]map[string]string{diag.EN: enExtra, diag.RU: ruExtra} {
		for tag, text := range extra {
			if err := v.RegisterTranslation(tag, e.trans[lang], addFunc(tag, text), fieldOnly); err != nil {
				return nil, fmt.Errorf("validation: %s %s: %w", lang, tag, err)
			}
		}
	}
	if err := registerKazakh(v, e.trans[diag.KK]); err != nil {
		return nil, fmt.Errorf("validation: kk translations: %w", err)
	}
	return e, nil
}

// jsonName names a field as the programme file does; a field without a JSON
// name keeps its Go name.
func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "" || name == "-" {
		return f.Name
	}
	return name
}

// civilValue shows civil dates and months to the validator as their text,
// and the zero value as nothing, so that `required` means "given".
func civilValue(v reflect.Value) any {
	switch x := v.Interface().(type) {
	case civil.Date:
		if !x.IsZero() {
			return x.String()
		}
	case civil.Month:
		if !x.IsZero() {
			return x.String()
		}
	}
	return nil
}

// Struct validates v, a struct or a pointer to one, by its `validate` tags
// and returns every problem, in field order. Each problem's Path is the
// field's JSON path inside v ("skills[2].name"), its Code is "validate." and
// the tag, its Args are the tag's parameter followed by the offending value
// when that is safe to show (an enumeration or a number, never free text),
// and its Text holds the message in Kazakh, Russian and English.
//
// Struct is safe for concurrent use.
func Struct(v any) diag.List {
	e, err := shared()
	if err != nil {
		return diag.List{{Code: CodeNotStruct, Err: err, Text: &diag.Text{KK: err.Error(), RU: err.Error(), EN: err.Error()}}}
	}
	return e.convert(e.v.Struct(v), nil, personalOf(reflect.TypeOf(v)))
}

// varNames renames the sentinel in Var's paths and messages.
type varNames struct{ path, name string }

// sentinel stands for the field name while [Var] validates; it is replaced
// by the caller's name in paths and messages.
const sentinel = "\x1ffield\x1f"

// Var validates one value v against tag as if it were a field at path
// (a JSON path such as "volunteers[3].languages"), and returns its problems
// like [Struct]. Messages name the last element of path.
//
// Var is safe for concurrent use.
func Var(path string, v any, tag string) diag.List {
	e, err := shared()
	if err != nil {
		return diag.List{{Code: CodeNotStruct, Path: path, Err: err, Text: &diag.Text{KK: err.Error(), RU: err.Error(), EN: err.Error()}}}
	}
	t := reflect.TypeOf(v)
	if t == nil {
		t = reflect.TypeFor[any]()
	}
	// One field in an unnamed struct lets Var share Struct's paths and
	// messages; the type depends only on t and tag, so the validator's
	// cache stays as small as the program.
	st := reflect.StructOf([]reflect.StructField{{
		Name: "V",
		Type: t,
		Tag:  reflect.StructTag(`json:` + strconv.Quote(sentinel) + ` validate:` + strconv.Quote(tag)),
	}})
	sv := reflect.New(st).Elem()
	if v != nil {
		sv.Field(0).Set(reflect.ValueOf(v))
	}
	return e.convert(e.v.Struct(sv.Interface()), &varNames{path: path, name: leaf(path)}, nil)
}

// leaf returns the last name of a JSON path: "languages" for
// "volunteers[3].languages".
func leaf(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		path = path[i+1:]
	}
	if i := strings.IndexByte(path, '['); i > 0 {
		path = path[:i]
	}
	return path
}

func (e *engine) convert(err error, names *varNames, personal map[string]bool) diag.List {
	if err == nil {
		return nil
	}
	var fes validator.ValidationErrors
	if !errors.As(err, &fes) {
		msg := "validation: " + err.Error()
		return diag.List{{Code: CodeNotStruct, Err: err, Text: &diag.Text{KK: msg, RU: msg, EN: msg}}}
	}
	out := make(diag.List, 0, len(fes))
	for _, fe := range fes {
		path := fe.Namespace()
		switch {
		case names != nil:
			// Var's namespace starts with the sentinel, its only field.
			_, rest, _ := strings.Cut(path, sentinel)
			path = names.path + rest
		case strings.IndexByte(path, '.') >= 0:
			// The namespace starts with the top struct's type name; drop it.
			_, path, _ = strings.Cut(path, ".")
		default:
			path = ""
		}
		args := []string{fe.Param()}
		if s, ok := safeValue(fe); ok && !personal[fe.Field()] {
			args = append(args, s)
		}
		text := e.text(fe)
		if names != nil {
			r := strings.NewReplacer(sentinel, names.name)
			text = diag.Text{KK: r.Replace(text.KK), RU: r.Replace(text.RU), EN: r.Replace(text.EN)}
		}
		out = append(out, &diag.Error{
			Path: path,
			Code: diag.Code(CodePrefix + fe.Tag()),
			Args: args,
			Text: &text,
		})
	}
	return out
}

// text renders fe in the three languages. Tags without messages of ours
// get a plain message naming the field and the tag, never the value.
func (e *engine) text(fe validator.FieldError) diag.Text {
	if !slices.Contains(tags, fe.Tag()) {
		return diag.Text{
			KK: fmt.Sprintf("«%s» өрісі «%s» ережесіне сай емес", fe.Field(), fe.Tag()),
			RU: fmt.Sprintf("поле %s не соответствует правилу «%s»", fe.Field(), fe.Tag()),
			EN: fmt.Sprintf("%s does not satisfy the rule %q", fe.Field(), fe.Tag()),
		}
	}
	if fe.Tag() == "oneof" {
		return oneOf(fe)
	}
	return diag.Text{
		KK: fe.Translate(e.trans[diag.KK]),
		RU: fe.Translate(e.trans[diag.RU]),
		EN: fe.Translate(e.trans[diag.EN]),
	}
}

// safeValue returns the offending value when it may be shown: the text of
// an enumeration (oneof) or a number. Free text may be a name, a phone or an
// address, so it is never returned.
func safeValue(fe validator.FieldError) (string, bool) {
	rv := reflect.ValueOf(fe.Value())
	switch rv.Kind() {
	case reflect.String:
		if fe.Tag() == "oneof" {
			return rv.String(), true
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(rv.Int(), 10), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(rv.Uint(), 10), true
	case reflect.Float32, reflect.Float64:
		return strconv.FormatFloat(rv.Float(), 'g', -1, 64), true
	}
	return "", false
}

// personalOf returns the JSON names of the fields of t, and of the types it
// holds, tagged personal:"true" or inside such a field: their values are
// never echoed, even when they are enumerations or numbers.
func personalOf(t reflect.Type) map[string]bool {
	if t == nil {
		return nil
	}
	if m, ok := personalCache.Load(t); ok {
		return m.(map[string]bool)
	}
	m := map[string]bool{}
	var walk func(t reflect.Type, inside bool, seen map[reflect.Type]bool)
	walk = func(t reflect.Type, inside bool, seen map[reflect.Type]bool) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] && !inside {
			return
		}
		seen[t] = true
		for i := range t.NumField() {
			f := t.Field(i)
			p := inside || f.Tag.Get("personal") == "true"
			if p {
				m[jsonName(f)] = true
			}
			walk(f.Type, p, seen)
		}
	}
	walk(t, false, map[reflect.Type]bool{})
	personalCache.Store(t, m)
	return m
}

var personalCache sync.Map // reflect.Type → map[string]bool

// oneOf words the failure of an enumeration: the allowed values as a list
// a person reads ("a, b or c"), and the nearest of them when the value
// looks like a slip of the keyboard ("orphanag": did you mean
// "orphanage"?). The value itself is never repeated here (it may be
// personal); the snippet shows it.
func oneOf(fe validator.FieldError) diag.Text {
	allowed := strings.Fields(fe.Param())
	field := fe.Field()
	t := diag.Text{
		KK: fmt.Sprintf("«%s» өрісінің мәні мыналардың бірі болуы керек: %s", field, joinWords(allowed, "не")),
		RU: fmt.Sprintf("поле «%s» принимает одно из значений: %s", field, joinWords(allowed, "или")),
		EN: fmt.Sprintf("%s must be one of %s", field, joinWords(allowed, "or")),
	}
	if v, ok := fe.Value().(string); ok && v != "" {
		if hint, ok := diag.Closest(v, allowed); ok {
			t.KK += fmt.Sprintf(" («%s» болуы мүмкін бе?)", hint)
			t.RU += fmt.Sprintf(" (может быть, «%s»?)", hint)
			t.EN += fmt.Sprintf(" (did you mean %q?)", hint)
		}
	}
	return t
}

// joinWords lists words as running text: "a, b or c".
func joinWords(words []string, or string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + or + " " + words[len(words)-1]
}
