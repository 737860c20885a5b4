package validation

import (
	"reflect"
	"strconv"
	"strings"

	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"
)

// enExtra and ruExtra add the tags that validator's own English and Russian
// translations lack.
var (
	enExtra = map[string]string{
		"bcp47_language_tag": "{0} must be a valid BCP 47 language tag (such as kk, ru or en)",
	}
	ruExtra = map[string]string{
		"bcp47_language_tag": "{0} должен быть допустимым языковым тегом BCP 47 (например, kk, ru или en)",
	}
)

// kazakh holds the Kazakh messages. {0} is the field's JSON name, {1} the
// tag's parameter. Kazakh does not put a noun after a numeral in the
// plural ("200 таңба"), so one form serves every number, and "ең көбі" /
// "ең кемі" (at most / at least) spare the number a case ending whose
// vowel harmony would depend on how it is read.
var kazakh = map[string]string{
	"required":           "«{0}» өрісі толтырылуы керек",
	"email":              "«{0}» өрісінде дұрыс электрондық пошта мекенжайы болуы керек",
	"unique":             "«{0}» тізіміндегі мәндер қайталанбауы керек",
	"oneof":              "«{0}» өрісінің мәні мыналардың бірі болуы керек: {1}",
	"bcp47_language_tag": "«{0}» өрісінде BCP 47 пішіміндегі тіл белгісі болуы керек (мысалы, kk, ru немесе en)",
	"max-string":         "«{0}» өрісінің ұзындығы ең көбі {1} таңба болуы керек",
	"max-items":          "«{0}» тізімінде ең көбі {1} элемент болуы керек",
	"max-number":         "«{0}» өрісінің мәні ең көбі {1} болуы керек",
	"min-string":         "«{0}» өрісінің ұзындығы ең кемі {1} таңба болуы керек",
	"min-items":          "«{0}» тізімінде ең кемі {1} элемент болуы керек",
	"min-number":         "«{0}» өрісінің мәні ең кемі {1} болуы керек",
}

// registerKazakh registers the Kazakh message of every tag in [tags].
func registerKazakh(v *validator.Validate, t ut.Translator) error {
	for _, tag := range tags {
		var reg validator.RegisterTranslationsFunc
		var tr validator.TranslationFunc
		switch tag {
		case "min", "max":
			reg = func(t ut.Translator) error {
				for _, kind := range []string{"-string", "-items", "-number"} {
					if err := t.Add(tag+kind, kazakh[tag+kind], false); err != nil {
						return err
					}
				}
				return nil
			}
			tr = sized(tag)
		case "oneof":
			reg = addFunc(tag, kazakh[tag])
			tr = withParam
		default:
			reg = addFunc(tag, kazakh[tag])
			tr = fieldOnly
		}
		if err := v.RegisterTranslation(tag, t, reg, tr); err != nil {
			return err
		}
	}
	return nil
}

func addFunc(key, text string) validator.RegisterTranslationsFunc {
	return func(t ut.Translator) error { return t.Add(key, text, false) }
}

// fieldOnly renders a message that names the field alone.
func fieldOnly(t ut.Translator, fe validator.FieldError) string {
	s, err := t.T(fe.Tag(), fe.Field())
	if err != nil {
		return fe.Field() + ": " + fe.Tag()
	}
	return s
}

// withParam renders a message that names the field and the parameter.
func withParam(t ut.Translator, fe validator.FieldError) string {
	s, err := t.T(fe.Tag(), fe.Field(), fe.Param())
	if err != nil {
		return fe.Field() + ": " + fe.Tag() + "=" + fe.Param()
	}
	return s
}

// sized renders min and max: a length for text, a count for lists and a
// value for numbers.
func sized(tag string) validator.TranslationFunc {
	return func(t ut.Translator, fe validator.FieldError) string {
		kind := fe.Kind()
		if kind == reflect.Ptr {
			kind = fe.Type().Elem().Kind()
		}
		key := tag + "-number"
		switch kind {
		case reflect.String:
			key = tag + "-string"
		case reflect.Slice, reflect.Map, reflect.Array:
			key = tag + "-items"
		}
		param := fe.Param()
		if f, err := strconv.ParseFloat(param, 64); err == nil {
			var digits uint64
			if _, frac, ok := strings.Cut(param, "."); ok {
				digits = uint64(len(frac))
			}
			param = t.FmtNumber(f, digits)
		}
		s, err := t.T(key, fe.Field(), param)
		if err != nil {
			return fe.Field() + ": " + tag + "=" + fe.Param()
		}
		return s
	}
}
