package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/files"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/sheet"
)

// Codes of the command line's own problems with files.
const (
	codeDevice     diag.Code = "cli.device"      // a device given where a file goes
	codeNoPolicies diag.Code = "cli.no_policies" // a path given to lint or fmt holds no policy
)

// sizeFlag adds --max-file-size to c; what lists the files the command
// reads with their default caps, for help.
func (e *env) sizeFlag(c *cobra.Command, what string) {
	c.Flags().Var(&sizeValue{e: e}, "max-file-size", e.l(diag.Text{
		KK: "осыдан үлкен файлды оқымай тұрып қабылдамау (мыс. 512KiB, 64MiB, 3GiB); әдепкісі: " + what,
		RU: "не читать файл больше этого размера (напр. 512KiB, 64MiB, 3GiB); по умолчанию: " + what,
		EN: "refuse any file larger than this before reading it (e.g. 512KiB, 64MiB, 3GiB); default: " + what,
	}))
	e.placeholder(c.Flags().Lookup("max-file-size"), textSizePH)
}

type sizeValue struct {
	e   *env
	set string
}

func (v *sizeValue) String() string { return v.set }
func (v *sizeValue) Type() string   { return "size" }
func (v *sizeValue) Set(s string) error {
	n, err := v.e.parseSize(s)
	if err != nil {
		return err
	}
	v.set, v.e.maxFile = s, n
	return nil
}

// Default caps, as help shows them.
func (e *env) programmeCap() string {
	return e.l(diag.Text{KK: "бағдарлама ", RU: "программа ", EN: "programme "}) + limits.Size(limits.ProgrammeBytes)
}
func (e *env) policyCap() string {
	return e.l(diag.Text{KK: "саясат ", RU: "политика ", EN: "policy "}) + limits.Size(limits.PolicyBytes)
}
func (e *env) suiteCap() string {
	return e.l(diag.Text{KK: "тест жинағы мен fixture ", RU: "набор тестов и fixture ", EN: "suite and fixture "}) + limits.Size(limits.SuiteBytes)
}
func (e *env) responseCap() string {
	return e.l(diag.Text{KK: "жауап ", RU: "ответ ", EN: "response "}) + limits.Size(limits.QuestionnaireBytes)
}

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
func (e *env) parseSize(s string) (int64, error) {
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
			return 0, e.usage("size.huge", s)
		}
		return n * u.mult, nil
	}
	return 0, e.usage("size.bad", s)
}

// readFile reads a file the command line names, within the cap whose
// default is def (--max-file-size changes it): the size is checked before
// reading, and again while reading. A device (/dev/zero) is refused before
// it is read: it would only stop at the cap, and no device holds a
// programme or a policy.
func (e *env) readFile(file string, def int64) ([]byte, error) {
	if fi, err := os.Stat(file); err == nil && fi.Mode()&os.ModeDevice != 0 {
		d := diag.New(codeDevice, "")
		d.File = file
		return nil, d
	}
	return limits.ReadFile(file, e.capOf(def))
}

// loadProgramme reads a programme in any of its forms: a JSON or YAML
// file, a workbook (.xlsx), a folder of CSV files (a path ending in / or
// naming a folder), or standard input for "-" (JSON, YAML or a workbook,
// told by its content) — every one within the programme cap.
func (e *env) loadProgramme(file string) (*mentoring.Programme, error) {
	limit := sheet.WithMaxBytes(e.capOf(limits.ProgrammeBytes))
	if file == "-" {
		return sheet.Decode(e.stdin, "-", limit)
	}
	// A device (/dev/zero) holds no programme: refused before it is read.
	// Every form then checks its size before reading: JSON and YAML
	// stream from disk, a workbook is opened only within the cap.
	if fi, err := os.Stat(file); err == nil {
		if fi.Mode()&os.ModeDevice != 0 {
			d := diag.New(codeDevice, "")
			d.File = file
			return nil, d
		}
		if fi.Mode().IsRegular() {
			e.memoryFor(fi.Size())
		}
	}
	return sheet.Load(file, limit)
}

