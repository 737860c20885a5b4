package chart_test

import (
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/internal/chart"
)

// rects returns the x and width of every rect, in order.
func rects(tb testing.TB, html string) [][2]int {
	tb.Helper()
	var out [][2]int
	for _, m := range regexp.MustCompile(`<rect class="[a-z]+" x="(\d+)" y="\d+" width="(\d+)"`).FindAllStringSubmatch(html, -1) {
		x, _ := strconv.Atoi(m[1])
		w, _ := strconv.Atoi(m[2])
		out = append(out, [2]int{x, w})
	}
	return out
}

func wellFormed(tb testing.TB, s string) {
	tb.Helper()
	dec := xml.NewDecoder(strings.NewReader(s))
	dec.Strict = true
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		require.NoError(tb, err, s)
	}
}

func TestBarsScaleToTheLargest(t *testing.T) {
	c := chart.Chart{Title: "Hours", Bars: []chart.Bar{
		{Label: "a", Segments: []chart.Segment{{Value: 12, Class: "hours"}}},
		{Label: "b", Segments: []chart.Segment{{Value: 6, Class: "hours"}}},
		{Label: "c", Segments: []chart.Segment{{Value: 3, Class: "filed"}, {Value: 1, Class: "missing"}}, Text: "3 / 4"},
		{Label: "d", Segments: []chart.Segment{{Value: 0, Class: "hours"}}},
	}}
	html := string(c.HTML())
	wellFormed(t, html)
	r := rects(t, html)
	require.Len(t, r, 4, "a zero segment draws nothing")
	assert.Equal(t, [2]int{230, 340}, r[0], "the largest fills the bar")
	assert.Equal(t, [2]int{230, 170}, r[1], "half of it, half the width")
	assert.Equal(t, [2]int{230, 85}, r[2])
	assert.Equal(t, [2]int{315, 28}, r[3], "segments stack")
	assert.Contains(t, html, ">3 / 4</text>", "a bar's own text")
	assert.Contains(t, html, ">12</text>", "else its total")
	assert.Contains(t, html, ">0</text>")
	assert.Contains(t, html, `viewBox="0 0 680 92"`)
}

func TestTinySegmentsStayVisible(t *testing.T) {
	c := chart.Chart{Bars: []chart.Bar{
		{Label: "big", Segments: []chart.Segment{{Value: 1000, Class: "filed"}}},
		{Label: "small", Segments: []chart.Segment{{Value: 1, Class: "missing"}}},
	}}
	r := rects(t, string(c.HTML()))
	assert.Equal(t, 1, r[1][1])
}

func TestEmpty(t *testing.T) {
	html := string(chart.Chart{Title: "T", Empty: "nothing this month", Legend: []chart.Key{{"a", "b"}}}.HTML())
	wellFormed(t, html)
	assert.Contains(t, html, `<p class="empty">nothing this month</p>`)
	assert.NotContains(t, html, "<svg")
	assert.NotContains(t, html, "legend", "no legend without bars")
}

func TestLabelsEscapedAndCut(t *testing.T) {
	long := strings.Repeat("Ә", 40)
	c := chart.Chart{Title: `<script>x</script>`, Bars: []chart.Bar{
		{Label: `<b>&"x"</b>`, Segments: []chart.Segment{{Value: 1, Class: "hours"}}},
		{Label: long, Segments: []chart.Segment{{Value: 1, Class: "hours"}}},
	}, Legend: []chart.Key{{Class: "hours", Text: "<i>h</i>"}}}
	html := string(c.HTML())
	wellFormed(t, html)
	assert.NotContains(t, html, "<script>")
	assert.NotContains(t, html, "<b>")
	assert.NotContains(t, html, "<i>")
	assert.Contains(t, html, strings.Repeat("Ә", 33)+"…</text>", "cut to the column")
	assert.Contains(t, html, "<title>"+long+": 1</title>", "whole in the tooltip")
}

func TestStyleColoursEveryClass(t *testing.T) {
	for _, class := range []string{"deny", "warn", "error", "filed", "missing", "hours", "visit", "outing", "group"} {
		assert.Contains(t, string(chart.Style), "rect."+class, class)
	}
}

func TestControlCharactersCannotBreakTheXML(t *testing.T) {
	c := chart.Chart{Title: "t\x1b", Bars: []chart.Bar{{Label: "esc\x1b]0;title\a", Segments: []chart.Segment{{Value: 1, Class: "hours"}}, Text: "\x00"}},
		Legend: []chart.Key{{Class: "hours", Text: "\x07"}}}
	wellFormed(t, string(c.HTML()))
	wellFormed(t, string(chart.Chart{Empty: "\x1b"}.HTML()))
}
