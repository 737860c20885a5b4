package decode

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

// pos is where a token starts: line and column count from 1, the column in
// characters (runes), as editors and the YAML parser count it.
type pos struct{ line, col int }

// token is one value read from a source. For an object or an array it is
// the opening only; its members follow through more, key and value, and
// close ends it.
type token struct {
	kind kind
	text string // a string's value, a number's literal, "true" or "false"
	pos  pos
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
	more() bool
	// key reads the next key of the innermost open object.
	key() (string, pos, error)
	// close ends the innermost open object or array once more is false.
	close() error
	// finish checks that nothing follows the top value.
	finish() error
}
