package recruit

import (
	"io"
	"slices"
	"sync"

	"github.com/birgemiz/sabaqtastyq/diag"
)

// Rights is the guide's list of the volunteer's rights and
// responsibilities (Part I, L853–L915; D3) in one language: twelve rights
// and ten responsibilities. The guide reads them together: the volunteer's
// rights are the organisation's responsibilities, and the organisation's
// rights the volunteer's.
type Rights struct {
	Title string `yaml:"title" json:"title"`
	// Intro says how the two lists read together.
	Intro                 []string `yaml:"intro" json:"intro"`
	RightsTitle           string   `yaml:"rights_title" json:"rights_title"`
	Rights                []string `yaml:"rights" json:"rights"`
	ResponsibilitiesTitle string   `yaml:"responsibilities_title" json:"responsibilities_title"`
	Responsibilities      []string `yaml:"responsibilities" json:"responsibilities"`
	// Source names the guide and its part, for the page's footer.
	Source string `yaml:"source" json:"source"`
}

// How many rights and responsibilities the guide lists.
const (
	NumRights           = 12
	NumResponsibilities = 10
)

var loadRights = sync.OnceValues(func() (map[diag.Lang]*Rights, error) { return readTexts[Rights]("rights") })

// RightsIn returns the volunteer's rights and responsibilities in lang:
// the guide's own Kazakh, or a faithful Russian or English translation,
// item for item. The lists are copies.
func RightsIn(lang diag.Lang) (Rights, error) {
	l, _, err := resolve(Options{Lang: lang})
	if err != nil {
		return Rights{}, err
	}
	all, err := loadRights()
	if err != nil {
		return Rights{}, dataError(err)
	}
	r := *all[l]
	r.Intro = slices.Clone(r.Intro)
	r.Rights = slices.Clone(r.Rights)
	r.Responsibilities = slices.Clone(r.Responsibilities)
	return r, nil
}

// RenderRights writes the volunteer's rights and responsibilities (D3) as
// a document to hand a new volunteer, in opts.Lang and opts.Format: the
// guide's note that the two lists read together, then the twelve rights
// and the ten responsibilities, numbered.
func RenderRights(w io.Writer, opts Options) error {
	lang, format, err := resolve(opts)
	if err != nil {
		return err
	}
	r, err := RightsIn(lang)
	if err != nil {
		return err
	}
	pg := &page{Lang: lang, Title: r.Title, Source: r.Source}
	for _, s := range r.Intro {
		pg.Blocks = append(pg.Blocks, out{Kind: "para", Text: s})
	}
	pg.Blocks = append(pg.Blocks,
		out{Kind: "heading", Text: r.RightsTitle},
		out{Kind: "numbered", Items: r.Rights},
		out{Kind: "heading", Text: r.ResponsibilitiesTitle},
		out{Kind: "numbered", Items: r.Responsibilities})
	return write(w, format, pg)
}
