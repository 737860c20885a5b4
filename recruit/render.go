package recruit

import (
	"bytes"
	"embed"
	"fmt"
	htmltemplate "html/template"
	"io"
	"reflect"
	"strings"
	"sync"
	texttemplate "text/template"

	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/escape"
)

// Format is the output format of a rendered document.
type Format string

// Output formats.
const (
	Markdown Format = "md"   // CommonMark, for reading, posting and versioning
	HTML     Format = "html" // a print-ready A4 page, XHTML-compatible
)

// Options say how to render a document. The zero value is the Kazakh
// text, the guide's own, as Markdown.
type Options struct {
	// Lang is the document's language; default [diag.KK].
	Lang diag.Lang
	// Format is [Markdown] (the default) or [HTML].
	Format Format
}

// Codes of the problems this package reports.
const (
	CodeLang   diag.Code = "recruit.lang"   // a language the documents have no text in
	CodeFormat diag.Code = "recruit.format" // an output format not supported
	CodeParam  diag.Code = "recruit.param"  // a number a call needs is missing or not positive; Args: the field
	CodeDates  diag.Code = "recruit.dates"  // an end before its start; Args: the two fields
	CodeData   diag.Code = "recruit.data"   // the embedded texts or templates are broken
)

func init() {
	diag.Register(map[diag.Code]diag.Text{
		CodeLang: {
			KK: "{0} тілінде мәтін жоқ; kk, ru немесе en таңдаңыз",
			RU: "текста на языке {0} нет; выберите kk, ru или en",
			EN: "there is no text in language {0}; choose kk, ru or en",
		},
		CodeFormat: {
			KK: "{0} пішіміне қолдау көрсетілмейді; md немесе html таңдаңыз",
			RU: "формат {0} не поддерживается; выберите md или html",
			EN: "format {0} is not supported; choose md or html",
		},
		CodeParam: {
			KK: "{0} оң сан болуы керек: ол саясат параметрінен алынады",
			RU: "{0} должно быть положительным числом: оно берётся из параметра политики",
			EN: "{0} must be a positive number: it comes from the policy's parameter",
		},
		CodeDates: {
			KK: "{1} күні {0} күнінен бұрын болмауы керек",
			RU: "дата {1} не может быть раньше даты {0}",
			EN: "{1} cannot be before {0}",
		},
		CodeData: {
			KK: "ішкі мәтіндер бүлінген: {0}",
			RU: "встроенные тексты повреждены: {0}",
			EN: "the embedded texts are broken: {0}",
		},
	})
}

//go:embed data/*.yaml templates/*
var files embed.FS

// block is one piece of a document as its data file writes it: a kind
// that says how it is laid out, a text or a list, and the view field that
// must be set (If) or unset (Unless) for it to be shown. Texts hold
// text/template placeholders ({{.Email}}) filled from the view, and may
// call upper.
type block struct {
	Kind   string `yaml:"kind"` // title, subtitle, heading, para, lead, note, bullets, numbered
	Text   string `yaml:"text"`
	Items  []item `yaml:"items"`
	List   string `yaml:"list"` // a []string field of the view whose values are the items
	If     string `yaml:"if"`
	Unless string `yaml:"unless"`
}

// item is one list item: a text, shown when its If field is set.
type item struct {
	Text string `yaml:"text"`
	If   string `yaml:"if"`
}

// UnmarshalYAML reads an item written as a plain string or as {text, if}.
func (it *item) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		return n.Decode(&it.Text)
	}
	type plain item
	return n.Decode((*plain)(it))
}

// doc is one document's text in one language.
type doc struct {
	Title  string  `yaml:"title"`
	Blocks []block `yaml:"blocks"`
}

// out is a block as the templates see it: its text filled in, or its
// items.
type out struct {
	Kind  string
	Text  string
	Items []string
}

type page struct {
	Lang   diag.Lang
	Title  string
	Blocks []out
	Source string
}

type layouts struct {
	md   *texttemplate.Template
	html *htmltemplate.Template
}

var loadLayouts = sync.OnceValues(func() (*layouts, error) {
	md, err := texttemplate.New("doc.md.tmpl").Funcs(texttemplate.FuncMap{"md": escape.Markdown, "inc": func(i int) int { return i + 1 }}).
		ParseFS(files, "templates/doc.md.tmpl")
	if err != nil {
		return nil, err
	}
	html, err := htmltemplate.New("doc.html.tmpl").Funcs(htmltemplate.FuncMap{"text": escape.Controls}).
		ParseFS(files, "templates/doc.html.tmpl")
	if err != nil {
		return nil, err
	}
	return &layouts{md: md, html: html}, nil
})

