// Package sheet reads and writes mentoring programmes as spreadsheets —
// .xlsx workbooks and folders of CSV files — the way coordinators keep
// their lists, and writes a report's findings as a table.
//
// One entry point, [Load], reads a programme in any of its four forms by
// its path: a JSON or YAML file (by [mentoring.Load]), a workbook, or a
// folder of CSV files (a path that ends in a separator, or names a
// folder). [Decode] does the same for a reader (standard input, a request
// body), telling a workbook by its content. [Save] writes any of the four
// forms; [WriteTemplate] writes an empty workbook to fill in, in Kazakh,
// Russian or English.
//
//	prog, err := sheet.Load("roster.xlsx") // or "roster/", "programme.json"
//	if err != nil {
//		fmt.Fprintln(os.Stderr, diag.Localize(err, diag.KK)) // every problem, at its cell
//	}
//
// # Layout
//
// A programme is flattened into sheets the same way for workbooks and CSV
// folders ([Layout] lists them):
//
//   - "programme": the programme's own fields (as_of, organisation), one
//     row;
//   - one sheet per list of the programme, named after it: institutions,
//     volunteers, children, tandems, groups, agreements, outings, reports,
//     meetings, diary — and any list the format gains;
//   - one sheet per list of objects inside a list's elements, named
//     "list.field": "volunteers.skills" holds every volunteer's skills, a
//     row per skill, its first column ("volunteer") the id of the
//     volunteer it belongs to.
//
// A row is one element. Its nested objects are dotted columns
// (screening.interview, contacts.phone, free_time.weekdays,
// party.id_document.number); a nested object that is absent has all its
// cells empty, and any cell filled under it makes it present. Lists of
// values (languages, weekdays, the ids of a group's mentors) are one cell,
// the values joined by "; ". Inside a value, a backslash makes the next
// character literal: "\;" is a semicolon, "\\" a backslash, "\ " a space
// that is kept at either end of a value. Unescaped spaces around values and
// empty values are dropped.
//
// The layout is derived once from the Go types' `json` tags, and
// vocabularies and required columns from their `validate` tags (oneof=…,
// required): a field added to the domain gets its column, its drop-down
// list and its place in error messages without a change here. Its
// heading and words come from this package's catalog; until they are
// added, the field name stands in.
//
// A cell holds the value JSON would: an optional field's zero value is an
// empty cell, a field JSON always writes is written even when false or 0
// (health.limitations), so that reading the table back gives the same
// document. What tables cannot tell apart is the same programme: an
// absent list and an empty one, an object whose fields are all empty and
// no object, an empty string and none.
//
// # Workbooks
//
// [WriteTemplate] and [WriteXLSX] write a first sheet of instructions in
// the chosen language (with a table of the sheets), then the sheets of the
// layout, then a hidden sheet "_lists" of the drop-down lists' words. On
// each list sheet, row 1 holds the columns' labels in the chosen language
// (a required column's ends in " *" and is shaded), row 2 the field names
// the reader goes by, and data starts on row 3; the two rows and the id
// column are frozen, and the sheet prints on A4 landscape, as wide as a
// page, with the headings on every page.
//
// Every vocabulary column (kind, role, phase, gender, …) has a drop-down
// list of words in the chosen language, and every yes-or-no column one of
// "иә/жоқ", "да/нет" or "yes/no"; a list of choices (weekdays, reimbursed
// costs) shows its words as a prompt. Date columns hold date cells, shown
// as 02.04.1990 (kk, ru) or 1990-04-02 (en), and check that a date is
// typed; whole numbers are checked against the field's bounds. Other text
// columns are formatted as text, so that a spreadsheet does not turn an id
// like 007 into 7 or a phone into a number.
//
// [ReadXLSX] reads such a workbook and any other: the sheets are found by
// name (in any case); the heading is the first row that is not empty, or
// the second when that holds field names only (the template's layout) or
// when the first names no column (a title above the headings). A heading
// may be the field name, its label in any of the three languages (with or without "*"), or
// "Label (field_name)". A vocabulary cell may hold the code or the word in
// any language; a yes-or-no cell yes/no, да/нет, иә/жоқ, true/false, 1/0;
// a date cell a date, or text as YYYY-MM-DD, DD.MM.YYYY or an ISO date and
// time; a month YYYY-MM, MM.YYYY or a date of that month. Cells are read
// as stored, not as displayed. A formula's last computed value is read.
// Sheets whose names start with "_", the instructions sheet and empty
// sheets are not read; any other sheet that is no list is an error. The
// 1904 date system of old Mac workbooks is understood.
//
// Workbooks cannot hold every character: control characters other than
// tab and line breaks become U+FFFD. A cell holds at most 32,767
// characters; the format's own limits are far below.
//
// # CSV folders
//
// [WriteCSV] writes one file per sheet, named after it (programme.csv,
// volunteers.csv, volunteers.skills.csv, …), with a heading row of field
// names, values as codes (orphanage, female, true) and dates as
// YYYY-MM-DD, in UTF-8 with a byte-order mark. [ReadCSV] reads a folder of
// such files: UTF-8 with or without the mark; comma-separated, or
// semicolon- or tab-separated as spreadsheets in some locales save them
// (told by the heading row); headings and cells as in a workbook, dates as
// text. Only files inside the folder are read, and only *.csv files:
// other files, and CSV files whose names start with "_", are left alone;
// any other CSV file is an error. A line break in a quoted value is kept,
// except that a carriage return before it is dropped.
//
// # Errors
//
// Reading reports every problem at once, up to 100, as a [diag.List]
// sorted by sheet (in the layout's order), row and column, each in
// Kazakh, Russian and English: first what the cells themselves say (a
// date that is no date, a word not in the list, a heading that is no
// field — with the nearest field name), then what
// [mentoring.Programme.Validate] finds, its JSON paths
// (volunteers[5].birth_date) placed back at the sheet, row and column they
// came from. A workbook's problem is at its cell, roster.xlsx!volunteers!D7;
// a CSV file's at its line, roster/volunteers.csv:4 (the line of the
// cell, when a quoted value spans lines). The path of a problem is its
// column's field name; codes are those of JSON input (diag.CodeBadDate,
// diag.CodeDangling, …) plus this package's for what only tables have.
//
// No message repeats a cell: it may be a name, a birth date or a phone.
// Headings, sheet names and ids are repeated, as JSON errors repeat keys
// and ids.
//
// # Limits
//
// Input is capped before it is read (a file by its size, a folder by the
// size of its CSV files together; [WithMaxBytes], default
// limits.ProgrammeBytes). A workbook is a zip archive: the sizes its
// entries declare are added up before anything is unpacked and must stay
// under [MaxUnpacked] ([WithMaxUnpacked]), an entry that unpacks to more
// than it declared stops the reading, and an archive of more than 10,000
// entries is refused. Large sheets are streamed row by row from a
// temporary file, not held in memory. Rows and columns are bounded by the
// workbook format itself (1,048,576 rows, 16,384 columns).
//
// # Findings
//
// [WriteFindingsCSV] writes a report's findings as CSV with the columns
// rule,severity,subject,message,source; [WriteFindingsXLSX] as a workbook
// with headings in the reader's language, a filter, the heading frozen,
// deny rows shaded, and a second sheet with the policy, the date and the
// verdict.
//
// # Concurrency
//
// Every function is safe for concurrent use; the layout is built once.
package sheet
