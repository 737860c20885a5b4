// Package diag holds the errors sabaqtastyq reports about input a person
// wrote: a programme file, a questionnaire response, a policy file.
//
// Every problem is an [*Error] with a stable [Code] for programs, the field by
// its JSON path (volunteers[3].screening.training), the file, line and column
// when the input came from a file, and arguments for the message. Its Error
// method speaks English; [Error.Localize] speaks Kazakh, Russian or English,
// chosen with [Match] from any BCP 47 tag. A call that finds several problems
// returns them together as a [List], in file order, reachable with errors.As.
//
// Messages never carry personal data: arguments are ids, field names,
// limits and the offending text of ids, dates and enumerations only, never a
// name, birth date, document number, phone, e-mail or address (the value
// of a personal field is quoted as •••). A problem in a record of a long
// list may name the record by its id ([Error].Element, shown as
// "tandems[0] (t-7).mentor"). The snippet of the line, for a terminal, has
// no JSON name: JSON output never carries it.
package diag
