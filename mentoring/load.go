package mentoring

import (
	"cmp"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/internal/validation"
)

// Syntax is the notation of a programme file.
type Syntax int

// Syntaxes. The zero value, Detect, decides by the file name's extension
// (.json, .yaml, .yml) and, failing that, by the first non-blank byte: '{'
// is JSON, anything else YAML.
const (
	Detect Syntax = iota
	JSON
	YAML
)

// MaxFileSize is the default cap on a programme file.
//
// Deprecated: the cap is limits.ProgrammeBytes (2 GiB), changed per call
// with [WithMaxBytes].
const MaxFileSize = limits.ProgrammeBytes

// MaxProblems is how many problems one load reports by default before it
// stops with one more entry saying so ([WithMaxProblems] changes it).
const MaxProblems = limits.Problems

// An Option changes a cap of [Load], [Decode] or [Parse]. Every cap has a
// default in package limits; the command line sets them with flags.
type Option func(*options)

type options struct {
	maxBytes     int64
	maxYAMLBytes int64
	maxProblems  int
	maxDepth     int
	maxAliases   int
}

// WithMaxBytes caps the size of the programme read: a larger file is
// refused after a stat, before it is read, and any input stops being read
// past the cap. The default, 2 GiB, admits a national roster (a million
// volunteers is about 1.4 GB of JSON).
func WithMaxBytes(n int64) Option { return func(o *options) { o.maxBytes = n } }

// WithMaxYAMLBytes caps the size of a programme written in YAML (default
// 16 MiB, about 13,000 volunteers): the YAML parser builds a tree of
// about thirty times the file's size, so a large roster is JSON.
func WithMaxYAMLBytes(n int64) Option { return func(o *options) { o.maxYAMLBytes = n } }

// WithMaxProblems caps how many problems a load reports before it stops
// (default 100).
func WithMaxProblems(n int) Option { return func(o *options) { o.maxProblems = n } }

// WithMaxDepth caps how deeply objects and lists may nest (default 100;
// a programme needs 5).
func WithMaxDepth(n int) Option { return func(o *options) { o.maxDepth = n } }

// WithMaxAliases caps how many values YAML aliases may add once expanded
// (default 10,000); negative refuses aliases.
func WithMaxAliases(n int) Option { return func(o *options) { o.maxAliases = n } }

func optionsOf(opts []Option) options {
	o := options{maxBytes: limits.ProgrammeBytes, maxProblems: limits.Problems}
	for _, opt := range opts {
		opt(&o)
	}
	if o.maxBytes <= 0 {
		o.maxBytes = limits.ProgrammeBytes
	}
	if o.maxProblems <= 0 {
		o.maxProblems = limits.Problems
	}
	return o
}

func (o options) decode(name string, syntax Syntax) decode.Options {
	return decode.Options{File: name, Format: decode.Format(syntax), MaxErrors: o.maxProblems,
		MaxDepth: o.maxDepth, MaxAliases: o.maxAliases, MaxBytes: o.maxBytes, MaxYAMLBytes: o.maxYAMLBytes}
}

// Load reads the programme file at path (JSON or YAML, by its extension)
// and checks it with [Programme.Validate]. On any problem it returns a nil
// programme and a [diag.List] of every problem, in file order, each with the
// file, line and column, the field's JSON path and a snippet of the line.
// Data the guide merely forbids loads fine: policies report it.
//
// A file above the size cap is refused before it is read. JSON is decoded
// as it is read, so that memory holds the programme and not the file
// besides; when something is wrong, the file is read again to place and
// show every problem.
func Load(path string, opts ...Option) (*Programme, error) {
	o := optionsOf(opts)
	max := o.maxBytes
	if ext := strings.ToLower(filepath.Ext(path)); ext == ".yaml" || ext == ".yml" {
		max = min(max, cmp.Or(o.maxYAMLBytes, limits.YAMLBytes))
	}
	f, err := limits.Open(path, max)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return decodeFrom(f, path, Detect, o)
}

// Decode reads a programme from r, named name in positions (a file name,
// or "-" for standard input), in the given syntax, and checks it like
// [Load]. A reader that can seek (a file) is decoded as it is read; any
// other (a pipe) is kept as it is read, up to the cap — the first 64 MiB in
// memory, the rest in a temporary file removed before Decode returns — so
// that it can be read again to place problems.
func Decode(r io.Reader, name string, syntax Syntax, opts ...Option) (*Programme, error) {
	return decodeFrom(r, name, syntax, optionsOf(opts))
}

func decodeFrom(r io.Reader, name string, syntax Syntax, o options) (*Programme, error) {
	rs, ok := r.(io.ReadSeeker)
	var start int64
	if ok {
		var err error
		if start, err = rs.Seek(0, io.SeekCurrent); err != nil {
			ok = false
		}
	}
	if !ok {
		spooled, done, err := limits.Spool(r, name, o.maxBytes)
		if err != nil {
			return nil, err
		}
		defer done()
		rs, start = spooled, 0
	}
	return load(&stream{rs: rs, start: start}, name, syntax, o)
}

