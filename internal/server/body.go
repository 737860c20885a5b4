package server

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"slices"
	"strings"

	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// programmeReader reads a programme from a request body. Problems are
// positioned in the body (no file name) and come back as a diag.List.
type programmeReader func(body []byte) (*mentoring.Programme, error)

// programmeReaders maps a body's media type to its reader. One more format
// is one more line.
var programmeReaders = map[string]programmeReader{
	"application/json":   parseAs(mentoring.JSON),
	"application/yaml":   parseAs(mentoring.YAML),
	"application/x-yaml": parseAs(mentoring.YAML),
	"text/yaml":          parseAs(mentoring.YAML),
}

// policyTypes are the media types a policy body may have.
var policyTypes = []string{"application/yaml", "application/x-yaml", "text/yaml"}

func parseAs(syntax mentoring.Syntax) programmeReader {
	return func(body []byte) (*mentoring.Programme, error) { return mentoring.Parse(body, "", syntax) }
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

// readProgramme reads a programme body by its Content-Type, answering 415,
// 413 or 400 itself (and returning false) when it cannot.
func (s *Server) readProgramme(w http.ResponseWriter, r *http.Request) (*mentoring.Programme, bool) {
	read, ok := programmeReaders[mediaType(r)]
	if !ok {
		s.fail(w, r, wire.CodeUnsupportedMediaType, nil, strings.Join(ProgrammeTypes(), ", "))
		return nil, false
	}
	data, ok := s.readBody(w, r, s.opts.MaxBody)
	if !ok {
		return nil, false
	}
	prog, err := read(data)
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
