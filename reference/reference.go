package reference

import (
	"bytes"
	"embed"
	"errors"
	"io/fs"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// Direction is one of the seven national directions of volunteering (D9).
type Direction struct {
	ID          string    `yaml:"id" json:"id"`
	Latin       string    `yaml:"latin" json:"latin"` // the project's name in Kazakh Latin script, e.g. "BIRGEMIZ SAÝLYQ"
	Name        diag.Text `yaml:"name" json:"name"`
	Description diag.Text `yaml:"description" json:"description"`
}

// SafetyTopic is one topic of a safety instruction (D5).
type SafetyTopic struct {
	ID   string    `yaml:"id" json:"id"`
	Name diag.Text `yaml:"name" json:"name"`
	// General marks the general questions the guide says may be added
	// (conflict of interest, cultural diversity, discrimination, drugs);
	// the others are the instruction proper.
	General bool `yaml:"general,omitempty" json:"general,omitempty"`
}

// OrganisationType is a kind of organisation that needs volunteer mentors
// (D8), with the programme file's institution kind it corresponds to.
type OrganisationType struct {
	ID   string                    `yaml:"id" json:"id"`
	Kind mentoring.InstitutionKind `yaml:"kind" json:"kind"`
	Name diag.Text                 `yaml:"name" json:"name"`
}

// Set is a complete set of reference data. A Set is immutable once built
// and safe for concurrent use; its methods return copies.
type Set struct {
	directions []Direction
	safety     []SafetyTopic
	orgTypes   []OrganisationType
}

// Directions returns the seven national directions, in the guide's order.
func (s *Set) Directions() []Direction { return append([]Direction(nil), s.directions...) }

// SafetyTopics returns the safety-instruction topics, in the guide's order,
// the general questions last.
func (s *Set) SafetyTopics() []SafetyTopic { return append([]SafetyTopic(nil), s.safety...) }

// OrganisationTypes returns the kinds of organisation that need mentors.
func (s *Set) OrganisationTypes() []OrganisationType {
	return append([]OrganisationType(nil), s.orgTypes...)
}

// TypeOf returns the organisation type of an institution kind, if the
// guide's Appendix 8 lists one.
func (s *Set) TypeOf(kind mentoring.InstitutionKind) (OrganisationType, bool) {
	for _, t := range s.orgTypes {
		if t.Kind == kind {
			return t, true
		}
	}
	return OrganisationType{}, false
}

// Codes of the problems found in reference data.
const (
	CodeMissingLang  diag.Code = "reference.missing_lang"  // an entry without text in one language
	CodeUnknownTopic diag.Code = "reference.unknown_topic" // a safety topic not on the checklist
	CodeBadKind      diag.Code = "reference.bad_kind"      // an organisation type with an unknown institution kind
)

func init() {
	diag.Register(map[diag.Code]diag.Text{
		CodeMissingLang: {
			KK: "{0} жазбасында {1} тіліндегі мәтін жоқ",
			RU: "у записи {0} нет текста на языке {1}",
			EN: "entry {0} has no text in language {1}",
		},
		CodeUnknownTopic: {
			KK: "тізімде {0} тақырыбы жоқ",
			RU: "темы {0} нет в списке",
			EN: "topic {0} is not on the checklist",
		},
		CodeBadKind: {
			KK: "{0} мекеме түрі белгісіз",
			RU: "вид учреждения {0} неизвестен",
			EN: "institution kind {0} is unknown",
		},
	})
}

//go:embed data/*.yaml
var embedded embed.FS

var defaultSet = sync.OnceValues(func() (*Set, error) { return Parse(embedded) })

// Default returns the reference data shipped with the package. The error is
// nil unless the package itself was built with broken data (its tests check
// it is not).
func Default() (*Set, error) { return defaultSet() }

// Parse reads reference data from fsys: data/directions.yaml,
// data/safety.yaml and data/organisation_types.yaml, each a YAML list. It
// returns every problem at once — unknown fields, entries lacking a
// language, unknown institution kinds — as a [diag.List] naming the file,
// the position and the entry's path.
func Parse(fsys fs.FS) (*Set, error) {
	s := new(Set)
	var errs diag.List
	read(fsys, "data/directions.yaml", &s.directions, &errs)
	read(fsys, "data/safety.yaml", &s.safety, &errs)
	read(fsys, "data/organisation_types.yaml", &s.orgTypes, &errs)
	for i, d := range s.directions {
		at := diag.Index("directions", i)
		need(&errs, at+".name", d.ID, d.Name)
		need(&errs, at+".description", d.ID, d.Description)
		if strings.TrimSpace(d.Latin) == "" {
			errs = append(errs, diag.New(diag.CodeRequired, at+".latin", "latin"))
		}
	}
	for i, t := range s.safety {
		need(&errs, diag.Index("safety", i)+".name", t.ID, t.Name)
	}
	kinds := map[mentoring.InstitutionKind]bool{
		mentoring.Orphanage: true, mentoring.AdaptationCentre: true, mentoring.InspectorRegistry: true,
		mentoring.SocialServiceCentre: true, mentoring.School: true, mentoring.CrisisCentre: true,
		mentoring.YardClub: true, mentoring.NGO: true,
	}
	for i, t := range s.orgTypes {
		at := diag.Index("organisation_types", i)
		need(&errs, at+".name", t.ID, t.Name)
		if t.Kind != "" && !kinds[t.Kind] {
			errs = append(errs, diag.New(CodeBadKind, at+".kind", string(t.Kind)))
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

func read[T any](fsys fs.FS, name string, into *[]T, errs *diag.List) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		*errs = append(*errs, &diag.Error{Pos: diag.Pos{File: name}, Code: diag.CodeSyntax, Args: []string{err.Error()}, Err: err})
		return
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(into); err != nil {
		e := &diag.Error{Pos: diag.Pos{File: name}, Code: diag.CodeSyntax, Args: []string{err.Error()}, Err: err}
		var te *yaml.TypeError
		if errors.As(err, &te) {
			e.Code = diag.CodeUnknownField
		}
		*errs = append(*errs, e)
		return
	}
	seen := map[string]int{}
	for i := range *into {
		id := idOf(any((*into)[i]))
		if id == "" {
			*errs = append(*errs, diag.New(diag.CodeRequired, diag.Index(name, i)+".id", "id").At(diag.Pos{File: name}))
			continue
		}
		if first, dup := seen[id]; dup {
			*errs = append(*errs, diag.New(diag.CodeDuplicateID, diag.Index(name, i)+".id", id, diag.Index(name, first)).At(diag.Pos{File: name}))
			continue
		}
		seen[id] = i
	}
}

func idOf(v any) string {
	switch x := v.(type) {
	case Direction:
		return x.ID
	case SafetyTopic:
		return x.ID
	case OrganisationType:
		return x.ID
	}
	return ""
}

func need(errs *diag.List, path, id string, t diag.Text) {
	for _, l := range []struct {
		lang diag.Lang
		s    string
	}{{diag.KK, t.KK}, {diag.RU, t.RU}, {diag.EN, t.EN}} {
		if strings.TrimSpace(l.s) == "" {
			*errs = append(*errs, diag.New(CodeMissingLang, path, id, string(l.lang)))
		}
	}
}
