package rules

import (
	"errors"

	"github.com/birgemiz/sabaqtastyq/diag"
)

// Codes of policy problems. Every compile problem is a *diag.Error with one
// of these codes (or a shared diag code such as diag.CodeUnknownField),
// placed at file:line:col with a caret snippet.
const (
	CodeEmpty               diag.Code = "policy.empty"                 // the file has no content
	CodeCEL                 diag.Code = "policy.cel"                   // CEL parse or type error: {0} is CEL's message
	CodeNotBool             diag.Code = "policy.not_bool"              // a when or expr that is not bool: {0} the type
	CodeNotNumber           diag.Code = "policy.not_number"            // a score or weight that is not a number
	CodeMissingMessage      diag.Code = "policy.missing_message"       // a rule without a message in {0}
	CodeUnknownParam        diag.Code = "policy.unknown_param"         // a profile overrides {0}, which the base lacks
	CodeUnusedParam         diag.Code = "policy.unused_param"          // warning: {0} is never read
	CodeUnusedVariable      diag.Code = "policy.unused_variable"       // warning: {0} is never read
	CodeDuplicateRule       diag.Code = "policy.duplicate_rule"        // two rules with id {0} in one file
	CodeDuplicateVariable   diag.Code = "policy.duplicate_variable"    // two variables {0} for one subject
	CodeBadSubject          diag.Code = "policy.bad_subject"           // {0} is not a subject kind
	CodeBadSeverity         diag.Code = "policy.bad_severity"          // {0} is not deny or warn
	CodeBadParamType        diag.Code = "policy.bad_param_type"        // {0} is not a parameter type
	CodeBadDefault          diag.Code = "policy.bad_default"           // default is not a {0}
	CodeTooCostly           diag.Code = "policy.too_costly"            // rule {2}'s estimated cost {0} above limit {1}
	CodeNotFound            diag.Code = "policy.not_found"             // no policy named {0}
	CodeCycle               diag.Code = "policy.extends_cycle"         // extends makes a cycle through {0}
	CodeRequiredRuleField   diag.Code = "policy.required"              // rule field {0} is missing
	CodeNoRules             diag.Code = "policy.no_rules"              // a policy with no rules at all
	CodeTooBig              diag.Code = "policy.too_big"               // {0} (a rule, variable or placeholder) may build {1} bytes at {2}, above the cap {3}
	CodeUnbounded           diag.Code = "policy.unbounded"             // nothing bounds what {0} builds at {1}
	CodeObject              diag.Code = "policy.object_placeholder"    // placeholder {0} is an object of type {1}; {2} an example of a value
	CodeOutside             diag.Code = "policy.outside_folder"        // extends {0} leaves the policy's folder
	CodeEmptySet            diag.Code = "policy.empty_set"             // a reload with no policy at all
	CodeDropped             diag.Code = "policy.dropped"               // a reload without policy {0}, which is being served
	CodeOverrideNeeded      diag.Code = "policy.override_needed"       // rule {0} is in base policy {1}; replacing it needs override: true
	CodeOverrideNothing     diag.Code = "policy.override_nothing"      // override: true on rule {0}, which no base policy has
	CodeOverrideNothingHint diag.Code = "policy.override_nothing_hint" // the same, with the nearest base rule id {1}
	CodeUnknownParamHint    diag.Code = "policy.unknown_param_hint"    // CodeUnknownParam with the nearest base parameter {1}
	CodeNotFoundHint        diag.Code = "policy.not_found_hint"        // CodeNotFound with the nearest policy name {1}
	CodeConstant            diag.Code = "policy.constant"              // the constant call {0} fails at load; {1} CEL's reason
	CodeConstantZero        diag.Code = "policy.constant.zero"         // the constant {0} divides by zero
	CodeConstantOverflow    diag.Code = "policy.constant.overflow"     // the constant {0} is beyond CEL's numbers
	CodeConstantDate        diag.Code = "policy.constant.date"         // date({0}…) names no day; {1} the reason
	CodeConstantMonth       diag.Code = "policy.constant.month"        // month(…) {0} names no month
	CodeConstantTimestamp   diag.Code = "policy.constant.timestamp"    // timestamp(…) {0} is no RFC 3339 time
	CodeConstantDuration    diag.Code = "policy.constant.duration"     // duration(…) {0} is no duration
	CodeBadCase             diag.Code = "policy.bad_case"              // {0} (a literal, or the function) names no case; {1} the cases
	CodeUnclosed            diag.Code = "policy.unclosed_placeholder"  // a message's {{ has no }}
	CodeDisableNothing      diag.Code = "policy.disable_nothing"       // disabled: true on rule {0}, which no base policy has
	CodeDisableNothingHint  diag.Code = "policy.disable_nothing_hint"  // the same, with the nearest base rule id {1}
	CodeBadVocabulary       diag.Code = "policy.bad_vocabulary"        // {0} (a literal, or the function) names no vocabulary; {1} the vocabularies
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
			KK: "«{2}» ережесінің ең көп бағасы {0}, шегі {1}: өрнекті жеңілдетіңіз не limits арқылы тізім өлшемдерін шектеңіз",
			RU: "оценка стоимости правила «{2}» {0} выше предела {1}: упростите выражение или ограничьте размеры списков в limits",
			EN: "the worst-case cost of rule \"{2}\" is {0}, above the limit {1}: simplify it or bound list sizes in limits",
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
		CodeOverrideNeeded: {
			KK: "«{0}» ережесі «{1}» базалық саясатында бар; оны ауыстыру үшін override: true қосыңыз",
			RU: "правило «{0}» есть в базовой политике «{1}»; чтобы заменить его, добавьте override: true",
			EN: "rule {0} is in the base policy {1}; add override: true to replace it",
		},
		CodeOverrideNothing: {
			KK: "override: true тұр, бірақ «{0}» ережесі базалық саясатта жоқ: ауыстыратын ереже жоқ; override жолын алып тастаңыз не id-ді тексеріңіз",
			RU: "указано override: true, но правила «{0}» нет в базовой политике: заменять нечего; уберите override или проверьте id",
			EN: "override: true, but no base policy has a rule {0}: there is nothing to replace; remove override or check the id",
		},
		CodeOverrideNothingHint: {
			KK: "override: true тұр, бірақ «{0}» ережесі базалық саясатта жоқ («{1}» болуы мүмкін бе?)",
			RU: "указано override: true, но правила «{0}» нет в базовой политике (может быть, «{1}»?)",
			EN: "override: true, but no base policy has a rule {0} (did you mean {1}?)",
		},
		CodeUnknownParamHint: {
			KK: "«{0}» параметрі базалық саясатта жоқ («{1}» болуы мүмкін бе?); жаңа параметрге type керек",
			RU: "параметра «{0}» нет в базовой политике (может быть, «{1}»?); для нового параметра нужен type",
			EN: "parameter \"{0}\" is not in the base policy (did you mean \"{1}\"?); a new parameter needs a type",
		},
		CodeNotFoundHint: {
			KK: "«{0}» деген саясат жоқ («{1}» болуы мүмкін бе?)",
			RU: "политики «{0}» нет (может быть, «{1}»?)",
			EN: "no policy named \"{0}\" (did you mean \"{1}\"?)",
		},
		CodeConstant: {
			KK: "{0} мәнін есептеу мүмкін емес (CEL хабары: {1})",
			RU: "значение {0} не вычисляется (сообщение CEL: {1})",
			EN: "{0} has no value (CEL says: {1})",
		},
		CodeConstantZero: {
			KK: "{0}: нөлге бөлу",
			RU: "{0}: деление на ноль",
			EN: "{0} divides by zero",
		},
		CodeConstantOverflow: {
			KK: "{0}: нәтиже CEL сандарының шегінен асады (бүтін сан −2⁶³…2⁶³−1)",
			RU: "{0}: результат выходит за пределы чисел CEL (целые −2⁶³…2⁶³−1)",
			EN: "{0} is beyond the numbers CEL holds (whole numbers −2⁶³…2⁶³−1)",
		},
		CodeConstantDate: {
			KK: "{0}: мұндай күн жоқ; күн ЖЖЖЖ-АА-КК түрінде жазылады, мысалы date('2026-11-24')",
			RU: "{0}: такой даты нет; дата пишется как ГГГГ-ММ-ДД, например date('2026-11-24')",
			EN: "{0}: there is no such day; a date is written YYYY-MM-DD, e.g. date('2026-11-24')",
		},
		CodeConstantMonth: {
			KK: "{0}: мұндай ай жоқ; ай ЖЖЖЖ-АА түрінде жазылады, мысалы month('2026-11')",
			RU: "{0}: такого месяца нет; месяц пишется как ГГГГ-ММ, например month('2026-11')",
			EN: "{0}: there is no such month; a month is written YYYY-MM, e.g. month('2026-11')",
		},
		CodeConstantTimestamp: {
			KK: "{0}: RFC 3339 уақыты емес, мысалы timestamp('2026-11-24T10:00:00Z')",
			RU: "{0}: это не время RFC 3339, например timestamp('2026-11-24T10:00:00Z')",
			EN: "{0}: not an RFC 3339 time, e.g. timestamp('2026-11-24T10:00:00Z')",
		},
		CodeConstantDuration: {
			KK: "{0}: ұзақтық емес; сан мен бірлік жазылады, мысалы duration('36h'), duration('90m')",
			RU: "{0}: это не длительность; пишется число с единицей, например duration('36h'), duration('90m')",
			EN: "{0}: not a duration; write a number and a unit, e.g. duration('36h'), duration('90m')",
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
		CodeTooBig: {
			KK: "{0}: {2} {1} байтқа дейін құрауы мүмкін, шегі {3}: өрнекті жеңілдетіңіз не limits арқылы тізім өлшемдерін шектеңіз",
			RU: "{0}: {2} может построить до {1} байт, предел {3}: упростите выражение или ограничьте размеры списков в limits",
			EN: "{0}: {2} may build up to {1} bytes, above the limit {3}: simplify it or bound list sizes in limits",
		},
		CodeUnbounded: {
			KK: "{0}: {1} құрайтын мәннің өлшемін ештеңе шектемейді (бүкіл бағдарлама тізімі не шексіз функция)",
			RU: "{0}: размер того, что строит {1}, ничем не ограничен (список всей программы или неограниченная функция)",
			EN: "{0}: nothing bounds the size of what {1} builds (a list of the whole programme, or a function without a bound)",
		},
		CodeDisableNothing: {
			KK: "disabled: true тұр, бірақ «{0}» ережесі базалық саясатта жоқ: өшіретін ереже жоқ; id-ді тексеріңіз",
			RU: "указано disabled: true, но правила «{0}» нет в базовой политике: отключать нечего; проверьте id",
			EN: "disabled: true, but no base policy has a rule {0}: there is nothing to switch off; check the id",
		},
		CodeDisableNothingHint: {
			KK: "disabled: true тұр, бірақ «{0}» ережесі базалық саясатта жоқ («{1}» болуы мүмкін бе?)",
			RU: "указано disabled: true, но правила «{0}» нет в базовой политике (может быть, «{1}»?)",
			EN: "disabled: true, but no base policy has a rule {0} (did you mean {1}?)",
		},
		CodeUnclosed: {
			KK: "«{{» орынбасары жабылмаған: «}}» жоқ",
			RU: "подстановка «{{» не закрыта: нет «}}»",
			EN: "the placeholder \"{{\" is not closed: no \"}}\"",
		},
		CodeBadCase: {
			KK: "{0}: септік атауы тырнақшада мыналардың бірі болуы керек: {1}",
			RU: "{0}: падеж пишется в кавычках, одно из: {1}",
			EN: "{0}: the case is written in quotes, one of: {1}",
		},
		CodeBadVocabulary: {
			KK: "{0}: сөздік атауы тырнақшада мыналардың бірі болуы керек: {1}",
			RU: "{0}: словарь пишется в кавычках, одно из: {1}",
			EN: "{0}: the vocabulary is written in quotes, one of: {1}",
		},
		CodeObject: {
			KK: "{0} орнындағы мән — объект ({1}): хабарламаға тек мән (жол, сан, күн) не мәндер тізімі қойылады, мысалы {2}",
			RU: "в {0} объект ({1}): в сообщение подставляются только значения (строка, число, дата) или их списки, например {2}",
			EN: "{0} is an object ({1}): a message shows values only (a string, a number, a date) or lists of them, such as {2}",
		},
		CodeOutside: {
			KK: "«{0}» саясат бумасынан тыс: негізгі саясат сол бумада не кірістірілген саясаттардың арасында болуы керек",
			RU: "«{0}» вне папки политики: базовая политика должна лежать в той же папке или быть встроенной",
			EN: "\"{0}\" is outside the policy's folder: a base policy is a file beside it or an embedded policy",
		},
		CodeEmptySet: {
			KK: "жаңа жинақта бірде-бір саясат жоқ: ескі жинақ қызмет етуді жалғастырады",
			RU: "в новом наборе нет ни одной политики: продолжает работать прежний набор",
			EN: "the new set has no policy at all: the old set keeps serving",
		},
		CodeDropped: {
			KK: "жаңа жинақта қазір қызмет етіп тұрған «{0}» саясаты жоқ: ескі жинақ қызмет етуді жалғастырады",
			RU: "в новом наборе нет политики «{0}», которая сейчас работает: продолжает работать прежний набор",
			EN: "the new set lacks policy \"{0}\", which is being served: the old set keeps serving",
		},
	})
}

