package report

import (
	htmltemplate "html/template"
	"strconv"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/chart"
	"github.com/birgemiz/sabaqtastyq/internal/grammar"
)

// summaryCharts draws the summary's three charts: each volunteer's hours
// from their reports; the monthly reports filed and due over the last
// twelve months (as agreement.monthly_report reads the guide, R10); and
// each tandem's contacts in the month by kind.
func summaryCharts(s *Summary, lang diag.Lang) []htmltemplate.HTML {
	hours := chart.Chart{Title: label("hours_chart", lang), Empty: label("no_hours", lang)}
	for _, v := range s.Volunteers {
		if v.Hours > 0 {
			hours.Bars = append(hours.Bars, chart.Bar{Label: person(v.Name, v.Volunteer),
				Segments: []chart.Segment{{Value: v.Hours, Class: "hours"}}})
		}
	}
	reports := chart.Chart{Title: label("reports_chart", lang), Empty: label("no_reports", lang),
		Legend: []chart.Key{{Class: "filed", Text: label("filed", lang)}, {Class: "missing", Text: label("missing", lang)}}}
	for _, r := range s.ReportsByMonth {
		reports.Bars = append(reports.Bars, chart.Bar{Label: grammar.Month(lang, r.Month),
			Segments: []chart.Segment{{Value: r.Filed, Class: "filed"}, {Value: r.Due - r.Filed, Class: "missing"}},
			Text:     strconv.Itoa(r.Filed) + " / " + strconv.Itoa(r.Due)})
	}
	contacts := chart.Chart{Title: label("contacts_chart", lang), Empty: label("no_tandems", lang),
		Legend: []chart.Key{{Class: "visit", Text: label("visits", lang)}, {Class: "outing", Text: label("outings", lang)},
			{Class: "group", Text: label("groups", lang)}}}
	for _, t := range s.Tandems {
		contacts.Bars = append(contacts.Bars, chart.Bar{Label: t.Tandem + " · " + person(t.MentorName, t.Mentor),
			Segments: []chart.Segment{{Value: t.Visits, Class: "visit"}, {Value: t.Outings, Class: "outing"}, {Value: t.Groups, Class: "group"}}})
	}
	return []htmltemplate.HTML{hours.HTML(), reports.HTML(), contacts.HTML()}
}
