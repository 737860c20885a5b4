// Package htmlreport renders the outcome of a check as one self-contained
// HTML page that a coordinator can open offline, print on A4 and hand to a
// director or a ministry: the verdict, counts by severity, charts drawn as
// inline SVG (findings by rule, by institution and by kind of subject; the
// monthly reports filed over the last twelve months), and every finding
// grouped by subject with its message and source — in Kazakh, Russian or
// English.
//
// Nothing is fetched when the page is opened: no script, no web font, no
// image file; the styles are inline. Text reaches the page through
// html/template, so no field value can open markup. The page carries what
// the findings say and the names of institutions; it names no person
// (findings identify volunteers and children by id).
//
// The charts are drawn by a few lines of SVG in the template rather than by
// a chart library: each is a list of horizontal bars with labels and
// stacked segments, which is all a printed report needs.
package htmlreport