// Messages of findings with severity error.
const (
	// CodeEvalError: rule {0} could not be evaluated, because {1}.
	CodeEvalError diag.Code = "policy.eval_error"
	// CodeBuildLimit: rule {0} would build a value larger than {1}.
	CodeBuildLimit diag.Code = "policy.build_limit"
	// CodeInternal: the native evaluator failed on rule {0}; a bug.
	CodeInternal diag.Code = "policy.internal"
	// CodeOversized: rule {0} builds values and the subject's lists are
	// longer than the policy's limits ({1}), so cel-go cannot run it safely.
	CodeOversized diag.Code = "policy.oversized"
)

func init() {
	diag.Register(map[diag.Code]diag.Text{
		CodeEvalError: {
			KK: "«{0}» ережесін тексеру мүмкін болмады: {1}",
			RU: "правило «{0}» не удалось вычислить: {1}",
			EN: "rule \"{0}\" could not be evaluated: {1}",
		},
		CodeBuildLimit: {
			KK: "«{0}» ережесі {1} шегінен үлкен мән құрар еді: тексеру тоқтатылды",
			RU: "правило «{0}» построило бы значение больше предела {1}: вычисление остановлено",
			EN: "rule \"{0}\" would build a value larger than {1}: stopped",
		},
		CodeInternal: {
			KK: "«{0}» ережесін тексеруде ішкі қате болды: бұл — бағдарламадағы қате, хабарлаңыз",
			RU: "при вычислении правила «{0}» произошла внутренняя ошибка: это ошибка программы, сообщите о ней",
			EN: "rule \"{0}\" hit an internal error of the evaluator: a bug, please report it",
		},
		CodeOversized: {
			KK: "«{0}» ережесі мән құрайды, ал субъектінің тізімдері саясат шегінен ұзын ({1}): ереже тексерілмеді",
			RU: "правило «{0}» строит значения, а списки субъекта длиннее пределов политики ({1}): правило не вычислено",
			EN: "rule \"{0}\" builds values and the subject's lists are longer than the policy's limits ({1}): not evaluated",
		},
	})
}
