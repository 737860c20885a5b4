// Package progen writes large, well-formed programme files for benchmarks
// and for trying the loader as a national roster would: n volunteers, n/2
// children and tandems, n agreements, eight monthly reports a volunteer,
// n/8 group sessions and n/100 institutions, the shape of the rules
// package's benchmark programme. The output is deterministic, one record a
// line, and about 1.2 KB a volunteer (a 100,000-volunteer programme is
// about 120 MB).
//
// Run it with
//
//	go run ./internal/progen/gen -n 100000 -o /tmp/p100k.json
package progen

import (
	"bufio"
	"io"
	"strconv"
)

// Write writes a programme of n volunteers (n ≥ 8) as JSON to w.
func Write(w io.Writer, n int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	g := gen{w: bw, buf: make([]byte, 0, 4096)}
	g.programme(max(n, 8))
	if g.err != nil {
		return g.err
	}
	return bw.Flush()
}

// Bytes returns the programme of n volunteers in memory.
func Bytes(n int) []byte {
	var b sliceWriter
	_ = Write(&b, n)
	return b
}

type sliceWriter []byte

func (s *sliceWriter) Write(p []byte) (int, error) { *s = append(*s, p...); return len(p), nil }

type gen struct {
	w   *bufio.Writer
	buf []byte
	err error
}

// flush writes the record built in buf.
func (g *gen) flush() {
	if g.err == nil {
		_, g.err = g.w.Write(g.buf)
	}
	g.buf = g.buf[:0]
}

func (g *gen) s(s string) { g.buf = append(g.buf, s...) }

func (g *gen) id(prefix string, i int) {
	g.buf = append(g.buf, '"')
	g.buf = append(g.buf, prefix...)
	g.buf = strconv.AppendInt(g.buf, int64(i), 10)
	g.buf = append(g.buf, '"')
}

func (g *gen) date(y, m, d int) {
	g.buf = append(g.buf, '"')
	g.buf = strconv.AppendInt(g.buf, int64(y), 10)
	g.buf = append(g.buf, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10), '"')
}

// list writes `,\n"name": [` and count items, one a line.
func (g *gen) list(name string, count int, item func(i int)) {
	g.s(",\n\"" + name + "\": [")
	for i := range count {
		if i > 0 {
			g.s(",")
		}
		g.s("\n  ")
		item(i)
		g.flush()
	}
	g.s("\n]")
}

func (g *gen) programme(n int) {
	insts := max(1, n/100)
	g.s(`{"as_of": "2026-11-24", "organisation": "Birgemiz Sabaqtastyq"`)
	g.list("institutions", insts, func(i int) {
		g.s(`{"id": `)
		g.id("inst-", i)
		g.s(`, "name": "Children's home", "kind": "orphanage", "city": "Almaty"}`)
	})
	g.list("volunteers", n, func(i int) {
		g.s(`{"id": `)
		g.id("v-", i)
		g.s(`, "full_name": "Айгерім Сәдуақасова", "birth_date": `)
		g.date(1970+i%30, 1+i%12, 1+i%28)
		g.s(`, "gender": "female", "city": "Almaty", "languages": ["kk", "ru"], "contacts": {"phone": "+7 700 000 00 01"}, "role": "individual_mentor", "commitment_months": 24, "screening": {"interview": "2025-06-10", "psychological_test": "2025-06-17", "training": "2025-07-05", "documents": "2025-07-20"}, "status": "active"}`)
	})
	g.list("children", n/2, func(i int) {
		g.s(`{"id": `)
		g.id("c-", i)
		g.s(`, "birth_date": `)
		g.date(2008+i%7, 1+i%12, 1+i%28)
		g.s(`, "gender": "male", "institution": `)
		g.id("inst-", i%insts)
		g.s(`, "admitted_on": "2020-09-01", "programme": "individual", "languages": ["kk"]}`)
	})
	g.list("tandems", n/2, func(i int) {
		g.s(`{"id": `)
		g.id("t-", i)
		g.s(`, "mentor": `)
		g.id("v-", 2*i)
		g.s(`, "child": `)
		g.id("c-", i)
		g.s(`, "started_on": "2026-03-01", "phase": "active"}`)
	})
	g.list("groups", n/8, func(i int) {
		g.s(`{"id": `)
		g.id("g-", i)
		g.s(`, "institution": `)
		g.id("inst-", (4*i)%insts)
		g.s(`, "date": "2025-08-20", "mentors": [`)
		for j := range 8 {
			if j > 0 {
				g.s(", ")
			}
			g.id("v-", 8*i+j)
		}
		g.s(`], "children": [`)
		for j := range 4 {
			if j > 0 {
				g.s(", ")
			}
			g.id("c-", 4*i+j)
		}
		g.s(`]}`)
	})
	g.list("agreements", n, func(i int) {
		g.s(`{"id": `)
		g.id("a-", i)
		g.s(`, "volunteer": `)
		g.id("v-", i)
		g.s(`, "city": "Almaty", "hours_per_week": 4, "signed_on": "2026-02-15", "notice_given_on": null, "ends_on": null}`)
	})
	g.s(`, "outings": []`)
	g.list("reports", 8*n, func(i int) {
		g.s(`{"volunteer": `)
		g.id("v-", i/8)
		g.s(`, "month": "`)
		m := 3 + i%8 // 2026-03 … 2026-10, every month since signing
		g.buf = append(g.buf, "2026-"...)
		g.buf = append(g.buf, byte('0'+m/10), byte('0'+m%10))
		g.s(`", "hours": 12}`)
	})
	g.s(`, "meetings": [{"id": "m-1", "kind": "general", "date": "2026-10-05"}]`)
	g.s("\n}\n")
	g.flush()
}
