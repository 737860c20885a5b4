package rules

import (
	"errors"

	"github.com/birgemiz/sabaqtastyq/diag"
)

// Codes of policy problems. Every compile problem is a *diag.Error with one
// of these codes (or a shared diag code such as diag.CodeUnknownField),
// placed at file:line:col with a caret snippet.
const (
	CodeEmpty             diag.Code = "policy.empty"              // the file has no content
	CodeCEL               diag.Code = "policy.cel"                // CEL parse or type error: {0} is CEL's message
	CodeNotBool           diag.Code = "policy.not_bool"           // a when or expr that is not bool: {0} the type
	CodeNotNumber         diag.Code = "policy.not_number"         // a score or weight that is not a number
	CodeMissingMessage    diag.Code = "policy.missing_message"    // a rule without a message in {0}
	CodeUnknownParam      diag.Code = "policy.unknown_param"      // a profile overrides {0}, which the base lacks
	CodeUnusedParam       diag.Code = "policy.unused_param"       // warning: {0} is never read
	CodeUnusedVariable    diag.Code = "policy.unused_variable"    // warning: {0} is never read
	CodeDuplicateRule     diag.Code = "policy.duplicate_rule"     // two rules with id {0} in one file
	CodeDuplicateVariable diag.Code = "policy.duplicate_variable" // two variables {0} for one subject
	CodeBadSubject        diag.Code = "policy.bad_subject"        // {0} is not a subject kind
	CodeBadSeverity       diag.Code = "policy.bad_severity"       // {0} is not deny or warn
	CodeBadParamType      diag.Code = "policy.bad_param_type"     // {0} is not a parameter type
	CodeBadDefault        diag.Code = "policy.bad_default"        // default is not a {0}
	CodeTooCostly         diag.Code = "policy.too_costly"         // estimated cost {0} above limit {1}
	CodeNotFound          diag.Code = "policy.not_found"          // no policy named {0}
	CodeCycle             diag.Code = "policy.extends_cycle"      // extends makes a cycle through {0}
	CodeRequiredRuleField diag.Code = "policy.required"           // rule field {0} is missing
	CodeNoRules           diag.Code = "policy.no_rules"           // a policy with no rules at all
)

// ErrPolicy is wrapped by every error that Load and Compile return for a
// broken policy, so callers can tell a policy error from an input error
// with errors.Is. The details are a diag.List reachable with errors.As.
var ErrPolicy = errors.New("rules: policy error")

// PolicyError is the error of a policy that does not compile: every problem
// at once, in file order, and the warnings found on the way.
type PolicyError struct {
	Problems diag.List
	Warnings diag.List
}

// Error lists the problems in English.
func (e *PolicyError) Error() string { return e.Problems.Error() }

// Localize lists the problems in lang.
func (e *PolicyError) Localize(lang diag.Lang) string { return e.Problems.Localize(lang) }

// Unwrap makes errors.Is(err, ErrPolicy) and errors.As(err, *diag.List) work.
func (e *PolicyError) Unwrap() []error { return []error{ErrPolicy, e.Problems} }

