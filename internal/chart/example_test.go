package chart_test

import (
	"fmt"
	"strings"

	"github.com/birgemiz/sabaqtastyq/internal/chart"
)

func ExampleChart_HTML() {
	c := chart.Chart{
		Title: "Monthly reports (filed / due)",
		Bars: []chart.Bar{
			{Label: "September 2026", Segments: []chart.Segment{{Value: 3, Class: "filed"}, {Value: 1, Class: "missing"}}, Text: "3 / 4"},
			{Label: "October 2026", Segments: []chart.Segment{{Value: 4, Class: "filed"}}, Text: "4 / 4"},
		},
		Legend: []chart.Key{{Class: "filed", Text: "filed"}, {Class: "missing", Text: "not filed"}},
	}
	html := string(c.HTML())
	fmt.Println(strings.Count(html, "<rect"), "rectangles,", strings.Count(html, "<li"), "legend keys")
	fmt.Println(strings.Contains(html, `<rect class="filed" x="230" y="2" width="255" height="16"></rect>`))
	// Output:
	// 3 rectangles, 2 legend keys
	// true
}
