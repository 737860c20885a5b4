package decode

import "unsafe"

// strs makes the strings a decoding stores. Their bytes are carved from
// shared blocks rather than allocated one by one, which saves the
// allocator's rounding and the collector's work on millions of small
// objects; a block lives as long as any string in it.
//
// Repeated values are interned per field: each field remembers the last
// few distinct strings it was given, and a value equal to one of them is
// stored once. That catches what repeats in a programme — a volunteer's
// id on each of its monthly reports, which come together, and the
// enumerations, cities and language tags that most records share —
// without a table of every id, whose random look-ups cost more than the
// few megabytes they would save (see the package doc). Personal data is
// never interned: a name is compared with nothing.
type strs struct {
	blocks []byte
	recent []recent // by field slot
}

// recent is one field's last distinct short values.
type recent struct {
	v    [4]string
	next uint8
}

const (
	internMax = 64       // longer strings are not compared
	blockSize = 32 << 10 // bytes of one block
	ownMax    = 1 << 10  // longer strings get an allocation of their own
)

// str returns b as a string for the field in slot.
func (d *decoder) str(b []byte, slot int, personal bool) string {
	s := &d.strs
	if len(b) == 0 {
		return ""
	}
	if personal || len(b) > internMax {
		return s.carve(b)
	}
	if slot >= len(s.recent) {
		s.recent = append(s.recent, make([]recent, slot+1-len(s.recent)+int(slots.Load()))...)
	}
	r := &s.recent[slot]
	for i := range r.v {
		if r.v[i] == string(b) {
			return r.v[i]
		}
	}
	str := s.carve(b)
	r.v[r.next&3] = str
	r.next++
	return str
}

func (s *strs) carve(b []byte) string {
	if len(b) > ownMax {
		return string(b)
	}
	if cap(s.blocks)-len(s.blocks) < len(b) {
		s.blocks = make([]byte, 0, blockSize)
	}
	start := len(s.blocks)
	s.blocks = append(s.blocks, b...)
	return unsafe.String(&s.blocks[start], len(b))
}
