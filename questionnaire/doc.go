// Package questionnaire models the applicant questionnaire of the guide
// (Appendix 1, «Волонтерге үміткердің сауалнамасы», D1): what a person who
// wants to volunteer says about themselves, so that the organisation can
// suggest the role that fits them best.
//
// The guide is clear about the questionnaire's purpose (L818–L826): it is a
// self-assessment, not a test of the applicant. It shows the skills the work
// asks for and helps choose a convenient kind of work. Nothing here scores or
// rejects a person; [Response.Validate] only checks that the form was filled
// in by its own rules.
//
// # The response
//
// A [Response] holds every answer of the form: name, phone and e-mail (personal
// data, redacted in logs by [Response.LogValue] and hidden from policies),
// gender, education, free time, up to three motives, eight qualities rated 1
// to 5, years in the locality, experience with people, health limitations and
// up to two preferred activities. Choices are stable snake_case option ids
// ([Motive], [Activity], …); the printed form in package
// questionnaire/form uses the same ids.
//
// One field is not on the guide's form: the applicant's birth date. The
// guide's rules are by age — an individual mentor is 25 or older (R1), an
// event volunteer 18 or older (R13) — so the role cannot be suggested
// without it.
//
// # Files
//
// [Load] and [Decode] read a response from JSON or YAML with the project's
// decoder (internal/decode), in time linear in its size. Every problem is
// reported at once as a [diag.List], each at its file:line:col with the
// field's JSON path and a snippet of the line: syntax, unknown fields,
// duplicate keys, wrong types, impossible dates, and then the form's own
// rules, placed at the question they concern. The caps of package limits
// apply — 1 MiB a response (refused after a stat), nesting 100, 100
// problems — and [WithMaxBytes], [WithMaxProblems] and [WithMaxDepth]
// change them. In YAML, plain scalars stand for strings (people filling a
// form do not quote) and aliases are refused. The applicant's name,
// contacts, birth date and health answers are never quoted in a problem
// and are masked in snippets.
//
// # Validation
//
// [Response.Validate] checks the form's rules through the `validate` tags
// (at most [MaxMotives] motives, at most [MaxActivities] activities, each
// quality from [MinRating] to [MaxRating], known option ids, no choice twice)
// and, in code, that an explanation is given wherever "other" or "yes
// (explain)" is chosen ([CodeExplain]). Messages are in Kazakh, Russian and
// English and never repeat personal data.
//
// # Roles
//
// Which [Role] fits a response is decided by the CEL policy in roles.yaml
// (subject respondent, variable response), run by package rules; this
// package does not evaluate it. The policy's field names are the `cel` tags
// of [Response].
//
// The suggestions rest on what the guide says and nothing more: the work
// the applicant marked in question 6 (the form lets them "choose a
// convenient kind of work", L822) and the guide's ages — individual
// mentoring from 25 (R1), events from 18 (R13). For individual mentoring
// the guide asks readiness to give a child attention and time, and
// regular meetings on a known day (L1590–L1596, L2422–L2428), not a number
// of hours: an applicant free only at weekends fits. Two params let an
// organisation ask more — mentor_min_hours (default 0) and
// mentor_min_quality (default 1, the lowest rating) — and a profile that
// extends the policy raises them; the defaults ask nothing, since the form
// is a self-assessment, not a test (L823).
//
// Every rule's message says what its role asks and the answers it read,
// in words rather than option ids, and reads right whether the role fits
// or not: a caller shows it in both cases. Each rule's description names
// the role in words, for display instead of its id.
package questionnaire