// memoryFor sets the garbage collector's soft memory limit for a run that
// holds a programme read from a file of size bytes: a large programme
// (a million volunteers, 2 GB of JSON) otherwise peaks near twice its live
// heap, 3.5 GB, where with the limit it stays under 3 GB for some more
// collection work. The limit is generous — 1.3 times the file and 256
// MiB — so that a programme's live heap (about the file's size) stays well
// below it; files under 256 MiB set none. GOMEMLIMIT in the environment
// wins, and so does a lower limit already set.
func (e *env) memoryFor(size int64) {
	if e.getenv("GOMEMLIMIT") != "" || size < 256<<20 {
		return
	}
	want := size + size*3/10 + 256<<20
	if want < debug.SetMemoryLimit(-1) {
		debug.SetMemoryLimit(want)
	}
}

// embeddedPolicies names the embedded policies, test suites left out.
func embeddedPolicies() []string {
	found, _ := fs.Glob(rules.Policies(), "*.yaml")
	var out []string
	for _, f := range found {
		if isPolicyFile(f) {
			out = append(out, strings.TrimSuffix(f, path.Ext(f)))
		}
	}
	return out
}

// resolvePolicy loads the policy --policy names: a file when the value
// has a slash or ends in .yaml or .yml; else NAME.yaml (or .yml) in the
// current folder when there is one — a policy beside the programme, the
// way `extends` finds its base beside a profile — else the embedded
// policy of that name. A name that is none of these is a mistake on the
// command line (exit 2), with the nearest name.
func (e *env) resolvePolicy(name string) (*rules.Policy, error) {
	opts := []rules.Option{rules.WithPolicyBytes(e.capOf(limits.PolicyBytes))}
	if isFileName(name) {
		if err := e.checkPolicyFile(name); err != nil {
			return nil, err
		}
		return rules.LoadFile(name, opts...)
	}
	for _, ext := range []string{".yaml", ".yml"} {
		if fi, err := os.Stat(name + ext); err == nil && !fi.IsDir() {
			if err := e.checkPolicyFile(name + ext); err != nil {
				return nil, err
			}
			return rules.LoadFile(name+ext, opts...)
		}
	}
	embedded := embeddedPolicies()
	if !slices.Contains(embedded, name) {
		known := append(slices.Clone(embedded), policiesHere()...)
		return nil, e.notFound(wire.CodePolicyNotFound, "policy.not_found", name, known, strings.Join(embedded, ", "))
	}
	return rules.Load(rules.Policies(), name, opts...)
}

// checkPolicyFile refuses a policy file that is missing (a mistake on
// the command line) or a device (a policy problem, as a file too large
// is).
func (e *env) checkPolicyFile(file string) error {
	fi, err := os.Stat(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &usageError{code: wire.CodePolicyNotFound, msg: e.t("policy.no_file", file)}
	case err == nil && fi.Mode()&os.ModeDevice != 0:
		d := diag.New(codeDevice, "")
		d.File = file
		return &rules.PolicyError{Problems: diag.List{d}}
	}
	return nil
}

// loadPolicyFile compiles a policy file within the policy cap.
func (e *env) loadPolicyFile(file string) (*rules.Policy, error) {
	if err := e.checkPolicyFile(file); err != nil {
		return nil, err
	}
	return rules.LoadFile(file, rules.WithPolicyBytes(e.capOf(limits.PolicyBytes)))
}

