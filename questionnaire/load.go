package questionnaire

import (
	"cmp"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
)

// MaxSize is the default cap on a response file.
//
// Deprecated: the cap is limits.QuestionnaireBytes (1 MiB), changed per
// call with [WithMaxBytes].
const MaxSize = limits.QuestionnaireBytes

// An Option changes a cap of [Load] or [Decode]; every cap has a default
// in package limits.
type Option func(*decode.Options)

// WithMaxBytes caps the size of the response read (default 1 MiB: a
// filled-in questionnaire is a few kilobytes). A larger file is refused
// after a stat, before it is read.
func WithMaxBytes(n int64) Option { return func(o *decode.Options) { o.MaxBytes = n } }

// WithMaxProblems caps how many problems are reported before reading stops
// (default 100).
func WithMaxProblems(n int) Option { return func(o *decode.Options) { o.MaxErrors = n } }

// WithMaxDepth caps how deeply objects and lists may nest (default 100; a
// response needs 2).
func WithMaxDepth(n int) Option { return func(o *decode.Options) { o.MaxDepth = n } }

func optionsOf(name string, opts []Option) decode.Options {
	// A form is filled in by people, who do not quote: a YAML plain scalar
	// stands for a string (years_in_locality: 3_10). Aliases have no place
	// in a form. A problem with an answer is placed at its question.
	o := decode.Options{File: name, Format: formatOf(name), MaxBytes: limits.QuestionnaireBytes,
		MaxAliases: -1, PlainStrings: true, AtKeys: true}
	for _, opt := range opts {
		opt(&o)
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = limits.QuestionnaireBytes
	}
	return o
}

// formatOf is YAML for a name ending in .yaml or .yml, JSON otherwise.
func formatOf(name string) decode.Format {
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".yaml" || ext == ".yml" {
		return decode.YAML
	}
	return decode.JSON
}

// mask names the fields whose values snippets hide.
var mask = decode.MaskOf[Response]()

// Load reads the response file at path (JSON, or YAML when the name ends in
// .yaml or .yml), checks it and validates it. See [Decode]. A file above
// the size cap is refused before it is read.
func Load(path string, opts ...Option) (Response, error) {
	o := optionsOf(path, opts)
	f, err := limits.Open(path, o.MaxBytes)
	if err != nil {
		return Response{}, err
	}
	defer f.Close()
	return Decode(f, path, opts...)
}

// Decode reads one response from r, up to the size cap; name is the file
// name used in positions and chooses the format: YAML when it ends in .yaml
// or .yml, JSON otherwise. It returns every problem at once as a
// [diag.List], in file order, up to the problem cap: syntax errors, unknown
// fields, duplicate keys, wrong types and bad dates, each at its
// file:line:col with a snippet of the line (personal answers masked);
// then the problems of [Response.Validate], placed at the question they
// concern (or the nearest enclosing one that appears in the file). The
// work is linear in the size of the input.
//
// In YAML a plain scalar may stand for a string (years_in_locality: 3_10)
// and aliases are refused; in JSON types are strict.
func Decode(r io.Reader, name string, opts ...Option) (Response, error) {
	o := optionsOf(name, opts)
	data, err := limits.Read(r, name, o.MaxBytes)
	if err != nil {
		return Response{}, err
	}
	var resp Response
	if errs := decode.Decode(data, &resp, o); len(errs) > 0 {
		return Response{}, errs
	}
	if err := resp.Validate(); err != nil {
		l := diag.Errors(err)
		if max := cmp.Or(o.MaxErrors, limits.Problems); len(l) > max {
			// A list of sixty thousand wrong choices is a hundred problems.
			more := diag.New(decode.CodeTooManyErrors, "", strconv.Itoa(max))
			l = append(l[:max:max], more)
		}
		// An explanation that is missing is placed at its question.
		var paths []string
		for _, e := range l {
			if q, ok := explains[e.Path]; ok && e.Code == CodeExplain {
				paths = append(paths, e.Path, q)
			}
		}
		if len(paths) > 0 {
			ps := decode.Locate(data, o, paths)
			for i, e := range l {
				if q, ok := explains[e.Path]; ok && e.Code == CodeExplain {
					if _, given := ps[e.Path]; !given {
						if at, found := ps.Of(q); found {
							l[i] = e.At(at)
						}
					}
				}
			}
		}
		return resp, decode.Place(data, o, l, mask)
	}
	return resp, nil
}
