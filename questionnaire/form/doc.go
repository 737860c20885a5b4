// Package form is the applicant questionnaire of the guide (Appendix 1) as
// data, in Kazakh (the guide's own wording), Russian and English, and its
// print-ready rendering.
//
// # The form
//
// [Default] returns the embedded form: sections of questions, each with its
// [Kind], options and limits (at most three motives, at most two
// activities, qualities on a 1–5 scale). Question ids are the JSON paths of
// questionnaire.Response and option ids its values, so a filled-in paper form
// is typed in without translation; a test keeps the two in step. [Parse]
// reads an organisation's own variant in the same YAML format.
//
// # The guide's blanks
//
// The guide's form is a template: its letter to the applicant names the
// project ("[Атауы]"), its locality ("[Елді мекеннің атауы]"), its aim
// "in simple words" and what its volunteers do (L2103–L2112), and question
// 2 names the project again. The form keeps every one of them, as
// placeholders in form.yaml ({{.Name}}, {{.Locality}}, {{.LocalityIn}},
// {{.Goal}}, {{.Activities}}, and blank "hint" for a line with the
// guide's hint). [WithProject] fills them from the organisation's
// [recruit.Project]; what it leaves empty is printed as a line to fill in
// with the guide's hint in brackets. A Kazakh place name takes the
// attributive locative the guide's "_________-дағы" asks ("Шымкенттегі",
// "Қарасай ауылындағы"). [Parse] checks every placeholder of an
// organisation's own form when it reads it.
//
// Question 6 keeps all six of the guide's options in its own words: the
// sample form is a hospital project's, so two of them speak of patients
// (емделушілер), and the second asks for other events too.
//
// # Rendering
//
// [Form.Markdown] and [Form.HTML] print a blank form in one language: boxes
// to tick, circles 1–5 for the qualities, lines to write on. The HTML is an
// A4 page whose sections never split across pages, and is well-formed XML as
// well as HTML. [Form.SkillsMarkdown] and [Form.SkillsHTML] print the "my
// skills" table of the guide (D7, L1949–L1980): blank with the guide's sample
// skills, or filled from a volunteer's [volunteer.Skill] list.
//
// Every text is escaped for its format — the form's own, since an
// organisation may print its own form, and a volunteer's skills: in
// Markdown no text can open a block, split a table cell or make markup; in
// HTML, html/template escapes markup; in both, control characters become
// U+FFFD. A fuzz test checks the documents' structure against plain text.
//
// A [Form] is read-only; rendering is safe for concurrent use.
package form
