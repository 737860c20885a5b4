// Package civil holds calendar dates and months without a time of day or a
// time zone: the "2026-11-24" and "2026-10" of a programme file.
//
// The guide counts ages in whole years, notice in days and reports in
// calendar months; [Date] and [Month] make that arithmetic exact and free of
// time-zone surprises. The zero value of each means "not set": it encodes as
// JSON null and a rule author tests it with has() in CEL.
//
// Both types implement [encoding.TextMarshaler] and
// [encoding.TextUnmarshaler], so they work with encoding/json and with YAML
// libraries. Values are small comparable structs, safe to copy and to share
// between goroutines.
package civil
