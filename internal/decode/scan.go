package decode

import (
	"bytes"
	"io"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
)

// scanner reads JSON bytes: either all of them in memory, or streamed
// from a reader through a window that slides forward, so that a file of a
// gigabyte is never held whole. It validates the syntax as it goes, with
// the standard library's messages, and knows where it is only as a byte
// offset: a line and a column are counted when a problem asks for them,
// forward from the last one counted, so positions cost nothing when the
// input is right.
type scanner struct {
	r     io.Reader // nil when buf holds the whole input
	limit int64     // how many bytes r may give; more is a TooLarge error
	name  string    // the file, in errors
	buf   []byte    // the window: buf[0] is at offset base of the input
	base  int64
	i     int   // the next byte to read, in buf
	eof   bool  // nothing more to read into buf
	rerr  error // why reading stopped early, if not at the end
	// capped is the cap that stopped reading, if one did.
	capped *diag.Error

	// line and col are where buf[0] is (from 1; col in characters).
	line, col int
	// at, atLine and atCol are the last offset resolved to a position.
	at            int64
	atLine, atCol int

	scratch []byte // strings with escapes, unescaped
}

// window is how much of a streamed input is read at a time.
const window = 1 << 20

func newScanner(data []byte, name string) *scanner {
	return &scanner{buf: data, eof: true, name: name, line: 1, col: 1, atLine: 1, atCol: 1}
}

func newStreamScanner(r io.Reader, name string, limit int64) *scanner {
	return &scanner{r: r, limit: limit, name: name, buf: make([]byte, 0, window), line: 1, col: 1, atLine: 1, atCol: 1}
}

// skipBOM drops a byte-order mark at the start of a streamed input: line 1,
// column 1 is the character after it, as for input in memory.
func (s *scanner) skipBOM() {
	s.fill(len(bom))
	if s.base == 0 && s.i == 0 && bytes.HasPrefix(s.buf, bom) {
		s.buf = s.buf[:copy(s.buf, s.buf[len(bom):])]
		s.base = int64(len(bom))
		s.at = s.base
	}
}

// peek returns the first byte that is not blank, reading as far as it
// takes but consuming nothing.
func (s *scanner) peek() (byte, bool) {
	for k := 0; ; k++ {
		if !s.fill(k + 1) {
			return 0, false
		}
		if c := s.buf[s.i+k]; !isBlank(c) {
			return c, true
		}
	}
}

// rest returns a reader of the whole input, from its first byte — the
// byte-order mark included, which the YAML reader drops itself. Nothing
// may have been consumed.
func (s *scanner) rest() io.Reader {
	head := s.buf[s.i:]
	if s.base == int64(len(bom)) {
		head = append(append([]byte(nil), bom...), head...)
	}
	return io.MultiReader(bytes.NewReader(head), s.r)
}

// offset returns the offset in the input of buf[j].
func (s *scanner) offset(j int) int64 { return s.base + int64(j) }

// fill makes at least n bytes available from s.i, unless the input ends
// first, and reports whether it could. Bytes before s.i are dropped from a
// streamed window, counting their lines first.
func (s *scanner) fill(n int) bool {
	for len(s.buf)-s.i < n {
		if s.eof {
			return false
		}
		if s.i > 0 {
			s.drop(s.i)
		}
		if cap(s.buf)-len(s.buf) < window/2 {
			if int64(len(s.buf)) > limits.ValueBytes {
				// One value fills the window: a string of gigabytes would
				// otherwise be held whole.
				e := diag.New(diag.CodeTooLarge, "", "a single value over "+limits.Size(limits.ValueBytes))
				e.Pos = s.resolve(s.offset(s.i))
				s.eof, s.capped = true, e
				return false
			}
			grown := make([]byte, len(s.buf), max(2*cap(s.buf), len(s.buf)+window))
			copy(grown, s.buf)
			s.buf = grown
		}
		m, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
		s.buf = s.buf[:len(s.buf)+m]
		if s.limit > 0 && s.base+int64(len(s.buf)) > s.limit {
			s.buf = s.buf[:max(0, int(s.limit-s.base))]
			s.eof, s.capped = true, limits.TooLarge(s.name, s.limit)
			return len(s.buf)-s.i >= n
		}
		switch {
		case err == io.EOF:
			s.eof = true
		case err != nil:
			s.eof, s.rerr = true, err
		}
	}
	return true
}

// drop forgets buf[:k], keeping the position of the new buf[0].
func (s *scanner) drop(k int) {
	gone := s.buf[:k]
	if nl := bytes.Count(gone, newline); nl > 0 {
		s.line += nl
		s.col = 1 + utf8.RuneCount(gone[bytes.LastIndexByte(gone, '\n')+1:])
	} else {
		s.col += utf8.RuneCount(gone)
	}
	n := copy(s.buf, s.buf[k:])
	s.buf = s.buf[:n]
	s.base += int64(k)
	s.i -= k
}

var newline = []byte{'\n'}

