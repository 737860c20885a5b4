package form

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/recruit"
)

//go:embed form.yaml
var embedded []byte

// Form is the questionnaire as printed: sections of questions with their
// options and limits, the closing thanks, and the "my skills" table.
// A Form is read-only once parsed and safe for concurrent use.
type Form struct {
	Title diag.Text `yaml:"title"`
	// Intro is the letter to the applicant, a paragraph each, with the
	// blanks of the guide's template as placeholders (see [WithProject]).
	Intro    []diag.Text `yaml:"intro"`
	Note     diag.Text   `yaml:"note"`
	Thanks   diag.Text   `yaml:"thanks"`
	Sections []Section   `yaml:"sections"`
	Skills   SkillsTable `yaml:"skills"`
}

// Section is a group of questions printed together; a section without a
// title is the form's header (name and contacts).
type Section struct {
	ID        string     `yaml:"id"`
	Title     diag.Text  `yaml:"title"`
	Note      diag.Text  `yaml:"note"`
	Questions []Question `yaml:"questions"`
}

// Kind is how a question is answered.
type Kind string

// Kinds of question.
const (
	KindText   Kind = "text"   // a line to write on
	KindDate   Kind = "date"   // a date, YYYY-MM-DD
	KindNumber Kind = "number" // a whole number
	KindSingle Kind = "single" // one option
	KindMulti  Kind = "multi"  // several options, at most MaxChoices when set
	KindScale  Kind = "scale"  // a score from Min to Max
)

// Question is one question. Its ID is the JSON path of the answer in
// questionnaire.Response ("gender", "qualities.patience"). Its label may
// hold the placeholders of the guide's blanks ({{.Name}}), filled when the
// form is printed (see [WithProject]).
type Question struct {
	ID    string    `yaml:"id"`
	Kind  Kind      `yaml:"kind"`
	Label diag.Text `yaml:"label"`
	// Options of a single or multi question, in the printed order.
	Options []Option `yaml:"options"`
	// MaxChoices limits a multi question; 0 means no limit.
	MaxChoices int `yaml:"max_choices"`
	// Min and Max bound a scale question.
	Min int `yaml:"min"`
	Max int `yaml:"max"`
	// Explain is the field where the explanation of an option marked
	// Explain goes ("motives_other").
	Explain string `yaml:"explain"`
	// Addition marks a question that is not on the guide's form.
	Addition bool `yaml:"addition"`
}

// Option is one answer to choose.
type Option struct {
	ID    string    `yaml:"id"`
	Label diag.Text `yaml:"label"`
	// Explain marks the option that asks for an explanation ("other").
	Explain bool `yaml:"explain"`
}

// SkillsTable is the "my skills" self-assessment table (D7): the guide's
// sample skills as rows and four columns to tick.
type SkillsTable struct {
	Title diag.Text `yaml:"title"`
	Intro diag.Text `yaml:"intro"`
	// Columns are the five headings: the skill, then like doing, do well,
	// professional (can teach others), want to learn.
	Columns []diag.Text `yaml:"columns"`
	// Rows are the guide's standard skills.
	Rows []diag.Text `yaml:"rows"`
	// BlankRows is how many empty rows a blank table adds for the
	// volunteer's own skills.
	BlankRows int `yaml:"blank_rows"`
}

// Default returns the guide's questionnaire, embedded in the package. It
// is parsed once; the result is shared and must not be modified.
func Default() *Form { return defaultForm() }

var defaultForm = sync.OnceValue(func() *Form {
	f, err := Parse(embedded)
	if err != nil {
		// The embedded file is part of the program and tested; a broken
		// one is a build defect, not bad input.
		panic("questionnaire/form: embedded form.yaml: " + err.Error())
	}
	return f
})

// Parse reads a form in the format of the embedded form.yaml, so that an
// organisation can print its own variant. Unknown fields are errors.
func Parse(data []byte) (*Form, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var f Form
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("form: %w", err)
	}
	if err := f.check(); err != nil {
		return nil, err
	}
	return &f, nil
}

