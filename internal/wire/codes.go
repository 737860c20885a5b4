package wire

import "github.com/birgemiz/sabaqtastyq/diag"

// Code says what kind of error an error object reports. Codes are stable:
// programs switch on them.
type Code string

// Error codes. The service maps each to one HTTP status (see package
// internal/server); the command line to one exit status.
const (
	// CodeInvalidInput: the programme (or another document) is malformed;
	// the problems say where. HTTP 400, exit 2.
	CodeInvalidInput Code = "invalid_input"
	// CodePolicyError: a policy does not compile, or cannot do what was
	// asked of it (matching with a policy without pair rules). HTTP 400,
	// exit 3.
	CodePolicyError Code = "policy_error"
	// CodeBadRequest: a parameter of the request is wrong (a date that is
	// not a date, a required parameter missing). HTTP 400, exit 2.
	CodeBadRequest Code = "bad_request"
	// CodePolicyNotFound: no policy of that name. Args: the name. HTTP 404.
	CodePolicyNotFound Code = "policy_not_found"
	// CodeRuleNotFound: the policy has no rule of that id. Args: policy,
	// rule. HTTP 404.
	CodeRuleNotFound Code = "rule_not_found"
	// CodeSubjectNotFound: the programme has no subject KIND/ID. Args: the
	// subject. HTTP 404.
	CodeSubjectNotFound Code = "subject_not_found"
	// CodeNotFound: no such resource. HTTP 404.
	CodeNotFound Code = "not_found"
	// CodeMethodNotAllowed: the resource exists, the method does not.
	// Args: the method, the allowed ones. HTTP 405.
	CodeMethodNotAllowed Code = "method_not_allowed"
	// CodeTooLarge: the body is above the size limit. Args: the limit.
	// HTTP 413.
	CodeTooLarge Code = "too_large"
	// CodeUnsupportedMediaType: the body's Content-Type is not one the
	// resource reads. Args: the accepted types. HTTP 415.
	CodeUnsupportedMediaType Code = "unsupported_media_type"
	// CodeUnauthorized: a bearer token is required and was missing or
	// wrong. HTTP 401.
	CodeUnauthorized Code = "unauthorized"
	// CodeOverloaded: too many requests in flight. Args: seconds to wait.
	// HTTP 503 with Retry-After.
	CodeOverloaded Code = "overloaded"
	// CodeTimeout: the work took longer than its time limit. Args: the
	// limit. HTTP 503.
	CodeTimeout Code = "timeout"
	// CodeUnavailable: the service is shutting down. HTTP 503.
	CodeUnavailable Code = "unavailable"
	// CodeInternal: a fault of the service, not of the request; the log
	// has the details. HTTP 500.
	CodeInternal Code = "internal"
)

// Codes lists every error code, in the order above.
func Codes() []Code {
	return []Code{CodeInvalidInput, CodePolicyError, CodeBadRequest, CodePolicyNotFound, CodeRuleNotFound,
		CodeSubjectNotFound, CodeNotFound, CodeMethodNotAllowed, CodeTooLarge, CodeUnsupportedMediaType,
		CodeUnauthorized, CodeOverloaded, CodeTimeout, CodeUnavailable, CodeInternal}
}

// Message returns the code's message for people in lang, filled with args.
func (c Code) Message(lang diag.Lang, args ...string) string {
	tmpl, ok := diag.Template(c.diag(), lang)
	if !ok {
		return string(c)
	}
	return diag.Fill(tmpl, args)
}

// diag is the code's key in the diag catalog.
func (c Code) diag() diag.Code { return diag.Code("wire." + string(c)) }

func init() {
	texts := map[Code]diag.Text{
		CodeInvalidInput: {
			KK: "енгізілген дерек жарамсыз: әр қате өз орнымен көрсетілген",
			RU: "входные данные некорректны: каждая ошибка указана с её местом",
			EN: "the input is not valid: every problem is listed with its place",
		},
		CodePolicyError: {
			KK: "саясатты қолдану мүмкін емес: әр қате өз орнымен көрсетілген",
			RU: "политику нельзя применить: каждая ошибка указана с её местом",
			EN: "the policy cannot be used: every problem is listed with its place",
		},
		CodeBadRequest: {
			KK: "сұраныс параметрлері жарамсыз: әр қате көрсетілген",
			RU: "параметры запроса некорректны: каждая ошибка указана",
			EN: "the request's parameters are not valid: every problem is listed",
		},
		CodePolicyNotFound: {
			KK: "«{0}» деген саясат жоқ: бар саясаттардың тізімі — GET /v1/policies",
			RU: "политики «{0}» нет: список политик — GET /v1/policies",
			EN: "no policy named \"{0}\" is served: GET /v1/policies lists them",
		},
		CodeRuleNotFound: {
			KK: "«{0}» саясатында «{1}» ережесі жоқ",
			RU: "в политике «{0}» нет правила «{1}»",
			EN: "policy \"{0}\" has no rule \"{1}\"",
		},
		CodeSubjectNotFound: {
			KK: "бағдарламада «{0}» субъектісі жоқ",
			RU: "в программе нет субъекта «{0}»",
			EN: "the programme has no subject \"{0}\"",
		},
		CodeNotFound: {
			KK: "мұндай ресурс жоқ: API сипаттамасы — GET /v1/openapi.json",
			RU: "такого ресурса нет: описание API — GET /v1/openapi.json",
			EN: "no such resource: GET /v1/openapi.json describes the API",
		},
		CodeMethodNotAllowed: {
			KK: "бұл ресурс {0} әдісін қабылдамайды; рұқсат етілгені: {1}",
			RU: "этот ресурс не принимает метод {0}; разрешены: {1}",
			EN: "this resource does not take {0}; allowed: {1}",
		},
		CodeTooLarge: {
			KK: "сұраныстың денесі тым үлкен: шегі {0}",
			RU: "тело запроса слишком велико: предел {0}",
			EN: "the request body is too large: the limit is {0}",
		},
		CodeUnsupportedMediaType: {
			KK: "дененің бұл түрі (Content-Type) қабылданбайды; мыналардың бірін жіберіңіз: {0}",
			RU: "такой тип тела (Content-Type) не принимается; отправьте один из: {0}",
			EN: "this Content-Type is not accepted here; send one of: {0}",
		},
		CodeUnauthorized: {
			KK: "кіру токені қажет: Authorization: Bearer ТОКЕН",
			RU: "нужен токен доступа: Authorization: Bearer ТОКЕН",
			EN: "a bearer token is required: Authorization: Bearer TOKEN",
		},
		CodeOverloaded: {
			KK: "қызмет қазір бос емес: {0} секундтан кейін қайталаңыз",
			RU: "сервис сейчас занят: повторите через {0} с",
			EN: "the service is busy: retry in {0} s",
		},
		CodeTimeout: {
			KK: "өңдеу уақыт шегінен ({0}) асып кетті",
			RU: "обработка превысила предел времени ({0})",
			EN: "the work took longer than its time limit ({0})",
		},
		CodeUnavailable: {
			KK: "қызмет тоқтап жатыр: басқа данасына қайталаңыз",
			RU: "сервис останавливается: повторите на другом экземпляре",
			EN: "the service is shutting down: retry on another instance",
		},
		CodeInternal: {
			KK: "қызметтің ішкі қатесі; толығы қызмет журналында",
			RU: "внутренняя ошибка сервиса; подробности в его журнале",
			EN: "an internal error of the service; its log has the details",
		},
	}
	m := make(map[diag.Code]diag.Text, len(texts))
	for c, t := range texts {
		m[c.diag()] = t
	}
	diag.Register(m)
}
