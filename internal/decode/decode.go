package decode

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
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

// Options tune [Decode] and [Locate]. The zero value detects the format,
// names no file and stops after 100 problems.
type Options struct {
	// File names the input in positions; empty means no name.
	File string
	// Format is the input's notation; Auto (the default) uses [Detect]
	// on File and the data.
	Format Format
	// MaxErrors is how many problems are collected before decoding stops
	// with one more entry saying so. Zero means 100.
	MaxErrors int
	// MaxDepth is how deeply objects and arrays may nest. Zero means 100.
	MaxDepth int
}

func (o Options) maxErrors() int { return cmpOr(o.MaxErrors, 100) }
func (o Options) maxDepth() int  { return cmpOr(o.MaxDepth, 100) }

func cmpOr(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}

func (o Options) source(data []byte) (source, error) {
	data = trimBOM(data)
	f := o.Format
	if f == Auto {
		f = Detect(o.File, data)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, syntaxAt(o.File, pos{1, 1}, "empty document")
	}
	if f == JSON {
		return newJSON(data, o.File), nil
	}
	return newYAML(data, o.File)
}

// trimBOM drops a UTF-8 byte-order mark, which some editors write.
func trimBOM(data []byte) []byte { return bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")) }

// ReadAll reads r whole, refusing more than limit bytes with a
// [diag.CodeTooLarge] error that names file.
func ReadAll(r io.Reader, file string, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	if int64(len(data)) > limit {
		e := diag.New(diag.CodeTooLarge, "", fmt.Sprintf("more than %d bytes", limit))
		e.File = file
		return nil, e
	}
	return data, nil
}

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
// [diag.CodeDuplicateKey] problem.
func Decode(data []byte, v any, o Options) diag.List {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return diag.List{diag.New(diag.CodeInvalid, "", fmt.Sprintf("decode target %T is not a non-nil pointer", v))}
	}
	d := &decoder{file: o.File, max: o.maxErrors(), maxDepth: o.maxDepth()}
	src, err := o.source(data)
	if err != nil {
		d.errs = append(d.errs, diag.Errors(err)...)
		return Finish(data, d.errs)
	}
	d.src = src
	if err := d.run(rv.Elem()); err != nil && err != errStop {
		d.errs = append(d.errs, diag.Errors(err)...)
	}
	return Finish(data, d.errs)
}

func (d *decoder) run(rv reflect.Value) error {
	t, err := d.src.value()
	if err != nil {
		return err
	}
	if err := d.decode(rv, t); err != nil {
		return err
	}
	return d.src.finish()
}
