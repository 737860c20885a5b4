package main

import (
	"fmt"
	"io"
	"os"
)

// isTerminal reports whether w is a character device (a terminal), without
// a dependency: a pipe, a file or a test buffer is not.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// colours paints text for a terminal, and leaves it alone anywhere else or
// when NO_COLOR is set (https://no-color.org).
type colours struct{ on bool }

func coloursFor(w io.Writer) colours {
	_, noColor := os.LookupEnv("NO_COLOR")
	return colours{on: !noColor && isTerminal(w)}
}

func (c colours) paint(code, s string) string {
	if !c.on {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (c colours) red(s string) string    { return c.paint("31;1", s) }
func (c colours) yellow(s string) string { return c.paint("33", s) }
func (c colours) green(s string) string  { return c.paint("32", s) }
func (c colours) bold(s string) string   { return c.paint("1", s) }
func (c colours) dim(s string) string    { return c.paint("2", s) }

// progress shows what a long run is doing on stderr, one line rewritten in
// place, only when stderr is a terminal; elsewhere it says nothing, so logs
// and golden files stay clean.
type progress struct {
	w  io.Writer
	on bool
}

func newProgress(w io.Writer) *progress { return &progress{w: w, on: isTerminal(w)} }

func (p *progress) show(format string, args ...any) {
	if p.on {
		fmt.Fprintf(p.w, "\r\x1b[K"+format, args...)
	}
}

func (p *progress) done() {
	if p.on {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
