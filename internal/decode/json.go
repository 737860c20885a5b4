package decode

import "github.com/birgemiz/sabaqtastyq/diag"

// jsonSource reads JSON values from a scanner, keeping the stack of open
// objects and arrays so that it knows what may come next. It builds no
// tree and no strings: a token's text is a view of the scanner's bytes.
type jsonSource struct {
	s      *scanner
	open   []byte // '{' or '[' for each open value, innermost last
	first  bool   // the innermost open value has had no member yet
	keyBuf []byte // a key kept while the window moves
}

func newJSON(s *scanner) *jsonSource { return &jsonSource{s: s} }

func (j *jsonSource) place(p pos) diag.Pos { return j.s.resolve(p.off) }

func (j *jsonSource) value() (token, error) {
	s := j.s
	c, ok := s.space()
	if !ok {
		return token{}, s.unexpectedEnd()
	}
	p := pos{off: s.offset(s.i)}
	switch c {
	case '{', '[':
		s.i++
		j.open = append(j.open, c)
		j.first = true
		if c == '{' {
			return token{kind: kindObject, pos: p}, nil
		}
		return token{kind: kindArray, pos: p}, nil
	case '"':
		text, err := s.str()
		return token{kind: kindString, text: text, pos: p}, err
	case 't':
		return token{kind: kindBool, text: literalTrue, pos: p}, s.literal("true")
	case 'f':
		return token{kind: kindBool, text: literalFalse, pos: p}, s.literal("false")
	case 'n':
		return token{kind: kindNull, pos: p}, s.literal("null")
	}
	if c == '-' || '0' <= c && c <= '9' {
		text, err := s.number()
		return token{kind: kindNumber, text: text, pos: p}, err
	}
	return token{}, s.invalid(s.i, "looking for beginning of value")
}

var (
	literalTrue  = []byte("true")
	literalFalse = []byte("false")
)

func (j *jsonSource) more() (bool, error) {
	s := j.s
	if len(j.open) == 0 {
		return false, nil
	}
	top := j.open[len(j.open)-1]
	closing := byte(']')
	if top == '{' {
		closing = '}'
	}
	c, ok := s.space()
	if !ok {
		return false, s.unexpectedEnd()
	}
	if j.first {
		j.first = false
		if c == closing {
			return false, nil
		}
		if top == '{' && c != '"' {
			return false, s.invalid(s.i, "looking for beginning of object key string")
		}
		return true, nil
	}
	switch c {
	case ',':
		s.i++
		return true, nil
	case closing:
		return false, nil
	}
	if top == '{' {
		return false, s.invalid(s.i, "after object key:value pair")
	}
	return false, s.invalid(s.i, "after array element")
}

func (j *jsonSource) key() ([]byte, pos, error) {
	s := j.s
	c, ok := s.space()
	if !ok {
		return nil, pos{}, s.unexpectedEnd()
	}
	p := pos{off: s.offset(s.i)}
	if c != '"' {
		return nil, p, s.invalid(s.i, "looking for beginning of object key string")
	}
	k, err := s.str()
	if err != nil {
		return nil, p, err
	}
	for s.i < len(s.buf) && isBlank(s.buf[s.i]) {
		s.i++
	}
	if s.i == len(s.buf) {
		// Reading on would move the window under the key: keep a copy.
		j.keyBuf = append(j.keyBuf[:0], k...)
		k = j.keyBuf
	}
	c, ok = s.space()
	if !ok {
		return nil, p, s.unexpectedEnd()
	}
	if c != ':' {
		return nil, p, s.invalid(s.i, "after object key")
	}
	s.i++
	return k, p, nil
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (j *jsonSource) close() error {
	s := j.s
	if _, ok := s.space(); !ok {
		return s.unexpectedEnd()
	}
	s.i++ // more saw the closing bracket
	j.open = j.open[:len(j.open)-1]
	j.first = false
	return nil
}

func (j *jsonSource) finish() error {
	s := j.s
	c, ok := s.space()
	if !ok {
		if s.rerr != nil || s.capped != nil {
			return s.unexpectedEnd()
		}
		return nil
	}
	switch {
	case c == '{' || c == '[' || c == '"' || c == '-' || '0' <= c && c <= '9' || c == 't' || c == 'f' || c == 'n':
		return s.syntaxAt(s.offset(s.i), "data after the end of the document")
	}
	return s.invalid(s.i, "after top-level value")
}
