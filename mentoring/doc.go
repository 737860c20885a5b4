// Package mentoring models a mentoring programme for children in difficult
// life situations, as the Sectoral volunteering guide (Салалық волонтерлік
// бойынша нұсқаулық, direction BIRGEMIZ SABAQTASTYQ) describes it: the
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
// on a date, for one of the [CloseReasons], with a note. A step [CanMove] refuses is a
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
// Fields added in the second version of the format (all optional; a file
// without them keeps its meaning): institutions' coordinator,
// partnership_signed_on and interaction_rules_on; volunteers'
// accompanied_by_guardian and screening.safety_briefing; agreements'
// ended_by and notice_days; tandems' closed_on, close_reason (one of
// [CloseReasons]) and close_note; and the lists visits ([Visit]) and
// check_ins ([CheckIn]). [Programme.VisitsOf] and [Programme.CheckInsOf]
// look them up by tandem.
//
// [Load] reads a file, [Decode] a reader and [Parse] bytes in memory.
// examples/data/programme.json is a complete example.
//
// # Errors
//
// Loading fails only on malformed data: a syntax error, an unknown field, a
// wrong type, a bad date such as 2026-02-30, a repeated key, a duplicate
// id, a reference to nothing, a missing required field, or dates that no
// reading of the data makes sense of. Every such problem is reported at
// once, up to [MaxProblems], as a [diag.List] in file order: each
// [*diag.Error] has the file, line and column, the field's JSON path
// (tandems[2].mentor), a stable code, a snippet of the line and a message
// in Kazakh, Russian and English. A dangling reference names both ends:
// the element that refers by its path and its id — shown as
// "tandems[0] (t-7).mentor"; an outing, a visit or a check-in by
// TANDEM@DATE, a report by VOLUNTEER@MONTH — and the id it did not find.
//
// # Malformed or a finding
//
// What the guide merely forbids is well-formed and loads; the policy in
// package rules reports it as a finding. The line between the two, as the
// contract draws it ("unless no reading of the data makes sense"):
//
//   - Input errors: a birth date after as_of (or before 1900); any date
//     outside the years 1900–2199 (a birth in year 1, an agreement signed
//     in 9999); a past event after as_of — a screening stage or the safety
//     briefing, a tandem's start or closing, a signing or a notice, an
//     institution's partnership or interaction rules, a visit or a
//     check-in, a report's month; a tandem started before its mentor or
//     child was born, an outing, visit or check-in before the child was
//     born, an agreement signed before its volunteer was born; a tandem
//     closed before it started, or closed_on on a tandem not closed; a
//     notice or an end recorded without signing, or before it; ended_by on
//     an agreement with neither notice nor end; an admission before birth;
//     a negative commitment_months or notice_days, or more than 365 days'
//     notice; organisation longer than 300 characters.
//   - Findings, not errors: a notice given on or after the end date (the
//     breach itself, rule agreement.notice) or too short; an outing after
//     the tandem closed or before it started (tandem.outing_agreement); a
//     visit or a check-in before the tandem started or after it closed —
//     the pair may well have met before the tandem was recorded, and
//     tandem.regular_contact counts only contacts within the tandem's
//     span; an outing or a group session planned after as_of; ages,
//     commitment, group sizes, missing screening, consent, coordinator,
//     partnership or rules, early closure.
//
// [Programme.Validate] runs the same checks on a programme built in Go and
// returns the problems by path, without positions.
//
// # Loading
//
// A file above the size cap (2 GiB by default: a national roster of a
// million volunteers is 1.4 GB of JSON) is refused after a stat, before it
// is read; [WithMaxBytes], [WithMaxProblems], [WithMaxDepth] and
// [WithMaxAliases] change the caps of package limits for one call. JSON is
// decoded as it is read and each record is confirmed by plain Go checks
// that build nothing; only when something is wrong is the file read again
// to place and show every problem, and only the first problems of each
// list are kept, so a file with a million broken records costs a hundred
// problems. The index keeps one-to-many look-ups in flat arrays.
//
// Measured on the project's 2-core machine (shared, so the figures are
// medians of interleaved runs), on programmes from internal/progen: 100,000
// volunteers, 50,000 children and tandems, 100,000 agreements, 800,000
// reports, 12,500 groups — 122 MB of JSON — and ten times that.
//
//	sabaq check --format json, whole process      time (CPU)      peak memory
//	100k, before (positioned token decoder)      11.5 s (7.2 s)   690 MB (5.6× the file)
//	100k, now                                     1.6 s (0.84 s)  227 MB (1.86×)
//	100k, encoding/json.Unmarshal into any        3.9 s (1.86 s)  880 MB
//	1M (1.24 GB), now                            15.6 s (8.2 s)   2.16 GB (1.75×)
//
//	go test -bench Load100k (same run)           time     allocated
//	BenchmarkLoad100k (in memory)                2.14 s   261 MiB
//	BenchmarkLoadFile100k (streamed)             1.52 s   262 MiB
//	encoding/json.Unmarshal into the structs     4.29 s   567 MiB
//	encoding/json.Unmarshal into any             5.41 s   750 MiB
//
// Before this decoder, BenchmarkLoad100k took 6.9 times the standard
// library's Unmarshal into any (31 s against 4.5 s on the same loaded
// machine, 2.5 GB and 102 million allocations); now 0.28–0.40 of it, with
// 0.7 million allocations.
//
// # Personal data
//
// Children are known by pseudonymous ids; their birth dates, and the
// volunteers' names, contacts and health, the identity documents of
// agreements and the institutions' coordinators, are personal data, marked
// personal:"true" on their fields. They never appear in error messages or
// their arguments (a date that does not exist is quoted as •••, a
// date-order problem names the fields, not the dates); snippets show them
// as •••; and every type holding them, the programme and its lists
// included, redacts them in slog output ([Programme.LogValue] logs counts).
// A snippet still quotes the author's own line: show it to the person who
// wrote the file, keep it out of logs and JSON.
//
// # Concurrency
//
// A loaded [Programme] is safe for concurrent reads and look-ups; Index,
// Validate and the lifecycle methods change it and need exclusive access.
package mentoring