// isFileName says whether --policy names a file rather than a policy.
func isFileName(s string) bool {
	ext := filepath.Ext(s)
	return strings.ContainsAny(s, `/\`) || ext == ".yaml" || ext == ".yml"
}

func isPolicyFile(name string) bool {
	ext := filepath.Ext(name)
	if ext != ".yaml" && ext != ".yml" {
		return false
	}
	return !strings.HasSuffix(strings.TrimSuffix(name, ext), "_test")
}

// policyFiles expands directories into the policy files in them, sorted,
// leaving out test suites. A directory without any is an error naming it:
// checking nothing must not look like checking passed.
func policyFiles(paths []string) ([]string, error) {
	var out []string
	var missing diag.List
	for _, p := range paths {
		found, err := files.Expand([]string{p}, isPolicyFile)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			missing = append(missing, diag.New(codeNoPolicies, "", p))
		}
		out = append(out, found...)
	}
	return out, missing.Err()
}

// date reads a --as-of style flag: empty is no date.
func (e *env) date(flag, s string) (civil.Date, error) {
	if s == "" {
		return civil.Date{}, nil
	}
	d, err := civil.ParseDate(s)
	if err != nil {
		return civil.Date{}, e.usage("date.bad", flag, s)
	}
	return d, nil
}

// evalOptions turns the language and --as-of into evaluation options.
func (e *env) evalOptions(asOf string) ([]rules.EvalOption, error) {
	opts := []rules.EvalOption{rules.WithLang(e.lang)}
	d, err := e.date("--as-of", asOf)
	if err != nil {
		return nil, err
	}
	if !d.IsZero() {
		opts = append(opts, rules.WithAsOf(d))
	}
	return opts, nil
}

// args checks a command's positional arguments: want words what it takes.
func (e *env) args(c *cobra.Command, got []string, ok bool, want string) error {
	if ok {
		return nil
	}
	return e.usage("args.exactly", c.CommandPath()[len("sabaq "):], e.t(want))
}

// Formats and where they go.

// formats by the file extension that names them.
var extFormats = map[string]string{
	".json": "json", ".yaml": "yaml", ".yml": "yaml", ".xlsx": "xlsx", ".csv": "csv",
	".html": "html", ".htm": "html", ".md": "md", ".sarif": "sarif", ".xml": "junit", ".txt": "text",
	".ics": "ics",
}

// output reads --format (-o): a format name among formats prints that
// format on standard output; a file name whose extension names one of
// them (findings.xlsx, report.html, out/ for a CSV folder) writes that
// file in it. It returns the format and the file, "" for standard output.
func (e *env) output(c *cobra.Command, value string, formats ...string) (string, string, error) {
	if slices.Contains(formats, value) {
		return value, "", nil
	}
	ext := strings.ToLower(filepath.Ext(value))
	f, ok := extFormats[ext]
	if strings.HasSuffix(value, "/") || strings.HasSuffix(value, string(filepath.Separator)) {
		f, ok = "csv", true
	}
	if ok && slices.Contains(formats, f) && len(value) > len(ext) {
		return f, value, nil
	}
	msg := e.t("format.unknown", value, c.CommandPath(), e.list(formats))
	if hint, ok := diag.Closest(value, formats); ok {
		msg += e.t("hint", hint)
	}
	return "", "", &usageError{code: wire.CodeBadRequest, msg: msg}
}

// formatFlag adds --format (-o) to c with its formats, the first the
// default; fileForms names the extensions a file may take.
func (e *env) formatFlag(c *cobra.Command, p *string, formats ...string) {
	c.Flags().StringVarP(p, "format", "o", formats[0], e.l(diag.Text{
		KK: "шығыс пішімі: " + e.list(formats) + "; не файл атауы, оның кеңейтімі пішімді атайды (мыс. out." + formats[len(formats)-1] + ")",
		RU: "формат вывода: " + e.list(formats) + "; или имя файла, расширение которого называет формат (напр. out." + formats[len(formats)-1] + ")",
		EN: "output format: " + e.list(formats) + "; or a file name whose extension names the format (e.g. out." + formats[len(formats)-1] + ")",
	}))
	e.placeholder(c.Flags().Lookup("format"), textFormatPH)
	_ = c.RegisterFlagCompletionFunc("format", fixed(formats...))
}

// write sends what render writes to standard output, or to file when one
// is named.
func (e *env) write(file string, render func(io.Writer) error) (err error) {
	if file == "" {
		return render(e.stdout)
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	return render(f)
}

// policiesHere names the policy files in the current folder (almaty for
// almaty.yaml), for the "did you mean" of a --policy that names nothing;
// a folder of thousands of files is read only in part.
func policiesHere() []string {
	dir, err := os.Open(".")
	if err != nil {
		return nil
	}
	defer dir.Close()
	entries, _ := dir.ReadDir(1000)
	var out []string
	for _, en := range entries {
		n := en.Name()
		if ext := filepath.Ext(n); !en.IsDir() && (ext == ".yaml" || ext == ".yml") && !strings.HasSuffix(n, "_test"+ext) {
			out = append(out, strings.TrimSuffix(n, ext))
		}
	}
	slices.Sort(out)
	return out
}
