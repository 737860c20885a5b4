package decode

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
)

// jsonSource streams tokens with encoding/json's Decoder over the bytes in
// memory, with no tree in between. Positions are computed from the
// decoder's input offset: the next token starts after any blanks, ':' and
// ',' that follow the previous one. Lines are counted incrementally, since
// positions only grow.
type jsonSource struct {
	data []byte
	dec  *json.Decoder
	file string

	at   int // offset up to which line and col are counted
	line int // line of offset at
	col  int // column of offset at
}

func newJSON(data []byte, file string) *jsonSource {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return &jsonSource{data: data, dec: dec, file: file, line: 1, col: 1}
}

// next returns the start offset of the next token.
func (s *jsonSource) next() int {
	off := int(s.dec.InputOffset())
	for off < len(s.data) {
		switch s.data[off] {
		case ' ', '\t', '\n', '\r', ':', ',':
			off++
			continue
		}
		break
	}
	return off
}

// posAt returns the line and column of offset off, counting from the last
// offset asked for. An offset before it (which the decoder never gives) is
// counted from the start.
func (s *jsonSource) posAt(off int) pos {
	off = min(off, len(s.data))
	if off < s.at {
		s.at, s.line, s.col = 0, 1, 1
	}
	line, col := s.line, s.col
	for _, c := range s.data[s.at:off] {
		switch {
		case c == '\n':
			line++
			col = 1
		case c&0xC0 != 0x80: // the first byte of a character
			col++
		}
	}
	s.at, s.line, s.col = off, line, col
	return pos{line, col}
}

func (s *jsonSource) value() (token, error) {
	p := s.posAt(s.next())
	t, err := s.dec.Token()
	if err != nil {
		return token{}, s.syntax(err)
	}
	switch v := t.(type) {
	case json.Delim:
		switch v {
		case '{':
			return token{kind: kindObject, pos: p}, nil
		case '[':
			return token{kind: kindArray, pos: p}, nil
		}
		// A closing where a value goes is caught by Token itself; this is
		// a safety net.
		return token{}, s.errAt(p, "unexpected "+v.String())
	case string:
		return token{kind: kindString, text: v, pos: p}, nil
	case json.Number:
		return token{kind: kindNumber, text: string(v), pos: p}, nil
	case bool:
		if v {
			return token{kind: kindBool, text: "true", pos: p}, nil
		}
		return token{kind: kindBool, text: "false", pos: p}, nil
	case nil:
		return token{kind: kindNull, pos: p}, nil
	}
	return token{}, s.errAt(p, "unexpected token")
}

func (s *jsonSource) more() bool { return s.dec.More() }

func (s *jsonSource) key() (string, pos, error) {
	p := s.posAt(s.next())
	t, err := s.dec.Token()
	if err != nil {
		return "", p, s.syntax(err)
	}
	k, ok := t.(string)
	if !ok {
		return "", p, s.errAt(p, "object key is not a string")
	}
	return k, p, nil
}

func (s *jsonSource) close() error {
	if _, err := s.dec.Token(); err != nil {
		return s.syntax(err)
	}
	return nil
}

func (s *jsonSource) finish() error {
	off := s.next()
	_, err := s.dec.Token()
	switch {
	case errors.Is(err, io.EOF):
		return nil
	case err != nil:
		return s.syntax(err)
	}
	return s.errAt(s.posAt(off), "data after the end of the document")
}

// syntax turns the decoder's error into a positioned syntax error. The
// offsets in the streaming decoder's errors are not always absolute, so the
// place is found again by the one-shot validator, which counts from the
// first byte; this runs once, on the way out.
func (s *jsonSource) syntax(err error) *diag.Error {
	var se *json.SyntaxError
	if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		var raw json.RawMessage
		if verr := json.Unmarshal(s.data, &raw); errors.As(verr, &se) {
			off := int(se.Offset) - 1 // the validator counts the bad byte
			if strings.HasPrefix(se.Error(), "unexpected end") {
				off = len(s.data)
			}
			return s.errAt(s.posAt(max(off, 0)), se.Error())
		}
		return s.errAt(s.posAt(len(s.data)), "unexpected end of input")
	}
	return s.errAt(s.posAt(s.next()), err.Error())
}

func (s *jsonSource) errAt(p pos, msg string) *diag.Error {
	e := diag.New(diag.CodeSyntax, "", msg)
	e.Pos = diag.Pos{File: s.file, Line: p.line, Col: p.col}
	return e
}
