// Package wire holds the JSON shapes sabaqtastyq shows to programs: the
// result of a check, a finding, the error object with its positioned
// problems, a lint result and the policy listings. The command line
// (`sabaq check --format json`) and the service (`sabaq serve`) print the
// same objects, so a program that reads one reads the other.
//
// # Shapes
//
// A check result is CONTRACT.md's object:
//
//	{"policy": "guide", "as_of": "2026-11-24", "compliant": false,
//	 "findings": [{"rule": "mentor.min_age", "severity": "deny",
//	               "subject": "volunteer/v-2", "message": "…", "source": "R1 …",
//	               "citations": [{"ref": "R1", "section": "Part II", "title": "…",
//	                              "text": "Part II, «…»", "lines": [1557, 1557]}]}]}
//
// "citations" is added beside the contract's fields: the places of the
// guide the source names, in the reader's language (see package guide).
//
// An error is one object whatever went wrong, its problems placed at line
// and column when they come from a document:
//
//	{"error": {"code": "invalid_input", "message": "…",
//	           "problems": [{"line": 5, "column": 53, "path": "volunteers[0].birth_date",
//	                         "code": "bad_date", "message": "…"}]}}
//
// Codes ([Code]) are stable strings for programs; messages are for people,
// in Kazakh, Russian or English. A problem never carries a snippet of the
// input, and no message carries personal data (see package diag).
//
// # Encoding
//
// [Encode] writes every shape the way the command line does: indented by
// two spaces, HTML left unescaped, one newline at the end. Two writers that
// use it print byte-for-byte the same document for the same value.
package wire
