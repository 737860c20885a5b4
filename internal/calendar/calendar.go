// Package calendar writes what comes due ([rules.DueReport]) as an
// iCalendar file (RFC 5545) that calendar applications import: one
// all-day event per coming finding, on the day it appears, its summary
// and description in the reader's language.
//
// The file is reproducible: the same report gives the same bytes. Each
// event's UID is derived from its rule, subject and date (so importing a
// newer export updates an event rather than adding a twin), and its
// DTSTAMP is the report's first day at midnight UTC, not the time of
// writing. The text is written by github.com/arran4/golang-ical, which
// escapes TEXT values and folds lines at 75 octets without splitting a
// character.
package calendar

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/guide"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// Options say how to write. The zero value writes English.
type Options struct {
	Lang diag.Lang // default diag.EN
}

// UIDDomain ends every event's UID.
const UIDDomain = "due.sabaqtastyq"

// Write writes rep as an iCalendar file to w, lines ended by CRLF.
func Write(w io.Writer, rep *rules.DueReport, opts Options) error {
	lang := opts.Lang
	if _, ok := diag.ParseLang(string(lang)); !ok {
		lang = diag.EN
	}
	cal := ics.NewCalendar()
	cal.SetProductId("-//birgemiz//sabaqtastyq due//" + strings.ToUpper(string(lang)))
	cal.SetMethod(ics.MethodPublish)
	cal.SetCalscale("GREGORIAN")
	name := diag.Fill(words.name.In(lang), []string{rep.Policy, rep.From.String(), rep.To.String()})
	cal.SetName(name)
	cal.SetXWRCalName(name)
	stamp := midnight(rep.From)
	language := &ics.KeyValues{Key: string(ics.ParameterLanguage), Value: []string{string(lang)}}
	for _, f := range rep.Due {
		ev := cal.AddEvent(UID(f))
		ev.SetDtStampTime(stamp)
		ev.SetAllDayStartAt(midnight(f.Date))
		ev.SetAllDayEndAt(midnight(f.Date.AddDays(1)))
		ev.SetSummary(severity(f.Severity).In(lang)+": "+f.Subject+" — "+f.Rule, language)
		desc := f.Message
		if f.Source != "" {
			desc += "\n\n" + diag.Fill(words.source.In(lang), []string{guide.Text(f.Citations, f.Source)})
		}
		ev.SetDescription(desc, language)
		ev.SetProperty(ics.ComponentPropertyCategories, f.Rule)
		ev.SetProperty(ics.ComponentPropertyTransp, "TRANSPARENT")
	}
	return cal.SerializeTo(w, ics.WithNewLine("\r\n"))
}

// UID is the stable identifier of a coming finding's event: a hash of
// its rule, subject and date, so that it holds no id verbatim and no two
// findings share one.
func UID(f rules.DueFinding) string {
	h := sha256.Sum256([]byte(f.Rule + "\x00" + f.Subject + "\x00" + f.Date.String()))
	return f.Date.String() + "-" + hex.EncodeToString(h[:12]) + "@" + UIDDomain
}

func midnight(d civil.Date) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

func severity(s rules.Severity) diag.Text {
	switch s {
	case rules.Deny:
		return words.deny
	case rules.Warn:
		return words.warn
	}
	return words.error
}

var words = struct {
	name, source, deny, warn, error diag.Text
}{
	name: diag.Text{
		KK: "{0}: {1} – {2} аралығында мерзімі келетіндер",
		RU: "{0}: что наступает с {1} по {2}",
		EN: "{0}: what comes due {1} to {2}",
	},
	source: diag.Text{KK: "Дереккөз: {0}", RU: "Источник: {0}", EN: "Source: {0}"},
	deny:   diag.Text{KK: "Бұзушылық", RU: "Нарушение", EN: "Deny"},
	warn:   diag.Text{KK: "Ескерту", RU: "Предупреждение", EN: "Warning"},
	error:  diag.Text{KK: "Тексерілмеді", RU: "Не проверено", EN: "Not checked"},
}
