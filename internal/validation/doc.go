// Package validation checks the domain types by their `validate` struct tags
// with one shared go-playground/validator instance, and reports each problem
// as a [diag.Error] that names the field by its JSON path and speaks
// Kazakh, Russian and English.
//
// # Paths
//
// Fields are named as the programme file names them, by their json tags:
// a problem with the second skill's name of a volunteer is at
// "skills[1].name", relative to the value given to [Struct]. A caller that
// validates volunteers[3] prefixes the path with [diag.Error.Prefix].
//
// # Codes and messages
//
// A failed tag gives the code "validate." + tag ("validate.max"), its
// parameter as the first argument and, only when it is an enumeration or a
// number, the offending value as the second. Free text is never echoed: it
// may be a name, a phone number or an address. The message in each language
// is carried in [diag.Error.Text]; English and Russian come from the
// validator's own translations, Kazakh (and the tags the validator does not
// translate) from this package. [Tags] lists the tags that have messages.
//
// # Dates
//
// civil.Date and civil.Month are seen by the validator as their text, and
// their zero value as missing, so `validate:"required"` on a date means the
// date is given.
//
// # Concurrency
//
// The validator and its translations are built once, on first use, and are
// safe for concurrent use afterwards; so are [Struct] and [Var].
package validation
