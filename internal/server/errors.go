package server

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// statusOf is the one table from error codes to HTTP statuses.
var statusOf = map[wire.Code]int{
	wire.CodeInvalidInput:         http.StatusBadRequest,
	wire.CodePolicyError:          http.StatusBadRequest,
	wire.CodeBadRequest:           http.StatusBadRequest,
	wire.CodePolicyNotFound:       http.StatusNotFound,
	wire.CodeRuleNotFound:         http.StatusNotFound,
	wire.CodeSubjectNotFound:      http.StatusNotFound,
	wire.CodeNotFound:             http.StatusNotFound,
	wire.CodeMethodNotAllowed:     http.StatusMethodNotAllowed,
	wire.CodeTooLarge:             http.StatusRequestEntityTooLarge,
	wire.CodeUnsupportedMediaType: http.StatusUnsupportedMediaType,
	wire.CodeUnauthorized:         http.StatusUnauthorized,
	wire.CodeOverloaded:           http.StatusServiceUnavailable,
	wire.CodeTimeout:              http.StatusServiceUnavailable,
	wire.CodeUnavailable:          http.StatusServiceUnavailable,
	wire.CodeInternal:             http.StatusInternalServerError,
}

// Server-side problem codes, for the problems of a request's parameters.
const (
	codeSubjectKind diag.Code = "server.subject_kind" // rule {0} is about {1} subjects, not {2}
	codeFileName    diag.Code = "server.file_name"    // {0} is not a policy file name
	codeUnreadable  diag.Code = "server.unreadable"   // the policies could not be read: {0}
	codeBodyName    diag.Code = "server.body_name"    // {0} is not a file name
)

func init() {
	diag.Register(map[diag.Code]diag.Text{
		codeSubjectKind: {
			KK: "«{0}» ережесі {1} туралы, ал «{2}» олай емес",
			RU: "правило «{0}» относится к субъектам вида {1}, а «{2}» — нет",
			EN: "rule \"{0}\" is about {1} subjects, and \"{2}\" is not one",
		},
		codeUnreadable: {
			KK: "саясаттарды оқу мүмкін болмады: {0}",
			RU: "политики не удалось прочитать: {0}",
			EN: "the policies could not be read: {0}",
		},
		codeBodyName: {
			KK: "«{0}» файл атауы емес: бумасыз, басқару таңбаларынсыз, ең көбі 128 байт атау керек",
			RU: "«{0}» — не имя файла: нужно имя без папок и управляющих символов, не длиннее 128 байт",
			EN: "\"{0}\" is not a file name: want a name without folders or control characters, of at most 128 bytes",
		},
		codeFileName: {
			KK: "«{0}» саясат файлының атауы емес: бумасыз, .yaml не .yml кеңейтімі бар атау керек",
			RU: "«{0}» — не имя файла политики: нужно имя без папок с расширением .yaml или .yml",
			EN: "\"{0}\" is not a policy file name: want a name without folders, ending in .yaml or .yml",
		},
	})
}

// fail answers with the error object of code; problems and args as
// wire.NewError takes them.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, code wire.Code, problems diag.List, args ...string) {
	status, ok := statusOf[code]
	if !ok {
		status = http.StatusInternalServerError
	}
	switch code {
	case wire.CodeOverloaded:
		w.Header().Set("Retry-After", strconv.Itoa(RetryAfter))
	case wire.CodeUnauthorized:
		w.Header().Set("WWW-Authenticate", `Bearer realm="sabaq"`)
	}
	if rec, ok := w.(*recorder); ok {
		rec.code = code
	}
	s.writeJSON(w, status, wire.NewError(code, langOf(r), problems, args...))
}

// failErr answers for an error a library call returned: input problems are
// the client's (400), a context that ran out is a timeout (503), anything
// else is the service's own fault (500, logged).
func (s *Server) failErr(w http.ResponseWriter, r *http.Request, err error) {
	var tooLarge *http.MaxBytesError
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		s.fail(w, r, wire.CodeTimeout, nil, s.opts.WorkTimeout.String())
	case errors.Is(err, context.Canceled):
		// The client went away: nobody reads the answer, but the log and
		// the metrics see one.
		s.fail(w, r, wire.CodeUnavailable, nil)
	case errors.As(err, &tooLarge), limits.IsTooLarge(err):
		s.fail(w, r, wire.CodeTooLarge, nil, limits.Size(s.opts.MaxBody))
	case errors.Is(err, rules.ErrPolicy):
		s.fail(w, r, wire.CodePolicyError, diag.Errors(err))
	case len(diag.Errors(err)) > 0:
		s.fail(w, r, wire.CodeInvalidInput, diag.Errors(err))
	case errors.Is(err, rules.ErrInput):
		s.fail(w, r, wire.CodeInvalidInput, nil)
	default:
		s.log.Error("request failed", "route", r.Pattern, "error", err.Error())
		s.fail(w, r, wire.CodeInternal, nil)
	}
}
