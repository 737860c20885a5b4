package decode

// Masking hides the values of personal fields in a snippet. It reads the
// line as JSON or YAML are written — quoted strings, plain scalars, keys
// before a colon, flow brackets — well enough to tell a key from a value,
// and replaces the value of every key in the mask (and everything inside
// it, when it is an object or a list) with •••. Keys, ids, dates of
// events and the structure stay, so the author can still see where the
// problem is.
//
// The lexer starts where the state is known: the start of the line when
// it is near, or, on a long line, a separator found by reading back from
// the caret (a problem points at the start of a key or a value, outside any
// string, and strings read backwards from there are unambiguous). When no
// such point is near, every scalar in the window is masked.

// reach is how far back from the window the lexer may start.
const reach = 4 << 10

// maskWindow returns src[from:to] with masked values replaced, and where
// the caret at offset caret falls in it.
func maskWindow(src []byte, from, to, caret int, mask Mask, startsLine bool) ([]byte, int) {
	if len(mask) == 0 {
		return src[from:to], caret - from
	}
	l := lexer{src: src, mask: mask, from: from, to: to, caret: caret, caretOut: -1}
	start, ok := resync(src, from, caret, startsLine)
	switch {
	case !ok:
		start, l.blind = from, true
	case start > 0 && src[start-1] != '\n' || start == 0 && !startsLine:
		l.flat = true // a separator on a long line: flow style, as JSON is
	default:
		// A line of JSON starts with a quoted key or a bracket; its commas
		// separate values. A line of block YAML starts with a plain key,
		// and a comma in it is text unless inside brackets.
		j := start
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if j < len(src) && (src[j] == '"' || src[j] == '{' || src[j] == '[' || src[j] == '}' || src[j] == ']') {
			l.flat = true
		}
	}
	l.run(start)
	if l.caretOut < 0 {
		l.caretOut = len(l.out)
	}
	return l.out, l.caretOut
}

// resync finds where, at or before from, the lexer may start knowing its
// state: outside any string, with no key waiting for its value.
func resync(src []byte, from, caret int, startsLine bool) (int, bool) {
	lineStart := from
	for lineStart > 0 && src[lineStart-1] != '\n' && from-lineStart <= reach {
		lineStart--
	}
	if lineStart == 0 && startsLine || lineStart > 0 && src[lineStart-1] == '\n' {
		return lineStart, true
	}
	if !tokenStart(src, caret) {
		return 0, false
	}
	for i := caret; i > 0 && caret-i <= 2*reach; {
		c := src[i-1]
		switch {
		case c == '"' || c == '\'':
			j := openingQuote(src, i-1, c, caret-2*reach)
			if j < 0 {
				return 0, false
			}
			i = j
		case (c == ',' || c == '{' || c == '[') && i-1 <= from:
			return i - 1, true
		case c == '\n':
			return i, true
		default:
			i--
		}
	}
	return 0, false
}

// tokenStart reports whether offset i looks like the start of a key or a
// value, or a separator: where decoding problems point.
func tokenStart(src []byte, i int) bool {
	if i >= len(src) {
		return false
	}
	switch src[i] {
	case ',', ':', '{', '}', '[', ']':
		return true
	}
	j := i
	for j > 0 && (src[j-1] == ' ' || src[j-1] == '\t') {
		j--
	}
	if j == 0 {
		return true
	}
	switch src[j-1] {
	case ',', ':', '{', '[', '\n', '-':
		return true
	}
	return false
}

// openingQuote finds the quote that opens the string closed at src[q],
// looking back no further than limit; -1 if it is not found.
func openingQuote(src []byte, q int, quote byte, limit int) int {
	for k := q - 1; k >= 0 && k >= limit; k-- {
		if src[k] != quote {
			continue
		}
		if quote == '\'' {
			if k > 0 && src[k-1] == '\'' { // '' is a quote inside the string
				k--
				continue
			}
			return k
		}
		slashes := 0
		for m := k - 1; m >= 0 && src[m] == '\\'; m-- {
			slashes++
		}
		if slashes%2 == 0 {
			return k
		}
	}
	return -1
}

type lexer struct {
	src             []byte
	mask            Mask
	from, to, caret int
	out             []byte
	caretOut        int
	pending         bool // the next value is a masked key's
	masking         int  // > 0: inside an object or list that is a masked key's value
	flow            int  // brackets opened on this line: plain scalars end at commas
	flat            bool // JSON, or flow style from the start: commas always separate
	blind           bool // the state is unknown: mask every scalar
}

// inFlow reports whether commas and brackets end a plain scalar here.
func (l *lexer) inFlow() bool { return l.flat || l.flow > 0 }

