package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/rules"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// env is what a command may touch: its streams and the language of its
// diagnostics. Commands never read os.Stdout or os.Args themselves, so
// tests run them in-process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// lang is the language of diagnostics; a command's --lang flag sets it.
	lang diag.Lang
	// maxFile is --max-file-size: the cap on every file the command
	// reads, or 0 for each kind's default (internal/limits).
	maxFile int64
}

// command is one verb of sabaq.
type command struct {
	name    string
	summary string
	run     func(e *env, args []string) error
}

// commands lists the verbs, in the order `sabaq --help` shows them. It is
// filled by the init functions of the verbs' files.
var commands []command

func register(c command) { commands = append(commands, c) }

// run is main without the process: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, lang: diag.EN}
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	if name == "-h" || name == "-help" || name == "--help" || name == "help" {
		usage(stdout)
		return exitOK
	}
	if name == "version" || name == "--version" {
		fmt.Fprintf(stdout, "sabaq (rules library v%d)\n", rules.LibraryVersion)
		return exitOK
	}
	for _, c := range commands {
		if c.name == name {
			err := c.run(e, args[1:])
			printError(e, err)
			return exitCode(err)
		}
	}
	fmt.Fprintf(stderr, "sabaq: unknown command %q\n\n", name)
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, `sabaq checks a volunteer mentoring programme against the rules of the guide
"Бірлескен сабақтастық" (BIRGEMIZ SABAQTASTYQ), written as CEL policies.

Usage:
  sabaq COMMAND [flags] [arguments]

Commands:
`)
	cs := append([]command(nil), commands...)
	sort.SliceStable(cs, func(i, j int) bool { return order(cs[i].name) < order(cs[j].name) })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-14s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run "sabaq COMMAND --help" for a command's flags.
Exit status: 0 fine, 1 findings or failed tests, 2 usage or input error, 3 policy error.
`)
}

// order puts the main job first and the rule-author tools after it.
func order(name string) int {
	for i, n := range []string{"check", "explain", "lint", "test", "fmt", "policy", "init",
		"plan", "match", "agreement", "questionnaire", "report"} {
		if n == name {
			return i
		}
	}
	return 100
}

// Exit statuses, the same for every command (CONTRACT.md).
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
	exitInput    = 2
	exitPolicy   = 3
)

// errFindings is returned by a command whose run went well but found what
// it was asked to find: a deny finding, a failed test case.
var errFindings = errors.New("findings")

// errReported marks an error a command has already printed.
var errReported = errors.New("reported")

// usageError is a mistake on the command line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// exitCode is the one table from errors to exit statuses.
func exitCode(err error) int {
	var u *usageError
	var l diag.List
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errFindings):
		return exitFindings
	case errors.Is(err, rules.ErrPolicy):
		return exitPolicy
	case errors.As(err, &u):
		return exitUsage
	case errors.Is(err, rules.ErrInput), errors.As(err, &l):
		return exitInput
	}
	// Anything else (an unreadable file, a closed pipe) is a problem with
	// the input or the environment, not with the policy.
	return exitInput
}

// printError prints err on stderr in the command's language: every positioned
// problem as file:line:col: path: message with its caret snippet.
func printError(e *env, err error) {
	var u *usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp), errors.Is(err, errFindings), errors.Is(err, errReported):
		return
	case errors.As(err, &u):
		fmt.Fprintf(e.stderr, "sabaq: %s\n", u.msg)
		return
	}
	problems := diag.Errors(err)
	if len(problems) == 0 {
		fmt.Fprintf(e.stderr, "sabaq: %s\n", err)
		return
	}
	writeProblems(e.stderr, problems, e.lang, "")
}

// writeProblems prints problems, each with its snippet, prefixed by label
// ("warning: ") when one is given.
func writeProblems(w io.Writer, problems diag.List, lang diag.Lang, label string) {
	for _, p := range problems {
		msg := p.Localize(lang)
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

// newFlags makes a command's flag set: errors and --help go to stderr,
// and parsing never exits the process.
func newFlags(e *env, name, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet("sabaq "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: sabaq %s %s\n\n%s\n", name, args, about)
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(fs.Output(), "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseFlags parses args, allowing flags after the positional arguments
// ("sabaq check FILE --format json"), and returns the positional ones.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &usageError{msg: err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// langFlag binds --lang to e.lang, so diagnostics follow it.
func langFlag(fs *flag.FlagSet, e *env) {
	fs.Func("lang", "language of messages: kk, ru or en (default en; documents kk)", func(s string) error {
		l, ok := diag.ParseLang(s)
		if !ok {
			return fmt.Errorf("%q is not kk, ru or en", s)
		}
		e.lang = l
		return nil
	})
}

// oneOf checks an enumerated flag value.
func oneOf(flagName, value string, allowed ...string) error {
	for _, a := range allowed {
		if value == a {
			return nil
		}
	}
	return usagef("--%s must be one of %s, not %q", flagName, strings.Join(allowed, ", "), value)
}

// evalOptions turns --lang and --as-of into evaluation options; a bad date
// is a usage error.
func evalOptions(lang diag.Lang, asOf string) ([]rules.EvalOption, error) {
	opts := []rules.EvalOption{rules.WithLang(lang)}
	if asOf != "" {
		d, err := civil.ParseDate(asOf)
		if err != nil {
			return nil, usagef("--as-of must be a date YYYY-MM-DD, not %q", asOf)
		}
		opts = append(opts, rules.WithAsOf(d))
	}
	return opts, nil
}