// Parse is [Decode] for a programme already in memory.
func Parse(data []byte, name string, syntax Syntax, opts ...Option) (*Programme, error) {
	return load(memory(data), name, syntax, optionsOf(opts))
}

// An input is read once to decode it and, only when it has problems, again
// to place and show them.
type input interface {
	decode(v any, o decode.Options) diag.List
	locate(o decode.Options, paths []string) decode.Positions
	finish(errs diag.List) diag.List
}

// memory is an input held in memory.
type memory []byte

func (m memory) decode(v any, o decode.Options) diag.List { return decode.Decode(m, v, o) }
func (m memory) locate(o decode.Options, paths []string) decode.Positions {
	return decode.Locate(m, o, paths)
}
func (m memory) finish(errs diag.List) diag.List { return decode.Finish(m, errs, mask) }

// stream is a file (any reader that can seek), decoded as it is read and
// read again, as a stream, for the positions and snippets of problems: a
// file of a gigabyte is never held whole.
type stream struct {
	rs    io.ReadSeeker
	start int64
}

// again returns the input from its start; nothing if it cannot seek back.
func (s *stream) again() io.Reader {
	if _, err := s.rs.Seek(s.start, io.SeekStart); err != nil {
		return strings.NewReader("")
	}
	return s.rs
}

func (s *stream) decode(v any, o decode.Options) diag.List { return decode.DecodeReader(s.rs, v, o) }
func (s *stream) locate(o decode.Options, paths []string) decode.Positions {
	return decode.LocateReader(s.again(), o, paths)
}
func (s *stream) finish(errs diag.List) diag.List { return decode.FinishReader(s.again(), errs, mask) }

// mask names the fields whose values snippets hide.
var mask = decode.MaskOf[Programme]()

func load(in input, name string, syntax Syntax, o options) (*Programme, error) {
	opts := o.decode(name, syntax)
	p := new(Programme)
	errs := in.decode(p, opts)
	for _, e := range errs {
		if e.Code == diag.CodeSyntax || e.Code == decode.CodeTooManyErrors || e.Code == diag.CodeTooLarge ||
			e.Code == decode.CodeTooDeep || e.Code == limits.CodeFileTooLarge {
			return nil, in.finish(errs) // the rest of the file was not read
		}
	}
	later := unlike(diag.Errors(p.validateUpTo(o.maxProblems)), errs)
	if len(errs) == 0 && len(later) == 0 {
		return p, nil
	}
	p = nil // the problems are what is left of it
	if len(later) > 0 {
		var paths []string
		for _, e := range later {
			paths = append(paths, e.Path)
		}
		firsts := firstUses(later)
		ps := in.locate(opts, append(paths, firsts...))
		for _, e := range later {
			if at, ok := ps.Of(e.Path); ok {
				e.Pos = at
			}
			e.File = name
			if e.Code == diag.CodeDuplicateID && len(e.Args) > 1 {
				if at, ok := ps.Of(e.Args[1]); ok {
					e.Args = []string{e.Args[0], fmt.Sprintf("%s, %d:%d", e.Args[1], at.Line, at.Col)}
				}
			}
		}
	}
	errs = append(errs, later...)
	// A misspelt key is one mistake: "langauges" with its "did you mean",
	// not also "languages is required".
	errs = diag.Misspelt(errs, validation.CodeRequired, diag.CodeRequired)
	errs = in.finish(errs)
	if len(errs) > o.maxProblems {
		more := diag.New(decode.CodeTooManyErrors, "", fmt.Sprint(o.maxProblems))
		more.Pos = errs[o.maxProblems-1].Pos
		errs = append(errs[:o.maxProblems:o.maxProblems], more)
	}
	return nil, errs
}

// unlike drops problems found by validation at or under a path the decoder
// already reported: a date that did not parse is not also "missing".
func unlike(later, decoded diag.List) diag.List {
	if len(decoded) == 0 {
		return later
	}
	bad := make([]string, len(decoded))
	for i, e := range decoded {
		bad[i] = e.Path
	}
	return slices.DeleteFunc(later, func(e *diag.Error) bool {
		for _, b := range bad {
			if e.Path == b || strings.HasPrefix(e.Path, b+".") || strings.HasPrefix(e.Path, b+"[") {
				return true
			}
		}
		return false
	})
}

// firstUses lists the paths duplicate-id problems point back to.
func firstUses(errs diag.List) []string {
	var out []string
	for _, e := range errs {
		if e.Code == diag.CodeDuplicateID && len(e.Args) > 1 {
			out = append(out, e.Args[1])
		}
	}
	return out
}