func (l *lexer) run(i int) {
	src := l.src
	for i < len(src) && i < l.to && src[i] != '\n' {
		c := src[i]
		switch c {
		case ' ', '\t', '\r':
			l.emit(i, i+1)
			i++
		case '{', '[':
			if l.masking > 0 || l.pending {
				l.masking++
			}
			l.pending = false
			l.flow++
			l.emit(i, i+1)
			i++
		case '}', ']':
			if l.masking > 0 {
				l.masking--
			}
			l.flow = max(0, l.flow-1)
			l.pending = false
			l.emit(i, i+1)
			i++
		case ',':
			if !l.inFlow() && !l.blind {
				i = l.scalar(i) // a comma in a block scalar is text
				continue
			}
			l.pending = false
			l.emit(i, i+1)
			i++
		case ':':
			l.emit(i, i+1)
			i++
		case '-':
			if i+1 < len(src) && (src[i+1] == ' ' || src[i+1] == '\t') && !l.blind {
				l.emit(i, i+1) // a block sequence's item
				i++
				continue
			}
			i = l.scalar(i)
		case '"', '\'':
			j := l.quoted(i, c)
			l.token(i, j, true)
			i = j
		default:
			i = l.scalar(i)
		}
	}
	if l.caret >= i && l.caretOut < 0 {
		l.caretOut = len(l.out)
	}
}

// quoted returns the end of the string opened at src[i] (or of the line).
func (l *lexer) quoted(i int, quote byte) int {
	src := l.src
	for j := i + 1; j < len(src) && src[j] != '\n'; j++ {
		switch {
		case quote == '"' && src[j] == '\\':
			j++
		case src[j] == quote:
			if quote == '\'' && j+1 < len(src) && src[j+1] == '\'' {
				j++
				continue
			}
			return j + 1
		}
	}
	return l.lineEnd(i)
}

func (l *lexer) lineEnd(i int) int {
	for i < len(l.src) && l.src[i] != '\n' {
		i++
	}
	return i
}

// scalar reads a plain scalar (a number, a literal, YAML's unquoted text)
// from src[i] and returns where it ends.
func (l *lexer) scalar(i int) int {
	src := l.src
	j := i
	for j < len(src) && src[j] != '\n' {
		c := src[j]
		if c == ':' && (j+1 == len(src) || src[j+1] == ' ' || src[j+1] == '\t' || src[j+1] == '\n' || src[j+1] == '\r' || src[j+1] == '"') {
			break
		}
		if l.inFlow() && (c == ',' || c == '}' || c == ']') {
			break
		}
		if c == '#' && j > i && (src[j-1] == ' ' || src[j-1] == '\t') {
			break
		}
		j++
	}
	if l.pending && !l.inFlow() {
		// The value of a masked key in block style: whatever follows it on
		// the line is the value (a ": " there would be a YAML error), so
		// all of it is masked.
		j = l.lineEnd(i)
	}
	end := j
	for end > i && (src[end-1] == ' ' || src[end-1] == '\t' || src[end-1] == '\r') {
		end--
	}
	if end == i { // a lone separator in block text: take it as text
		end = i + 1
		j = max(j, end)
	}
	l.token(i, end, false)
	return end
}

// token emits the scalar src[i:j], quoted or plain: as it is when it is a
// key or an unmasked value, as ••• when it is a masked value.
func (l *lexer) token(i, j int, quoted bool) {
	k := j
	for k < len(l.src) && (l.src[k] == ' ' || l.src[k] == '\t') {
		k++
	}
	isKey := k < len(l.src) && l.src[k] == ':' && !l.blind
	if isKey {
		key := l.src[i:j]
		if quoted && len(key) >= 2 {
			key = key[1 : len(key)-1]
		}
		l.pending = l.masking == 0 && l.mask[string(key)]
		l.emit(i, j)
		return
	}
	masked := l.pending || l.masking > 0 || l.blind
	l.pending = false
	if !masked {
		l.emit(i, j)
		return
	}
	if j <= l.from || i >= l.to {
		return
	}
	if l.caret >= i && l.caret < j && l.caretOut < 0 {
		l.caretOut = len(l.out)
	}
	if quoted && i >= l.from {
		l.out = append(l.out, l.src[i])
	}
	l.out = append(l.out, Masked...)
	if quoted && j <= l.to && j-i >= 2 && (l.src[j-1] == '"' || l.src[j-1] == '\'') {
		l.out = append(l.out, l.src[j-1])
	}
}

// emit copies the part of src[i:j] inside the window.
func (l *lexer) emit(i, j int) {
	a, b := max(i, l.from), min(j, l.to)
	if a >= b {
		return
	}
	if l.caret >= a && l.caret < b && l.caretOut < 0 {
		l.caretOut = len(l.out) + l.caret - a
	}
	l.out = append(l.out, l.src[a:b]...)
}
