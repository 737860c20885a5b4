// Package mentoring models a mentoring programme for children in difficult
// life situations, as the guide «Бірге: сабақтастық» describes it: the
// institutions, the volunteers, the children, the mentor–child pairs
// (тандем), group sessions, outings, agreements, monthly reports and
// coordination meetings — and it loads all of that from one programme file.
//
// # Settings (R16)
//
// Children are met in an [Institution] of a [InstitutionKind]: an orphanage,
// a juvenile adaptation centre (КБО, where a child stays up to six months),
// the registry of school and juvenile-affairs inspectors, a social-service
// centre; the guide's partner list adds schools, crisis centres, yard clubs
// and NGOs.
//
// # Tandem phases (R8)
//
// A [Tandem] lives through five phases: acquaintance (group sessions),
// inside_institution (the mentor visits the child there), active (outings
// are allowed), closing and closed. [Tandem.Move] goes forward one phase at
// a time, or to closing from any open phase; it steps back from active to
// inside_institution when trust has to be rebuilt, and from closing to
// active when an ending is called off. [Tandem.Close] ends a closing tandem
// on a date, for a reason. A step [CanMove] refuses is a
// [*TransitionError], which unwraps to a [diag.CodeIllegalChange] problem.
//
// # Group sessions (R4) and meetings (R9)
//
// A [Group] is one session; [Group.Size] counts mentors and children
// together, as the guide's 12–18 does. A [Meeting] is a planning meeting in
// an institution or the monthly general meeting of mentors;
// [Programme.GeneralMeetingIn] and [Programme.MonthsWithoutGeneralMeeting]
// answer whether each month had one.
//
// # The programme file
//
// One JSON or YAML document, its field names the snake_case names rule
// authors use in CEL, dates as YYYY-MM-DD and months as YYYY-MM:
//
//	as_of: 2026-11-24
//	institutions:
//	  - {id: inst-1, name: Children's home No. 1, kind: orphanage, city: Almaty}
//	volunteers:
//	  - id: v-1
//	    full_name: Aigerim Sadykova
//	    birth_date: 1990-04-02
//	    role: individual_mentor
//	    commitment_months: 24
//	    screening: {interview: 2026-01-10, psychological_test: 2026-01-15,
//	                training: 2026-02-01, documents: 2026-02-10}
//	children:
//	  - {id: c-1, birth_date: 2013-05-01, institution: inst-1, programme: individual}
//	tandems:
//	  - {id: t-1, mentor: v-1, child: c-1, started_on: 2026-03-01, phase: active}
//	agreements:
//	  - {id: a-1, volunteer: v-1, signed_on: 2026-02-15}
//	outings: [{tandem: t-1, date: 2026-04-01}]
//	reports: [{volunteer: v-1, month: 2026-10}]
//
// [Load] reads a file, [Decode] a reader and [Parse] bytes in memory.
// examples/data/programme.json is a complete example.
//
// # Errors
//
// Loading fails only on malformed data: a syntax error, an unknown field, a
// wrong type, a bad date such as 2026-02-30, a repeated key, a duplicate
// id, a reference to nothing, a missing required field, or dates in an
// impossible order (a tandem closed before it started, a birth after
// as_of). Every such problem is reported at once, up to [MaxProblems], as a
// [diag.List] in file order: each [*diag.Error] has the file, line and
// column, the field's JSON path (tandems[2].mentor), a stable code, a
// snippet of the line and a message in Kazakh, Russian and English. A
// dangling reference names both ends: the path of the field that refers,
// and the id and kind it should have found.
//
// What the guide merely forbids — a 24-year-old mentor, a group of 19, a
// 13-year-old volunteer without consent — is well-formed and loads; the
// policy in package rules reports it as a finding.
//
// [Programme.Validate] runs the same checks on a programme built in Go and
// returns the problems by path, without positions.
//
// # Personal data
//
// Children are known by pseudonymous ids; their birth dates, and the
// volunteers' names, contacts and health, are personal data. They never
// appear in error messages (a date-order problem names the fields, not the
// dates), and the types holding them redact them in slog output. A
// problem's Snippet quotes the author's own line back to them: show it to
// the person who wrote the file, keep it out of logs.
//
// # Concurrency
//
// A loaded [Programme] is safe for concurrent reads and look-ups; Index,
// Validate and the lifecycle methods change it and need exclusive access.
package mentoring
