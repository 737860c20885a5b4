package sheet_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/sheet"
)

// canonical is a programme as a JSON value with what carries no meaning
// dropped: null, empty lists, empty objects. Two programmes are the same
// when their canonical forms are equal.
func canonical(tb testing.TB, p *mentoring.Programme) string {
	tb.Helper()
	s, err := canonicalOf(p)
	require.NoError(tb, err)
	return s
}

// canonicalOf is canonical for goroutines other than the test's.
func canonicalOf(p *mentoring.Programme) (string, error) {
	data, err := json.Marshal(p)
	if err != nil {
		return "", err
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return "", err
	}
	out, err := json.MarshalIndent(prune(v), "", " ")
	return string(out), err
}

func prune(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if e = prune(e); e == nil {
				delete(x, k)
			} else {
				x[k] = e
			}
		}
		if len(x) == 0 {
			return nil
		}
	case []any:
		for i, e := range x {
			x[i] = prune(e)
		}
		if len(x) == 0 {
			return nil
		}
	}
	return v
}

// sameProgramme fails when p and q differ, showing the first lines that do.
func sameProgramme(tb testing.TB, p, q *mentoring.Programme) {
	tb.Helper()
	a, b := canonical(tb, p), canonical(tb, q)
	if a == b {
		return
	}
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			lo := max(0, i-6)
			tb.Fatalf("programmes differ at line %d:\nwant:\n%s\ngot:\n%s", i+1,
				strings.Join(al[lo:min(len(al), i+3)], "\n"), strings.Join(bl[lo:min(len(bl), i+3)], "\n"))
		}
	}
	tb.Fatalf("programmes differ in length: %d vs %d lines", len(al), len(bl))
}

// throughXLSX writes p as a workbook and reads it back.
func throughXLSX(tb testing.TB, p *mentoring.Programme, lang diag.Lang) *mentoring.Programme {
	tb.Helper()
	var buf bytes.Buffer
	require.NoError(tb, sheet.WriteXLSX(&buf, p, lang))
	q, err := sheet.ReadXLSX(&buf, "roundtrip.xlsx")
	require.NoError(tb, err, "%s", diag.Localize(err, diag.EN))
	return q
}

// throughCSV writes p as a CSV folder and reads it back.
func throughCSV(tb testing.TB, p *mentoring.Programme) *mentoring.Programme {
	tb.Helper()
	dir := tb.TempDir()
	require.NoError(tb, sheet.WriteCSV(dir, p))
	q, err := sheet.ReadCSV(dir)
	require.NoError(tb, err, "%s", diag.Localize(err, diag.EN))
	return q
}

// gen builds random programmes that validate. Every column of the layout
// gets values of its kind, so a field added to the domain is exercised
// without a change here; the columns whose values depend on other rows
// (ids, references, dates in order, fields required by another's value)
// are set by hand.
type gen struct {
	rng    *rand.Rand
	layout map[string]sheet.Sheet
	asOf   string
}

func newGen(tb testing.TB, seed uint64) *gen {
	tb.Helper()
	sheets, err := sheet.Layout()
	require.NoError(tb, err)
	g := &gen{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), layout: map[string]sheet.Sheet{}}
	for _, s := range sheets {
		g.layout[s.Name] = s
	}
	return g
}

// Pieces of text that tables find hard: separators, escapes, quotes, line
// breaks, spaces at the ends, text that looks like a number, a date, a
// formula or a yes.
var (
	hardTexts = []string{"true", "no", "иә", "0", "007", "1e5", "2026-01-01", "01.02.2003", "=SUM(A1)", "+7 700 000 00 01",
		";", "a;b", "\\", "a\\;b", "\\\\", " ", "  lead", "trail ", "\"quoted\"", "a,b", "line\nbreak", "tab\there",
		"_x0041_", "«Бірге»", "Әйгерім Өмірзақова", "Дарья", "😀 emoji", "#N/A", "id", "name"}
	runes = []rune("abcxyz ABC 019;\\,\"'\n\t-+=@#_ЖжӘәҒғҚқҢңӨөҰұҮүҺһІіЁё«»😀€")
)

