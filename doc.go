// Package sabaqtastyq checks volunteer mentoring programmes against the
// rules of the Kazakh Sectoral volunteering guide (Салалық волонтерлік
// бойынша нұсқаулық), direction BIRGEMIZ SABAQTASTYQ: who may mentor a child in a difficult life
// situation, how tandems and group sessions are formed, what a volunteer
// agreement says and what it asks of both sides.
//
// The guide is written for people — volunteer centres, the coordinators of
// orphanages and adaptation centres, mentors themselves. This module turns
// the rules it states in prose ("an individual mentor is over 25", "groups
// of 12–18 people, children and mentors together", "at least two weeks'
// notice", "a report at least once a month") into data a program can check,
// and keeps the guide's wording, in Kazakh, Russian and English, in every
// message it prints.
//
// # Who it is for
//
//   - Coordinators run `sabaq check programme.json` and get every broken rule,
//     grouped by volunteer, child, tandem or group, with the guide's line
//     numbers as the source.
//   - Rule authors adapt the rules to their organisation: a profile that
//     extends the guide and changes its parameters, or adds rules in CEL,
//     tested with YAML suites (`sabaq init`, `sabaq test`).
//   - Go developers embed the same checks in their own software: load a
//     programme, compile a policy once, evaluate it as often as needed.
//
// # The packages
//
// The domain comes first and knows nothing of CEL:
//
//   - [github.com/birgemiz/sabaqtastyq/civil]: dates and months without time zones.
//   - [github.com/birgemiz/sabaqtastyq/diag]: positioned, localized errors (file:line:col, JSON path, kk/ru/en).
//   - [github.com/birgemiz/sabaqtastyq/volunteer]: volunteers, their screening, levels and diary.
//   - [github.com/birgemiz/sabaqtastyq/mentoring]: institutions, children, tandems, groups — the programme file and its loader.
//   - [github.com/birgemiz/sabaqtastyq/agreement]: the volunteer agreement and its lifecycle; [github.com/birgemiz/sabaqtastyq/agreement/document] prints it.
//   - [github.com/birgemiz/sabaqtastyq/questionnaire]: the applicant questionnaire; [github.com/birgemiz/sabaqtastyq/questionnaire/form] prints it.
//   - [github.com/birgemiz/sabaqtastyq/recruit]: the recruitment calls and the volunteer's rights and responsibilities, to hand on.
//
// Then the rules and what is built on them:
//
//   - [github.com/birgemiz/sabaqtastyq/rules]: CEL policies — parse, compile, evaluate — and the embedded guide and nastavniki policies.
//   - [github.com/birgemiz/sabaqtastyq/rules/rulestest]: YAML test suites for policies, in `go test` and `sabaq test`.
//   - [github.com/birgemiz/sabaqtastyq/rules/format]: the canonical layout of policy files (`sabaq fmt`).
//   - [github.com/birgemiz/sabaqtastyq/planning]: group-session plans and tandem proposals.
//   - [github.com/birgemiz/sabaqtastyq/report]: monthly reports from the good-deeds diary, and the coordinator's summary of the month's tandems.
//   - [github.com/birgemiz/sabaqtastyq/cmd/sabaq]: the command line.
//
// # Quick start
//
//	prog, err := mentoring.Load("examples/data/programme.json")
//	if err != nil { ... }                 // a diag.List: file:line:col and field of every problem
//	pol, err := rules.Resolve("guide")    // or "nastavniki", or a policy file
//	if err != nil { ... }                 // errors.Is(err, rules.ErrPolicy)
//	rep, err := pol.Evaluate(ctx, prog, rules.WithLang(diag.KK))
//	for _, f := range rep.Findings {
//		fmt.Println(f.Subject, f.Rule, f.Severity, f.Message)
//	}
//
// A compiled policy is immutable and safe for concurrent use; compile it
// once and evaluate it for every programme. Time is always an input: the
// programme's as_of date, or [github.com/birgemiz/sabaqtastyq/rules.WithAsOf].
//
// # Personal data
//
// Programme files hold names, birth dates and contacts. Errors and log
// values never repeat them: errors name ids, fields and positions, and the
// types that hold personal data redact it in slog.
package sabaqtastyq
