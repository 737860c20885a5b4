// Package decode is the one decoder of sabaqtastyq: it reads every JSON and
// YAML document the project reads — programmes, questionnaire responses,
// reference data; policies, suites and fixtures as their packages move to
// it — into Go structs by their `json` tags, and reports every problem with
// the file, line and column where it is, the field's JSON path
// (volunteers[3].screening.training), a stable [diag.Code] and a snippet of
// the line with a caret. [Snippet] is the project's one snippet function.
//
// # Why its own decoder
//
// People who write a programme by hand need every problem at once, placed
// exactly; encoding/json stops at the first and says where only as an
// offset, and no fast decoder reports duplicate keys. The decoder was
// chosen by measuring, on a 100,000-volunteer programme (122 MB of JSON),
// candidates decoding into the same structs, whole process, on this
// machine:
//
//	encoding/json (no positions, lenient)  1.35 s  512 MB peak
//	go-json-experiment/json (v2, strict)   0.85 s  530 MB
//	goccy/go-json                          0.55–0.76 s  573 MB
//	bytedance/sonic                        0.58–0.76 s  352 MB
//	this package, with validation and the index, and the policy evaluated
//	(sabaq check)                          0.84 s CPU, 227 MB
//
// Only v2 is strict about duplicate keys, all of them hold the whole file
// and the structs at once (three to four times the file), and none gives
// positions without a second parser. This package scans the bytes itself,
// as they are read, and stores through plans worked out once per type:
// loading, validating and checking the programme costs about what the
// fastest of them takes to decode it, in under half their memory, with
// positions.
//
// # How it reads
//
// JSON is scanned by our own scanner, from memory or streamed from a reader
// through a window of a megabyte ([DecodeReader]), so that a file of a
// gigabyte is never held whole. Its syntax errors carry the standard
// library's messages (a conformance fuzz test holds the two to the same
// verdicts and values). A token's position is a byte offset; a line and a
// column (in characters, as editors count) are counted only when a problem
// needs them, forward from the last one, so that positions cost nothing
// when the input is right. YAML is parsed by go.yaml.in/yaml/v3 into its
// node tree, which carries lines and columns. Both are presented to the
// same walker as a stream of tokens, so the two notations give the same
// problems with the same paths.
//
// The walker stores values through a plan per Go type: each struct field's
// offset and how to read it, found once with reflection. Reading a field
// then costs a comparison of its name, a scan of its value and a store — no
// reflection per value, no string built for a path unless something is
// wrong. Slices grow in place and, past 256 KB, in chunks copied once to an
// array of the exact length. Strings are carved from shared blocks and
// interned per field (a field remembers its last few distinct values, which
// catches a volunteer's id repeated on its monthly reports and the
// enumerations every record shares; a table of every id was measured at a
// third of the decoding time for a few megabytes). Personal data is never
// interned.
//
// [Decode] walks the input once and skips what it cannot use: an unknown
// field, a string where a number goes, 2026-02-30 — each is a problem, the
// field keeps its zero value, and decoding goes on, up to
// [Options].MaxErrors.
//
// # Problems found later
//
// Validation runs after decoding and knows paths, not positions. [Locate]
// makes a second pass over the input that keeps only the positions of the
// paths asked for (and their ancestors). [Place] puts such problems at
// their path, or at the nearest enclosing value when the field is missing,
// and [Finish] sorts them and adds the snippets, reading the input once
// however many problems there are.
//
// # Limits
//
// Every cap has its default in package limits and is changed through
// [Options]: MaxBytes (what DecodeReader reads: 2 GiB), MaxDepth (nesting:
// 100), MaxErrors (problems: 100), MaxAliases (values YAML aliases may add
// once expanded: 10,000; negative refuses aliases). Nesting is checked as
// values open, without recursion for skipped values, so no input can
// exhaust the stack; a snippet is cut around the column with work in
// proportion to its width, not to the line, so a problem on a line of half
// a gigabyte costs what one on a short line does. Decode never panics.
//
// # Personal data
//
// A struct field tagged `personal:"true"` holds personal data (a name, a
// birth date, contacts, an identity document, health), and so does
// everything inside it. Its value is never quoted in a problem's message or
// arguments ([Masked] stands for it), and [Snippet] shows it as ••• on the
// line it quotes; [MaskOf] lists such fields for a type. A snippet still
// quotes the author's own file: it is for their terminal, never for JSON
// (diag.Error's Snippet has no JSON name) or logs.
package decode
