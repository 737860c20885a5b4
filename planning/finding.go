package planning

import (
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/guide"
)

// Severity says how bad a finding is, as in the policy: deny breaks a rule,
// warn falls below a recommendation, and error is a policy rule that could
// not be evaluated, which blocks like deny rather than passing silently.
type Severity string

// Severities.
const (
	Deny  Severity = "deny"
	Warn  Severity = "warn"
	Error Severity = "error"
)

// blocks reports whether a finding rules its subject out: deny and error do,
// warn does not.
func (s Severity) blocks() bool { return s == Deny || s == Error }

// Finding is a rule a proposal breaks or a reason it could not do better,
// in the shape of the policy's findings so that a reader sees one format.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	// Subject is KIND/ID: group/inst-1-g2, volunteer/v-3, child/c-9, pair/v-3+c-9.
	Subject string `json:"subject"`
	Message string `json:"message"`
	Source  string `json:"source,omitempty"`
	// Citations are Source's places in the guide, in the run's language.
	Citations []guide.Citation `json:"citations,omitempty"`
}

// Message codes of this package; the texts are registered in init.
const (
	codeGroupMax      diag.Code = "planning.group_max_size"
	codeGroupMin      diag.Code = "planning.group_min_size"
	codeNotice        diag.Code = "planning.notice"
	codeMentorRules   diag.Code = "planning.mentor_rules"
	codeAtCapacity    diag.Code = "planning.mentor_at_capacity"
	codeNoAllowed     diag.Code = "planning.no_allowed_partner"
	codeOutmatched    diag.Code = "planning.outmatched"
	codeHasTandem     diag.Code = "planning.child_has_tandem"
	codeNoCandidates  diag.Code = "planning.no_candidates"
	codeBadBounds     diag.Code = "planning.bad_bounds"
	codeUnknownInst   diag.Code = "planning.unknown_institution"
	codeUnknownMentor diag.Code = "planning.unknown_mentor"
)

func message(lang diag.Lang, code diag.Code, args ...string) string {
	return diag.New(code, "", args...).Message(lang)
}

func init() {
	diag.Register(map[diag.Code]diag.Text{
		codeGroupMax: {
			KK: "{0} тобында {1} болады; топтық сабақ {2}нан аспауы тиіс (балалар мен тәлімгерлерді қоса алғанда): тандемді бөлмей кішірейту мүмкін емес",
			RU: "в группе {0} будет {1}; групповое занятие — не более {2} (дети и наставники вместе): уменьшить её, не разделив тандем, нельзя",
			EN: "group {0} would have {1}; a group session holds at most {2}, children and mentors together, and it cannot shrink without splitting a tandem",
		},
		codeGroupMin: {
			KK: "{0} тобында {1} болады, бұл ұсынылған {2} адамнан аз: мекеменің {3} қатысушысын тандемдерді бөлмей {2}–{4} адамдық топтарға бөлу мүмкін емес",
			RU: "в группе {0} будет {1} — меньше рекомендуемых {2}: участников в учреждении {3}, и их нельзя разделить на группы по {2}–{4} человек, не разделяя тандемы",
			EN: "group {0} would have {1}, fewer than the recommended {2}: the institution's {3} participants cannot be split into groups of {2}–{4} without splitting a tandem",
		},
		codeNotice: {
			KK: "Бұл — ұсыныстар, шешім емес: шешімді үйлестіруші қабылдайды.",
			RU: "Это предложения, а не решения: решение принимает координатор.",
			EN: "These are proposals, not decisions: the coordinator decides.",
		},
		codeMentorRules: {
			KK: "тәлімгерге қойылатын талаптарға сай емес: {0}",
			RU: "не проходит требования к наставнику: {0}",
			EN: "does not pass the mentor rules: {0}",
		},
		codeAtCapacity: {
			KK: "ашық тандемдер саны қазірдің өзінде {0}, ал ең көбі {1} болуы мүмкін",
			RU: "уже ведёт открытых тандемов: {0}, а допускается не более {1}",
			EN: "already has {0} open tandem(s), and at most {1} are allowed",
		},
		codeNoAllowed: {
			KK: "бірде-бір жұп ережелерден өтпеді (ереже, қанша жұп өтпеді): {0}",
			RU: "ни одна пара не проходит правила подбора (правило и число отклонённых пар): {0}",
			EN: "no pair passes the pair rules (rule, pairs refused): {0}",
		},
		codeOutmatched: {
			KK: "рұқсат етілген серіктес саны: {0}, бәрі басқаларға ұсынылды; ең жақсысы {1} (ұпай {2}) — {3} үшін ұсынылды, жалпы ұпай осылай жоғары",
			RU: "допустимых партнёров: {0}, все предложены другим; лучший — {1} (балл {2}) — предложен для {3}, так общий балл выше",
			EN: "{0} allowed partner(s), all proposed with others; the best, {1} (score {2}), is proposed with {3}, which gives a higher total",
		},
		codeHasTandem: {
			KK: "баланың ашық тандемі бар: {0}",
			RU: "у ребёнка уже есть открытый тандем: {0}",
			EN: "the child already has an open tandem: {0}",
		},
		codeNoCandidates: {
			KK: "екінші жақта үміткер жоқ",
			RU: "на другой стороне нет кандидатов",
			EN: "there is no candidate on the other side",
		},
		codeBadBounds: {
			KK: "топ өлшемінің шектері дұрыс емес: ең азы {0}, ең көбі {1}",
			RU: "неверные границы размера группы: минимум {0}, максимум {1}",
			EN: "bad group size bounds: minimum {0}, maximum {1}",
		},
		codeUnknownInst: {
			KK: "«{0}» мекемесі бағдарламада жоқ",
			RU: "учреждения «{0}» нет в программе",
			EN: "institution \"{0}\" is not in the programme",
		},
		codeUnknownMentor: {
			KK: "«{0}» волонтері бағдарламада жоқ",
			RU: "волонтёра «{0}» нет в программе",
			EN: "volunteer \"{0}\" is not in the programme",
		},
	})
}