func init() {
	diag.Register(map[diag.Code]diag.Text{
		CodeEmpty: {
			KK: "саясат файлы бос",
			RU: "файл политики пуст",
			EN: "the policy file is empty",
		},
		CodeCEL: {
			KK: "CEL өрнегінде қате: {0}",
			RU: "ошибка в выражении CEL: {0}",
			EN: "CEL error: {0}",
		},
		CodeNotBool: {
			KK: "өрнек bool (true/false) қайтаруы керек, ал {0} қайтарады",
			RU: "выражение должно возвращать bool (true/false), а возвращает {0}",
			EN: "the expression must be bool (true/false), but it is {0}",
		},
		CodeNotNumber: {
			KK: "өрнек сан (double не int) қайтаруы керек, ал {0} қайтарады",
			RU: "выражение должно возвращать число (double или int), а возвращает {0}",
			EN: "the expression must be a number (double or int), but it is {0}",
		},
		CodeMissingMessage: {
			KK: "ережеде {0} тіліндегі хабарлама жоқ",
			RU: "у правила нет сообщения на языке {0}",
			EN: "the rule has no message in {0}",
		},
		CodeUnknownParam: {
			KK: "«{0}» параметрі базалық саясатта жоқ; жаңа параметрге type керек",
			RU: "параметра «{0}» нет в базовой политике; для нового параметра нужен type",
			EN: "parameter \"{0}\" is not in the base policy; a new parameter needs a type",
		},
		CodeUnusedParam: {
			KK: "«{0}» параметрі ешбір өрнекте қолданылмайды",
			RU: "параметр «{0}» не используется ни в одном выражении",
			EN: "parameter \"{0}\" is never used",
		},
		CodeUnusedVariable: {
			KK: "«{0}» айнымалысы ешбір ережеде қолданылмайды",
			RU: "переменная «{0}» не используется ни в одном правиле",
			EN: "variable \"{0}\" is never used",
		},
		CodeDuplicateRule: {
			KK: "«{0}» ережесі бір файлда екі рет берілген",
			RU: "правило «{0}» дважды указано в одном файле",
			EN: "rule \"{0}\" is defined twice in one file",
		},
		CodeDuplicateVariable: {
			KK: "«{0}» айнымалысы бір субъект үшін екі рет берілген",
			RU: "переменная «{0}» дважды определена для одного субъекта",
			EN: "variable \"{0}\" is defined twice for one subject",
		},
		CodeBadSubject: {
			KK: "«{0}» — белгісіз субъект; болуы мүмкін: {1}",
			RU: "«{0}» — неизвестный субъект; возможны: {1}",
			EN: "\"{0}\" is not a subject; use one of {1}",
		},
		CodeBadSeverity: {
			KK: "«{0}» — белгісіз деңгей; deny не warn болуы керек",
			RU: "«{0}» — неизвестная серьёзность; нужно deny или warn",
			EN: "\"{0}\" is not a severity; use deny or warn",
		},
		CodeBadParamType: {
			KK: "«{0}» — белгісіз параметр түрі; int, double, bool, string, list(string) болуы керек",
			RU: "«{0}» — неизвестный тип параметра; нужен int, double, bool, string или list(string)",
			EN: "\"{0}\" is not a parameter type; use int, double, bool, string or list(string)",
		},
		CodeBadDefault: {
			KK: "әдепкі мән {0} түріне сай емес",
			RU: "значение по умолчанию не соответствует типу {0}",
			EN: "the default is not a {0}",
		},
		CodeTooCostly: {
			KK: "ереженің ең көп бағасы {0}, шегі {1}: өрнекті жеңілдетіңіз не limits арқылы тізім өлшемдерін шектеңіз",
			RU: "оценка стоимости правила {0} выше предела {1}: упростите выражение или ограничьте размеры списков в limits",
			EN: "the rule's worst-case cost {0} is above the limit {1}: simplify it or bound list sizes in limits",
		},
		CodeNotFound: {
			KK: "«{0}» атты саясат табылмады",
			RU: "политика «{0}» не найдена",
			EN: "no policy named \"{0}\"",
		},
		CodeCycle: {
			KK: "extends тізбегі тұйықталады: {0}",
			RU: "цепочка extends замыкается: {0}",
			EN: "extends makes a cycle: {0}",
		},
		CodeRequiredRuleField: {
			KK: "ережеде «{0}» өрісі жоқ",
			RU: "у правила нет поля «{0}»",
			EN: "the rule has no \"{0}\"",
		},
		CodeNoRules: {
			KK: "саясатта бірде-бір ереже жоқ",
			RU: "в политике нет ни одного правила",
			EN: "the policy has no rules",
		},
	})
}

// CodeEvalError is the message of a finding with severity error: rule {0}
// could not be evaluated, because {1}.
const CodeEvalError diag.Code = "policy.eval_error"

func init() {
	diag.Register(map[diag.Code]diag.Text{
		CodeEvalError: {
			KK: "«{0}» ережесін тексеру мүмкін болмады: {1}",
			RU: "правило «{0}» не удалось вычислить: {1}",
			EN: "rule \"{0}\" could not be evaluated: {1}",
		},
	})
}
