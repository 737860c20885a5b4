package reference

import (
	"embed"
	"io/fs"
	"strings"
	"sync"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
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

// An Option changes a cap of [Parse]; every cap has a default in package
// limits.
type Option func(*decode.Options)

// WithMaxBytes caps the size of each reference file (default 4 MiB; the
// shipped files are a few kilobytes). A larger file is refused after a
// stat, before it is read.
func WithMaxBytes(n int64) Option { return func(o *decode.Options) { o.MaxBytes = n } }

// WithMaxProblems caps how many problems one file reports (default 100).
func WithMaxProblems(n int) Option { return func(o *decode.Options) { o.MaxErrors = n } }

// Parse reads reference data from fsys: data/directions.yaml,
// data/safety.yaml and data/organisation_types.yaml, each a YAML list. It
// returns every problem at once — unknown fields, duplicate ids, entries
// lacking a language, unknown institution kinds — as a [diag.List] naming
// the file, the line and column, and the entry's path
// (safety[3].name). Each file is read with the project's caps: its size
// (after a stat), nesting, YAML aliases and the number of problems.
func Parse(fsys fs.FS, opts ...Option) (*Set, error) {
	s := new(Set)
	var errs diag.List
	kinds := map[mentoring.InstitutionKind]bool{
		mentoring.Orphanage: true, mentoring.AdaptationCentre: true, mentoring.InspectorRegistry: true,
		mentoring.SocialServiceCentre: true, mentoring.School: true, mentoring.CrisisCentre: true,
		mentoring.YardClub: true, mentoring.NGO: true,
	}
	errs = append(errs, read(fsys, "directions", &s.directions, opts, func(d *Direction) (l diag.List) {
		l = need(l, "name", d.ID, d.Name)
		l = need(l, "description", d.ID, d.Description)
		if strings.TrimSpace(d.Latin) == "" {
			l = append(l, diag.New(diag.CodeRequired, "latin", "latin"))
		}
		return l
	}, func(d *Direction) string { return d.ID })...)
	errs = append(errs, read(fsys, "safety", &s.safety, opts, func(t *SafetyTopic) diag.List {
		return need(nil, "name", t.ID, t.Name)
	}, func(t *SafetyTopic) string { return t.ID })...)
	errs = append(errs, read(fsys, "organisation_types", &s.orgTypes, opts, func(t *OrganisationType) diag.List {
		l := need(nil, "name", t.ID, t.Name)
		if t.Kind != "" && !kinds[t.Kind] {
			l = append(l, diag.New(CodeBadKind, "kind", string(t.Kind)))
		}
		return l
	}, func(t *OrganisationType) string { return t.ID })...)
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return s, nil
}

// read decodes data/LIST.yaml into the list, checks each entry and its id,
// and places every problem in the file; paths start with the list's name.
func read[T any](fsys fs.FS, list string, into *[]T, opts []Option, check func(*T) diag.List, id func(*T) string) diag.List {
	name := "data/" + list + ".yaml"
	o := decode.Options{File: name, Format: decode.YAML, MaxBytes: limits.ReferenceBytes}
	for _, opt := range opts {
		opt(&o)
	}
	data, err := limits.ReadFS(fsys, name, o.MaxBytes)
	if err != nil {
		if limits.IsTooLarge(err) {
			return diag.Errors(err)
		}
		return diag.List{{Pos: diag.Pos{File: name}, Code: diag.CodeSyntax, Args: []string{err.Error()}, Err: err}}
	}
	errs := decode.Decode(data, into, o)
	if len(errs) == 0 {
		seen := map[string]int{}
		for i := range *into {
			at := diag.Index("", i)
			for _, e := range check(&(*into)[i]) {
				errs = append(errs, e.Prefix(at))
			}
			k := id(&(*into)[i])
			if k == "" {
				errs = append(errs, diag.New(diag.CodeRequired, at+".id", "id"))
				continue
			}
			if first, dup := seen[k]; dup {
				errs = append(errs, diag.New(diag.CodeDuplicateID, at+".id", k, list+diag.Index("", first)))
				continue
			}
			seen[k] = i
		}
		errs = decode.Place(data, o, errs, nil)
	}
	for i, e := range errs {
		if e.Path != "" {
			errs[i] = e.Prefix(list)
		}
	}
	return errs
}

func need(errs diag.List, path, id string, t diag.Text) diag.List {
	for _, l := range []struct {
		lang diag.Lang
		s    string
	}{{diag.KK, t.KK}, {diag.RU, t.RU}, {diag.EN, t.EN}} {
		if strings.TrimSpace(l.s) == "" {
			errs = append(errs, diag.New(CodeMissingLang, path, id, string(l.lang)))
		}
	}
	return errs
}
