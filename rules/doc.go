// Package rules is the policy engine of sabaqtastyq: the guide's rules as
// CEL expressions in YAML files that rule authors edit without touching Go,
// compiled once and evaluated many times on a mentoring programme.
//
// It is the only package that imports CEL (cel.dev/cel-go, formerly
// github.com/google/cel-go). The pipeline is visible in its files:
// parse.go reads a policy file keeping every position; compile.go
// type-checks every expression against the domain types and estimates its
// cost; eval.go evaluates; explain.go shows why.
//
// # Quick start
//
//	prog, err := mentoring.Load("programme.json")     // positioned input errors
//	pol, err := rules.Resolve("guide")                // or "nastavniki", or a file
//	rep, err := pol.Evaluate(ctx, prog, rules.WithLang(diag.KK))
//	for _, f := range rep.Findings { fmt.Println(f.Subject, f.Rule, f.Message) }
//
// A [*Policy] is immutable and safe for concurrent use. To change policies
// while serving, load a directory into a [Set] and serve it from a [Store]:
// [Store.Reload] compiles everything first and swaps atomically; a failed
// reload returns its errors and the old set keeps serving.
//
// # The policy file
//
// A policy is one YAML document:
//
//	name: guide                 # required
//	version: "1.0.0"
//	description: {kk: …, ru: …, en: …}
//	extends: ""                 # a base policy: see Profiles
//	params:                     # typed parameters
//	  mentor_min_age:
//	    type: int               # int, double, bool, string, list(string)
//	    default: 25
//	    description: {kk: …, ru: …, en: …}
//	variables:                  # named sub-expressions
//	  - name: age
//	    subject: volunteer
//	    expr: age(volunteer.birth_date, as_of)
//	rules:
//	  - id: mentor.min_age      # stable id; findings carry it
//	    subject: volunteer      # what the rule is about
//	    when: mentors           # optional precondition (bool)
//	    expr: age >= params.mentor_min_age    # true means compliant (bool)
//	    severity: deny          # deny breaks a rule, warn is below a recommendation
//	    message:                # all three languages are required
//	      kk: "{{volunteer.id}} волонтері {{age}} жаста: …"
//	      ru: "…"
//	      en: "Volunteer {{volunteer.id}} is {{age}}: …"
//	    source: "R1 (L1557, L2030)"  # where in the guide or the law
//	    disabled: false          # a profile may switch a base rule off
//	scores:                     # numeric expressions (subject pair)
//	  - {id: shared_languages, subject: pair, expr: "double(shared_languages.size())", weight: params.w_languages}
//	limits:                     # declared list sizes for the cost estimate
//	  tandems: 50
//
// Thresholds never appear as literals in expressions: they are params, read
// as params.NAME. Params are CEL constants, so a misspelled one is an error
// at load ("undeclared reference to 'params.min_agee' (did you mean
// 'params.min_age'?)") and costs nothing at run time.
//
// Variables are evaluated lazily, at most once per subject, and only when
// a rule or a message reads them. Later variables may read earlier ones.
//
// Messages are templates: each {{ … }} is a CEL expression over the same
// variables as the rule, rendered only when the rule fails (dates print as
// YYYY-MM-DD, lists joined with ", "). A placeholder that cannot be
// evaluated prints ‹?› and the finding is still reported.
//
// # Profiles
//
// A profile names its base with extends. It inherits everything; a param
// given again overrides the default (its type is inherited, so only
// default and description are needed); a rule with a base rule's id
// replaces it, disabled: true removes it; new rules and variables are
// added. The embedded nastavniki profile is two params over the guide:
//
//	name: nastavniki
//	extends: guide
//	params:
//	  mentor_min_commitment_months: {default: 24}
//	  orphanage_child_min_age: {default: 11}
//
// A base is looked up beside the profile, then among the embedded
// [Policies], so a profile on disk may extend "guide".
//
// # Subjects and their variables
//
// Every rule names a subject kind. Each kind sees as_of (the evaluation
// date), programme (the whole programme, for look-ups) and:
//
//	volunteer   volunteer, tandems (as mentor), agreements, reports
//	child       child, institution, tandems
//	tandem      tandem, mentor, child, institution, agreements (the mentor's)
//	group       group, institution
//	agreement   agreement, volunteer, reports
//	outing      outing, tandem, mentor, child, agreements
//	programme   (as_of and programme only)
//	pair        mentor, child, institution, agreements, tandems — see [Policy.Pair]
//	respondent  response (a questionnaire.Response) and as_of — see [Policy.Respondent]
//
// Fields are the snake_case names of the programme file (the `cel` tags of
// the domain types): volunteer.birth_date, tandem.started_on,
// mentor.screening.training, group.mentors.size(). Personal data — names,
// contacts, ID documents, health details — is hidden from policies, so a
// message can never leak it. A finding's subject is KIND/ID; an outing's id
// is TANDEM@DATE. [Variables] lists the variables of a kind.
//
// # Functions
//
// Standard CEL, the strings, lists, sets and math extensions, and this
// library (version [LibraryVersion]; see [Functions]):
//
//	age(date, date) -> int              whole years: age(birth_date, as_of)
//	days_between(date, date) -> int     days from the first to the second
//	months_between(date, date) -> int   whole calendar months
//	add_days(date, int) -> date
//	add_months(date, int) -> date       clamped: 2026-08-31 + 6 = 2027-02-28
//	month_of(date) -> month
//	months_open(month, month) -> list(month)   strictly between, in order
//	date('2026-11-24'), month('2026-10')
//	string(date), string(month)
//	<, <=, >, >=, ==, != on two dates or two months
//	s.lower()                           lower case in every script: 'АЛМАТЫ'.lower() == 'алматы'
//
// Compare names and cities with lower(), not lowerAscii(), which leaves
// Cyrillic letters as they are.
//
// A date field that is absent is not an error to hold but an error to use:
// has(agreement.ends_on) tests for it, and reading it without has() makes
// the rule fail with severity error (see Errors).
//
// # Worked examples
//
// Notice before stopping (R10): when the agreement has an end date, notice
// was given at least params.notice_days before it:
//
//   - id: agreement.notice
//     subject: agreement
//     when: has(agreement.ends_on)
//     expr: >-
//     has(agreement.notice_given_on) &&
//     days_between(agreement.notice_given_on, agreement.ends_on) >= params.notice_days
//
// Monthly reports (R10), with the missing months in the message:
//
//	variables:
//	  - name: missing_months
//	    subject: agreement
//	    expr: >-
//	      months_open(month_of(agreement.signed_on), month_of(as_of)).filter(m,
//	        (!has(agreement.ends_on) || m <= month_of(agreement.ends_on)) &&
//	        !reports.exists(r, r.month == m))
//	rules:
//	  - id: agreement.monthly_report
//	    subject: agreement
//	    when: has(agreement.signed_on)
//	    expr: missing_months.size() == 0
//	    message:
//	      en: "No report for {{missing_months.map(m, string(m)).join(', ')}}"
//
// Change "25" to "23" for a project of your own without touching the guide:
//
//	name: our-project
//	extends: guide
//	params:
//	  mentor_min_age: {default: 23}
//
// # Errors
//
// Loading reports every problem of every file of the extends chain at once,
// as a [*PolicyError] (errors.Is(err, [ErrPolicy])) whose Problems are
// *diag.Error values in file order: file:line:col, the field path
// (rules[3].expr), a stable code ([CodeCEL], [CodeNotBool],
// [CodeMissingMessage], [CodeUnknownParam], [CodeDuplicateRule],
// [CodeTooCostly], diag.CodeUnknownField…), a caret snippet, and a message
// in kk, ru or en. Unused params and variables are warnings
// ([Policy.Warnings]).
//
// At run time a rule that cannot be evaluated — an absent date read
// without has(), a cost budget exceeded — becomes a finding with severity
// "error": never a crash, never a silent pass, and the report is not
// compliant.
//
// # Cost
//
// Every rule's worst-case cost is estimated statically at load, counting
// its when, its expr and the variables they read. The estimate needs the
// size of every list a rule iterates: those of a subject (tandems,
// agreements, reports, group.mentors, languages, months_open's result…)
// have declared bounds (defaults: tandems 50, agreements 50, reports 240,
// months 240, group members 200, languages 20, interests 50, skills 100,
// strings 1000 bytes; override them under limits). A rule whose estimate
// exceeds the cost limit ([WithCostLimit], default [DefaultCostLimit]) is
// rejected at load with [CodeTooCostly].
//
// Rules proven within the limit run without runtime metering — unless a
// subject's lists are longer than the declared bounds, in which case that
// subject's rules run metered. Rules that read programme-wide lists
// (programme.groups…) cannot be bounded statically: they always run with a
// runtime cost budget equal to the cost limit and honour context
// cancellation. The parser rejects expressions longer than 16 KiB or nested
// deeper than 64.
//
// # Performance
//
// Measured with go test -bench on 2 shared cores (see bench_test.go;
// medians of five runs on a noisy machine), the full guide policy per
// subject, beside hand-written Go of the same rules and the
// straightforward cel-go way (one program per rule, a fresh map activation
// per call, runtime cost limit on). The single-subject figures are whole
// Evaluate calls with WithSubject; their one allocation is the report.
//
//	subject (guide policy)      hand-written Go    naive cel-go           this package
//	one volunteer (5 rules)     10 ns, 0 allocs    8.8 µs, 52 allocs      0.71 µs, 1 alloc   (12×)
//	one tandem (4 rules)        199 ns, 2 allocs   15.2 µs, 97 allocs     0.85 µs, 1 alloc   (18×)
//	one group (2 rules)         2.6 ns, 0 allocs   3.6 µs, 20 allocs      0.48 µs, 1 alloc   (7×)
//	programme of 100,000 volunteers, 50,000 children and tandems,
//	100,000 agreements, 800,000 reports, 12,500 groups (312,500 subjects), per subject:
//	                            294 ns, 1 alloc    12.6 µs, 120 allocs    0.57 µs, 0 allocs  (22×)
//
// Safety stays on throughout: a rule runs without a cost meter only when
// its static cost bound is proved within the policy's limit and the
// subject's lists fit the declared limits; everything else is metered by
// cel-go, and the context is checked between subjects.
//
// How: cel-go remains the reference evaluator, and each checked expression
// is compiled a second time into Go closures over an unboxed 32-byte value
// (fast.go). Field reads go straight to the struct's memory at an offset
// computed once; a subject's lists are the programme index's positions
// (mentoring.Links), never copied; variables are computed once per
// subject; params are constants; exists, all and filter run as plain loops
// over their predicate; concatenating an empty list allocates nothing. The
// fast path covers literals, variables, fields and has(), logic,
// comparisons, arithmetic, lists with in, size and indexing, the
// comprehension macros, every function of the library above and the
// string functions contains, startsWith, endsWith, lower, lowerAscii and
// upperAscii. An expression using anything else runs on cel-go as a whole.
// At run time the fast path gives up on whatever is an error in CEL (a
// missing date, an overflow, a division by zero, a field of a missing
// object) and cel-go runs the rule again, so errors and their messages are
// always cel-go's, and messages are rendered by cel-go. WithCELOnly turns
// the fast path off; the rulestest kit evaluates every case both ways and
// reports a difference as a broken case, and the package's own tests
// compare the two on random programmes and by fuzzing.
package rules
