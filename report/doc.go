// Package report turns the good-deeds diary (D6) into monthly reports: one
// per volunteer, and a summary for the coordinator.
//
// # From diary to report
//
// The guide's diary (Appendix 6) has one line per good deed: the date, the
// volunteer, the form of activity, the number of children and their
// achievements, and a note; it is "used to report to the coordinator". The
// agreement asks a report at least once a month (Appendix 2, clause 6.1;
// R10). [MonthlyOf] collects a volunteer's entries for a month, counts them
// by form of activity and adds up the children; [Summarise] does the same
// across all volunteers, lists the achievements, adds up the hours of the
// reports filed, and names who has not reported.
//
// # Who has not reported
//
// A volunteer owes a report for month M under an agreement signed in an
// earlier month and not ended before M — the same reading as the policy
// rule agreement.monthly_report, so the summary and `sabaq check` agree. A
// filed [agreement.Report] for M settles it. [ReportsFromDiary] turns a
// month's diary into the reports it implies, for volunteers who have not
// filed one, so a programme that keeps only a diary can still satisfy the
// rule.
//
// # Output
//
// [RenderMonthly] and [RenderSummary] write Markdown, print-ready A4 HTML
// (XHTML-compatible, one volunteer per page) or JSON (the [Monthly] and
// [Summary] values themselves). Labels are in Kazakh, Russian or English;
// what volunteers wrote in the diary is shown as written, escaped for the
// format: in Markdown a note cannot end its table cell or line and open a
// block, nor make a link or raw HTML; in HTML, html/template escapes
// markup; in both, control characters become U+FFFD. A fuzz test checks
// that hostile names, ids and diary text leave the documents' structure as
// plain values leave it.
//
// # Personal data
//
// Printed reports (Markdown, HTML) name the volunteers — a report to the
// coordinator needs to — but JSON carries only ids, and errors too. The
// diary never names children; only counts.
//
// All functions are safe for concurrent use on a programme that is not
// being changed.
package report
