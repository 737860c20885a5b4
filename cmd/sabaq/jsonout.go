package main

import (
	"encoding/json"
	"io"

	"github.com/birgemiz/sabaqtastyq/diag"
)

// writeJSON prints v as indented JSON, HTML characters as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// jsonProblem is one problem in JSON output, in the contract's shape: where
// and what, never the text of the input (no snippet, no arguments).
type jsonProblem struct {
	File    string    `json:"file,omitempty"`
	Line    int       `json:"line,omitempty"`
	Column  int       `json:"column,omitempty"`
	Path    string    `json:"path,omitempty"`
	Code    diag.Code `json:"code"`
	Message string    `json:"message"`
}

func jsonProblems(l diag.List, lang diag.Lang) []jsonProblem {
	if len(l) == 0 {
		return nil
	}
	out := make([]jsonProblem, len(l))
	for i, e := range l {
		out[i] = jsonProblem{File: e.File, Line: e.Line, Column: e.Col, Path: e.Path, Code: e.Code, Message: e.Message(lang)}
	}
	return out
}
