package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// sizeFlag binds --max-file-size to e.maxFile. what lists the files the
// command reads and their default caps, for --help.
func sizeFlag(fs *flag.FlagSet, e *env, what string) {
	fs.Func("max-file-size", "refuse any file larger than `SIZE` (e.g. 512KiB, 64MiB, 3GiB) before reading it; default: "+what,
		func(s string) error {
			n, err := parseSize(s)
			if err != nil {
				return err
			}
			e.maxFile = n
			return nil
		})
}

// Default caps, as --help shows them.
var (
	programmeCap = "programme " + limits.Size(limits.ProgrammeBytes)
	policyCap    = "policy " + limits.Size(limits.PolicyBytes)
	suiteCap     = "suite and fixture " + limits.Size(limits.SuiteBytes)
	responseCap  = "response " + limits.Size(limits.QuestionnaireBytes)
)

// capOf is the cap on a file whose default cap is def.
func (e *env) capOf(def int64) int64 {
	if e.maxFile > 0 {
		return e.maxFile
	}
	return def
}

var sizeUnits = []struct {
	suffix string
	mult   int64
}{
	{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40},
	{"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12},
	{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"T", 1 << 40},
	{"B", 1}, {"", 1},
}

// parseSize reads a byte count: a whole number with an optional unit, B,
// KiB, MiB, GiB, TiB (powers of 1024; K, M, G and T are the same), or KB,
// MB, GB, TB (powers of 1000). Case does not matter, nor a space before
// the unit.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	for _, u := range sizeUnits {
		if len(t) < len(u.suffix) || !strings.EqualFold(t[len(t)-len(u.suffix):], u.suffix) {
			continue
		}
		num := strings.TrimSpace(t[:len(t)-len(u.suffix)])
		n, err := strconv.ParseInt(num, 10, 64)
		if err != nil || n <= 0 {
			break
		}
		if n > (1<<62)/u.mult {
			return 0, fmt.Errorf("%q is more than any file can be", s)
		}
		return n * u.mult, nil
	}
	return 0, fmt.Errorf("%q is not a size such as 512KiB, 64MiB or 3GiB", s)
}

// codeDevice names a device given where a file goes.
const codeDevice diag.Code = "cli.device"

func init() {
	diag.Register(map[diag.Code]diag.Text{
		codeDevice: {
			KK: "бұл файл емес, құрылғы",
			RU: "это устройство, а не файл",
			EN: "this is a device, not a file",
		},
	})
}

// readFile reads a file the command line names, within the cap whose
// default is def (--max-file-size changes it): the size is checked before
// reading, and again while reading for a pipe, whose size nobody knows. A
// device (/dev/zero, /dev/urandom) is refused before it is read: it would
// only stop at the cap, and no device holds a programme or a policy.
func readFile(e *env, file string, def int64) ([]byte, error) {
	if fi, err := os.Stat(file); err == nil && fi.Mode()&os.ModeDevice != 0 {
		d := diag.New(codeDevice, "")
		d.File = file
		return nil, d
	}
	return limits.ReadFile(file, e.capOf(def))
}

// loadProgramme reads a programme file, or standard input for "-", within
// the programme cap (see readFile).
func loadProgramme(e *env, file string) (*mentoring.Programme, error) {
	var data []byte
	var err error
	if file == "-" {
		data, err = limits.Read(e.stdin, "-", e.capOf(limits.ProgrammeBytes))
	} else {
		data, err = readFile(e, file, limits.ProgrammeBytes)
	}
	if err != nil {
		return nil, err
	}
	return mentoring.Parse(data, file, mentoring.Detect)
}

// checkPolicyFile reads a policy file within the policy cap before rules
// reads it, so that a file too large (or /dev/zero) is refused at once, as
// a policy problem. A file that is missing is left to rules, which says
// so in a policy's own words.
//
// The file is read twice; rules.LoadFile will take the cap as an option
// (the engine's part of issue 10), and then this step goes.
func checkPolicyFile(e *env, file string) error {
	_, err := readFile(e, file, limits.PolicyBytes)
	switch {
	case err == nil, errors.Is(err, fs.ErrNotExist):
		return nil
	case len(diag.Errors(err)) > 0:
		return &rules.PolicyError{Problems: diag.Errors(err)}
	}
	return err
}
