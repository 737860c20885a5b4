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
// reports filed, and names who has not reported. Its volunteers' rows are
// everyone who wrote in the diary or filed a report for the month, and its
// totals are the sums of those rows: a report filed without diary entries
// has a row of its own, so the hours above a table are the table's hours.
//
// # The mentoring cycle
//
// The summary follows the month's tandems as the contract's rules read
// them, so that it and `sabaq check` agree:
//
//   - each tandem open in the month and past acquaintance, with its
//     mentor–child contacts in it — visits inside the institution, outings,
//     and group sessions both attended — and the coordinator's check-ins;
//   - the tandems whose mentor and child went more than
//     [Options].ContactDays (default 14, the tandem.regular_contact
//     parameter a caller passes on) without meeting, in a stretch that
//     reaches into the month: from the start or a contact to the next
//     contact, or to the summary's last day (the month's end, as_of or the
//     tandem's closing, whichever is first), its longest one (R3, L1590);
//   - the tandems whose first [Options].FirstWeekDays (default 7) ended in
//     the month with no coordinator's check-in from the start to that day,
//     both included (step 3.6, L1905); each is listed once, in the month its
//     first week ends;
//   - the tandems closed in the month, how long they lasted and why, the
//     reason in words, with the coordinator's note.
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
// [Summary] values themselves). The HTML summary draws three bar charts as
// inline SVG (package internal/chart: nothing fetched, no script): the
// volunteers' hours, the monthly reports filed and due over the last
// twelve months, and each tandem's contacts by kind. Labels are in Kazakh,
// Russian or English, every one from the package's catalog (a test fails
// when one lacks a language); numbers take their noun's form ("18 дней",
// "11 месяцев") and dates are written as people write them ("2026 жылғы
// 14 сәуір", "14 апреля 2026 г."), a date never broken across lines on
// the page. Table headers wrap between words and names are never broken
// inside one;
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
