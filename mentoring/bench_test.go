package mentoring_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/birgemiz/sabaqtastyq/internal/decode"
	"github.com/birgemiz/sabaqtastyq/internal/progen"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// big is a programme of 100,000 volunteers, the shape of the rules
// benchmark's: 50,000 children and tandems, 100,000 agreements, 800,000
// reports, 12,500 group sessions; about 120 MB of JSON.
var big = sync.OnceValue(func() []byte { return progen.Bytes(100_000) })

func TestGeneratedProgrammeLoads(t *testing.T) {
	p, err := mentoring.Parse(progen.Bytes(1000), "gen.json", mentoring.JSON)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Volunteers) != 1000 || len(p.Reports) != 8000 || len(p.Groups) != 125 {
		t.Fatalf("%d volunteers, %d reports, %d groups", len(p.Volunteers), len(p.Reports), len(p.Groups))
	}
}

// BenchmarkLoad100k loads a 100,000-volunteer programme from memory:
// decoding, validation (tags, references, dates) and the index. Compare
// with the two stdlib baselines below, in the same run.
func BenchmarkLoad100k(b *testing.B) {
	data := big()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := mentoring.Parse(data, "big.json", mentoring.JSON); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadFile100k is BenchmarkLoad100k from a file, streamed.
func BenchmarkLoadFile100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.json")
	if err := os.WriteFile(path, big(), 0o600); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(big())))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := mentoring.Load(path); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecode100k is the decoding alone, without validation.
func BenchmarkDecode100k(b *testing.B) {
	data := big()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var p mentoring.Programme
		if errs := decode.Decode(data, &p, decode.Options{File: "big.json", Format: decode.JSON}); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

// BenchmarkLoad100kStdlibStruct is a baseline: encoding/json.Unmarshal
// into the same structs, with no positions, no strictness about duplicate
// keys or unknown fields, and no validation.
func BenchmarkLoad100kStdlibStruct(b *testing.B) {
	data := big()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var p mentoring.Programme
		if err := json.Unmarshal(data, &p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad100kStdlibAny is the yardstick: encoding/json.Unmarshal
// of the same bytes into any.
func BenchmarkLoad100kStdlibAny(b *testing.B) {
	data := big()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			b.Fatal(err)
		}
	}
}
