package volunteer

import (
	"log/slog"
	"slices"
	"strings"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/internal/validation"
)

// DiaryEntry is one line of the good-deeds diary (D6): what a volunteer did
// on a day, with how many children and what they achieved.
type DiaryEntry struct {
	Volunteer    string     `json:"volunteer" cel:"volunteer" validate:"required"`
	Date         civil.Date `json:"date" cel:"date" validate:"required"`
	Activity     string     `json:"activity" cel:"activity" validate:"required,max=300"`
	Children     int        `json:"children,omitempty" cel:"children" validate:"min=0,max=10000"`
	Achievements string     `json:"achievements,omitempty" cel:"achievements" validate:"max=2000"`
	Note         string     `json:"note,omitempty" cel:"note" validate:"max=2000"`
}

// Validate reports every problem with e at once, as a [diag.List] with
// paths relative to e, or nil.
func (e *DiaryEntry) Validate() error { return validation.Struct(e).Err() }

// LogValue keeps the free text out of logs: achievements and notes may name
// children.
func (e DiaryEntry) LogValue() slog.Value {
	red := func(s string) string {
		if s == "" {
			return ""
		}
		return Redacted
	}
	return slog.GroupValue(
		slog.String("volunteer", e.Volunteer),
		slog.String("date", e.Date.String()),
		slog.String("activity", e.Activity),
		slog.Int("children", e.Children),
		slog.String("achievements", red(e.Achievements)),
		slog.String("note", red(e.Note)),
	)
}

// Summary is what a diary says about a period: the progress over three or
// six months that the guide's diary is kept for (D6), and the material of a
// report to the coordinator.
type Summary struct {
	From, To civil.Date // the period, as asked; a zero bound is open
	// Entries is the number of entries in the period.
	Entries int
	// DaysActive is the number of distinct days with an entry.
	DaysActive int
	// Children is the total of the entries' children counts.
	Children int
	// Activities counts entries by form of activity, by form in byte order.
	Activities []ActivityCount
	// Achievements lists the entries' achievements, by date, then in the
	// order the entries were given.
	Achievements []Achievement
}

// ActivityCount is one form of activity in a [Summary].
type ActivityCount struct {
	Activity string
	Entries  int
	Children int
}

// Achievement is one entry's achievements, with its date.
type Achievement struct {
	Date civil.Date
	Text string
}

// Summarize sums up the entries dated from from to to, both included; a
// zero from or to leaves that end open. Forms of activity are matched
// exactly, after trimming spaces. The result does not depend on the order of
// entries except where two achievements share a date.
func Summarize(entries []DiaryEntry, from, to civil.Date) Summary {
	s := Summary{From: from, To: to}
	days := map[civil.Date]bool{}
	forms := map[string]*ActivityCount{}
	for _, e := range entries {
		if (!from.IsZero() && e.Date.Before(from)) || (!to.IsZero() && e.Date.After(to)) {
			continue
		}
		s.Entries++
		s.Children += e.Children
		days[e.Date] = true
		form := strings.TrimSpace(e.Activity)
		c, ok := forms[form]
		if !ok {
			c = &ActivityCount{Activity: form}
			forms[form] = c
		}
		c.Entries++
		c.Children += e.Children
		if a := strings.TrimSpace(e.Achievements); a != "" {
			s.Achievements = append(s.Achievements, Achievement{Date: e.Date, Text: a})
		}
	}
	s.DaysActive = len(days)
	for _, c := range forms {
		s.Activities = append(s.Activities, *c)
	}
	slices.SortFunc(s.Activities, func(a, b ActivityCount) int { return strings.Compare(a.Activity, b.Activity) })
	slices.SortStableFunc(s.Achievements, func(a, b Achievement) int { return a.Date.Compare(b.Date) })
	return s
}
