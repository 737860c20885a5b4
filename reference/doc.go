// Package reference holds the guide's reference lists as typed data in
// Kazakh, Russian and English, embedded in the binary.
//
// # What is here
//
//   - [Direction]: the seven national directions of the Year of Volunteers
//     (D9), each with its Kazakh Latin-script project name such as
//     BIRGEMIZ SAÝLYQ or BIRGEMIZ SABAQTASTYQ — the direction this library
//     serves.
//   - [SafetyTopic]: the topics of a safety instruction (D5, Appendix 4),
//     from building security to grooming and infection control, plus the
//     four general questions the guide says may be added. A [Checklist]
//     records which topics a volunteer has acknowledged, and when.
//   - [OrganisationType]: the kinds of organisation that need volunteer
//     mentors (D8, Appendix 8), each mapped to the programme file's
//     [mentoring.InstitutionKind].
//
// The guide's Appendix 8 also lists 78 partner organisations with their
// leaders' names and phone numbers. They are not shipped: people's names
// and contacts are personal data, and the list's layout does not allow the
// organisations' names and cities to be extracted reliably.
//
// # Data
//
// The lists live in data/*.yaml. [Default] returns the embedded set; [Parse]
// reads the same layout from any [fs.FS], so a deployment can ship its own
// (say, a regional list of organisation types). Parse returns every problem
// at once as a [diag.List], each at its file, line and column with the
// entry's path (safety[3].name): unknown fields, duplicate ids, an entry
// without text in one of the three languages, an unknown institution kind.
// Each file is read with the project's decoder and caps: 4 MiB a file
// ([WithMaxBytes]), nesting, YAML aliases and the number of problems.
//
// A [Set] is immutable and safe for concurrent use; a [Checklist] is not.
package reference
