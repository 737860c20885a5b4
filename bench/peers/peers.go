package peers

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Finding is what the engines are compared on: which rule, how severe, and
// about which subject. Messages are left out: only our engine renders them.
type Finding struct {
	Rule     string // the guide's rule id, e.g. "mentor.min_age"
	Severity string // "deny" or "warn"
	Subject  string // KIND/ID, e.g. "tandem/t-v-0"; outings are TANDEM@DATE
}

func (f Finding) String() string { return f.Subject + " " + f.Rule + " (" + f.Severity + ")" }

// Engine evaluates the guide's rules on one programme, fixed when the
// engine is built. An Engine is not safe for concurrent use: the expr
// engine reuses one virtual machine.
type Engine interface {
	// Name is "ours", "expr" or "opa".
	Name() string
	// Subject appends the findings of every rule about one subject,
	// "KIND/ID", to out.
	Subject(ctx context.Context, subject string, out []Finding) ([]Finding, error)
	// All appends the findings about every subject of the programme.
	All(ctx context.Context, out []Finding) ([]Finding, error)
}

// Kinds are the subject kinds of the guide policy, in the order our
// engine evaluates them. The programme kind has one subject.
var Kinds = []string{"institution", "volunteer", "child", "tandem", "group", "agreement", "outing", "programme"}

// ErrSubject reports a subject that is not in the programme, or of a kind
// the guide has no rules for.
var ErrSubject = errors.New("peers: unknown subject")

// splitSubject splits "KIND/ID".
func splitSubject(s string) (kind, id string, err error) {
	kind, id, ok := strings.Cut(s, "/")
	if !ok || !slices.Contains(Kinds, kind) {
		return "", "", fmt.Errorf("%w: %q", ErrSubject, s)
	}
	return kind, id, nil
}

// Compare orders findings by subject, then rule, then severity.
func Compare(a, b Finding) int {
	return cmp.Or(cmp.Compare(a.Subject, b.Subject), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Severity, b.Severity))
}

// Sort orders findings by [Compare], so that two engines' lists compare
// element by element.
func Sort(fs []Finding) { slices.SortFunc(fs, Compare) }