// resolve returns the line and column of offset off, which must not be
// before the window. Offsets asked for in order are counted once.
func (s *scanner) resolve(off int64) diag.Pos {
	off = min(off, s.base+int64(len(s.buf)))
	from, line, col := s.at, s.atLine, s.atCol
	if from < s.base || off < from {
		from, line, col = s.base, s.line, s.col
	}
	if off < from { // before the window: never asked for by the decoder
		return diag.Pos{File: s.name, Line: line, Col: col}
	}
	seg := s.buf[from-s.base : off-s.base]
	if nl := bytes.Count(seg, newline); nl > 0 {
		line += nl
		col = 1 + utf8.RuneCount(seg[bytes.LastIndexByte(seg, '\n')+1:])
	} else {
		col += utf8.RuneCount(seg)
	}
	s.at, s.atLine, s.atCol = off, line, col
	return diag.Pos{File: s.name, Line: line, Col: col}
}

// end is the offset just past the input read so far.
func (s *scanner) end() int64 { return s.base + int64(len(s.buf)) }

// syntaxAt is a syntax error at offset off.
func (s *scanner) syntaxAt(off int64, msg string) *diag.Error {
	e := diag.New(diag.CodeSyntax, "", msg)
	e.Pos = s.resolve(off)
	return e
}

// unexpectedEnd is the error at the end of the input, or the reason
// reading stopped before it.
func (s *scanner) unexpectedEnd() error {
	if s.capped != nil {
		return s.capped
	}
	if s.rerr != nil {
		return s.syntaxAt(s.end(), "read: "+s.rerr.Error())
	}
	return s.syntaxAt(s.end(), "unexpected end of JSON input")
}

// invalid is the standard library's message for byte c where it does not
// belong.
func (s *scanner) invalid(j int, context string) error {
	if j >= len(s.buf) {
		return s.unexpectedEnd()
	}
	return s.syntaxAt(s.offset(j), "invalid character "+quoteChar(s.buf[j])+" "+context)
}