// resolve checks the options and returns the language and format, with
// their defaults.
func resolve(opts Options) (diag.Lang, Format, error) {
	lang, format := opts.Lang, opts.Format
	if lang == "" {
		lang = diag.KK
	}
	if format == "" {
		format = Markdown
	}
	l, ok := diag.ParseLang(string(lang))
	if !ok {
		return "", "", diag.New(CodeLang, "options.lang", string(lang))
	}
	if format != Markdown && format != HTML {
		return "", "", diag.New(CodeFormat, "options.format", string(format))
	}
	return l, format, nil
}

// readTexts decodes data/NAME.yaml: one doc-shaped value per language.
func readTexts[T any](name string) (map[diag.Lang]*T, error) {
	b, err := files.ReadFile("data/" + name + ".yaml")
	if err != nil {
		return nil, err
	}
	var all map[string]*T
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&all); err != nil {
		return nil, fmt.Errorf("data/%s.yaml: %w", name, err)
	}
	out := map[diag.Lang]*T{}
	for _, lang := range diag.Langs {
		t, ok := all[string(lang)]
		if !ok || t == nil {
			return nil, fmt.Errorf("data/%s.yaml: no text in %s", name, lang)
		}
		out[lang] = t
	}
	return out, nil
}

var placeholders = texttemplate.FuncMap{"upper": strings.ToUpper}

// fill lays out a doc's blocks for view v: the blocks whose conditions
// hold, their placeholders filled in. The first failure sticks.
func fill(d *doc, v any) ([]out, error) {
	rv := reflect.ValueOf(v)
	set := func(field string) (bool, error) {
		f := rv.FieldByName(field)
		if !f.IsValid() {
			return false, fmt.Errorf("no field %q", field)
		}
		return !f.IsZero() && !(f.Kind() == reflect.Slice && f.Len() == 0), nil
	}
	expand := func(s string) (string, error) {
		if !strings.Contains(s, "{{") {
			return s, nil
		}
		t, err := texttemplate.New("").Funcs(placeholders).Option("missingkey=error").Parse(s)
		if err != nil {
			return "", err
		}
		var b strings.Builder
		if err := t.Execute(&b, v); err != nil {
			return "", err
		}
		return b.String(), nil
	}
	var blocks []out
	for _, b := range d.Blocks {
		if b.If != "" {
			if ok, err := set(b.If); err != nil || !ok {
				if err != nil {
					return nil, err
				}
				continue
			}
		}
		if b.Unless != "" {
			if ok, err := set(b.Unless); err != nil || ok {
				if err != nil {
					return nil, err
				}
				continue
			}
		}
		o := out{Kind: b.Kind}
		var err error
		if o.Text, err = expand(b.Text); err != nil {
			return nil, err
		}
		for _, it := range b.Items {
			if it.If != "" {
				ok, err := set(it.If)
				if err != nil {
					return nil, err
				}
				if !ok {
					continue
				}
			}
			s, err := expand(it.Text)
			if err != nil {
				return nil, err
			}
			o.Items = append(o.Items, s)
		}
		if b.List != "" {
			f := rv.FieldByName(b.List)
			if !f.IsValid() || f.Kind() != reflect.Slice {
				return nil, fmt.Errorf("no list %q", b.List)
			}
			for i := range f.Len() {
				o.Items = append(o.Items, fmt.Sprint(f.Index(i).Interface()))
			}
		}
		if o.Text == "" && len(o.Items) == 0 {
			continue
		}
		blocks = append(blocks, o)
	}
	return blocks, nil
}

// write lays a page out in format and writes it to w in one piece.
func write(w io.Writer, format Format, pg *page) error {
	l, err := loadLayouts()
	if err != nil {
		return dataError(err)
	}
	var buf bytes.Buffer
	if format == HTML {
		err = l.html.Execute(&buf, pg)
	} else {
		err = l.md.Execute(&buf, pg)
	}
	if err != nil {
		return dataError(err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

func dataError(err error) error {
	return &diag.Error{Code: CodeData, Path: "options", Args: []string{err.Error()}, Err: err}
}
