package sheet

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// Form is one of the four forms of a programme.
type Form int

// Forms of a programme. FormUnknown is a path whose form is not read or
// written (an .xls or .ods file).
const (
	FormUnknown Form = iota
	FormJSON
	FormYAML
	FormXLSX
	FormCSV // a folder of CSV files
)

// String returns "json", "yaml", "xlsx", "csv" or "unknown".
func (f Form) String() string {
	switch f {
	case FormJSON:
		return "json"
	case FormYAML:
		return "yaml"
	case FormXLSX:
		return "xlsx"
	case FormCSV:
		return "csv"
	}
	return "unknown"
}

// FormOf tells the form of a path: a path that ends in a separator or
// names a folder is a CSV folder; otherwise the extension decides —
// .xlsx (or .xlsm), .json, .yaml or .yml. Any other path that exists is
// read as JSON or YAML by its content, as [mentoring.Load] does; other
// workbook extensions (.xls, .ods, .numbers) and other paths that do not
// exist are FormUnknown.
func FormOf(path string) Form {
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)) {
		return FormCSV
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return FormXLSX
	case ".json":
		return FormJSON
	case ".yaml", ".yml":
		return FormYAML
	case ".xls", ".ods", ".numbers", ".csv":
		return FormUnknown
	}
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return FormUnknown
	case st.IsDir():
		return FormCSV
	}
	return FormJSON // JSON or YAML: mentoring.Load looks at the content
}

// Load reads a programme in any of its four forms, by [FormOf]: a JSON or
// YAML file (read by [mentoring.Load], with its own cap; the options
// apply to the other forms), a workbook ([ReadXLSXFile]) or a folder of
// CSV files ([ReadCSV]). A single .csv file names its folder's
// list, so Load asks for the folder instead; an .xls or .ods workbook is
// asked to be saved as .xlsx. Every problem comes back at once as a
// [diag.List], at its position in the form it was read from.
func Load(path string, opts ...Option) (*mentoring.Programme, error) {
	switch FormOf(path) {
	case FormCSV:
		return ReadCSV(strings.TrimRight(path, "/"+string(filepath.Separator)), opts...)
	case FormXLSX:
		return ReadXLSXFile(path, opts...)
	case FormJSON, FormYAML:
		return mentoring.Load(path, options{}.with(opts).mentoring()...)
	}
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	return nil, unsupported(path)
}

// unsupported is the problem of a file whose form is not read.
func unsupported(path string) error {
	ext := strings.ToLower(filepath.Ext(path))
	code := CodeUnsupported
	if ext == ".csv" {
		// A single list: the folder is the programme.
		code = CodeOneList
	}
	e := diag.New(code, "", ext)
	e.File = path
	e.Err = ErrForm
	return diag.List{e}
}

// zipMagic starts every .xlsx file (a zip archive).
var zipMagic = []byte("PK\x03\x04")

// Decode reads a programme from r, named name in positions: a workbook
// when the content is one (a zip archive), else JSON or YAML by
// [mentoring.Parse] (decided by name's extension, else by the content).
// It serves standard input and request bodies.
func Decode(r io.Reader, name string, opts ...Option) (*mentoring.Programme, error) {
	o := options{}.with(opts)
	br := bufio.NewReader(r)
	if head, _ := br.Peek(len(zipMagic)); bytes.Equal(head, zipMagic) {
		data, err := limits.Read(br, name, o.maxBytes)
		if err != nil {
			return nil, err
		}
		return readXLSX(data, name, o)
	}
	// JSON or YAML streams through mentoring's own reader, which keeps
	// what it must read again (to place problems) within its caps.
	syntax := mentoring.Detect
	switch FormOf(name) {
	case FormJSON:
		if strings.EqualFold(filepath.Ext(name), ".json") {
			syntax = mentoring.JSON
		}
	case FormYAML:
		syntax = mentoring.YAML
	}
	return mentoring.Decode(br, name, syntax, o.mentoring()...)
}

// Save writes p in the form of path ([FormOf], where a path that does not
// exist yet is a CSV folder only when it ends in a separator): JSON
// (indented, UTF-8), YAML, a workbook in lang ([WriteXLSX]) or a CSV
// folder ([WriteCSV]). Reading what Save wrote with [Load] gives back the
// same programme. Any other path is an error wrapping [ErrForm].
func Save(path string, p *mentoring.Programme, lang diag.Lang) error {
	switch FormOf(path) {
	case FormCSV:
		return WriteCSV(strings.TrimRight(path, "/"+string(filepath.Separator)), p)
	case FormXLSX:
		return writeFile(path, func(w io.Writer) error { return WriteXLSX(w, p, lang) })
	case FormJSON:
		if strings.EqualFold(filepath.Ext(path), ".json") {
			return writeFile(path, func(w io.Writer) error { return WriteJSON(w, p) })
		}
	case FormYAML:
		return writeFile(path, func(w io.Writer) error { return WriteYAML(w, p) })
	}
	return fmt.Errorf("%w: %s (want .json, .yaml, .xlsx or a folder ending in /)", ErrForm, path)
}

func writeFile(path string, write func(io.Writer) error) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	return write(f)
}

// WriteJSON writes p as an indented programme file.
func WriteJSON(w io.Writer, p *mentoring.Programme) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(p)
}

// WriteYAML writes p as a YAML programme file, with the field names and
// order of the JSON form.
func WriteYAML(w io.Writer, p *mentoring.Programme) error {
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return err
	}
	plain(&doc)
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return err
	}
	return enc.Close()
}

// plain drops the JSON styles of a node tree (flow collections, quoted
// strings), so that the encoder writes block YAML and quotes only what
// needs it; a list of plain values stays on one line ([kk, ru]), and a
// null field is left out. Text with tabs, line breaks or spaces at its
// ends stays in double quotes: the encoder's block styles do not always
// read back the same (a line that starts with a tab).
func plain(n *yaml.Node) {
	n.Style = 0
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!str" && (strings.ContainsAny(n.Value, "\t\n\r") || strings.TrimSpace(n.Value) != n.Value) {
			n.Style = yaml.DoubleQuotedStyle
		}
	case yaml.MappingNode:
		kept := n.Content[:0]
		for i := 0; i+1 < len(n.Content); i += 2 {
			if v := n.Content[i+1]; v.Kind != yaml.ScalarNode || v.Tag != "!!null" {
				kept = append(kept, n.Content[i], v)
			}
		}
		n.Content = kept
	case yaml.SequenceNode:
		if len(n.Content) > 0 && !slices.ContainsFunc(n.Content, func(c *yaml.Node) bool { return c.Kind != yaml.ScalarNode }) {
			defer func() { n.Style = yaml.FlowStyle }()
		}
	}
	for _, c := range n.Content {
		plain(c)
	}
}
