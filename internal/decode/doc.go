// Package decode reads JSON and YAML documents into Go structs by their
// `json` tags, and reports every problem with the file, line and column
// where it is, the field's JSON path (volunteers[3].screening.training), a
// stable [diag.Code] and a snippet of the line with a caret.
//
// # Why not encoding/json
//
// encoding/json stops at the first problem and says where only as a byte
// offset; yaml.v3 says "line 12" at best. People who write a programme
// file by hand need every problem at once, placed exactly. [Decode] walks
// the input once and skips what it cannot use: an unknown field, a string
// where a number goes, 2026-02-30 — each is a problem, the field keeps its
// zero value, and decoding goes on, up to [Options].MaxErrors.
//
// # One walker, two notations
//
// JSON is streamed with encoding/json's Decoder over the bytes in memory,
// token by token, with no tree in between; the line and column of each
// token come from the decoder's input offset, counted once, forward. YAML is
// parsed by go.yaml.in/yaml/v3 into its node tree, which carries lines and
// columns. Both are presented to the same reflective walker as a stream of
// values, so the two notations give the same problems with the same paths.
// Columns count characters, not bytes, as editors do.
//
// # Problems found later
//
// Validation runs after decoding and knows paths, not positions. [Locate]
// makes a second pass over the input that keeps only the positions of the
// paths asked for (and their ancestors), so a programme of 100,000
// volunteers does not pay for positions unless something is wrong. [Place]
// puts such problems at their path, or at the nearest enclosing value when
// the field is missing, and [Finish] sorts them and adds the snippets.
//
// # Safety
//
// Decode never panics: nesting is limited by [Options].MaxDepth, YAML
// aliases by a budget proportional to the input, and input size by
// [ReadAll]. A snippet quotes the author's own line back to them; keep it
// out of logs.
package decode
