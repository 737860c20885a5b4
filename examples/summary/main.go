// Command summary loads a programme file and prints what it holds:
// institutions, volunteers by role, children by institution, tandems by
// phase, group sessions with their sizes, agreements and reports.
//
//	go run ./examples/summary [FILE]
//
// FILE defaults to examples/data/programme.json. A file with problems
// prints every problem, with its position, and exits with status 2.
package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/escape"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

func main() {
	path := "examples/data/programme.json"
	if len(os.Args) > 1 {
		path = os.Args[1]
	}
	if err := run(os.Stdout, path); err != nil {
		fmt.Fprintln(os.Stderr, diag.Localize(err, diag.Match(os.Getenv("LANG"))))
		os.Exit(2)
	}
}

// line makes text from the file fit on one terminal line: a file's text
// is the author's, and a line break or a control character in it would
// rewrite what the terminal shows.
func line(s string) string { return strings.Join(strings.Fields(escape.Controls(s)), " ") }

func run(w io.Writer, path string) error {
	p, err := mentoring.Load(path)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Programme as of %s: %s\n", p.AsOf, line(p.Organisation))

	fmt.Fprintf(w, "\nInstitutions (%d):\n", len(p.Institutions))
	for _, in := range p.Institutions {
		fmt.Fprintf(w, "  %-7s %-22s %d children\n", line(in.ID), in.Kind, count(p.Children, func(c mentoring.Child) bool { return c.Institution == in.ID }))
	}

	fmt.Fprintf(w, "\nVolunteers (%d) by role:\n", len(p.Volunteers))
	roles := map[string]int{}
	for _, v := range p.Volunteers {
		roles[string(v.Role)]++
	}
	printCounts(w, roles)

	fmt.Fprintf(w, "\nTandems (%d) by phase:\n", len(p.Tandems))
	for _, ph := range []mentoring.Phase{mentoring.Acquaintance, mentoring.InsideInstitution, mentoring.ActivePhase, mentoring.Closing, mentoring.Closed} {
		fmt.Fprintf(w, "  %-20s %d\n", ph, count(p.Tandems, func(t mentoring.Tandem) bool { return t.Phase == ph }))
	}

	fmt.Fprintf(w, "\nGroup sessions (%d):\n", len(p.Groups))
	for _, g := range p.Groups {
		fmt.Fprintf(w, "  %-4s %s %-7s %2d people (%d volunteers, %d children)\n", line(g.ID), g.Date, line(g.Institution), g.Size(), len(g.Mentors), len(g.Children))
	}

	open := count(p.Agreements, func(a agreement.Agreement) bool { return a.EndsOn.IsZero() || !a.EndsOn.Before(p.AsOf) })
	fmt.Fprintf(w, "\nAgreements: %d (%d in force on %s)\n", len(p.Agreements), open, p.AsOf)
	fmt.Fprintf(w, "Outings: %d\n", len(p.Outings))
	fmt.Fprintf(w, "Monthly reports: %d", len(p.Reports))
	if len(p.Reports) > 0 {
		first, last := p.Reports[0].Month, p.Reports[0].Month
		for _, r := range p.Reports {
			if r.Month.Before(first) {
				first = r.Month
			}
			last = later(last, r.Month)
		}
		fmt.Fprintf(w, ", %s to %s", first, last)
	}
	fmt.Fprintln(w)
	missing := p.MonthsWithoutGeneralMeeting(p.AsOf.In().Add(-5), p.AsOf.In().Add(-1))
	fmt.Fprintf(w, "General meetings in the last five full months: %d of 5\n", 5-len(missing))
	return nil
}

func count[T any](items []T, f func(T) bool) int {
	n := 0
	for _, it := range items {
		if f(it) {
			n++
		}
	}
	return n
}

func printCounts(w io.Writer, m map[string]int) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(m[b], m[a]), cmp.Compare(a, b)) })
	for _, k := range keys {
		fmt.Fprintf(w, "  %-20s %d\n", k, m[k])
	}
}

func later(a, b civil.Month) civil.Month {
	if b.After(a) {
		return b
	}
	return a
}
