// Package yamlnode reads YAML into go.yaml.in/yaml/v3's node tree, which
// keeps the line and column of every value, for the files that are read
// as trees rather than decoded into types: test suites and their fixture
// files, and policies that sabaq fmt lays out.
//
// [Parse] places a syntax error at its line; [Check] refuses a tree before
// anything expands it, when its aliases would add more than
// [limits.AliasExpansion] values or it nests deeper than [limits.Depth]
// levels. Both return a [*diag.Error] in the catalog's words.
package yamlnode

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/diag"
)

// CodeAliases names a document whose aliases expand past the budget. Args:
// the budget.
const CodeAliases diag.Code = "yaml.aliases"

func init() {
	diag.Register(map[diag.Code]diag.Text{
		CodeAliases: {
			KK: "YAML сілтемелері (alias) {0}-ден астам мәнге жайылады; қайталанатын мәндерді жазып шығыңыз",
			RU: "ссылки YAML (alias) разворачиваются больше чем в {0} значений; выпишите повторяющиеся значения",
			EN: "YAML aliases expand to more than {0} values; write the repeated values out",
		},
	})
}

// Parse parses the first YAML document of src and returns its top value
// (the content of the document node). An empty document or a syntax error
// is a [diag.CodeSyntax] problem in file at its line.
func Parse(file string, src []byte) (*yaml.Node, *diag.Error) {
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(src)).Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, empty(file)
		}
		return nil, Syntax(file, err)
	}
	if doc.Kind == yaml.DocumentNode {
		if len(doc.Content) == 0 {
			return nil, empty(file)
		}
		return doc.Content[0], nil
	}
	return &doc, nil
}

func empty(file string) *diag.Error {
	return diag.New(diag.CodeSyntax, "", "empty document").At(diag.Pos{File: file, Line: 1, Col: 1})
}

var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

// Syntax places an error of the YAML parser in file, at the line its
// message names (line 1 when it names none).
func Syntax(file string, err error) *diag.Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	return diag.New(diag.CodeSyntax, "", msg).At(diag.Pos{File: file, Line: line, Col: 1})
}