func (g *gen) text(nonEmpty bool) string {
	if g.rng.IntN(3) == 0 {
		return hardTexts[g.rng.IntN(len(hardTexts))]
	}
	n := g.rng.IntN(12)
	if nonEmpty {
		n++
	}
	var b strings.Builder
	for range n {
		b.WriteRune(runes[g.rng.IntN(len(runes))])
	}
	return b.String()
}

func (g *gen) chance(p float64) bool { return g.rng.Float64() < p }

// date returns a day from lo to hi (YYYY-MM-DD, lo ≤ hi).
func (g *gen) date(lo, hi string) string {
	a, b := days(lo), days(hi)
	return fromDays(a + g.rng.IntN(b-a+1))
}

func days(s string) int {
	var y, m, d int
	fmt.Sscanf(s, "%d-%d-%d", &y, &m, &d)
	// days from civil, Howard Hinnant's algorithm
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe
}

func fromDays(z int) string {
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

func maxDate(a, b string) string {
	if a > b {
		return a
	}
	return b
}

// row fills the columns of a sheet that depend on nothing else, each
// optional one with probability ½, into a JSON object (dotted names
// nest). Dates, months and the columns in skip are left to the caller.
func (g *gen) row(sheetName string, skip ...string) map[string]any {
	obj := map[string]any{}
	s := g.layout[sheetName]
	set := map[string]bool{}
	for _, c := range s.Columns {
		if slices.Contains(skip, c.Name) || c.Kind == sheet.KindDate || c.Kind == sheet.KindMonth || c.Name == "id" {
			continue
		}
		if !c.Required && !g.chance(0.5) {
			continue
		}
		v, ok := g.value(c)
		if !ok {
			continue
		}
		put(obj, c.Name, v)
		set[c.Name] = true
	}
	// A field required inside an optional object is required when the
	// object is there: fill it when any of the object's fields is.
	for _, c := range s.Columns {
		if c.RequiredIn == "" || set[c.Name] || slices.Contains(skip, c.Name) {
			continue
		}
		if there := slices.ContainsFunc(s.Columns, func(o sheet.Column) bool {
			return set[o.Name] && strings.HasPrefix(o.Name, c.RequiredIn+".")
		}); there {
			if v, ok := g.value(c); ok {
				put(obj, c.Name, v)
			}
		}
	}
	return obj
}

// value is a random value of a column's kind.
func (g *gen) value(c sheet.Column) (any, bool) {
	switch {
	case strings.HasSuffix(c.Name, "email"):
		return fmt.Sprintf("person%d@example.org", g.rng.IntN(1000)), true
	case c.Name == "languages":
		return g.subset([]string{"kk", "ru", "en", "de", "kk-KZ"}), true
	}
	switch c.Kind {
	case sheet.KindText:
		return g.text(c.Required || c.RequiredIn != ""), true
	case sheet.KindChoice:
		return c.Choices[g.rng.IntN(len(c.Choices))].Code, true
	case sheet.KindWhole:
		return g.rng.IntN(100), true
	case sheet.KindNumber:
		return float64(g.rng.IntN(1000)) / 8, true
	case sheet.KindYesNo:
		return g.chance(0.5), true
	case sheet.KindList:
		switch c.Item {
		case sheet.KindChoice:
			codes := make([]string, len(c.Choices))
			for i, ch := range c.Choices {
				codes[i] = ch.Code
			}
			return g.subset(codes), true
		case sheet.KindText:
			var items []any
			for range g.rng.IntN(4) {
				items = append(items, g.text(true))
			}
			return items, true
		}
	}
	return nil, false
}

// subset is a random subset of items, in a random order, without repeats.
func (g *gen) subset(items []string) []any {
	var out []any
	for _, i := range g.rng.Perm(len(items))[:g.rng.IntN(len(items)+1)] {
		out = append(out, items[i])
	}
	return out
}

func (g *gen) ids(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%d", prefix, i+1)
	}
	return out
}

