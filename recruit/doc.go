// Package recruit renders what an organisation hands the people it
// recruits as volunteers: the recruitment calls of the guide's Appendix 3
// (D4) and the volunteer's rights and responsibilities of its Part I (D3),
// in Kazakh (the guide's wording), Russian and English, as Markdown or as a
// print-ready A4 page.
//
// # The project
//
// A [Project] holds what the guide's templates leave blank for an
// organisation to fill in: the project's name, its locality, its aim in
// simple words, what its volunteers do, and where to apply (an address, a
// phone, and a list of cities with their own contacts). [LoadProject] and
// [DecodeProject] read one from JSON or YAML with positioned errors and
// the project's caps (limits.ProjectBytes, 1 MiB); [FromProgramme] takes
// what a programme file says (the organisation's name, and the city its
// institutions share). The questionnaire form of package
// questionnaire/form fills its own blanks from the same Project.
//
// # The calls (D4)
//
// [RenderMentorCall] writes the mentor call, [RenderEventCall] the event
// call. Every number in them comes from the caller — in practice from the
// policy's parameters (mentor_min_age, mentor_min_commitment_months,
// orphanage_child_min_age, event_volunteer_min_age) — and never from the
// text: the guide's samples say "25", "2 years", "11" and "18", and a
// profile that changes a parameter changes the call. Numbers and dates take
// the form each language asks: a Russian noun after a numeral ("от 21
// года", "не менее 2 лет", "в 9 городах"), a Kazakh case ending on a date
// ("2026 жылғы 19 тамызда"), a stretch of days written once ("2026 жылғы
// 22–23 тамыз аралығында", "22–23 августа 2026 г.").
//
// # The rights (D3)
//
// [RightsIn] returns the twelve rights and ten responsibilities in a
// language, and [RenderRights] writes them as a document: the guide's
// Kazakh verbatim (its layout set the two lists side by side; see
// data/rights.yaml for the one bullet split in two and the one typo
// corrected), faithful Russian and English item for item.
//
// # Output and safety
//
// The texts live as data (data/*.yaml), embedded in the binary, laid out
// by one Markdown and one HTML template. Every value from a project or a
// call is shown as written, escaped for its format: in Markdown it cannot
// open a block or make markup; in HTML, html/template escapes markup; in
// both, control characters become U+FFFD. What a project or a call leaves
// out is a line to fill in by hand, or the sentence is left out; only a
// missing number, a stretch of days that ends before it starts, or an
// unknown language or format is an error, naming the field.
//
// Everything here is safe for concurrent use.
package recruit
