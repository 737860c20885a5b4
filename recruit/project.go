package recruit

import (
	"io"
	"path/filepath"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/internal/validation"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// Project is what an organisation says about the project it recruits
// volunteers for: the blanks of the guide's templates. The questionnaire
// of Appendix 1 asks for the project's name, its locality, its aim "in
// simple words" and what its volunteers do ("[Атауы]", "[Елді мекеннің
// атауы]", "[Жобаның мақсатын қарапайым сөздермен көрсетіңіз]", "[қызмет
// түрлерін …]", L2105–L2111); the calls of Appendix 3 give an address and
// a phone to apply to, and the mentor call a list of cities with their
// contacts (L2410–L2418).
//
// Every field is optional: a document leaves a line to fill in by hand
// where the project says nothing. The texts are the organisation's own,
// shown as written in every language of the document. The contacts are
// the organisation's public ones, not personal data.
type Project struct {
	// Organisation is the organisation's name.
	Organisation string `json:"organisation,omitempty" yaml:"organisation" validate:"max=300"`
	// Name is the project's name, "[Атауы]".
	Name string `json:"name,omitempty" yaml:"name" validate:"max=300"`
	// Locality is the town or village, "[Елді мекеннің атауы]".
	Locality string `json:"locality,omitempty" yaml:"locality" validate:"max=100"`
	// Goal is the project's aim in simple words.
	Goal string `json:"goal,omitempty" yaml:"goal" validate:"max=1000"`
	// Activities says what the volunteers do and what their tasks are.
	Activities string `json:"activities,omitempty" yaml:"activities" validate:"max=1000"`
	// Email and Phone are where to apply.
	Email string `json:"email,omitempty" yaml:"email" validate:"omitempty,email,max=254"`
	Phone string `json:"phone,omitempty" yaml:"phone" validate:"max=32"`
	// Cities lists where the project works, each with its own contacts.
	Cities []City `json:"cities,omitempty" yaml:"cities" validate:"max=100,dive"`
}

// City is one city the project works in, with where to apply there.
type City struct {
	Name  string `json:"name" yaml:"name" validate:"required,max=100"`
	Phone string `json:"phone,omitempty" yaml:"phone" validate:"max=32"`
	Email string `json:"email,omitempty" yaml:"email" validate:"omitempty,email,max=254"`
}

// Validate checks the lengths of the texts and the form of the e-mail
// addresses, and returns every problem at once as a [diag.List] naming
// each field by its path ("cities[2].email").
func (p *Project) Validate() error { return validation.Struct(p).Err() }

// FromProgramme returns what a programme file says of its project: the
// organisation's name and, when every institution that names a city names
// the same one, that city as the locality.
func FromProgramme(p *mentoring.Programme) Project {
	if p == nil {
		return Project{}
	}
	out := Project{Organisation: strings.TrimSpace(p.Organisation)}
	city := ""
	for _, in := range p.Institutions {
		c := strings.TrimSpace(in.City)
		switch {
		case c == "":
		case city == "":
			city = c
		case !strings.EqualFold(city, c):
			return out
		}
	}
	out.Locality = city
	return out
}

// An Option changes a cap of [LoadProject] or [DecodeProject]; every cap
// has a default in package limits.
type Option func(*decode.Options)

// WithMaxBytes caps the size of the project file read (default
// limits.ProjectBytes, 1 MiB; a project is a few hundred bytes). A larger
// file is refused after a stat, before it is read.
func WithMaxBytes(n int64) Option { return func(o *decode.Options) { o.MaxBytes = n } }

// WithMaxProblems caps how many problems are reported (default 100).
func WithMaxProblems(n int) Option { return func(o *decode.Options) { o.MaxErrors = n } }

func optionsOf(name string, opts []Option) decode.Options {
	format := decode.JSON
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".yaml" || ext == ".yml" {
		format = decode.YAML
	}
	// Written by people: plain YAML scalars are strings (a phone number
	// needs no quotes), and aliases have no place in it.
	o := decode.Options{File: name, Format: format, MaxBytes: limits.ProjectBytes, MaxAliases: -1, PlainStrings: true}
	for _, opt := range opts {
		opt(&o)
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = limits.ProjectBytes
	}
	return o
}

// LoadProject reads a project file (JSON, or YAML when the name ends in
// .yaml or .yml) and validates it. See [DecodeProject]. A file above the
// size cap is refused before it is read.
func LoadProject(path string, opts ...Option) (Project, error) {
	o := optionsOf(path, opts)
	f, err := limits.Open(path, o.MaxBytes)
	if err != nil {
		return Project{}, err
	}
	defer f.Close()
	return DecodeProject(f, path, opts...)
}

// DecodeProject reads one project from r, up to the size cap; name is the
// file name used in positions and chooses the format. It returns every
// problem at once as a [diag.List]: syntax, unknown fields, duplicate keys,
// wrong types, then the lengths and e-mail addresses of [Project.Validate],
// each at its file:line:col.
func DecodeProject(r io.Reader, name string, opts ...Option) (Project, error) {
	o := optionsOf(name, opts)
	data, err := limits.Read(r, name, o.MaxBytes)
	if err != nil {
		return Project{}, err
	}
	var p Project
	if errs := decode.Decode(data, &p, o); len(errs) > 0 {
		return Project{}, errs
	}
	if err := p.Validate(); err != nil {
		return Project{}, decode.Place(data, o, diag.Errors(err), nil)
	}
	return p, nil
}
