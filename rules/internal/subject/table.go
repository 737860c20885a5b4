package subject

import (
	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/questionnaire"
	"github.com/birgemiz/sabaqtastyq/rules/internal/library"
	"github.com/birgemiz/sabaqtastyq/rules/internal/value"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// Kinds is the table of subject kinds. The programme kinds come first, in
// the order Evaluate reports them; a new kind is one entry here (and, if
// it reads new references, their positions in positions.go).
var Kinds = []*Kind{
	{
		Name: "institution", Doc: "an institution where mentors meet children",
		Vars: with(
			one("institution", "the institution", func(s *Subject) *mentoring.Institution { return &s.Prog.Institutions[s.I] }),
			many("children", "the children of the institution", "institution_children", children,
				func(s *Subject) []int { return s.At.InstitutionChildren[s.I] }),
			many("tandems", "the tandems of its children, in any phase", "institution_tandems", tandems,
				func(s *Subject) []int { return s.At.InstitutionTandems[s.I] }),
			many("groups", "the group sessions held there", "institution_groups", groups,
				func(s *Subject) []int { return s.At.InstitutionGroups[s.I] }),
		),
		Count: func(p *mentoring.Programme) int { return len(p.Institutions) },
		ID:    func(s *Subject) string { return s.Prog.Institutions[s.I].ID },
		Find:  func(at *Positions, _ *mentoring.Programme, id string) (int, bool) { return find(at.Institution, id) },
	},
	{
		Name: "volunteer", Doc: "a volunteer",
		Vars: with(
			one("volunteer", "the volunteer", volunteerOf),
			many("tandems", "the tandems the volunteer mentors", "tandems", tandems,
				func(s *Subject) []int { return s.At.VolunteerTandems[s.I] }),
			many("agreements", "the volunteer's agreements", "agreements", agreements,
				func(s *Subject) []int { return s.At.VolunteerAgreements[s.I] }),
			many("reports", "the volunteer's monthly reports", "reports", reports,
				func(s *Subject) []int { return s.At.VolunteerReports[s.I] }),
		),
		Count: func(p *mentoring.Programme) int { return len(p.Volunteers) },
		ID:    func(s *Subject) string { return s.Prog.Volunteers[s.I].ID },
		Find:  func(at *Positions, _ *mentoring.Programme, id string) (int, bool) { return find(at.Volunteer, id) },
	},
	{
		Name: "child", Doc: "a child",
		Vars: with(
			one("child", "the child", childOf),
			one("institution", "the child's institution", func(s *Subject) *mentoring.Institution {
				return at(s.Prog.Institutions, s.At.ChildInstitution[s.I])
			}),
			many("tandems", "the child's tandems", "tandems", tandems,
				func(s *Subject) []int { return s.At.ChildTandems[s.I] }),
		),
		Count: func(p *mentoring.Programme) int { return len(p.Children) },
		ID:    func(s *Subject) string { return s.Prog.Children[s.I].ID },
		Find:  func(at *Positions, _ *mentoring.Programme, id string) (int, bool) { return find(at.Child, id) },
	},
	{
		Name: "tandem", Doc: "a mentor–child tandem",
		Vars: with(
			one("tandem", "the tandem", tandemOf),
			one("mentor", "its mentor", func(s *Subject) *volunteer.Volunteer {
				return at(s.Prog.Volunteers, s.At.TandemMentor[s.I])
			}),
			one("child", "its child", func(s *Subject) *mentoring.Child { return at(s.Prog.Children, s.At.TandemChild[s.I]) }),
			one("institution", "the child's institution", func(s *Subject) *mentoring.Institution {
				return at(s.Prog.Institutions, s.At.childInstitution(s.At.TandemChild[s.I]))
			}),
			many("agreements", "the mentor's agreements", "agreements", agreements,
				func(s *Subject) []int { return s.At.volunteerAgreements(s.At.TandemMentor[s.I]) }),
			many("child_groups", "the group sessions the child took part in", "child_groups", groups,
				func(s *Subject) []int { return s.At.childGroups(s.At.TandemChild[s.I]) }),
			many("visits", "the tandem's meetings inside the institution", "visits", visits,
				func(s *Subject) []int { return s.At.TandemVisits[s.I] }),
			many("outings", "the tandem's outings", "outings", outings,
				func(s *Subject) []int { return s.At.TandemOutings[s.I] }),
			many("check_ins", "the coordinator's support contacts with the tandem", "check_ins", checkIns,
				func(s *Subject) []int { return s.At.TandemCheckIns[s.I] }),
		),
		Count: func(p *mentoring.Programme) int { return len(p.Tandems) },
		ID:    func(s *Subject) string { return s.Prog.Tandems[s.I].ID },
		Find:  func(at *Positions, _ *mentoring.Programme, id string) (int, bool) { return find(at.Tandem, id) },
	},
	{
		Name: "group", Doc: "a group session",
		Vars: with(
			one("group", "the group session", func(s *Subject) *mentoring.Group { return &s.Prog.Groups[s.I] }),
			one("institution", "where it is held", func(s *Subject) *mentoring.Institution {
				return at(s.Prog.Institutions, s.At.GroupInstitution[s.I])
			}),
		),
		Count: func(p *mentoring.Programme) int { return len(p.Groups) },
		ID:    func(s *Subject) string { return s.Prog.Groups[s.I].ID },
		Find:  func(at *Positions, _ *mentoring.Programme, id string) (int, bool) { return find(at.Group, id) },
		Sized: []Sized{
			{Limit: "mentors", Len: func(s *Subject) int { return len(s.Prog.Groups[s.I].Mentors) }},
			{Limit: "children", Len: func(s *Subject) int { return len(s.Prog.Groups[s.I].Children) }},
		},
	},
	{
		Name: "agreement", Doc: "a volunteer's agreement",
		Vars: with(
			one("agreement", "the agreement", func(s *Subject) *agreement.Agreement { return &s.Prog.Agreements[s.I] }),
			one("volunteer", "the volunteer who signed it", func(s *Subject) *volunteer.Volunteer {
				return at(s.Prog.Volunteers, s.At.AgreementVolunteer[s.I])
			}),
			many("reports", "the volunteer's monthly reports", "reports", reports,
				func(s *Subject) []int { return s.At.volunteerReports(s.At.AgreementVolunteer[s.I]) }),
		),
		Count: func(p *mentoring.Programme) int { return len(p.Agreements) },
		ID:    func(s *Subject) string { return s.Prog.Agreements[s.I].ID },
		Find:  func(at *Positions, _ *mentoring.Programme, id string) (int, bool) { return find(at.Agreement, id) },
	},
	{
		Name: "outing", Doc: "a tandem's outing; its id is TANDEM@DATE",
		Vars: with(
			one("outing", "the outing", func(s *Subject) *mentoring.Outing { return &s.Prog.Outings[s.I] }),
			one("tandem", "its tandem", func(s *Subject) *mentoring.Tandem { return at(s.Prog.Tandems, s.At.OutingTandem[s.I]) }),
			one("mentor", "the tandem's mentor", func(s *Subject) *volunteer.Volunteer {
				return at(s.Prog.Volunteers, s.At.tandemMentor(s.At.OutingTandem[s.I]))
			}),
			one("child", "the tandem's child", func(s *Subject) *mentoring.Child {
				return at(s.Prog.Children, s.At.tandemChild(s.At.OutingTandem[s.I]))
			}),
			one("institution", "the child's institution", func(s *Subject) *mentoring.Institution {
				return at(s.Prog.Institutions, s.At.childInstitution(s.At.tandemChild(s.At.OutingTandem[s.I])))
			}),
			many("agreements", "the mentor's agreements", "agreements", agreements,
				func(s *Subject) []int { return s.At.volunteerAgreements(s.At.tandemMentor(s.At.OutingTandem[s.I])) }),
		),
		Count: func(p *mentoring.Programme) int { return len(p.Outings) },
		ID:    func(s *Subject) string { return s.Prog.Outings[s.I].ID() },
		Find:  func(at *Positions, p *mentoring.Programme, id string) (int, bool) { return find(at.outings(p), id) },
	},
	{
		Name: "programme", Doc: "the programme as a whole",
		Vars:  with(),
		Count: func(*mentoring.Programme) int { return 1 },
		ID:    programmeID,
		Find: func(_ *Positions, p *mentoring.Programme, id string) (int, bool) {
			return 0, id == programmeID(&Subject{Prog: p})
		},
	},
	{
		Name: "pair", Doc: "a candidate mentor–child pair, evaluated by the matcher (Policy.Pair)", OnRequest: true,
		Vars: with(
			one("mentor", "the candidate mentor", volunteerOf),
			one("child", "the candidate child", func(s *Subject) *mentoring.Child { return &s.Prog.Children[s.J] }),
			one("institution", "the child's institution", func(s *Subject) *mentoring.Institution {
				return at(s.Prog.Institutions, s.At.ChildInstitution[s.J])
			}),
			many("agreements", "the mentor's agreements", "agreements", agreements,
				func(s *Subject) []int { return s.At.VolunteerAgreements[s.I] }),
			many("tandems", "the mentor's tandems", "tandems", tandems,
				func(s *Subject) []int { return s.At.VolunteerTandems[s.I] }),
		),
		ID: func(s *Subject) string { return s.Prog.Volunteers[s.I].ID + "+" + s.Prog.Children[s.J].ID },
	},
	{
		Name: "respondent", Doc: "a questionnaire response, evaluated by Policy.Respondent", OnRequest: true,
		Vars: []Var{
			{Name: "as_of", Type: library.DateType, Doc: "the date of the assessment",
				Native: func(s *Subject, _ *value.IdxList) value.Val { return value.DateV(s.AsOf) },
				CEL:    func(s *Subject) any { return s.AsOf }},
			one("response", "the questionnaire response", func(s *Subject) *questionnaire.Response { return s.Resp }),
		},
		ID: func(*Subject) string { return "respondent" },
	},
}

func programmeID(s *Subject) string {
	if s.Prog.Organisation != "" {
		return s.Prog.Organisation
	}
	return "programme"
}

func init() {
	for i, k := range Kinds {
		k.Index = i
	}
}

// Lookup returns the kind with the name. It is on the path of every
// single-subject evaluation: the first byte and the length rule out the
// other kinds before any comparison of bytes.
func Lookup(name string) (*Kind, bool) {
	if name == "" {
		return nil, false
	}
	for _, k := range Kinds {
		if len(k.Name) == len(name) && k.Name[0] == name[0] && k.Name == name {
			return k, true
		}
	}
	return nil, false
}

// Var returns the kind's variable with the name and its index.
func (k *Kind) Var(name string) (int, bool) {
	for i, v := range k.Vars {
		if v.Name == name {
			return i, true
		}
	}
	return 0, false
}

// Fits reports whether the subject's lists are within the policy's limits,
// so that a rule whose cost is proved for those limits may run without a
// cost meter.
func (s *Subject) Fits(limits map[string]int) bool {
	for _, v := range s.Kind.Vars {
		if v.Len != nil && v.Len(s) > limits[v.Limit] {
			return false
		}
	}
	for _, z := range s.Kind.Sized {
		if z.Len(s) > limits[z.Limit] {
			return false
		}
	}
	return true
}
