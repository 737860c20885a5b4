// Package chart draws the horizontal bar charts of sabaqtastyq's printed
// reports as inline SVG: no script, no font or style fetched, nothing but
// rectangles and text that a browser shows offline and prints on A4.
//
// A [Chart] is a title, a bar per label, each bar a stack of [Segment]s,
// and a legend. [Chart.HTML] writes it as one block — a heading, the SVG
// and the legend — that is also well-formed XML, so an XHTML page can hold
// it. Colours belong to the page: each segment and legend key carries a
// class, and [Style] gives the classes the reports use a colour each.
//
// Labels are escaped by html/template, their control characters (which XML
// forbids and html/template lets through) replaced by U+FFFD, and cut to
// fit their column, whole characters kept; the full label shows as the
// bar's tooltip.
package chart
