// Package limits holds every safety cap of sabaqtastyq in one place, and
// the readers that apply a cap before any work is done.
//
// Each cap is a default: the package that reads a kind of file exposes an
// option to change it, and the command line a flag (README, "Limits and
// personal data"). A cap is checked before the work it bounds: a file's
// size after a stat and again while reading (a pipe or /dev/zero has no
// size), a document's nesting while it is decoded, a YAML alias while it
// is expanded, a string while a rule builds it.
package limits

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"

	"github.com/birgemiz/sabaqtastyq/diag"
)

// Default caps.
const (
	// ProgrammeBytes caps a programme file (JSON, YAML, a workbook, or a
	// folder of CSV files together). A national roster of a million
	// volunteers is about 1.4 GB of JSON.
	ProgrammeBytes int64 = 2 << 30
	// YAMLBytes caps a programme written in YAML: its parser builds a
	// tree of about thirty times the file's size, so a national roster is
	// JSON (or a workbook), and YAML is for files people write by hand (a
	// programme of 10,000 volunteers is about 12 MB of YAML).
	YAMLBytes int64 = 16 << 20
	// ValueBytes caps one string or number in a document read as a stream:
	// what a decoder must hold at once, whatever the file's size.
	ValueBytes int64 = 64 << 20
	// PolicyBytes caps one policy file; the guide's own is about 40 KB.
	PolicyBytes int64 = 4 << 20
	// PolicyValues caps the values (YAML nodes) sabaq fmt lays out in one
	// policy: the YAML encoder holds about 1 KB per value while it
	// writes. The guide's own policy has about 800.
	PolicyValues = 100_000
	// SuiteBytes caps one test suite or fixture file. Suites are read
	// into a YAML node tree, which costs up to about 110 times the
	// file's size (a file of nothing but one-letter list items): 4 MiB
	// keeps the worst case under half a GiB; a real suite is 15 KB.
	SuiteBytes int64 = 4 << 20
	// QuestionnaireBytes caps one questionnaire response; a filled-in
	// questionnaire is a few kilobytes.
	QuestionnaireBytes int64 = 1 << 20
	// ReferenceBytes caps one reference-data file.
	ReferenceBytes int64 = 4 << 20
	// ProjectBytes caps an organisation's project description (package
	// recruit); one is a few hundred bytes.
	ProjectBytes int64 = 1 << 20
	// RequestBytes caps the body of one request to sabaq serve, well below
	// the command line's file cap.
	RequestBytes int64 = 64 << 20

	// Depth caps how deeply objects and lists may nest in any document.
	Depth = 100
	// Problems caps how many problems one input reports before it stops
	// with one more entry saying so.
	Problems = 100
	// AliasExpansion caps how many nodes YAML aliases may add to a
	// document once expanded, counted over the whole document: a few
	// anchors reused are fine, a billion laughs is not.
	AliasExpansion = 10_000
	// RuleBuildBytes caps the bytes one rule may build at run time
	// (strings and lists it makes); passing it is an error finding.
	RuleBuildBytes = 1 << 20
	// DueDays caps how many days ahead one look at what comes due may
	// reach (rules.Policy.Due, sabaq due --days): two years. A rule that
	// no probe covers is evaluated on every one of them.
	DueDays = 731
	// SnippetWidth is how many characters of a line a caret snippet shows.
	SnippetWidth = 100
)

// CodeFileTooLarge names a file above its size cap. Args: the cap in MiB
// (or KiB when under one MiB), already formatted with its unit by [Size].
const CodeFileTooLarge diag.Code = "file_too_large"

func init() {
	diag.Register(map[diag.Code]diag.Text{
		CodeFileTooLarge: {
			KK: "файл тым үлкен: шегі {0}",
			RU: "файл слишком велик: предел {0}",
			EN: "the file is too large: the limit is {0}",
		},
	})
}

