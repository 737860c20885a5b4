package rules

import (
	"cel.dev/cel-go/cel"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/guide"
	"github.com/birgemiz/sabaqtastyq/rules/internal/library"
	"github.com/birgemiz/sabaqtastyq/rules/internal/subject"
)

// Severity says how much a finding weighs.
type Severity string

// Severities. Policies write deny or warn; error is what a rule that
// failed to evaluate reports instead of passing silently.
const (
	Deny  Severity = "deny"
	Warn  Severity = "warn"
	Error Severity = "error"
)

// Evaluator names the evaluator that decides a rule.
type Evaluator string

// Evaluators. A rule runs on the native evaluator unless it uses something
// only cel-go implements; then [Rule].Reason says what.
const (
	EvaluatorNative Evaluator = "native"
	EvaluatorCEL    Evaluator = "cel"
)

// Param is a policy parameter after compilation: its type, its value
// (the default, possibly overridden by a profile) and its description.
type Param struct {
	Name        string
	Type        string
	Value       any // int64, float64, bool, string or []string
	Description diag.Text
	Pos         diag.Pos
}

// Rule describes a compiled rule, for listings and documentation.
type Rule struct {
	ID       string
	Kind     Kind
	Severity Severity
	Source   string
	// Citations are the places of the guide (or the law) Source names,
	// resolved once when the policy is compiled; empty when Source is a
	// policy author's own words (see package guide).
	Citations   guide.Citations
	Description diag.Text
	When        string
	Expr        string
	Message     diag.Text // the templates, placeholders unexpanded
	Pos         diag.Pos
	// Cost is the static worst-case cost estimate, or 0 when the rule
	// reads lists without a declared bound and is metered at run time.
	Cost uint64
	// Evaluator is the evaluator that decides the rule, and Reason why it
	// is not the native one (or, for a native rule, why a message
	// placeholder is rendered by cel-go); empty when there is nothing to
	// say.
	Evaluator Evaluator
	Reason    string
}

// Score describes a compiled score, for listings.
type Score struct {
	ID          string
	Kind        Kind
	Description diag.Text
	Expr        string
	Weight      string // empty: 1
	Evaluator   Evaluator
	Reason      string
}

// Kind is the kind of subject a rule is about. A finding's subject is
// "KIND/ID".
type Kind string

// Subject kinds. The first eight are the parts of a programme, evaluated in
// this order; pair and respondent are evaluated on request by the planner
// ([Policy.Pair]) and the questionnaire ([Policy.Respondent]).
const (
	KindInstitution Kind = "institution"
	KindVolunteer   Kind = "volunteer"
	KindChild       Kind = "child"
	KindTandem      Kind = "tandem"
	KindGroup       Kind = "group"
	KindAgreement   Kind = "agreement"
	KindOuting      Kind = "outing"
	KindProgramme   Kind = "programme"
	KindPair        Kind = "pair"
	KindRespondent  Kind = "respondent"
)

// Kinds lists every subject kind a rule may name, in the order Evaluate
// reports the programme's.
func Kinds() []Kind {
	out := make([]Kind, len(subject.Kinds))
	for i, k := range subject.Kinds {
		out[i] = Kind(k.Name)
	}
	return out
}

// Var documents one variable a rule of some kind can read.
type Var struct {
	Name string
	Type string // CEL type, e.g. "list(mentoring.Tandem)"
	Doc  string
	// Limit is the policy limit that bounds a list, e.g. "tandems".
	Limit string
}

// Variables lists what a rule of kind k can read, besides params.* and the
// policy's own variables.
func Variables(k Kind) []Var {
	sk, ok := subject.Lookup(string(k))
	if !ok {
		return nil
	}
	out := make([]Var, len(sk.Vars))
	for i, v := range sk.Vars {
		out[i] = Var{Name: v.Name, Type: typeName(v.Type), Doc: v.Doc, Limit: v.Limit}
	}
	return out
}

func typeName(t *cel.Type) string {
	if t == nil {
		return "dyn"
	}
	return t.String()
}

// LibraryVersion is the version of the function library ([Functions]). It
// grows when a function is added; functions are never removed or changed.
//
//	1  the date and month functions
//	2  lower(): Unicode lower case, for Kazakh and Russian text
//	3  longest_gap(): the longest stretch between dates, for regular contact
const LibraryVersion = library.Version

// Function documents one function of the library for rule authors.
type Function struct {
	Signature string // e.g. "age(date, date) -> int"
	Doc       string
	Example   string // a CEL expression and its value
	// Since is the library version that added it; 0 for cel-go's own
	// functions that the native evaluator also runs, which From names.
	Since uint32
	From  string
	// Message marks a message function (say, quantity, words): it is
	// called only inside the {{ }} of a message or a description, in that
	// text's language; its example is as a kk message shows it.
	Message bool
}

// Functions lists the library's functions, for documentation and for
// `sabaq explain`; with cel-go's own, every function the native evaluator
// runs. Both, and the rule author's guide (testdata/functions.md), come
// from one table.
func Functions() []Function {
	fs := library.Table(library.Config{MaxMonths: defaultLimits["months"]})
	out := make([]Function, 0, len(fs))
	for _, f := range fs {
		out = append(out, Function{Signature: f.Signature, Doc: f.Doc, Example: f.Example, Since: f.Since, From: f.From, Message: f.Message})
	}
	return out
}

// LibraryOption configures [Library].
type LibraryOption func(*libraryOptions)

type libraryOptions struct{ version uint32 }

// WithLibraryVersion declares only the functions of version v and earlier,
// so that an environment keeps its meaning when the library grows.
// Default [LibraryVersion].
func WithLibraryVersion(v uint32) LibraryOption {
	return func(o *libraryOptions) { o.version = v }
}

// Library is the function library as a cel.EnvOption, for a CEL
// environment of your own, the way cel-go's ext.Strings is used: it
// declares the date and month types and every function of this library
// (age, days_between, months_open, lower…) with their cel-go bindings.
//
//	env, err := cel.NewEnv(rules.Library(rules.WithLibraryVersion(2)))
func Library(opts ...LibraryOption) cel.EnvOption {
	o := libraryOptions{version: LibraryVersion}
	for _, opt := range opts {
		opt(&o)
	}
	return cel.Lib(library.New(library.Config{MaxMonths: defaultLimits["months"]},
		library.AtVersion(o.version), library.WithTypes()))
}
