package calendar_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/calendar"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// One finding coming due on 1 December, as an all-day event in English.
func ExampleWrite() {
	rep := &rules.DueReport{Policy: "guide", From: civil.D(2026, 11, 24), To: civil.D(2026, 12, 24),
		Due: []rules.DueFinding{{Date: civil.D(2026, 12, 1), Finding: rules.Finding{
			Rule: "agreement.monthly_report", Severity: rules.Deny, Subject: "agreement/a-1",
			Message: "No report for 2026-11.", Source: "R10"}}}}
	var b bytes.Buffer
	if err := calendar.Write(&b, rep, calendar.Options{Lang: diag.EN}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(strings.ReplaceAll(b.String(), "\r\n", "\n"))
	// Output:
	// BEGIN:VCALENDAR
	// VERSION:2.0
	// PRODID:-//birgemiz//sabaqtastyq due//EN
	// METHOD:PUBLISH
	// CALSCALE:GREGORIAN
	// NAME:guide: what comes due 2026-11-24 to 2026-12-24
	// X-WR-CALNAME:guide: what comes due 2026-11-24 to 2026-12-24
	// BEGIN:VEVENT
	// UID:2026-12-01-6f42809dcdff72c73e92969c@due.sabaqtastyq
	// DTSTAMP:20261124T000000Z
	// DTSTART;VALUE=DATE:20261201
	// DTEND;VALUE=DATE:20261202
	// SUMMARY;LANGUAGE=en:Deny: agreement/a-1 — agreement.monthly_report
	// DESCRIPTION;LANGUAGE=en:No report for 2026-11.\n\nSource: R10
	// CATEGORIES:agreement.monthly_report
	// TRANSP:TRANSPARENT
	// END:VEVENT
	// END:VCALENDAR
}