// check reports the first structural mistake of a form: a question without
// an id or label in every language, an unknown kind, a choice question
// without options, a bad scale, or a duplicate id.
func (f *Form) check() error {
	seen := map[string]bool{}
	full := func(t diag.Text) bool { return t.KK != "" && t.RU != "" && t.EN != "" }
	for i, t := range f.Intro {
		if !full(t) {
			return fmt.Errorf("form: intro paragraph %d: missing in a language", i+1)
		}
	}
	if err := f.checkPlaceholders(); err != nil {
		return err
	}
	if len(f.Skills.Columns) != 5 {
		return fmt.Errorf("form: the skills table needs 5 columns, has %d", len(f.Skills.Columns))
	}
	for _, s := range f.Sections {
		for _, q := range s.Questions {
			switch {
			case q.ID == "" || seen[q.ID]:
				return fmt.Errorf("form: section %q: empty or duplicate question id %q", s.ID, q.ID)
			case !full(q.Label):
				return fmt.Errorf("form: question %q: label missing in a language", q.ID)
			}
			seen[q.ID] = true
			switch q.Kind {
			case KindText, KindDate, KindNumber:
			case KindSingle, KindMulti:
				if len(q.Options) == 0 {
					return fmt.Errorf("form: question %q: no options", q.ID)
				}
				ids := map[string]bool{}
				for _, o := range q.Options {
					if o.ID == "" || ids[o.ID] || !full(o.Label) {
						return fmt.Errorf("form: question %q: option %q is empty, repeated or not in every language", q.ID, o.ID)
					}
					ids[o.ID] = true
				}
			case KindScale:
				if q.Min >= q.Max {
					return fmt.Errorf("form: question %q: scale %d–%d", q.ID, q.Min, q.Max)
				}
			default:
				return fmt.Errorf("form: question %q: unknown kind %q", q.ID, q.Kind)
			}
		}
	}
	return nil
}

// checkPlaceholders fills every text of the form, in every language, with
// and without a project: a placeholder that is misspelt or does not parse
// is the form's mistake, found when it is read rather than when it is
// printed.
func (f *Form) checkPlaceholders() error {
	texts := append([]diag.Text{f.Title, f.Note, f.Thanks}, f.Intro...)
	for _, s := range f.Sections {
		texts = append(texts, s.Title, s.Note)
		for _, q := range s.Questions {
			texts = append(texts, q.Label)
			for _, o := range q.Options {
				texts = append(texts, o.Label)
			}
		}
	}
	for _, lang := range diag.Langs {
		for _, b := range []blanks{newBlanks(lang, recruit.Project{}), newBlanks(lang, recruit.Project{Name: "N", Locality: "L", Goal: "G", Activities: "A"})} {
			for _, t := range texts {
				if _, err := fill(t.In(lang), lang, b); err != nil {
					return fmt.Errorf("form: %w", err)
				}
			}
		}
	}
	return nil
}

// Question returns the question with the given id (a JSON path of
// questionnaire.Response) and whether there is one.
func (f *Form) Question(id string) (Question, bool) {
	for _, s := range f.Sections {
		for _, q := range s.Questions {
			if q.ID == id {
				return q, true
			}
		}
	}
	return Question{}, false
}

// Questions returns every question in the printed order.
func (f *Form) Questions() []Question {
	var out []Question
	for _, s := range f.Sections {
		out = append(out, s.Questions...)
	}
	return out
}

// OptionIDs returns the ids of q's options in order.
func (q Question) OptionIDs() []string {
	ids := make([]string, len(q.Options))
	for i, o := range q.Options {
		ids[i] = o.ID
	}
	return ids
}

// Scale returns the scores of a scale question, Min to Max.
func (q Question) Scale() []int {
	var out []int
	for i := q.Min; i <= q.Max; i++ {
		out = append(out, i)
	}
	return out
}

// Field returns the last element of q's id: "patience" for
// "qualities.patience".
func (q Question) Field() string {
	return q.ID[strings.LastIndexByte(q.ID, '.')+1:]
}
