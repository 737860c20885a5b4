package subject

import (
	"reflect"
	"unsafe"

	"cel.dev/cel-go/cel"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/questionnaire"
	"github.com/birgemiz/sabaqtastyq/rules/internal/library"
	"github.com/birgemiz/sabaqtastyq/rules/internal/value"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// Kind is one kind of subject.
type Kind struct {
	Name string
	Doc  string
	// Index is the kind's place in [Kinds], for tables indexed by kind.
	Index int
	// Vars are what its rules read, as_of first.
	Vars []Var
	// OnRequest kinds (pair, respondent) are evaluated by Policy.Pair and
	// Policy.Respondent, not by Evaluate.
	OnRequest bool
	// Count is the number of subjects of the kind in a programme.
	Count func(p *mentoring.Programme) int
	// ID is a subject's id in findings.
	ID func(s *Subject) string
	// Find looks a subject up by id.
	Find func(at *Positions, p *mentoring.Programme, id string) (int, bool)
	// Sized are lists inside the kind's own records that no validation tag
	// bounds, checked against the policy's limits like list variables.
	Sized []Sized
}

// Sized is a list whose length a policy limit bounds.
type Sized struct {
	Limit string
	Len   func(s *Subject) int
}

// Var is one variable of a kind.
type Var struct {
	Name string
	Type *cel.Type
	Doc  string
	// Limit names the policy limit that bounds a list variable's length
	// ("tandems"); empty for an object.
	Limit string
	// Native is the variable's value for the native evaluator; l is storage
	// for a list of programme elements, owned by the caller's frame.
	Native func(s *Subject, l *value.IdxList) value.Val
	// CEL is the variable's value for cel-go.
	CEL func(s *Subject) any
	// Len is a list variable's length, nil for an object.
	Len func(s *Subject) int
}

// Subject is one subject bound for evaluation. Building one allocates
// nothing.
type Subject struct {
	Kind *Kind
	Prog *mentoring.Programme
	At   *Positions
	// I is the subject's position in its list; for a pair, the mentor's
	// position in Volunteers, and J the child's in Children.
	I, J int
	Resp *questionnaire.Response
	AsOf civil.Date
}

// Types reads every domain struct in place for the native evaluator.
var Types = value.NewTable(
	reflect.TypeFor[mentoring.Programme](), reflect.TypeFor[volunteer.Volunteer](),
	reflect.TypeFor[agreement.Agreement](), reflect.TypeFor[questionnaire.Response](),
)

// Roots are the Go types cel-go must know (ext.NativeTypes).
var Roots = []reflect.Type{
	reflect.TypeFor[mentoring.Programme](), reflect.TypeFor[volunteer.Volunteer](),
	reflect.TypeFor[agreement.Agreement](), reflect.TypeFor[civil.Date](),
	reflect.TypeFor[civil.Month](), reflect.TypeFor[questionnaire.Response](),
}

// celType is the CEL type ext.NativeTypes gives T: "mentoring.Child".
func celType[T any]() *cel.Type { return cel.ObjectType(reflect.TypeFor[T]().String()) }

// one is a variable holding one record, or null.
func one[T any](name, doc string, get func(s *Subject) *T) Var {
	t := Types.Of(reflect.TypeFor[T]())
	return Var{Name: name, Type: celType[T](), Doc: doc,
		Native: func(s *Subject, _ *value.IdxList) value.Val { return value.ObjV(unsafe.Pointer(get(s)), t) },
		CEL:    func(s *Subject) any { return get(s) }}
}

// many is a variable holding records of one of the programme's lists, by
// their positions there, bounded by the policy limit of the same name.
func many[T any](name, doc, limit string, all func(p *mentoring.Programme) []T, at func(s *Subject) []int) Var {
	t := Types.Of(reflect.TypeFor[T]())
	return Var{Name: name, Type: cel.ListType(celType[T]()), Doc: doc, Limit: limit,
		Native: func(s *Subject, l *value.IdxList) value.Val { return value.IdxV(l, all(s.Prog), at(s), t) },
		CEL: func(s *Subject) any {
			list, pos := all(s.Prog), at(s)
			out := make([]*T, len(pos))
			for i, j := range pos {
				out[i] = &list[j]
			}
			return out
		},
		Len: func(s *Subject) int { return len(at(s)) }}
}

// at is &list[i], or nil when i is -1.
func at[T any](list []T, i int) *T {
	if i < 0 {
		return nil
	}
	return &list[i]
}

// The programme's lists, for many.
func tandems(p *mentoring.Programme) []mentoring.Tandem       { return p.Tandems }
func agreements(p *mentoring.Programme) []agreement.Agreement { return p.Agreements }
func reports(p *mentoring.Programme) []agreement.Report       { return p.Reports }
func groups(p *mentoring.Programme) []mentoring.Group         { return p.Groups }
func children(p *mentoring.Programme) []mentoring.Child       { return p.Children }
func outings(p *mentoring.Programme) []mentoring.Outing       { return p.Outings }
func visits(p *mentoring.Programme) []mentoring.Visit         { return p.Visits }
func checkIns(p *mentoring.Programme) []mentoring.CheckIn     { return p.CheckIns }

// common are the variables of every programme kind.
var common = []Var{
	{Name: "as_of", Type: library.DateType, Doc: "the evaluation date (the programme's as_of, or --as-of)",
		Native: func(s *Subject, _ *value.IdxList) value.Val { return value.DateV(s.AsOf) },
		CEL:    func(s *Subject) any { return s.AsOf }},
	one("programme", "the whole programme, for look-ups", func(s *Subject) *mentoring.Programme { return s.Prog }),
}

func with(own ...Var) []Var { return append(append([]Var(nil), common...), own...) }

// Variables of several kinds.
var (
	volunteerOf = func(s *Subject) *volunteer.Volunteer { return &s.Prog.Volunteers[s.I] }
	childOf     = func(s *Subject) *mentoring.Child { return &s.Prog.Children[s.I] }
	tandemOf    = func(s *Subject) *mentoring.Tandem { return &s.Prog.Tandems[s.I] }
)
