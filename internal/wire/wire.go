package wire

import (
	"encoding/json"
	"io"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/guide"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// Check is the result of evaluating a policy on a programme: the object
// `sabaq check --format json` prints and POST /v1/check returns.
// Compliant is false when a finding has severity deny or error.
type Check struct {
	Policy    string     `json:"policy"`
	AsOf      civil.Date `json:"as_of"`
	Compliant bool       `json:"compliant"`
	Findings  []Finding  `json:"findings"`
}

// Finding is one broken rule about one subject. Subject is KIND/ID
// ("tandem/t-1"; an outing's id is TANDEM@DATE).
type Finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Subject  string `json:"subject"`
	Message  string `json:"message"`
	Source   string `json:"source"`
	// Citations are the places of the guide (or the law) Source names, in
	// the reader's language, each with the lines of the guide's Kazakh
	// text for tools; absent when Source is a policy author's own words.
	Citations []guide.Citation `json:"citations,omitempty"`
}

// CheckOf returns the wire form of a report. Findings keep the report's
// order; a report without findings has an empty list, never null.
func CheckOf(rep *rules.Report) Check {
	c := Check{Policy: rep.Policy, AsOf: rep.AsOf, Compliant: rep.Compliant, Findings: FindingsOf(rep.Findings)}
	return c
}

// FindingsOf converts findings, keeping their order; nil gives an empty
// list.
func FindingsOf(fs []rules.Finding) []Finding {
	out := make([]Finding, len(fs))
	for i, f := range fs {
		out[i] = Finding{Rule: f.Rule, Severity: string(f.Severity), Subject: f.Subject, Message: f.Message, Source: f.Source, Citations: f.Citations}
	}
	return out
}

// Problem is one positioned problem of an input: a programme, a policy,
// a query parameter. File is left out for the body of a request, Line and
// Column when the place is not known (a query parameter); Sheet names a
// workbook's sheet, Column then being the cell's column (A is 1).
type Problem struct {
	File    string `json:"file,omitempty"`
	Sheet   string `json:"sheet,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Path    string `json:"path,omitempty"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// ProblemOf returns the wire form of one problem in lang: its place and
// path as fields, its message without them, and no snippet.
func ProblemOf(e *diag.Error, lang diag.Lang) Problem {
	return Problem{
		File: e.File, Sheet: e.Sheet, Line: e.Line, Column: e.Col,
		Path: e.Path, Code: string(e.Code), Message: e.Message(lang),
	}
}

// Problems converts a list of problems in lang, keeping its order; an empty
// list gives nil, which the error object leaves out.
func Problems(l diag.List, lang diag.Lang) []Problem {
	if len(l) == 0 {
		return nil
	}
	out := make([]Problem, len(l))
	for i, e := range l {
		out[i] = ProblemOf(e, lang)
	}
	return out
}

// Error is what went wrong: a stable code, a message for people and, for
// bad input, every problem found.
type Error struct {
	Code     Code      `json:"code"`
	Message  string    `json:"message"`
	Problems []Problem `json:"problems,omitempty"`
}

// ErrorBody is the object an error is printed as: {"error": {…}}.
type ErrorBody struct {
	Error Error `json:"error"`
}

// NewError returns the error object of code in lang, its message filled
// with args, with problems when there are any.
func NewError(code Code, lang diag.Lang, problems diag.List, args ...string) ErrorBody {
	return ErrorBody{Error: Error{Code: code, Message: code.Message(lang, args...), Problems: Problems(problems, lang)}}
}

// Encode writes v as the command line writes JSON: indented by two spaces,
// '<', '>' and '&' left as they are, and a newline at the end.
func Encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