// put sets a dotted name in a JSON object.
func put(obj map[string]any, name string, v any) {
	head, rest, nested := strings.Cut(name, ".")
	if !nested {
		obj[head] = v
		return
	}
	inner, ok := obj[head].(map[string]any)
	if !ok {
		inner = map[string]any{}
		obj[head] = inner
	}
	put(inner, rest, v)
}

// programme returns a random programme of about n volunteers, as JSON.
func (g *gen) programme(n int) []byte {
	g.asOf = g.date("2025-06-01", "2027-06-30")
	doc := map[string]any{"as_of": g.asOf}
	if g.chance(0.7) {
		doc["organisation"] = g.text(true)
	}
	pick := func(ids []string) string { return ids[g.rng.IntN(len(ids))] }

	instIDs := g.ids("inst-", 1+g.rng.IntN(3))
	var insts []any
	for _, id := range instIDs {
		r := g.row("institutions")
		r["id"] = id
		insts = append(insts, r)
	}
	doc["institutions"] = insts

	volIDs := g.ids("v-", 1+g.rng.IntN(n))
	births := map[string]string{}
	var vols []any
	for _, id := range volIDs {
		r := g.row("volunteers", "languages", "skills")
		r["id"] = id
		births[id] = g.date("1950-01-01", "2012-12-31")
		r["birth_date"] = births[id]
		if g.chance(0.5) {
			r["languages"] = g.subset([]string{"kk", "ru", "en"})
		}
		screening := map[string]any{}
		for _, stage := range []string{"interview", "psychological_test", "training", "documents", "safety_briefing"} {
			if _, ok := colOf(g.layout["volunteers"], "screening."+stage); ok && g.chance(0.6) {
				screening[stage] = g.date(maxDate(births[id], "2015-01-01"), g.asOf)
			}
		}
		r["screening"] = screening
		if r["education"] == "other" {
			r["education_other"] = "x" + g.text(false)
		}
		if ft, ok := r["free_time"].(map[string]any); ok && ft["bucket"] == "other" {
			ft["other"] = "x" + g.text(false)
		}
		if h, ok := r["health"].(map[string]any); ok && h["limitations"] == true {
			h["details"] = "x" + g.text(false)
		}
		var skills []any
		for k := range g.rng.IntN(4) {
			s := g.row("volunteers.skills", "volunteer", "name")
			s["name"] = fmt.Sprintf("skill %d %s", k, g.text(false))
			skills = append(skills, s)
		}
		if skills != nil {
			r["skills"] = skills
		}
		vols = append(vols, r)
	}
	doc["volunteers"] = vols

	childIDs := g.ids("c-", 1+g.rng.IntN(n))
	cbirths := map[string]string{}
	var children []any
	for _, id := range childIDs {
		r := g.row("children", "institution", "languages")
		r["id"] = id
		cbirths[id] = g.date("2005-01-01", minDate(g.asOf, "2022-12-31"))
		r["birth_date"] = cbirths[id]
		r["institution"] = pick(instIDs)
		if g.chance(0.5) {
			r["admitted_on"] = g.date(cbirths[id], g.asOf)
		}
		if g.chance(0.5) {
			r["languages"] = g.subset([]string{"kk", "ru"})
		}
		children = append(children, r)
	}
	doc["children"] = children

	type tandem struct{ id, start, end string }
	var tandems []tandem
	var tdocs []any
	for i := range g.rng.IntN(n + 1) {
		r := g.row("tandems", "mentor", "child", "phase", "close_reason", "close_note")
		t := tandem{id: fmt.Sprintf("t-%d", i+1)}
		m, c := pick(volIDs), pick(childIDs)
		t.start = g.date(maxDate(births[m], cbirths[c]), g.asOf)
		t.end = g.asOf
		r["id"], r["mentor"], r["child"], r["started_on"] = t.id, m, c, t.start
		phases := []string{"acquaintance", "inside_institution", "active", "closing", "closed"}
		r["phase"] = phases[g.rng.IntN(len(phases))]
		if r["phase"] == "closed" && g.chance(0.7) {
			t.end = g.date(t.start, g.asOf)
			r["closed_on"] = t.end
			if c, ok := colOf(g.layout["tandems"], "close_reason"); ok {
				if v, ok := g.value(c); ok {
					r["close_reason"] = v
				}
			}
		}
		tandems = append(tandems, t)
		tdocs = append(tdocs, r)
	}
	doc["tandems"] = tdocs

	var groups []any
	for i := range g.rng.IntN(3) {
		r := g.row("groups", "institution", "mentors", "children")
		r["id"] = fmt.Sprintf("g-%d", i+1)
		r["institution"] = pick(instIDs)
		r["date"] = g.date("2020-01-01", g.asOf)
		r["mentors"] = g.subset(volIDs)
		r["children"] = g.subset(childIDs)
		groups = append(groups, r)
	}
	doc["groups"] = groups

	var agreements []any
	for i := range g.rng.IntN(n + 1) {
		r := g.row("agreements", "volunteer", "ended_by", "notice_days")
		v := pick(volIDs)
		r["id"], r["volunteer"] = fmt.Sprintf("a-%d", i+1), v
		if g.chance(0.8) {
			signed := g.date(births[v], g.asOf)
			r["signed_on"] = signed
			notice := signed
			if g.chance(0.4) {
				notice = g.date(signed, g.asOf)
				r["notice_given_on"] = notice
			}
			if g.chance(0.4) {
				r["ends_on"] = g.date(notice, "2028-12-31")
				for _, name := range []string{"ended_by", "notice_days"} {
					if c, ok := colOf(g.layout["agreements"], name); ok && g.chance(0.5) {
						if v, ok := g.value(c); ok {
							r[name] = v
						}
					}
				}
			}
		}
		agreements = append(agreements, r)
	}
	doc["agreements"] = agreements

	var outings []any
	if len(tandems) > 0 {
		for range g.rng.IntN(n + 1) {
			t := tandems[g.rng.IntN(len(tandems))]
			r := g.row("outings", "tandem")
			r["tandem"], r["date"] = t.id, g.date(t.start, t.end)
			outings = append(outings, r)
		}
	}
	doc["outings"] = outings
	for _, list := range []string{"visits", "check_ins"} {
		if _, ok := g.layout[list]; !ok || len(tandems) == 0 {
			continue
		}
		var rows []any
		for range g.rng.IntN(n + 1) {
			t := tandems[g.rng.IntN(len(tandems))]
			r := g.row(list, "tandem")
			r["tandem"], r["date"] = t.id, g.date(t.start, t.end)
			rows = append(rows, r)
		}
		doc[list] = rows
	}

	var reports []any
	for range g.rng.IntN(n + 1) {
		r := g.row("reports", "volunteer")
		r["volunteer"] = pick(volIDs)
		month := g.date("2020-01-01", g.asOf)[:7]
		r["month"] = month
		if g.chance(0.5) {
			r["submitted_on"] = g.date(month+"-01", "2028-01-01")
		}
		reports = append(reports, r)
	}
	doc["reports"] = reports

	var meetings []any
	for i := range g.rng.IntN(3) {
		r := g.row("meetings", "institution", "attendees")
		r["id"], r["date"] = fmt.Sprintf("m-%d", i+1), g.date("2020-01-01", g.asOf)
		if g.chance(0.5) {
			r["institution"] = pick(instIDs)
		}
		r["attendees"] = g.subset(volIDs)
		meetings = append(meetings, r)
	}
	if meetings != nil {
		doc["meetings"] = meetings
	}

	var diary []any
	for range g.rng.IntN(n + 1) {
		r := g.row("diary", "volunteer")
		r["volunteer"], r["date"] = pick(volIDs), g.date("2020-01-01", g.asOf)
		diary = append(diary, r)
	}
	if diary != nil {
		doc["diary"] = diary
	}
	data, err := json.Marshal(doc)
	if err != nil {
		panic(err)
	}
	return data
}

func minDate(a, b string) string {
	if a < b {
		return a
	}
	return b
}

func colOf(s sheet.Sheet, name string) (sheet.Column, bool) {
	for _, c := range s.Columns {
		if c.Name == name {
			return c, true
		}
	}
	return sheet.Column{}, false
}