// quoteChar formats c as encoding/json does in its syntax errors.
func quoteChar(c byte) string {
	switch c {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	q := strconv.Quote(string(rune(c)))
	return "'" + q[1:len(q)-1] + "'"
}

// space skips blanks and returns the next byte without consuming it; false
// at the end of the input.
func (s *scanner) space() (byte, bool) {
	for {
		for s.i < len(s.buf) {
			c := s.buf[s.i]
			if c > ' ' || (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
				return c, true
			}
			s.i++
		}
		if !s.fill(1) {
			return 0, false
		}
	}
}

// plainByte marks the bytes a string holds as they are: not '"', '\\' or
// a control character. Bytes of multi-byte characters are plain too; the
// string is checked to be valid UTF-8 once it is read.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < 0x100; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str reads the string starting at s.i (a '"') and returns its value. The
// bytes are the window's own or the scratch buffer's: valid until the next
// read.
func (s *scanner) str() ([]byte, error) {
	j := s.i + 1
	for {
		for j < len(s.buf) && plainByte[s.buf[j]] {
			j++
		}
		if j < len(s.buf) {
			if s.buf[j] == '"' {
				text := s.buf[s.i+1 : j]
				if !ascii(text) && !utf8.Valid(text) {
					return s.strSlow(s.i + 1)
				}
				s.i = j + 1
				return text, nil
			}
			return s.strSlow(j)
		}
		at := j - s.i
		if !s.fill(at + 1) {
			return nil, s.unexpectedEnd()
		}
		j = s.i + at
	}
}

// strSlow finishes a string that has escapes, control characters or
// multi-byte characters from buf[j] on, the way encoding/json reads it:
// invalid UTF-8 and lone surrogates become U+FFFD. It counts from s.i (the
// opening quote), which stays put while the window moves.
func (s *scanner) strSlow(j int) ([]byte, error) {
	if prefix := s.buf[s.i+1 : j]; !ascii(prefix) && !utf8.Valid(prefix) {
		j = s.i + 1 // the fast loop let invalid UTF-8 by: read it all again
	}
	out := append(s.scratch[:0], s.buf[s.i+1:j]...)
	k := j - s.i
	for {
		if !s.fill(k + 1) {
			return nil, s.unexpectedEnd()
		}
		c := s.buf[s.i+k]
		switch {
		case c == '"':
			s.i += k + 1
			s.scratch = out
			return out, nil
		case c < 0x20:
			return nil, s.invalid(s.i+k, "in string literal")
		case c == '\\':
			if !s.fill(k + 2) {
				return nil, s.unexpectedEnd()
			}
			switch e := s.buf[s.i+k+1]; e {
			case '"', '\\', '/':
				out, k = append(out, e), k+2
			case 'b':
				out, k = append(out, '\b'), k+2
			case 'f':
				out, k = append(out, '\f'), k+2
			case 'n':
				out, k = append(out, '\n'), k+2
			case 'r':
				out, k = append(out, '\r'), k+2
			case 't':
				out, k = append(out, '\t'), k+2
			case 'u':
				r, err := s.hex4(k + 2)
				if err != nil {
					return nil, err
				}
				k += 6
				if utf16.IsSurrogate(r) {
					r2, ok := s.lowSurrogate(k)
					if dec := utf16.DecodeRune(r, r2); ok && dec != utf8.RuneError {
						r, k = dec, k+6
					} else {
						r = utf8.RuneError
					}
				}
				out = utf8.AppendRune(out, r)
			default:
				return nil, s.invalid(s.i+k+1, "in string escape code")
			}
		case c < utf8.RuneSelf:
			out = append(out, c)
			k++
		default:
			s.fill(k + utf8.UTFMax) // a character cut by the window's end
			r, size := utf8.DecodeRune(s.buf[s.i+k:])
			if r == utf8.RuneError && size == 1 {
				out = utf8.AppendRune(out, utf8.RuneError)
			} else {
				out = append(out, s.buf[s.i+k:s.i+k+size]...)
			}
			k += size
		}
	}
}

// ascii reports whether b holds only ASCII, eight bytes at a time.
func ascii(b []byte) bool {
	for len(b) >= 8 {
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if x&0x8080808080808080 != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// hex4 reads the four hex digits of a \u escape k bytes from s.i.
func (s *scanner) hex4(k int) (rune, error) {
	s.fill(k + 4)
	var r rune
	for m := range 4 {
		j := s.i + k + m
		if j >= len(s.buf) {
			return 0, s.unexpectedEnd()
		}
		c := s.buf[j]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, s.invalid(j, "in \\u hexadecimal character escape")
		}
		r = r*16 + rune(c)
	}
	return r, nil
}

// lowSurrogate reads a \uXXXX k bytes from s.i that may complete a
// surrogate pair; the caller consumes it only when it does.
func (s *scanner) lowSurrogate(k int) (rune, bool) {
	s.fill(k + 6)
	j := s.i + k
	if j+6 > len(s.buf) || s.buf[j] != '\\' || s.buf[j+1] != 'u' {
		return 0, false
	}
	r, err := s.hex4(k + 2)
	if err != nil {
		return 0, false
	}
	return r, true
}

// skipStr consumes the string at s.i without keeping its value.
func (s *scanner) skipStr() error {
	_, err := s.str()
	return err
}

// number reads the number starting at s.i and returns its literal.
func (s *scanner) number() ([]byte, error) {
	j := s.i
	// A number ends at the first byte that cannot continue it; make sure
	// the window holds it whole.
	for {
		k := j
		for k < len(s.buf) && numByte[s.buf[k]] {
			k++
		}
		if k < len(s.buf) || s.eof {
			break
		}
		at := k - s.i
		if !s.fill(at + 1) {
			break
		}
		j = s.i + at
	}
	j = s.i
	b := s.buf
	if j < len(b) && b[j] == '-' {
		j++
	}
	switch {
	case j >= len(b):
		return nil, s.unexpectedEnd()
	case b[j] == '0':
		j++
	case '1' <= b[j] && b[j] <= '9':
		for j < len(b) && '0' <= b[j] && b[j] <= '9' {
			j++
		}
	default:
		return nil, s.invalid(j, "in numeric literal")
	}
	if j < len(b) && b[j] == '.' {
		j++
		if j >= len(b) {
			return nil, s.unexpectedEnd()
		}
		if b[j] < '0' || b[j] > '9' {
			return nil, s.invalid(j, "after decimal point in numeric literal")
		}
		for j < len(b) && '0' <= b[j] && b[j] <= '9' {
			j++
		}
	}
	if j < len(b) && (b[j] == 'e' || b[j] == 'E') {
		j++
		if j < len(b) && (b[j] == '+' || b[j] == '-') {
			j++
		}
		if j >= len(b) {
			return nil, s.unexpectedEnd()
		}
		if b[j] < '0' || b[j] > '9' {
			return nil, s.invalid(j, "in exponent of numeric literal")
		}
		for j < len(b) && '0' <= b[j] && b[j] <= '9' {
			j++
		}
	}
	text := b[s.i:j]
	s.i = j
	return text, nil
}

var numByte = func() (t [256]bool) {
	for _, c := range []byte("0123456789+-.eE") {
		t[c] = true
	}
	return t
}()

// literal reads true, false or null at s.i.
func (s *scanner) literal(word string) error {
	s.fill(len(word))
	for k := 1; k < len(word); k++ {
		j := s.i + k
		if j >= len(s.buf) {
			return s.unexpectedEnd()
		}
		if s.buf[j] != word[k] {
			return s.invalid(j, "in literal "+word+" (expecting "+quoteChar(word[k])+")")
		}
	}
	s.i += len(word)
	return nil
}

// view returns the bytes of a string without copying; they must not be
// changed.
func view(str string) []byte { return unsafe.Slice(unsafe.StringData(str), len(str)) }
