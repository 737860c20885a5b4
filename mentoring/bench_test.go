package mentoring_test

import (
	"encoding/json"
	"strconv"
	"sync"
	"testing"

	"github.com/birgemiz/sabaqtastyq/internal/decode"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

var big = sync.OnceValue(func() []byte { return generate(100_000) })

// generate writes a well-formed programme of n volunteers with n/2
// children, n/2 tandems, n/2 agreements, three reports each, n/100
// institutions, deterministically.
func generate(n int) []byte {
	b := make([]byte, 0, n*600)
	date := func(b []byte, y, m, d int) []byte {
		b = append(b, '"')
		b = strconv.AppendInt(b, int64(y), 10)
		b = append(b, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10), '"')
		return b
	}
	id := func(b []byte, prefix string, i int) []byte {
		b = append(b, '"')
		b = append(b, prefix...)
		b = strconv.AppendInt(b, int64(i), 10)
		return append(b, '"')
	}
	list := func(b []byte, name string, count int, item func(b []byte, i int) []byte) []byte {
		b = append(b, ",\n\""...)
		b = append(b, name...)
		b = append(b, "\": ["...)
		for i := range count {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, "\n  "...)
			b = item(b, i)
		}
		return append(b, "\n]"...)
	}
	insts := max(1, n/100)
	b = append(b, `{"as_of": "2026-11-24"`...)
	b = list(b, "institutions", insts, func(b []byte, i int) []byte {
		b = append(b, `{"id": `...)
		b = id(b, "inst-", i)
		return append(b, `, "name": "Children's home", "kind": "orphanage", "city": "Almaty"}`...)
	})
	b = list(b, "volunteers", n, func(b []byte, i int) []byte {
		b = append(b, `{"id": `...)
		b = id(b, "v-", i)
		b = append(b, `, "full_name": "Айгерім Сәдуақасова", "birth_date": `...)
		b = date(b, 1970+i%30, 1+i%12, 1+i%28)
		b = append(b, `, "gender": "female", "city": "Almaty", "languages": ["kk", "ru"], "contacts": {"phone": "+7 700 000 00 01"}, "role": "individual_mentor", "commitment_months": 24, "screening": {"interview": "2025-06-10", "psychological_test": "2025-06-17", "training": "2025-07-05", "documents": "2025-07-20"}, "status": "active"}`...)
		return b
	})
	b = list(b, "children", n/2, func(b []byte, i int) []byte {
		b = append(b, `{"id": `...)
		b = id(b, "c-", i)
		b = append(b, `, "birth_date": `...)
		b = date(b, 2008+i%8, 1+i%12, 1+i%28)
		b = append(b, `, "gender": "male", "institution": `...)
		b = id(b, "inst-", i%insts)
		return append(b, `, "admitted_on": "2020-09-01", "programme": "individual", "languages": ["kk"]}`...)
	})
	b = list(b, "tandems", n/2, func(b []byte, i int) []byte {
		b = append(b, `{"id": `...)
		b = id(b, "t-", i)
		b = append(b, `, "mentor": `...)
		b = id(b, "v-", i)
		b = append(b, `, "child": `...)
		b = id(b, "c-", i)
		return append(b, `, "started_on": "2025-09-01", "phase": "active"}`...)
	})
	b = append(b, `, "groups": []`...)
	b = list(b, "agreements", n/2, func(b []byte, i int) []byte {
		b = append(b, `{"id": `...)
		b = id(b, "a-", i)
		b = append(b, `, "volunteer": `...)
		b = id(b, "v-", i)
		return append(b, `, "city": "Almaty", "hours_per_week": 4, "signed_on": "2025-08-20", "notice_given_on": null, "ends_on": null}`...)
	})
	b = append(b, `, "outings": []`...)
	b = list(b, "reports", 3*(n/2), func(b []byte, i int) []byte {
		b = append(b, `{"volunteer": `...)
		b = id(b, "v-", i/3)
		b = append(b, `, "month": "2026-0`...)
		b = strconv.AppendInt(b, int64(7+i%3), 10)
		return append(b, `", "hours": 12}`...)
	})
	return append(b, "\n}\n"...)
}

func TestGeneratedProgrammeLoads(t *testing.T) {
	p, err := mentoring.Parse(generate(1000), "gen.json", mentoring.JSON)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Volunteers) != 1000 || len(p.Reports) != 1500 {
		t.Fatalf("%d volunteers, %d reports", len(p.Volunteers), len(p.Reports))
	}
}

// BenchmarkLoad100k loads a 100,000-volunteer programme: decoding with
// positions, then validation (tags, references, dates).
func BenchmarkLoad100k(b *testing.B) {
	data := big()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := mentoring.Parse(data, "big.json", mentoring.JSON); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(data))/1e6, "MB")
}

// BenchmarkDecode100k is the positioned decoding alone, without validation.
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

// BenchmarkLoad100kStdlibJSON is the baseline: encoding/json.Unmarshal into
// the same struct, with no positions, no collected problems and no
// validation.
func BenchmarkLoad100kStdlibJSON(b *testing.B) {
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
