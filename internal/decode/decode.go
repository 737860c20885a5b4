package decode

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"unsafe"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
)

// Format is the notation of an input.
type Format int

// Formats. The zero value asks [Detect] to decide.
const (
	Auto Format = iota // by the file name's extension, else by the content
	JSON
	YAML
)

// String returns "json", "yaml" or "auto".
func (f Format) String() string {
	switch f {
	case JSON:
		return "json"
	case YAML:
		return "yaml"
	}
	return "auto"
}

// Detect picks the format of an input: .json is JSON and .yaml or .yml is
// YAML; any other name is JSON when the first non-blank byte is '{' or '['
// and YAML otherwise.
func Detect(name string, data []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return JSON
	case ".yaml", ".yml":
		return YAML
	}
	data = bytes.TrimLeft(trimBOM(data), " \t\r\n")
	if len(data) > 0 && (data[0] == '{' || data[0] == '[') {
		return JSON
	}
	return YAML
}

// Options tune [Decode], [DecodeReader] and [Locate]. The zero value
// detects the format, names no file, and applies the caps of package
// limits.
type Options struct {
	// File names the input in positions; empty means no name.
	File string
	// Format is the input's notation; Auto (the default) uses [Detect]
	// on File and the data.
	Format Format
	// MaxErrors is how many problems are collected before decoding stops
	// with one more entry saying so. Zero means limits.Problems (100).
	MaxErrors int
	// MaxDepth is how deeply objects and arrays may nest. Zero means
	// limits.Depth (100).
	MaxDepth int
	// MaxAliases is how many values YAML aliases may add to the document
	// once expanded. Zero means limits.AliasExpansion (10,000); a
	// negative value refuses aliases altogether.
	MaxAliases int
	// MaxBytes caps what [DecodeReader] reads. Zero means
	// limits.ProgrammeBytes (2 GiB).
	MaxBytes int64
	// MaxYAMLBytes caps a YAML document, read or in memory, below MaxBytes:
	// its parser builds a tree of about thirty times its size. Zero means
	// limits.YAMLBytes (16 MiB).
	MaxYAMLBytes int64
	// AtKeys makes [Locate] and [Place] put a member of an object at its
	// key rather than at its value: for forms, whose problems read best
	// at the question.
	AtKeys bool
	// PlainStrings lets a YAML scalar written without quotes stand for a
	// string when the field is one, whatever it looks like (3_10, 12,
	// true): for forms filled in by people, who do not quote. By default
	// types are strict in both notations.
	PlainStrings bool
}

func (o Options) maxErrors() int  { return cmpOr(o.MaxErrors, limits.Problems) }
func (o Options) maxDepth() int   { return cmpOr(o.MaxDepth, limits.Depth) }
func (o Options) maxBytes() int64 { return cmpOr(o.MaxBytes, limits.ProgrammeBytes) }

// maxYAML is the cap on a YAML document.
func (o Options) maxYAML() int64 { return min(o.maxBytes(), cmpOr(o.MaxYAMLBytes, limits.YAMLBytes)) }

func (o Options) aliasBudget() int {
	if o.MaxAliases < 0 {
		return -1
	}
	return cmpOr(o.MaxAliases, limits.AliasExpansion)
}

func cmpOr[T int | int64](v, def T) T {
	if v > 0 {
		return v
	}
	return def
}

// source returns the source of data in memory.
func (o Options) source(data []byte) (source, error) {
	data = trimBOM(data)
	f := o.Format
	if f == Auto {
		f = Detect(o.File, data)
	}
	if len(bytes.Trim(data, " \t\r\n")) == 0 {
		return nil, syntaxAt(o.File, pos{line: 1, col: 1}, "empty document")
	}
	if f == JSON {
		return newJSON(newScanner(data, o.File)), nil
	}
	if int64(len(data)) > o.maxYAML() {
		return nil, limits.TooLarge(o.File, o.maxYAML())
	}
	return newYAML(data, o.File, o.aliasBudget())
}

// trimBOM drops a UTF-8 byte-order mark, which some editors write.
func trimBOM(data []byte) []byte { return bytes.TrimPrefix(data, bom) }

var bom = []byte("\xEF\xBB\xBF")

