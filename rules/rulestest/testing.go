package rulestest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/birgemiz/sabaqtastyq/rules"
)

// Test runs the suites found in paths inside go test: a subtest per suite
// and one per case, a skipped case skipped, a failed one reported with the
// difference between the expected and the reported findings. A suite that
// cannot be read or whose policy does not compile fails its subtest.
func Test(t *testing.T, paths ...string) *Result {
	t.Helper()
	files, err := Find(paths...)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no *_test.yaml suites in %s", strings.Join(paths, ", "))
	}
	res := &Result{}
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			s, err := Load(f)
			if err != nil {
				t.Fatal(err)
			}
			sr, err := s.Run(context.Background(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			res.Suites = append(res.Suites, *sr)
			for _, c := range sr.Cases {
				t.Run(c.Case, func(t *testing.T) {
					switch c.Status {
					case Skipped:
						t.Skip(c.Skip)
					case Fail, Broken:
						t.Errorf("%s: case %q: %s\n%s", c.Pos, c.Case, c.Status, c.Diff())
					}
				})
			}
		})
	}
	return res
}

// AssertFinding reports a test error unless the report holds a finding of
// rule about subject ("volunteer/v-1"), and returns whether it does.
func AssertFinding(tb testing.TB, rep *rules.Report, rule, subject string) bool {
	tb.Helper()
	for _, f := range rep.Findings {
		if f.Rule == rule && f.Subject == subject {
			return true
		}
	}
	tb.Errorf("no finding of %s about %s; the report has:\n%s", rule, subject, listFindings(rep))
	return false
}

// AssertNoFinding reports a test error if the report holds a finding of
// rule about subject, and returns whether it does not.
func AssertNoFinding(tb testing.TB, rep *rules.Report, rule, subject string) bool {
	tb.Helper()
	for _, f := range rep.Findings {
		if f.Rule == rule && f.Subject == subject {
			tb.Errorf("unexpected finding of %s about %s (%s): %s", rule, subject, f.Severity, f.Message)
			return false
		}
	}
	return true
}

// AssertCompliant reports a test error listing the findings unless the
// report is compliant (no deny and no error finding).
func AssertCompliant(tb testing.TB, rep *rules.Report) bool {
	tb.Helper()
	if !rep.Compliant {
		tb.Errorf("the programme is not compliant:\n%s", listFindings(rep))
	}
	return rep.Compliant
}

func listFindings(rep *rules.Report) string {
	if len(rep.Findings) == 0 {
		return "  (no findings)"
	}
	var b strings.Builder
	for _, f := range rep.Findings {
		fmt.Fprintf(&b, "  %s %s (%s): %s\n", f.Rule, f.Subject, f.Severity, f.Message)
	}
	return b.String()
}
