package decode

import "github.com/birgemiz/sabaqtastyq/diag"

// kind is what a value in the input is, the same for JSON and YAML.
type kind uint8

const (
	kindNull kind = iota
	kindBool
	kindNumber
	kindString
	kindObject
	kindArray
)

// term names a kind in messages, as a diag term ("@string").
func (k kind) term() string {
	return [...]string{"@null", "@bool", "@number", "@string", "@object", "@list"}[k]
}

// pos is where a token starts: a byte offset in JSON, whose line and
// column are counted only when a problem needs them, or a line and a
// column from the YAML parser (line > 0).
type pos struct {
	off       int64
	line, col int
}

// token is one value read from a source. For an object or an array it is
// the opening only; its members follow through more, key and value, and
// close ends it.
type token struct {
	kind kind
	// text is a string's value, a number's literal, "true" or "false". It
	// belongs to the source and is valid until the source's next call.
	text []byte
	pos  pos
	// plain marks a YAML scalar written without quotes, which
	// [Options].PlainStrings lets stand for a string.
	plain bool
}

// source is a stream of values in document order. The decoder and the
// locator pull from it; JSON and YAML each implement it. Errors it returns
// are fatal (the input cannot be read further) and are *diag.Error values
// carrying a position.
type source interface {
	// value reads the next value: the document's top value first, then the
	// value of the key just read, or the next element of an array.
	value() (token, error)
	// more reports whether the innermost open object or array has another
	// member.
	more() (bool, error)
	// key reads the next key of the innermost open object. The bytes are
	// valid until the next call.
	key() ([]byte, pos, error)
	// close ends the innermost open object or array once more is false.
	close() error
	// finish checks that nothing follows the top value.
	finish() error
	// place returns the line and column of p.
	place(p pos) diag.Pos
}