// Decode decodes a JSON or YAML document into v, a non-nil pointer, by the
// `json` tags of its struct fields, and returns every problem it found, in
// file order, each with a position, a JSON path and a snippet of the line.
// A value that cannot be decoded is skipped (its field keeps the zero
// value) and decoding goes on; a syntax error or MaxErrors problems stop
// it. Decode never panics on any input.
//
// Supported field types: string, bool, the integer kinds (a fraction or a
// value out of range is a problem), float64 and float32, slices, pointers,
// structs, named types of these, and any type whose pointer implements
// encoding.TextUnmarshaler (such as civil.Date and civil.Month, whose
// errors become [diag.CodeBadDate] and [diag.CodeBadMonth]). null gives the
// zero value. Keys match `json` names exactly; an unknown key is a
// [diag.CodeUnknownField] problem and a repeated one a
// [diag.CodeDuplicateKey] problem. A field tagged `personal:"true"` holds
// personal data: its value is never quoted in a message ([Masked] stands
// for it) and is masked in snippets.
func Decode(data []byte, v any, o Options) diag.List {
	errs := decodeNoSnippets(data, v, o)
	if p, _, bad := target(v); bad == nil {
		return Finish(data, errs, maskOf(p.typ))
	}
	return errs
}

func decodeNoSnippets(data []byte, v any, o Options) diag.List {
	p, ptr, bad := target(v)
	if bad != nil {
		return bad
	}
	src, err := o.source(data)
	if err != nil {
		return diag.Errors(err)
	}
	return run(src, p, ptr, o)
}

// DecodeReader is [Decode] for input read from r, up to
// [Options].MaxBytes. JSON is decoded as it is read, through a window of a
// megabyte, so that a file is never held in memory whole; YAML, whose
// parser builds a tree, is read whole first. The problems it returns have
// positions but no snippets: add them with [Finish] from the input, read
// again, if they are to be shown.
func DecodeReader(r io.Reader, v any, o Options) diag.List {
	p, ptr, bad := target(v)
	if bad != nil {
		return bad
	}
	s := newStreamScanner(r, o.File, o.maxBytes())
	s.skipBOM()
	if s.detect(o) == YAML {
		data, err := limits.Read(s.rest(), o.File, o.maxYAML())
		if err != nil {
			return diag.Errors(fromRead(err, o.File))
		}
		o.Format = YAML
		return decodeNoSnippets(data, v, o)
	}
	if _, ok := s.space(); !ok {
		if s.rerr != nil || s.capped != nil {
			return diag.Errors(s.unexpectedEnd())
		}
		return diag.Errors(syntaxAt(o.File, pos{line: 1, col: 1}, "empty document"))
	}
	return run(newJSON(s), p, ptr, o)
}

// detect is [Detect] for a stream: by the name's extension, else by the
// first byte that is not blank, consuming nothing.
func (s *scanner) detect(o Options) Format {
	if o.Format != Auto {
		return o.Format
	}
	switch strings.ToLower(filepath.Ext(o.File)) {
	case ".json":
		return JSON
	case ".yaml", ".yml":
		return YAML
	}
	if c, ok := s.peek(); ok && (c == '{' || c == '[') {
		return JSON
	}
	return YAML
}

// fromRead turns a read error into a problem naming the file.
func fromRead(err error, file string) error {
	if limits.IsTooLarge(err) {
		return err
	}
	return syntaxAt(file, pos{}, "read: "+err.Error())
}

// target checks that v is a non-nil pointer and returns its plan.
func target(v any) (*plan, unsafe.Pointer, diag.List) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return nil, nil, diag.List{diag.New(diag.CodeInvalid, "", fmt.Sprintf("decode target %T is not a non-nil pointer", v))}
	}
	return planOf(rv.Type().Elem()), rv.UnsafePointer(), nil
}

func run(src source, p *plan, ptr unsafe.Pointer, o Options) diag.List {
	d := &decoder{src: src, max: o.maxErrors(), maxDepth: o.maxDepth(), plain: o.PlainStrings}
	d.js, _ = src.(*jsonSource)
	err := func() error {
		t, err := src.value()
		if err != nil {
			return err
		}
		if err := d.value(p, ptr, t, false, 0); err != nil {
			return err
		}
		return src.finish()
	}()
	if err != nil && err != errStop {
		d.errs = append(d.errs, diag.Errors(err)...)
	}
	return d.errs
}
