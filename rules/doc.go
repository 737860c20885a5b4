// Package rules is the policy engine of sabaqtastyq: the guide's rules as
// CEL expressions in YAML files that rule authors edit without touching Go,
// compiled once and evaluated many times on a mentoring programme.
//
// It is the only package that imports CEL (cel.dev/cel-go, formerly
// github.com/google/cel-go); see "How it works" for its stages.
//
// # Quick start
//
//	prog, err := mentoring.Load("programme.json")     // positioned input errors
//	pol, err := rules.Resolve("guide")                // or "nastavniki", or a file
//	rep, err := pol.Evaluate(ctx, prog, rules.WithLang(diag.KK))
//	for _, f := range rep.Findings { fmt.Println(f.Subject, f.Rule, f.Message) }
//
// [Policy.EvaluateInto] fills a report the caller reuses, for one subject
// after another (rules.WithSubject("volunteer/v-17")) without allocating.
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
//	    source: "R1 (L1557, L2030)"  # where in the guide or the law (package guide reads it)
//	    disabled: false          # a profile may switch a base rule off
//	    override: false          # true: a profile replaces the base rule of this id
//	scores:                     # numeric expressions (subject pair)
//	  - {id: shared_languages, subject: pair, expr: "double(shared_languages.size())", weight: params.w_languages}
//	limits:                     # declared sizes for the cost proof (see Cost)
//	  tandems: 50
//
// A source written as the embedded policies write it ("R10, D2 §3.10
// (L2262)", "Law … on Volunteer Activity, art. 12 §2") is resolved when the
// policy compiles into citations of the guide in the three languages
// (Rule.Citations); each finding carries those of its language
// (Finding.Citations), shared, never built per finding. Other words are
// kept as written and cite nothing.
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
// variables as the rule, rendered only when the rule fails (a bare date
// prints as YYYY-MM-DD, lists joined with ", "). A placeholder that cannot
// be evaluated prints ‹?› and the finding is still reported.
//
// # Words in the reader's language
//
// Inside a message's {{ }} (and a description's), three functions put
// values into the sentence of the template's own language; each template
// is compiled with its language's functions, so a kk message gets Kazakh
// behaviour:
//
//   - say(date), say(month): as people write them — kk "2026 жылғы
//     1 наурыз", ru "1 марта 2026 г.", en "1 March 2026"; kk "2026 жылғы
//     қараша", ru "ноябрь 2026 г.", en "November 2026". say(date, case)
//     and say(month, case) add the Kazakh case ending the sentence needs
//     ("{{say(d, 'ablative')}} бастап" is "2026 жылғы 1 наурыздан бастап",
//     "{{say(d, 'dative')}} дейін" "… наурызға дейін"); in ru a month takes
//     the genitive or the locative ("в {{say(m, 'locative')}}": "в ноябре
//     2026 г."). say(int, case) is a number with its Kazakh ending as the
//     number is read ("25-ке", "10-нан"); digits alone in ru and en.
//   - quantity(int, forms), quantity(int, forms, case): a count and its
//     noun by the CLDR plural rules, forms "one|few|many" in ru
//     ('день|дня|дней': "1 день", "3 дня", "15 дней"; write the case the
//     sentence asks: "не менее {{quantity(n, 'месяца|месяцев|месяцев')}}"),
//     "one|other" in en ('child|children'); kk nouns do not change after a
//     number, and the case puts its ending on the noun ("14 күннен").
//   - words(vocabulary, code), words(vocabulary, code, case),
//     words(vocabulary, codes): a code of the programme in words —
//     vocabularies phase, stage, close_reason, institution, status, level,
//     programme and role ("{{words('institution', institution.kind,
//     'ablative')}}" is "балалар үйінен" in kk); a code a vocabulary lacks
//     shows as it is.
//
// A case (nominative, genitive, dative, accusative, locative, ablative) and
// a vocabulary are string literals: an unknown or computed one is a policy
// error at its file:line:col ([CodeBadCase], [CodeBadVocabulary]). The
// functions run natively and on cel-go alike (the conformance table has
// their cases in every language), and what they build is bounded, so the
// cost proof holds.
//
// Descriptions — of the policy, its params, rules and scores — are
// templates too, over params only: they are rendered once, when the policy
// compiles, with the policy's own values (a profile's included), and
// `sabaq policy show`, explain, JSON and HTML show the rendered text. The
// embedded policies write no number a parameter holds into a message or a
// description ("at least {{quantity(params.mentor_min_commitment_months,
// 'month|months')}}", not "at least a year"); the guide's own figures are
// quoted in comments beside the params, whose descriptions say what they
// mean without the value (shown beside them). A test sets every parameter
// to an unusual value and reads every text in kk, ru and en.
//
// # Profiles
//
// A profile names its base with extends. It inherits everything; a param
// given again overrides the default (its type is inherited, so only
// default and description are needed); a rule with a base rule's id and
// override: true replaces it, disabled: true removes it; new rules and
// variables are added. Reusing a base rule's id without override: true is
// a policy error ([CodeOverrideNeeded]: "rule mentor.min_age is in the
// base policy guide; add override: true to replace it"), so that no rule
// of the guide is replaced by a slip; override: true on an id that no base
// has is one too ([CodeOverrideNothing], with the nearest base id). A
// param or a base that names nothing comes back with the nearest name
// ([CodeUnknownParamHint], [CodeNotFoundHint]). The embedded nastavniki
// profile is two params over the guide:
//
//	name: nastavniki
//	extends: guide
//	params:
//	  mentor_min_commitment_months: {default: 24}
//	  orphanage_child_min_age: {default: 11}
//
// A base is looked up beside the profile, then among the embedded
// [Policies], so a profile on disk may extend "guide". extends names a
// file, never a path: a name with a folder, "..", an absolute path, or a
// symbolic link out of the profile's folder is a policy error at its line
// ([CodeOutside]), and nothing of that file is read. Policy files are read
// with a size cap checked before reading (limits.PolicyBytes, 4 MiB;
// [WithPolicyBytes]); YAML aliases may add at most limits.AliasExpansion
// (10,000) values once followed, and nesting is capped at limits.Depth
// (100).
//
// # Subjects and their variables
//
// Every rule names a subject kind. Each kind sees as_of (the evaluation
// date), programme (the whole programme, for look-ups) and:
//
//	institution institution, children, tandems (of its children, any phase), groups (held there)
//	volunteer   volunteer, tandems (as mentor), agreements, reports
//	child       child, institution, tandems
//	tandem      tandem, mentor, child, institution, agreements (the mentor's), child_groups,
//	            visits, outings, check_ins (the tandem's own)
//	group       group, institution
//	agreement   agreement, volunteer, reports
//	outing      outing, tandem, mentor, child, institution (the child's), agreements
//	programme   (as_of and programme only)
//	pair        mentor, child, institution, agreements, tandems — see [Policy.Pair]
//	respondent  response (a questionnaire.Response) and as_of — see [Policy.Respondent]
//
// Fields are the snake_case names of the programme file (the `cel` tags of
// the domain types): volunteer.birth_date, tandem.started_on,
// mentor.screening.training, group.mentors.size(). Personal data — names,
// contacts, ID documents, health details — is hidden from policies. A
// finding's subject is KIND/ID; an outing's id is TANDEM@DATE; Evaluate
// reports the kinds in the order above, institutions first, as the
// programme file lists them. [Variables]
// lists the variables of a kind, with the type of each and the limit that
// bounds a list; functions.md, beside this package, is the rule author's
// reference generated from the same tables.
//
// # Functions
//
// Standard CEL, the strings, lists, sets and math extensions, and this
// library (version [LibraryVersion]; every function with its signature,
// documentation and an example in [Functions] and functions.md):
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
//	longest_gap(list(date), date, date) -> list(date)
//	                                    the longest stretch without a date of the list
//	                                    between two dates, as its two ends
//
// Compare names and cities with lower(), not lowerAscii(), which leaves
// Cyrillic letters as they are.
//
// A date field that is absent is not an error to hold but an error to use:
// has(agreement.ends_on) tests for it, and reading it without has() makes
// the rule fail with severity error (see Errors).
//
// The library is also a cel.EnvOption for an environment of your own:
// [Library], with [WithLibraryVersion] to keep an environment's meaning
// as the library grows, as cel-go's ext.Strings does.
//
// # Worked examples
//
// Notice before stopping (R10, L2262: "Егер Келісімде өзгесі
// белгіленбесе … кемінде 2 апта бұрын"): when the volunteer ends the
// agreement, notice comes at least the agreement's own period before the
// end, else params.notice_days. An int field that is 0 is absent to has():
// notice_days: 0 means "the policy's period".
//
//	variables:
//	  - name: notice_period
//	    subject: agreement
//	    expr: "has(agreement.notice_days) ? agreement.notice_days : params.notice_days"
//	rules:
//	  - id: agreement.notice
//	    subject: agreement
//	    when: has(agreement.ends_on) && (!has(agreement.ended_by) || agreement.ended_by == 'volunteer')
//	    expr: >-
//	      has(agreement.notice_given_on) &&
//	      days_between(agreement.notice_given_on, agreement.ends_on) >= notice_period
//
// Regular contact (R3, L1590: "кездесулер тұрақты болуы тиіс"): the days
// the pair met — visits, outings, group sessions both attended — and the
// longest stretch without one from the start to as_of (or the closing):
//
//	variables:
//	  - name: contact_dates
//	    subject: tandem
//	    expr: >-
//	      visits.map(v, v.date) + outings.map(o, o.date) +
//	      child_groups.filter(g, tandem.mentor in g.mentors).map(g, g.date)
//	  - name: longest_stretch
//	    subject: tandem
//	    expr: longest_gap(contact_dates, tandem.started_on, as_of)
//	  - name: stretch_days
//	    subject: tandem
//	    expr: days_between(longest_stretch[0], longest_stretch[1])
//	rules:
//	  - id: tandem.regular_contact
//	    subject: tandem
//	    when: tandem.phase in ['inside_institution', 'active', 'closing']
//	    expr: stretch_days <= params.contact_max_gap_days
//	    message:
//	      en: "No meeting from {{say(longest_stretch[0])}} to {{say(longest_stretch[1])}} ({{quantity(stretch_days, 'day|days')}})"
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
//	      en: "No report for {{missing_months.map(m, say(m)).join(', ')}}"
//
// Change "25" to "23" for a project of your own without touching the guide:
//
//	name: our-project
//	extends: guide
//	params:
//	  mentor_min_age: {default: 23}
//
// # The mentoring cycle
//
// The guide's second reading (contract v2) follows a tandem through its
// whole cycle, and each stage is a rule of the embedded guide policy that
// a profile may tune by its parameters:
//
//   - Before contact: the mentor is 25 or older at the start of every
//     tandem (mentor.min_age), passed the four selection stages
//     (mentor.screening) and was given the safety instruction of Appendix
//     4 (mentor.safety_briefing, screening.safety_briefing); the
//     institution has a coordinator (institution.coordinator) and a
//     written agreement with the organisation
//     (institution.partnership_agreement, partnership_signed_on).
//   - The first week: a coordinator's check-in within first_week_days (7)
//     of the start, both ends included (tandem.first_week_support, the
//     list check_ins) — asked once the week is over.
//   - Regular contact: no stretch longer than contact_max_gap_days (14)
//     without a visit, an outing or a group session of both, between the
//     start and the earlier of as_of and closed_on
//     (tandem.regular_contact, the lists visits and outings; one finding
//     naming the longest stretch), while the tandem is inside the
//     institution, active or closing.
//   - Outings: within the tandem's span, past the first meetings, under an
//     agreement in force (tandem.outing_agreement) and the institution's
//     rules for contact and outings (institution.interaction_rules,
//     interaction_rules_on).
//   - One mentor, one child: at most mentor_max_open_tandems (1) open
//     tandems (mentor.single_tandem); the matcher proposes no more.
//   - Closure: closed_on and close_reason; a closure on the mentor's side
//     (early_closure_reasons: mentor_withdrew, mentor_moved, or no reason)
//     before mentor_min_commitment_months is an early closure
//     (tandem.early_closure) — 12 months in the guide, 24 in nastavniki.
//   - Leaving: the volunteer who ends the agreement gives notice
//     (agreement.notice): not asked when the organisation ended it
//     (ended_by), by the agreement's own notice_days when it sets them, and
//     a notice on or after the end is the breach itself, a finding.
//
// The under-18 rules read "18 жасқа дейінгі" as minors: an adaptation
// centre holds children from 3 to under 18, coaching is for 14 to under
// 18 (the parameters adaptation_centre_max_age and coaching_max_age are
// the first age no longer allowed). A child under 14 volunteers with a
// parent's written consent or accompanied by a parent (Law on Volunteer
// Activity, art. 12 §2). A file of the first version, without any of the
// new data, keeps the findings it had; the new rules add warnings to it
// until the data is recorded.
//
// # Errors
//
// Loading reports every problem of every file of the extends chain at once
// — a file with a misspelt key is still compiled, and a rule missing a
// field or a language still has its expressions checked — as a
// [*PolicyError] (errors.Is(err, [ErrPolicy])) whose Problems are
// *diag.Error values in file order: file:line:col, the field path
// (rules[3].expr), a stable code ([CodeCEL], [CodeNotBool],
// [CodeMissingMessage], [CodeUnknownParam], [CodeDuplicateRule],
// [CodeTooCostly], [CodeTooBig], [CodeUnbounded], [CodeObject],
// [CodeOutside], diag.CodeUnknownField…), a caret snippet, and a message
// in kk, ru or en. Unused params and variables are warnings
// ([Policy.Warnings]).
//
// Constant calls are evaluated at load: a call of date, month, timestamp,
// duration, a conversion (int('12')), the library's date arithmetic or an
// operator on constants — literals, params, and such calls — has one value
// on every subject and day, so a bad one (date('2026-13-01'), 12 / 0) is a
// problem at its own line and column ([CodeConstantDate],
// [CodeConstantMonth], [CodeConstantTimestamp], [CodeConstantDuration],
// [CodeConstant]), not an error finding per subject. They are evaluated
// even when the type checker failed elsewhere in the expression. Nothing
// that builds a list or a long string is evaluated at load. Valid
// constants are not rewritten: the native evaluator folds them.
//
// A message shows values only: each placeholder must be a string, a
// number, a bool, a date, a month or a list of them. An object
// ({{mentor}}) is a policy error at the placeholder ([CodeObject]), so no
// record — and no personal data a record holds — can leave through a
// message. [Policy.Explain] shows an object as its kind and id
// (volunteer/v-1), never its fields.
//
// Evaluate checks what it is given: a programme that was not validated is
// validated first (once; mentoring's Validated), and an invalid one fails
// with [ErrInput] carrying every problem as a diag.List. At run time a rule
// that cannot be evaluated — an absent date read without has(), a cost
// budget or the build cap exceeded — becomes a finding with severity
// "error": never a crash, never a silent pass, and the report is not
// compliant.
//
// # Cost
//
// Every rule is proved at load, twice.
//
// Time: its worst-case cost is estimated, counting its when, its expr and
// the variables they read (cel-go's estimator, with ext.Strings' cost
// models, which count what replace, join and split build). The estimate
// takes every size from what bounds it: a field by its validation tag (a
// report's summary max=5000, a volunteer's languages max=20 — Evaluate
// validates first, so a programme keeps to them), a subject's list by the
// policy limit the kind table names (tandems 50, agreements 50, reports
// 240, child_groups 100, visits 1000, outings 500, check_ins 500, an
// institution's children, tandems and groups 1000 each — institution_children,
// institution_tandems, institution_groups; months_open's list by months
// 240, longest_gap's sort by its list), group lists
// without a tag by mentors and children (200), a string without a tag by
// string (100 characters); override them under limits. A rule whose
// estimate exceeds the cost limit ([WithCostLimit], default
// [DefaultCostLimit]) is rejected at load with [CodeTooCostly], naming the
// rule and the estimate. A rule that reads lists of the whole programme
// (programme.tandems…) has no static bound: it loads, and runs metered —
// cel-go with a runtime budget equal to the cost limit; the native
// evaluator counts one unit an iteration against the same budget and,
// past it, hands the rule to cel-go, whose meter (counting every
// operation) decides and words the error — and honours context
// cancellation between subjects. On a programme so large that cel-go's
// meter runs out first, the native evaluator may still answer where
// WithCELOnly reports the budget exceeded.
//
// Memory: every value a rule builds — a concatenation, a list literal, a
// map or filter, the result of replace, join, split, lower… — is sized at
// load from the same bounds (strings in bytes, four a character) and must
// stay within limits.RuleBuildBytes (1 MiB); one that may not, or whose
// size nothing bounds (a list built from a list of the whole programme, a
// function without a bound), is rejected at load with [CodeTooBig] or
// [CodeUnbounded], naming the expression that builds it. The issue's
// attack, reports.all(r, r.summary.replace('a', r.summary.replace('a',
// r.summary)).size() > 0), asks for 125 GB on a valid 5,000-character
// summary and is refused at load. At run time the native evaluator checks
// each value again before building it (lists can be longer than their
// declared limits) and stops the rule with an error finding; cel-go never
// runs a building rule on a subject whose lists pass the declared limits.
//
// So one evaluation of one subject holds, besides the programme itself
// (read in place, never copied) and the engine's positions of it (built
// once per programme: one int per reference), a pooled working state per
// goroutine — the subject's bound variables, its policy variables, the
// comprehension variables, a few kilobytes — and the values its rules
// build: each at most 1 MiB, those of the native evaluator's lists from an
// arena of at most 1 MiB reused from subject to subject; at once, at most
// one per policy variable of the kind and one per level of the expression
// being evaluated (64 at most, the parser's limit). The parser rejects
// expressions longer than 16 KiB or nested deeper than 64.
//
// # How it works
//
// Parse, compile, evaluate; the stages are the package's files and
// internal packages, and arrows point one way, down:
//
//	policy.go, parse.go     the front (Load, Resolve, Policy) and the policy
//	                        file: YAML to a positioned File
//	compile.go, compile_rule.go, cost.go, bounds.go
//	                        the compiler: a CEL environment per subject kind,
//	                        params as constants, variables, rules, scores and
//	                        message placeholders type-checked, the cost and
//	                        build proofs, and the native forms
//	evaluate.go, binding.go, pair.go, explain.go
//	                        evaluation: a subject bound once, each rule run
//	internal/subject        the one table of subject kinds: each kind's
//	                        variables (name, CEL type, limit, documentation)
//	                        and how each is found and bound; the engine's own
//	                        positions of a programme, built once per programme
//	internal/library        the one function table: each function written
//	                        once in Go, its cel-go binding, its native form,
//	                        its documentation and what it may build; a
//	                        versioned cel.Library
//	internal/native         the native evaluator: checked CEL compiled to Go
//	                        closures
//	internal/value          its unboxed value, and the tables that read the
//	                        domain structs in place
//
// cel-go is the reference evaluator. Each checked expression is compiled
// a second time into Go closures over an unboxed 32-byte value
// (internal/native): a field read goes straight to the struct's memory at
// an offset computed once; a subject's lists are positions in the
// programme's slices, never copied; variables are computed once per
// subject; params and constant sub-expressions are folded at compile time;
// exists, all, exists_one, filter and map run as plain loops; s.split(sep)[0]
// and x.lower() == y.lower() build nothing; lists a subject's rules build
// come from an arena reused from subject to subject. The native evaluator
// covers literals, variables, fields and has(), logic, comparisons,
// arithmetic, lists with in, size and indexing, the comprehension macros,
// every function of the library and the cel-go functions functions.md
// lists; every rule and score of the embedded policies is native. An
// expression using anything else runs on cel-go, and the compiler records
// why: [Rule].Evaluator and Reason, `sabaq policy show NAME --format json`,
// `sabaq lint -v`.
//
// At run time the native evaluator gives up in two planned ways only.
// What is an error in CEL (a missing date, an overflow, a division by
// zero, a field of a missing object) hands the rule to cel-go, which
// evaluates it again, so errors and their messages are always cel-go's
// (so does the cost budget, run out); the build guard stops the rule with
// an error finding and runs it nowhere else. Any other panic is a bug: an error
// finding naming it, never a quiet pass; the tests and fuzzers fail on
// it. A conformance table (testdata/conformance: expression × subject →
// value or error) runs on both evaluators and covers every function,
// operator and macro the native side claims; the package's tests compare
// the two on random programmes and by fuzzing, and the rulestest kit
// evaluates every case both ways. [WithCELOnly] turns the native evaluator
// off.
//
// # What comes due
//
// [Policy.Due] answers a coordinator's question — what goes wrong next if
// nothing is done — from the same rules: every finding that is not there
// on a first day and appears on some day up to a last one, with the first
// day it appears and its message as of that day. Its result is, by
// definition, that of evaluating the policy on every day of the span; it
// gets there by evaluating only what can change, only when it can:
//
//   - A rule whose when and expr, with the policy variables they read
//     (and those read in turn), never name as_of gives the same result on
//     every day: it runs once, on the first day. So does a subject that a
//     rule's as_of-free when skips on the first day.
//   - Every other rule is walked once, when the policy is first asked, for
//     the places that read as_of. Each must sit in one of four shapes, and
//     each shape has a date E that reads no as_of (fields, params, other
//     such variables, the elements of comprehensions over lists that read
//     no as_of):
//     as_of compared with E, or days_between(E, as_of) or
//     days_between(as_of, E) compared with a number K (E is moved by K):
//     the comparison can only change on E-1, E or E+1;
//     age(E, as_of) or age(as_of, E): only on E's day of the year and the
//     day after (28 February and 1 March for 29 February), and 1 January;
//     months_between(E, as_of) either way round: only on E's day of the
//     month (clamped to the month's end), the day after, and the 1st;
//     month_of(as_of), also through add_months(as_of, k): only on the 1st
//     of a month. E is evaluated once per subject (for every element of
//     the comprehensions it sits in), and its days are the subject's
//     change days for the rule.
//   - A rule that reads as_of in any other way (as_of itself in a
//     variable, add_days(as_of, 3), longest_gap(…, as_of)) is evaluated on
//     every day, for the subjects that reach it.
//
// Why this is exact: between two consecutive change days every place
// that reads as_of gives the same value (each shape's value is a function
// of as_of that is constant there; an E that fails to evaluate fails on
// every day alike, and so does its place), and everything else the rule
// reads is the same on every day, so the rule's evaluation is the same
// step for step. A rule is evaluated on its change days in order until it
// fails; the first failure is the day it comes due. The package's tests
// check this against the every-day evaluation on random programmes, on
// the embedded policies and on a policy that reads as_of in every shape
// and in shapes it does not know.
//
// Cost: one evaluation of the policy, plus per subject a few probes and
// one evaluation of a changing rule per change day (a birthday, a 1st of
// the month, a threshold crossed), except for rules evaluated daily. Over
// 90 days on a programme of 1,000 volunteers (BenchmarkDue, medians of
// five on 2 shared cores) that is 3.0 ms beside 150 ms for evaluating
// every day (50 times less), and 2.3 ms beside 311 ms on a random
// programme near every boundary (135 times). A span is at most
// [MaxDueDays] (731) days.
//
// # Performance
//
// Measured with bench_test.go on 2 cores shared with other work, so as
// CPU time per call (user and system time of GOMAXPROCS=1 runs, the
// difference of two run lengths so that setup cancels out; medians of
// three), whole Evaluate calls with WithSubject on the guide policy,
// beside hand-written Go of the same rules and the straightforward cel-go
// way (one program per rule, a fresh map activation per call, the runtime
// cost limit on):
//
//	subject (guide policy)       hand-written Go   naive cel-go   this package   before
//	one volunteer (5 rules)          9 ns            6.2 µs         323 ns        421 ns
//	one child (3 rules)             15 ns            3.1 µs         228 ns
//	one tandem (4 rules)           118 ns           12.2 µs         458 ns        529 ns
//	one group (2 rules)              1 ns            2.4 µs         203 ns        247 ns
//	one agreement (2 rules)        137 ns           21.6 µs         945 ns
//	one outing (1 rule)             39 ns            2.4 µs         281 ns
//	a call that runs no rule                                        176 ns
//
// ("before" is the engine before the pipeline was reorganised.) A
// single-subject call allocates one 80-byte report and nothing else: the
// options live in a pooled working state, cel-go's activation is readied
// only when cel-go is asked, the programme's positions are found by one
// pointer comparison. Over a programme of 100,000 volunteers (50,000
// children and tandems, 100,000 agreements, 800,000 reports, 12,500
// groups: 312,500 subjects), a whole Evaluate takes about 430 ns a
// subject beside 200–280 ns for hand-written Go, with no allocation but
// the report.
//
// A whole-programme Evaluate of 4,096 subjects or more is spread over
// GOMAXPROCS goroutines, in spans of consecutive subjects of one kind,
// each with its own working state; the spans' findings are joined in
// order, so that the report is the one a single goroutine gives, finding
// for finding (a test compares them). Smaller programmes, and calls with
// WithSubject, stay on the caller's goroutine: there the goroutines would
// cost more than they save. Set GOMAXPROCS=1 to keep a large evaluation
// on one core.
//
// The engine keeps, per programme, its positions of the programme's
// references (built on first use, one int per reference, held weakly so
// that they go with the programme), and the last programme evaluated
// stays referenced until another is evaluated.
package rules
