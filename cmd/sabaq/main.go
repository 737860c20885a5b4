// Command sabaq checks a volunteer mentoring programme against the rules
// of the Sectoral volunteering guide, written as CEL policies, and gives
// rule authors and coordinators their tools: see README.md or `sabaq help`.
package main

import (
	"errors"
	"io"
	"os"
	"runtime/debug"

	"github.com/birgemiz/sabaqtastyq/diag"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// env is what a command may touch: its streams, the environment, and
// the language and colour chosen for this run. Commands never read
// os.Stdout, os.Args or os.Getenv themselves, so tests run them
// in-process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	// lang is the language of everything a person reads; chosen says
	// whether --lang or the environment chose it (documents default to
	// Kazakh, everything else to English).
	lang   diag.Lang
	chosen bool
	// color is --color: auto, always or never.
	color string
	// maxFile is --max-file-size: the cap on every file the command
	// reads, or 0 for each kind's default (internal/limits).
	maxFile int64
	// json is set when the command line asks for JSON on standard output
	// (--format json, -o json): errors are then JSON there too.
	json bool
}

// buildInfo is the running binary's build information; tests replace it
// so that `sabaq version` has a golden output.
var buildInfo = debug.ReadBuildInfo

// run is main without the process: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv, color: "auto"}
	e.lang, e.chosen = chooseLang(args, e.getenv)
	e.json = wantsJSON(args)
	root := newRoot(e)
	root.SetArgs(args)
	err := root.Execute()
	e.printError(err)
	return exitCode(err)
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
// it was asked to find: a deny finding, a failed test case, a file not
// formatted.
var errFindings = errors.New("findings")

// errReported marks an error a command has already printed; it carries
// the error whose exit status applies.
type errReported struct{ err error }

func (e *errReported) Error() string { return "reported" }
func (e *errReported) Unwrap() error { return e.err }
