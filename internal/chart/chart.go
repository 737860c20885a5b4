package chart

import (
	"bytes"
	"html/template"
	"strconv"
	"unicode/utf8"

	"github.com/birgemiz/sabaqtastyq/internal/escape"
)

// Segment is one part of a bar: a count and the class that colours it.
type Segment struct {
	Value int
	Class string
}

// Bar is one row of a chart. Text is written after the bar; empty means
// the total of its segments.
type Bar struct {
	Label    string
	Segments []Segment
	Text     string
}

// Key is one entry of a legend.
type Key struct {
	Class, Text string
}

// Chart is a titled list of bars. Empty is shown instead of the bars when
// there are none.
type Chart struct {
	Title  string
	Bars   []Bar
	Legend []Key
	Empty  string
}

// Geometry, in SVG user units: the label column, the longest bar, a row.
const (
	width      = 680
	labelWidth = 230
	barWidth   = 340
	rowHeight  = 22
	barHeight  = 16
	labelChars = 34
)

type drawnBar struct {
	Label, Full, Text string
	Y, TextX          int
	Rects             []rect
}

type rect struct {
	X, W  int
	Class string
}

type drawn struct {
	Title, Empty string
	Width        int
	Height       int
	Bars         []drawnBar
	Legend       []Key
}

var page = template.Must(template.New("chart").Parse(`<div class="chart">
<h3>{{.Title}}</h3>
{{if .Empty}}<p class="empty">{{.Empty}}</p>{{else}}<svg viewBox="0 0 {{.Width}} {{.Height}}" role="img" aria-label="{{.Title}}" xmlns="http://www.w3.org/2000/svg">
{{range .Bars}}<g><title>{{.Full}}: {{.Text}}</title><text x="0" y="{{.Y}}" dy="13">{{.Label}}</text>{{$y := .Y}}{{range .Rects}}<rect class="{{.Class}}" x="{{.X}}" y="{{$y}}" width="{{.W}}" height="16"></rect>{{end}}<text x="{{.TextX}}" y="{{.Y}}" dy="13">{{.Text}}</text></g>
{{end}}</svg>{{end}}
{{with .Legend}}<ul class="legend">{{range .}}<li class="{{.Class}}">{{.Text}}</li>{{end}}</ul>
{{end}}</div>`))

// HTML returns the chart as a block of HTML: its title as an h3, the
// bars as an inline SVG scaled to the page's width (or the Empty text when
// there are no bars), and the legend. Bars are scaled to the largest
// total; a segment of a positive value is at least one unit wide.
func (c Chart) HTML() template.HTML {
	d := drawn{Title: escape.Controls(c.Title), Width: width, Height: len(c.Bars)*rowHeight + 4}
	for _, k := range c.Legend {
		d.Legend = append(d.Legend, Key{Class: k.Class, Text: escape.Controls(k.Text)})
	}
	if len(c.Bars) == 0 {
		d.Empty = escape.Controls(c.Empty)
		if d.Empty == "" {
			d.Empty = "—"
		}
		d.Legend = nil
	}
	most := 1
	for _, b := range c.Bars {
		most = max(most, total(b))
	}
	for i, b := range c.Bars {
		label := escape.Controls(b.Label)
		db := drawnBar{Label: cut(label), Full: label, Y: i*rowHeight + 2, Text: escape.Controls(b.Text)}
		if db.Text == "" {
			db.Text = strconv.Itoa(total(b))
		}
		x := labelWidth
		for _, s := range b.Segments {
			if s.Value <= 0 {
				continue
			}
			w := max(s.Value*barWidth/most, 1)
			db.Rects = append(db.Rects, rect{X: x, W: w, Class: s.Class})
			x += w
		}
		db.TextX = x + 6
		d.Bars = append(d.Bars, db)
	}
	var buf bytes.Buffer
	if err := page.Execute(&buf, d); err != nil {
		// The template is fixed and its data plain values: it cannot fail.
		panic("chart: " + err.Error())
	}
	return template.HTML(buf.String()) //nolint:gosec // written by html/template, which escaped every value
}

func total(b Bar) int {
	n := 0
	for _, s := range b.Segments {
		n += max(s.Value, 0)
	}
	return n
}

// cut shortens a label to fit its column, keeping whole characters.
func cut(s string) string {
	if utf8.RuneCountInString(s) <= labelChars {
		return s
	}
	r := []rune(s)
	return string(r[:labelChars-1]) + "…"
}

// Style is the CSS a page includes for its charts: the block's layout, the
// labels' size, the legend, and a colour for each class the reports use
// (deny, warn and error as in findings; filed, missing and hours; visit,
// outing and group for the kinds of mentor–child contact).
const Style template.CSS = `.chart { break-inside: avoid; page-break-inside: avoid; margin-bottom: 3mm; }
.chart h3 { font-size: 10.5pt; margin: 3mm 0 1mm; }
.chart svg { width: 100%; height: auto; display: block; }
.chart text { font-size: 11px; fill: #222; }
.chart .empty { color: #555; font-style: italic; margin: 0; }
.legend { margin: 1mm 0 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 1mm 6mm; font-size: 9pt; }
.legend li::before { content: ""; display: inline-block; width: 3mm; height: 3mm; margin-right: 1.5mm; vertical-align: -0.2mm; }
rect.deny, .legend li.deny::before, rect.missing, .legend li.missing::before { fill: #b3261e; background: #b3261e; }
rect.warn, .legend li.warn::before { fill: #c77c02; background: #c77c02; }
rect.error, .legend li.error::before { fill: #6a3d9a; background: #6a3d9a; }
rect.filed, .legend li.filed::before { fill: #1e7b34; background: #1e7b34; }
rect.hours, .legend li.hours::before { fill: #2f5d8a; background: #2f5d8a; }
rect.visit, .legend li.visit::before { fill: #2f5d8a; background: #2f5d8a; }
rect.outing, .legend li.outing::before { fill: #1e7b34; background: #1e7b34; }
rect.group, .legend li.group::before { fill: #c77c02; background: #c77c02; }
`