// Size formats a byte count for a message: "2 GiB", "64 MiB", "512 KiB",
// "300 B". The units are the same in every language.
func Size(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + " GiB"
	case n >= 1<<20:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

// TooLarge returns the problem for file above max bytes.
func TooLarge(file string, max int64) *diag.Error {
	e := diag.New(CodeFileTooLarge, "", Size(max))
	e.File = file
	return e
}

// IsTooLarge reports whether err is, or holds, a [TooLarge] problem.
func IsTooLarge(err error) bool {
	for _, e := range diag.Errors(err) {
		if e.Code == CodeFileTooLarge {
			return true
		}
	}
	return false
}

// ReadFile reads the file at path, refusing one larger than max bytes: by
// its size before reading, and while reading for files whose size a stat
// does not tell (pipes, devices). The buffer is sized once from the stat,
// so a file is held in memory once.
func ReadFile(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readStat(f, path, max)
}

// Open opens the file at path for a reader that streams it, refusing a
// regular file larger than max bytes after a stat, before anything is
// read. The reader must still stop at max bytes for files whose size a
// stat does not tell.
func Open(path string, max int64) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err == nil && st.IsDir() {
		f.Close()
		return nil, &fs.PathError{Op: "read", Path: path, Err: errIsDir}
	}
	if err == nil && st.Mode().IsRegular() && st.Size() > max {
		f.Close()
		return nil, TooLarge(path, max)
	}
	return f, nil
}

// SpoolBytes is how much of an input that cannot seek (a pipe) [Spool]
// keeps in memory before it spills to a temporary file.
const SpoolBytes = 64 << 20

// Spool makes r, which cannot seek (standard input from a pipe), into an
// input that can, so that a decoder may stream it and read it again to
// place problems: up to [SpoolBytes] in memory, the rest in a temporary
// file that done removes. More than max bytes is a [TooLarge] error, and
// nothing is kept.
func Spool(r io.Reader, name string, max int64) (in io.ReadSeeker, done func(), err error) {
	return spool(r, name, max, SpoolBytes)
}

func spool(r io.Reader, name string, max, inMemory int64) (in io.ReadSeeker, done func(), err error) {
	head, err := readSized(io.LimitReader(r, min(max, inMemory)+1), name, min(max, inMemory)+1, 0)
	if err != nil {
		return nil, nil, err
	}
	if int64(len(head)) <= min(max, inMemory) {
		return bytes.NewReader(head), func() {}, nil
	}
	if int64(len(head)) > max {
		return nil, nil, TooLarge(name, max)
	}
	f, err := os.CreateTemp("", "sabaq-spool-*")
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	done = func() {
		f.Close()
		os.Remove(f.Name())
	}
	if _, err := f.Write(head); err != nil {
		done()
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	n, err := io.Copy(f, io.LimitReader(r, max-int64(len(head))+1))
	switch {
	case err != nil:
		done()
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	case int64(len(head))+n > max:
		done()
		return nil, nil, TooLarge(name, max)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		done()
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	return f, done, nil
}

// ReadFS is [ReadFile] on a file system, such as an [os.Root]'s FS, so a
// path is confined to its folder.
func ReadFS(fsys fs.FS, name string, max int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readStat(f, name, max)
}

// ReadRoot is [ReadFile] inside root: a name that leaves the folder (by
// "..", an absolute path or a symbolic link) is an error and nothing of
// it is read.
func ReadRoot(root *os.Root, name string, max int64) ([]byte, error) {
	f, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readStat(f, name, max)
}

// Read reads r whole, refusing more than max bytes; name is the file in
// the error.
func Read(r io.Reader, name string, max int64) ([]byte, error) {
	return readSized(r, name, max, 0)
}

func readStat(f fs.File, name string, max int64) ([]byte, error) {
	var hint int64
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, &fs.PathError{Op: "read", Path: name, Err: errIsDir}
		}
		if st.Mode().IsRegular() {
			if st.Size() > max {
				return nil, TooLarge(name, max)
			}
			hint = st.Size()
		}
	}
	return readSized(f, name, max, hint)
}

var errIsDir = errors.New("is a directory")

func readSized(r io.Reader, name string, limit, hint int64) ([]byte, error) {
	// One byte more than the size, so that reading to the end does not
	// grow the buffer; one byte more than max, to see a file that grew.
	buf := make([]byte, 0, min(hint, limit)+1)
	for {
		if int64(len(buf)) > limit {
			return nil, TooLarge(name, limit)
		}
		if len(buf) == cap(buf) {
			want := min(limit+1, max(int64(cap(buf))*2, 512))
			buf = append(buf, make([]byte, int(want)-len(buf))...)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			if int64(len(buf)) > limit {
				return nil, TooLarge(name, limit)
			}
			return buf, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
}
