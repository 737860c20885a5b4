package rules

import (
	"cel.dev/cel-go/cel"
)

// Kind is the kind of subject a rule is about. A finding's subject is
// "KIND/ID".
type Kind string

// Subject kinds. The first seven are the parts of a programme, evaluated in
// this order; pair and respondent are evaluated on request by the planner
// ([Policy.Pair]) and the questionnaire ([Policy.Respondent]).
const (
	KindVolunteer  Kind = "volunteer"
	KindChild      Kind = "child"
	KindTandem     Kind = "tandem"
	KindGroup      Kind = "group"
	KindAgreement  Kind = "agreement"
	KindOuting     Kind = "outing"
	KindProgramme  Kind = "programme"
	KindPair       Kind = "pair"
	KindRespondent Kind = "respondent"
)

// programmeKinds are evaluated by [Policy.Evaluate], in this order.
var programmeKinds = []Kind{KindVolunteer, KindChild, KindTandem, KindGroup, KindAgreement, KindOuting, KindProgramme}

// Kinds lists every subject kind a rule may name.
func Kinds() []Kind {
	return append(append([]Kind(nil), programmeKinds...), KindPair, KindRespondent)
}

func validKind(s string) bool {
	for _, k := range Kinds() {
		if string(k) == s {
			return true
		}
	}
	return false
}

// CEL types of the domain structs, named the way ext.NativeTypes names them.
var (
	volunteerType   = cel.ObjectType("volunteer.Volunteer")
	childType       = cel.ObjectType("mentoring.Child")
	institutionType = cel.ObjectType("mentoring.Institution")
	tandemType      = cel.ObjectType("mentoring.Tandem")
	groupType       = cel.ObjectType("mentoring.Group")
	agreementType   = cel.ObjectType("agreement.Agreement")
	reportType      = cel.ObjectType("agreement.Report")
	outingType      = cel.ObjectType("mentoring.Outing")
	programmeType   = cel.ObjectType("mentoring.Programme")
	responseType    = cel.ObjectType("questionnaire.Response")
)

// Var documents one variable a rule of some kind can read.
type Var struct {
	Name string
	Type string // CEL type, e.g. "list(mentoring.Tandem)"
	Doc  string
}

type varSpec struct {
	name string
	typ  *cel.Type
	doc  string
}

// common variables come first in every kind's slots.
var commonVars = []varSpec{
	{"as_of", dateType, "the evaluation date (the programme's as_of, or --as-of)"},
	{"programme", programmeType, "the whole programme, for look-ups"},
}

func kindVars(k Kind) []varSpec {
	list := func(t *cel.Type) *cel.Type { return cel.ListType(t) }
	var own []varSpec
	switch k {
	case KindVolunteer:
		own = []varSpec{
			{"volunteer", volunteerType, "the volunteer"},
			{"tandems", list(tandemType), "the tandems the volunteer mentors"},
			{"agreements", list(agreementType), "the volunteer's agreements"},
			{"reports", list(reportType), "the volunteer's monthly reports"},
		}
	case KindChild:
		own = []varSpec{
			{"child", childType, "the child"},
			{"institution", institutionType, "the child's institution"},
			{"tandems", list(tandemType), "the child's tandems"},
		}
	case KindTandem:
		own = []varSpec{
			{"tandem", tandemType, "the tandem"},
			{"mentor", volunteerType, "its mentor"},
			{"child", childType, "its child"},
			{"institution", institutionType, "the child's institution"},
			{"agreements", list(agreementType), "the mentor's agreements"},
			{"child_groups", list(groupType), "the group sessions the child took part in"},
		}
	case KindGroup:
		own = []varSpec{
			{"group", groupType, "the group session"},
			{"institution", institutionType, "where it is held"},
		}
	case KindAgreement:
		own = []varSpec{
			{"agreement", agreementType, "the agreement"},
			{"volunteer", volunteerType, "the volunteer who signed it"},
			{"reports", list(reportType), "the volunteer's monthly reports"},
		}
	case KindOuting:
		own = []varSpec{
			{"outing", outingType, "the outing"},
			{"tandem", tandemType, "its tandem"},
			{"mentor", volunteerType, "the tandem's mentor"},
			{"child", childType, "the tandem's child"},
			{"agreements", list(agreementType), "the mentor's agreements"},
		}
	case KindProgramme:
	case KindPair:
		own = []varSpec{
			{"mentor", volunteerType, "the candidate mentor"},
			{"child", childType, "the candidate child"},
			{"institution", institutionType, "the child's institution"},
			{"agreements", list(agreementType), "the mentor's agreements"},
			{"tandems", list(tandemType), "the mentor's tandems"},
		}
	case KindRespondent:
		return []varSpec{
			{"as_of", dateType, "the date of the assessment"},
			{"response", responseType, "the questionnaire response"},
		}
	}
	return append(append([]varSpec(nil), commonVars...), own...)
}

// Variables lists what a rule of kind k can read, besides params.* and the
// policy's own variables.
func Variables(k Kind) []Var {
	specs := kindVars(k)
	out := make([]Var, len(specs))
	for i, s := range specs {
		out[i] = Var{Name: s.name, Type: typeName(s.typ), Doc: s.doc}
	}
	return out
}

func typeName(t *cel.Type) string {
	if t == nil {
		return "dyn"
	}
	return t.String()
}
