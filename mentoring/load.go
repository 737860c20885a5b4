package mentoring

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
)

// Syntax is the notation of a programme file.
type Syntax int

// Syntaxes. The zero value, Detect, decides by the file name's extension
// (.json, .yaml, .yml) and, failing that, by the first non-blank byte: '{'
// is JSON, anything else YAML.
const (
	Detect Syntax = iota
	JSON
	YAML
)

// MaxFileSize is the largest programme file [Load] and [Decode] read:
// 512 MiB, several times a programme of 100,000 volunteers.
const MaxFileSize = 512 << 20

// MaxProblems is how many problems one load reports before it stops with
// one more entry saying so.
const MaxProblems = 100

// Load reads the programme file at path (JSON or YAML, by its extension)
// and checks it with [Programme.Validate]. On any problem it returns a nil
// programme and a [diag.List] of every problem, in file order, each with the
// file, line and column, the field's JSON path and a snippet of the line.
// Data the guide merely forbids loads fine: policies report it.
func Load(path string) (*Programme, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Decode(f, path, Detect)
}

// Decode reads a programme from r, named name in positions (a file name,
// or "-" for standard input), in the given syntax, and checks it like
// [Load].
func Decode(r io.Reader, name string, syntax Syntax) (*Programme, error) {
	data, err := decode.ReadAll(r, name, MaxFileSize)
	if err != nil {
		return nil, err
	}
	return Parse(data, name, syntax)
}

// Parse is [Decode] for a programme already in memory.
func Parse(data []byte, name string, syntax Syntax) (*Programme, error) {
	opts := decode.Options{File: name, Format: decode.Format(syntax), MaxErrors: MaxProblems}
	var p Programme
	mask := decode.MaskOf[Programme]()
	errs := decode.Decode(data, &p, opts)
	for _, e := range errs {
		if e.Code == diag.CodeSyntax || e.Code == decode.CodeTooManyErrors ||
			e.Code == diag.CodeTooLarge || e.Code == decode.CodeTooDeep {
			return nil, errs // the rest of the file was not read
		}
	}
	later := unlike(diag.Errors(p.Validate()), errs)
	if len(later) > 0 {
		firsts := firstUses(later)
		later = decode.Place(data, opts, later, mask)
		if len(firsts) > 0 {
			ps := decode.Locate(data, opts, firsts)
			for _, e := range later {
				if e.Code == diag.CodeDuplicateID && len(e.Args) > 1 {
					if at, ok := ps.Of(e.Args[1]); ok {
						e.Args = []string{e.Args[0], fmt.Sprintf("%s, %d:%d", e.Args[1], at.Line, at.Col)}
					}
				}
			}
		}
	}
	errs = append(errs, later...)
	if len(errs) == 0 {
		return &p, nil
	}
	errs = decode.Finish(data, errs, mask)
	if len(errs) > MaxProblems {
		more := diag.New(decode.CodeTooManyErrors, "", fmt.Sprint(MaxProblems))
		more.Pos = errs[MaxProblems-1].Pos
		errs = append(errs[:MaxProblems:MaxProblems], more)
	}
	return nil, errs
}

// unlike drops problems found by validation at or under a path the decoder
// already reported: a date that did not parse is not also "missing".
func unlike(later, decoded diag.List) diag.List {
	if len(decoded) == 0 {
		return later
	}
	bad := make([]string, len(decoded))
	for i, e := range decoded {
		bad[i] = e.Path
	}
	return slices.DeleteFunc(later, func(e *diag.Error) bool {
		for _, b := range bad {
			if e.Path == b || strings.HasPrefix(e.Path, b+".") || strings.HasPrefix(e.Path, b+"[") {
				return true
			}
		}
		return false
	})
}

// firstUses lists the paths duplicate-id problems point back to.
func firstUses(errs diag.List) []string {
	var out []string
	for _, e := range errs {
		if e.Code == diag.CodeDuplicateID && len(e.Args) > 1 {
			out = append(out, e.Args[1])
		}
	}
	return out
}
