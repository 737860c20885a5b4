package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"syscall"

	"github.com/spf13/pflag"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/celmsg"
	"github.com/birgemiz/sabaqtastyq/internal/validation"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// usageError is a mistake on the command line, already worded in the
// run's language. Code is what JSON output calls it (bad_request unless
// a name typed names nothing: policy_not_found, rule_not_found,
// subject_not_found).
type usageError struct {
	code wire.Code
	msg  string
}

func (u *usageError) Error() string { return u.msg }

// usage returns a usage error with the catalog's message key, filled.
func (e *env) usage(key string, args ...any) error {
	return &usageError{code: wire.CodeBadRequest, msg: e.t(key, args...)}
}

// notFound returns a usage error of code: a name typed that names
// nothing, with the nearest of the names that exist.
func (e *env) notFound(code wire.Code, key, name string, known []string, args ...any) error {
	msg := e.t(key, append([]any{name}, args...)...)
	if hint, ok := diag.Closest(name, known); ok {
		msg += e.t("hint", hint)
	}
	return &usageError{code: code, msg: msg}
}

// exitCode is the one table from errors to exit statuses.
func exitCode(err error) int {
	var u *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFindings):
		return exitFindings
	case errors.Is(err, rules.ErrPolicy):
		return exitPolicy
	case errors.As(err, &u):
		return exitUsage
	}
	// Bad input, an unreadable file, a closed pipe: a problem with the
	// input or the environment, not with the policy.
	return exitInput
}

// printError prints err once: as the JSON error object on standard
// output when JSON was asked for, else on standard error in the run's
// language, every positioned problem as file:line:col: path: message
// with its caret snippet.
func (e *env) printError(err error) {
	var done *errReported
	if err == nil || errors.Is(err, errFindings) || errors.As(err, &done) {
		return
	}
	if e.json {
		_ = wire.Encode(e.stdout, e.errorObject(err))
		return
	}
	var u *usageError
	if errors.As(err, &u) {
		fmt.Fprintf(e.stderr, "sabaq: %s\n", u.msg)
		return
	}
	problems := e.problems(err)
	if len(problems) == 0 {
		fmt.Fprintf(e.stderr, "sabaq: %s\n", e.t("failed", err.Error()))
		return
	}
	e.writeProblems(e.stderr, problems, "")
}

// errorObject is err as the contract's JSON error object.
func (e *env) errorObject(err error) wire.ErrorBody {
	var u *usageError
	if errors.As(err, &u) {
		return wire.ErrorBody{Error: wire.Error{Code: u.code, Message: u.msg}}
	}
	problems := e.problems(err)
	code := wire.CodeInvalidInput
	if errors.Is(err, rules.ErrPolicy) {
		code = wire.CodePolicyError
	}
	if len(problems) == 0 {
		return wire.ErrorBody{Error: wire.Error{Code: wire.CodeInternal, Message: e.t("failed", err.Error())}}
	}
	return wire.NewError(code, e.lang, problems)
}

// problems returns the positioned problems in err, worded for people: an
// error of the operating system becomes a problem at its file in the
// catalog's words, CEL's own messages are rewritten in the catalog's
// words, and a required field is not reported beside the misspelt key
// that was meant to be it.
func (e *env) problems(err error) diag.List {
	l := diag.Errors(err)
	if len(l) == 0 {
		if p, ok := osProblem(err); ok {
			l = diag.List{p}
		}
	}
	return diag.Misspelt(celmsg.Rewrite(l), diag.CodeRequired, validation.CodeRequired, rules.CodeRequiredRuleField)
}

// Codes of the operating system's errors, in the catalog's words.
const (
	codeNotExist   diag.Code = "cli.os.not_exist"
	codePermission diag.Code = "cli.os.permission"
	codeIsDir      diag.Code = "cli.os.is_dir"
	codeOS         diag.Code = "cli.os.other"
)

// osProblem turns an error of the operating system about a file into a
// problem at that file: the catalog says what happened, and only a cause
// it has no words for follows as the system's own text, marked as such.
func osProblem(err error) (*diag.Error, bool) {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return nil, false
	}
	var p *diag.Error
	switch {
	case errors.Is(err, fs.ErrNotExist):
		p = diag.New(codeNotExist, "")
	case errors.Is(err, fs.ErrPermission):
		p = diag.New(codePermission, "")
	case errors.Is(err, syscall.EISDIR):
		p = diag.New(codeIsDir, "")
	default:
		p = diag.New(codeOS, "", pe.Err.Error())
	}
	p.File = pe.Path
	p.Err = err
	return p, true
}

// writeProblems prints problems, each with its snippet, prefixed by label
// ("warning: ") when one is given.
func (e *env) writeProblems(w io.Writer, problems diag.List, label string) {
	for _, p := range problems {
		msg := p.Localize(e.lang)
		if label != "" {
			msg = insertLabel(msg, p, label)
		}
		fmt.Fprintln(w, msg)
		if p.Snippet != "" {
			for _, line := range strings.Split(p.Snippet, "\n") {
				fmt.Fprintf(w, "    %s\n", line)
			}
		}
	}
}

// insertLabel puts label after the position: "f:1:2: warning: path: msg".
func insertLabel(msg string, p *diag.Error, label string) string {
	pos := p.Pos.String()
	if pos != "" && strings.HasPrefix(msg, pos+": ") {
		return pos + ": " + label + msg[len(pos)+2:]
	}
	return label + msg
}

// flagError words a mistake in the flags in the run's language, with the
// nearest flag when one was misspelt.
func (e *env) flagError(fs *pflag.FlagSet, err error) error {
	var notExist *pflag.NotExistError
	var needs *pflag.ValueRequiredError
	var invalid *pflag.InvalidValueError
	var syntax *pflag.InvalidSyntaxError
	switch {
	case errors.As(err, &notExist):
		name := notExist.GetSpecifiedName()
		if name == "" {
			return e.usage("flag.unknown_short", notExist.GetSpecifiedShortnames())
		}
		var names []string
		fs.VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
		return e.notFound(wire.CodeBadRequest, "flag.unknown", "--"+name, prefixed(names))
	case errors.As(err, &needs):
		return e.usage("flag.needs_value", "--"+needs.GetFlag().Name)
	case errors.As(err, &invalid):
		cause := invalid.Unwrap()
		var u *usageError
		if errors.As(cause, &u) {
			return u
		}
		return e.usage("flag.invalid", invalid.GetValue(), "--"+invalid.GetFlag().Name, e.causeOf(cause))
	case errors.As(err, &syntax):
		return e.usage("flag.syntax", syntax.GetSpecifiedFlag())
	}
	return e.usage("failed", err.Error())
}

// causeOf words the reason a flag's value was refused: the standard
// library's number and duration parsers speak English, so their errors
// are replaced by the catalog's.
func (e *env) causeOf(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "invalid syntax"), strings.Contains(msg, "parsing"):
		return e.t("flag.not_number")
	case strings.Contains(msg, "time: "):
		return e.t("flag.not_duration")
	}
	return msg
}

func prefixed(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "--" + n
	}
	return out
}
