package server

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/sheet"
)

// XLSXType is the media type of an .xlsx workbook.
const XLSXType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// programmeReader reads a programme from a request body named name in
// positions ("" leaves the file out). Problems come back as a diag.List.
type programmeReader func(s *Server, body []byte, name string) (*mentoring.Programme, error)

// programmeReaders maps a body's media type to its reader. One more format
// is one more line.
var programmeReaders = map[string]programmeReader{
	"application/json":   parseAs(mentoring.JSON),
	"application/yaml":   parseAs(mentoring.YAML),
	"application/x-yaml": parseAs(mentoring.YAML),
	"text/yaml":          parseAs(mentoring.YAML),
	XLSXType:             readWorkbook,
}

// policyTypes are the media types a policy body may have.
var policyTypes = []string{"application/yaml", "application/x-yaml", "text/yaml"}

func parseAs(syntax mentoring.Syntax) programmeReader {
	return func(_ *Server, body []byte, name string) (*mentoring.Programme, error) {
		return mentoring.Parse(body, name, syntax)
	}
}

// readWorkbook reads an .xlsx workbook, its problems at their cells
// (roster.xlsx!volunteers!D7). What it may unpack to is capped by
// Options.MaxUnpacked, checked against the archive's directory before
// anything is unpacked.
func readWorkbook(s *Server, body []byte, name string) (*mentoring.Programme, error) {
	return sheet.ReadXLSX(bytes.NewReader(body), name,
		sheet.WithMaxBytes(int64(len(body))), sheet.WithMaxUnpacked(s.opts.MaxUnpacked))
}

// programmeTypeOf is the media type of a programme named name, by its
// extension: for a part of a form whose own type says nothing
// (application/octet-stream, as curl -F sends most files).
func programmeTypeOf(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".json":
		return "application/json"
	case ".yaml", ".yml":
		return "application/yaml"
	case ".xlsx":
		return XLSXType
	}
	return ""
}

// maxBodyName is the longest name the file parameter may give a body.
const maxBodyName = 128

// bodyName reads the file parameter, the name a body's problems give it
// ("roster.xlsx"): a bare file name, without folders or control
// characters. Absent, problems name no file.
func bodyName(q url.Values) (string, *diag.Error) {
	name := q.Get("file")
	if name == "" {
		return "", nil
	}
	if !validBodyName(name) {
		return "", diag.New(codeBodyName, "file", clip(strings.ToValidUTF8(name, "\uFFFD"), 64))
	}
	return name, nil
}

func validBodyName(name string) bool {
	if len(name) > maxBodyName || !utf8.ValidString(name) || strings.HasPrefix(name, ".") ||
		strings.ContainsAny(name, `/\`) {
		return false
	}
	return !strings.ContainsFunc(name, unicode.IsControl)
}

// ProgrammeTypes lists the media types a programme body may have, sorted.
func ProgrammeTypes() []string {
	out := make([]string, 0, len(programmeReaders))
	for t := range programmeReaders {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

// mediaType is the body's media type, lower case and without parameters;
// "" when the header is missing or malformed.
func mediaType(r *http.Request) string {
	t, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return ""
	}
	return strings.ToLower(t)
}

// readBody reads the request body whole, refusing more than max bytes: at
// once when Content-Length says so, else as soon as the body passes max,
// never holding more than max+1 bytes. It answers 413 itself and returns
// false then.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request, max int64) ([]byte, bool) {
	if r.ContentLength > max {
		s.fail(w, r, wire.CodeTooLarge, nil, limits.Size(max))
		return nil, false
	}
	body := http.MaxBytesReader(w, r.Body, max)
	var data []byte
	var err error
	if n := r.ContentLength; n >= 0 {
		// The length is known and within max (net/http holds the body to
		// it): one buffer of that size, no growing.
		data = make([]byte, n)
		_, err = io.ReadFull(body, data)
	} else {
		data, err = limits.Read(body, "", max)
	}
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) || limits.IsTooLarge(err) {
			s.fail(w, r, wire.CodeTooLarge, nil, limits.Size(max))
			return nil, false
		}
		// The client stopped sending: its own doing, not the service's.
		s.fail(w, r, wire.CodeInvalidInput, nil)
		return nil, false
	}
	return data, true
}

// readProgramme reads a programme body by its Content-Type, named by the
// file parameter, answering 415, 413 or 400 itself (and returning false)
// when it cannot.
func (s *Server) readProgramme(w http.ResponseWriter, r *http.Request) (*mentoring.Programme, bool) {
	read, ok := programmeReaders[mediaType(r)]
	if !ok {
		s.fail(w, r, wire.CodeUnsupportedMediaType, nil, strings.Join(ProgrammeTypes(), ", "))
		return nil, false
	}
	name, bad := bodyName(r.URL.Query())
	if bad != nil {
		s.fail(w, r, wire.CodeBadRequest, diag.List{bad})
		return nil, false
	}
	data, ok := s.readBody(w, r, s.opts.MaxBody)
	if !ok {
		return nil, false
	}
	prog, err := read(s, data, name)
	if err != nil {
		s.failErr(w, r, err)
		return nil, false
	}
	return prog, true
}

// acceptsProgramme answers 415 unless the body's type is a programme's. It
// lets a handler refuse a wrong body before other checks, cheaply.
func (s *Server) acceptsProgramme(w http.ResponseWriter, r *http.Request) bool {
	if _, ok := programmeReaders[mediaType(r)]; !ok {
		s.fail(w, r, wire.CodeUnsupportedMediaType, nil, strings.Join(ProgrammeTypes(), ", "))
		return false
	}
	if r.ContentLength > s.opts.MaxBody {
		s.fail(w, r, wire.CodeTooLarge, nil, limits.Size(s.opts.MaxBody))
		return false
	}
	return true
}
