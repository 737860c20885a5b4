// Package planning proposes how to organise a mentoring programme: which
// children and mentors meet in which group session, and which mentor could
// be paired with which child. Everything it returns is a proposal with its
// reasons; the coordinator (үйлестіруші) decides.
//
// # Group sessions
//
// The guide forms tandems in group sessions of 12–18 people, children and
// mentors counted together, and asks for several groups when an institution
// has many mentors (R4, R8). [PlanGroups] splits each institution's
// participants into the fewest groups whose sizes lie within the bounds,
// never separates a mentor from a child of an open tandem, and balances
// the share of mentors and a common language across groups. When no split
// within the bounds exists (19–23 people with the defaults) it returns the
// best plan it can and a [Finding] for every group outside the bounds,
// with the policy's rule ids group.max_size and group.min_size.
//
// # Tandems
//
// [Match] proposes tandems. A [Judge] says which mentors may be proposed
// and which pairs are allowed, and scores each allowed pair as a weighted
// sum of [ScorePart]s. This package knows only its own Judge interface:
// package policyjudge makes the judge of a compiled policy — the command
// line uses rules/policies/pairs.yaml — and tests also use Go
// ([FuncJudge]). A judge that is also a [Screener] answers the n² pair
// questions without rendering messages. With a policy, a volunteer is ruled out as a
// mentor by any deny or error finding the policy has about them (the
// guide's mentor.min_age — on as_of and at the start of every tandem they
// mentor —, mentor.commitment, volunteer.minor_consent, or a volunteer
// rule a profile adds); warnings do not rule anyone out. A pair is
// forbidden by any deny or error finding of the pair rules, and its
// warnings go with the proposal as notes. Match then solves the
// assignment exactly with package [assign]: as many pairs as possible,
// then the highest total score. Each [Proposal] carries its score parts,
// each [Unmatched] person a reason code and a message: the mentor rules, a
// full mentor, a child who already has a tandem, no allowed partner (with
// the rules that ruled them out), or every allowed partner proposed with
// someone else.
//
// # check and match agree
//
// The matcher proposes no mentor whom `sabaq check` would flag once the
// tandem exists. With the pairs policy: the four selection stages and the
// safety instruction done (pair.mentor_screening,
// pair.mentor_safety_briefing), an agreement in force on as_of
// (pair.mentor_agreement: a mentor whose agreement has ended is not
// proposed again), and a free place — a judge that is a [Capacity] says
// how many open tandems a mentor may have, the policy's
// mentor_max_open_tandems (1, the guide's mentor.single_tandem). When a
// rule forbade a person with every candidate on the other side, the
// person's [Unmatched] carries that rule's finding with its message, in
// the matching's language, in JSON and in text.
//
// Closed tandems count for nothing: a volunteer is a candidate mentor as
// an individual mentor or for an open tandem, a closed tandem takes no
// place, and a child with only closed tandems is a candidate again.
// Children in group-format mentoring are not candidates for an individual
// mentor and are not listed as unmatched.
//
// # Output
//
// [GroupPlan] and [Matching] encode as JSON (WriteJSON) and as text for a
// coordinator (WriteText); messages come in Kazakh, Russian or English.
// Ids are listed as people read them — v-1, v-2, v-10, not v-1, v-10, v-2
// — in both. The text puts the names the programme file gives beside the
// ids: "v-1 (Айгерім Сәдуақасова)", "inst-1 (Алматы қаласының №1 балалар
// үйі)". A volunteer's name is personal data: it is shown on the
// coordinator's own screen, and never written to JSON, which carries ids
// only (children are known by their ids alone).
//
// # Command line
//
// `sabaq plan groups FILE` and `sabaq match FILE` are thin wrappers; with
// prog from [mentoring.Load], pol from rules.Resolve (the --policy flag:
// "guide" by default for groups, "pairs" for match) and lang from --lang
// (the flags besides --policy, --lang and --format are suggestions):
//
//	// sabaq plan groups FILE [--institution ID] [--policy P] [--format text|json]
//	lo, hi, err := policyjudge.Bounds(pol) // group_min_size, group_max_size; 12–18 if absent
//	plan, err := planning.PlanGroups(prog, planning.GroupOptions{
//		Min: lo, Max: hi,
//		Institutions: ids,     // --institution, repeatable; empty means all
//		Mentors:      newcomers, // institution id → volunteer ids without a tandem there yet
//		Lang:         lang,
//	})
//	err = plan.WriteText(os.Stdout, lang) // or plan.WriteJSON(os.Stdout)
//
//	// sabaq match FILE [--policy pairs] [--institution ID] [--max-children N] [--format text|json]
//	judge, err := policyjudge.New(ctx, pol, prog, lang)
//	m, err := planning.Match(ctx, prog, judge, planning.MatchOptions{
//		Institutions: ids, MaxChildren: n, Lang: lang,
//	})
//	err = m.WriteText(os.Stdout, lang) // or m.WriteJSON(os.Stdout)
//
// policyjudge.New fails with rules.ErrPolicy for a policy without pair
// rules or scores (the guide alone; exit 3) and with rules.ErrInput for
// a programme that is not valid (exit 2); PlanGroups and
// Match fail with a [diag.List] for an unknown institution, an unknown
// volunteer in GroupOptions.Mentors or bad bounds (exit 2), which
// localizes in kk/ru/en. A plan's findings ([GroupPlan.Findings]) and a
// matching's unmatched people are part of the proposal, not errors.
//
// # Concurrency
//
// PlanGroups and Match keep no state between calls and may run
// concurrently. Match asks its Judge about many pairs at once, so a Judge
// must be safe for concurrent use; a policy judge is, as long as its
// programme does not change.
//
// # Performance
//
// Match judges every mentor–child pair, n² judgements for n mentors and
// n children, then solves the assignment in O(n³) at worst.
// BenchmarkMatchCEL runs it as `sabaq match` does, with the embedded pairs
// policy (building the judge included); BenchmarkMatch is the baseline,
// the same rules and scores written by hand in Go. Programmes of n mentors
// and n children in 20 institutions of two cities; CPU time per Match
// (GOMAXPROCS=1, the difference of two run lengths, on 2 shared cores):
//
//	n      Go judge   policy judge   ratio   policy judge before
//	100     6.9 ms       9.2 ms      1.3×       202 ms
//	500     170 ms       207 ms      1.2×       4.9 s
//	1000    643 ms       773 ms      1.2×      19.0 s
//
// The policy judge is native end to end: every rule and score of
// pairs.yaml runs on the rules package's native evaluator, and Match asks
// it, through [Screener], only whether each pair is allowed, its score and
// the rules that forbid it — no findings, no messages, nothing allocated
// — and renders messages only for the pairs it proposes.
//
// [assign]: https://pkg.go.dev/github.com/birgemiz/sabaqtastyq/planning/assign
package planning
