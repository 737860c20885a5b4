// Package document renders the volunteer agreement of the guide's Appendix 2
// (D2) as a document to print and sign.
//
// # The text
//
// The Kazakh text is the guide's own (Appendix 2, "Волонтердің өтеусіз
// қызметтер көрсетуі туралы келісім"), with its clause numbering: the
// organisation's duties 1.1–1.13 and rights 2.1–2.5, the volunteer's duties
// 3.1–3.10 (3.10: at least two weeks' notice before stopping) and rights
// 4.1–4.6, the term 5.1–5.2 (in force from signing; either party may end it
// early) and reporting 6.1–6.3 (a report at least once a month). Two things
// differ from the sample in the guide, both so that any organisation can use
// it: the guide's party, the National Volunteer Network ("ҰВЖ"), becomes the
// organisation named in the agreement and is called «Ұйым» in the clauses;
// and the blanks are filled from the [agreement.Agreement]. Clause 3.10's
// "at least 2 weeks" is the agreement's own notice period when it sets one
// (notice_days), in weeks or days. Section 7 adds what Part I says an
// agreement lists (L846–L852), in Part I's words: the hours a week, the
// weekdays, the costs the organisation reimburses so that a volunteer never
// spends their own money (R11) — 7.1–7.3 — and the requirements of
// discipline and safety (with the date the volunteer was given the safety
// instruction of Appendix 4), of training and trips, of using equipment and
// means of communication, and the career steps if any — 7.4–7.7, from the
// organisation's [Terms]. Russian and English are translations with the
// same numbering; the Kazakh governs. Numbers take the noun form their
// language asks ("4 часа в неделю", "за 10 дней") and dates are written as
// people write them ("2026 жылғы 15 ақпан", "15 февраля 2026 г.").
//
// # From a programme
//
// [RenderVolunteer] renders a volunteer's latest agreement from a
// programme: the name and contacts come from the volunteer's record where
// the agreement's party leaves them out ([Options].Volunteer does the same
// for [Render]), the organisation's name from the programme file, and an
// individual mentor's agreement gets the mentor addendum.
//
// The clauses live as data, one YAML file per language (clauses/kk.yaml,
// ru.yaml, en.yaml) embedded in the binary, and are laid out by a
// text/template for Markdown and an html/template for HTML.
//
// # The mentor addendum
//
// With [Options].MentorAddendum the document gains an addendum for an
// individual mentor: the points the guide says an agreement with a mentor
// must state — children's rights first, the institution's rules, accompany
// the child without replacing family or institution, report violations to
// the coordinator, listen without judging (M1.1–M1.10) — and what a mentor
// must not do: expensive gifts, pocket money, granting every request,
// promising to take the child home for good, taking the child out without
// a signed agreement, smoking, drinking, aggression or foul language with
// children (M2.1–M2.7; R7, R14).
//
// # Blanks, not errors
//
// An agreement is often printed before it is filled in. Whatever the
// [agreement.Agreement] does not say — no party, no organisation, no date —
// is rendered as a line of underscores to fill by hand. [Render] fails only
// on an unknown language or format; [RenderVolunteer] also on a volunteer
// the programme does not have, or one without an agreement.
//
// # Output
//
// Markdown escapes every value, so a name cannot inject markup: a line
// break becomes a space (a name cannot end its clause and start a fake
// numbered one, a heading or a rule), list, heading, quote and table
// markers, emphasis, code, links (javascript: ones included), raw HTML and
// entities are escaped, even at the start of a line, and "|" stays inside
// its table cell. HTML is written by html/template, which escapes markup;
// control characters, which XML forbids and terminals obey, become U+FFFD
// in both formats. A fuzz test renders every field with hostile values and
// checks that the document's structure (its blocks, cells and elements) is
// the one plain values give.
//
// HTML is XHTML-compatible (it parses as XML), sized for A4 with @page
// rules, keeps clauses and the signature table from breaking across pages,
// and starts the addendum on a new page.
//
// # Personal data
//
// The rendered document holds the volunteer's name, identity document,
// address and contacts: that is its purpose. Errors never hold them; they
// name only the option at fault.
//
// Render is safe for concurrent use.
package document
