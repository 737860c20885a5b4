// Package peers evaluates the guide policy's rules with three engines on
// the same programme, so that they can be checked against each other and
// timed side by side (issue 11):
//
//   - ours: the rules package through its public API only,
//     rules.Resolve("guide") and Policy.Evaluate, with rules.WithSubject
//     for one subject. A call looks the subject up, binds what its rules
//     read, runs them and allocates the report.
//   - expr: github.com/expr-lang/expr, the guide's rules written in expr
//     (expr_rules.go): one program per rule, compiled once against a typed
//     environment struct per subject kind, the function library registered
//     with expr.Function and typed signatures, one reused vm.VM and one
//     reused environment per kind. A call looks the subject up in the
//     harness's own index (maps built once, as our programme index is),
//     fills the environment and runs the programs.
//   - opa: OPA's github.com/open-policy-agent/opa/v1/rego, the rules
//     written in Rego (rego/*.rego, one package per kind with deny and warn
//     sets of rule ids): one prepared query per kind, and every subject's
//     input converted to an ast.Value once, when the engine is built
//     (rego.EvalParsedInput), so that a call is the evaluation alone: no
//     encoding, no parsing, no look-up but one map read.
//
// The engines are compared on [Finding]s: rule id, severity and subject.
// Messages are left out; only our engine renders them, and only for a
// failing rule. Params come from the policy in every engine (expr gets
// them as literals in the source, OPA as a generated guide.params package),
// so a profile such as nastavniki can be compared as well.
//
// # Correspondence with the guide
//
// Every rule id of rules/policies/guide.yaml appears once in
// expr_rules.go and once in rego/KIND.rego for its subject kind;
// TestSameRules fails when the policy gains or loses a rule the
// translations do not. The function library maps as follows:
//
//	CEL (ours)                   expr                        Rego (rego/lib.rego)
//	age(d, on)                   age_at(d, on)               lib.age(d, on)
//	days_between(a, b)           days_between(a, b)          lib.days_between(a, b)
//	add_months(d, n)             add_months(d, n)            lib.add_months(d, n)
//	month_of(d)                  month_of(d)                 lib.month_index(d) (months as indexes)
//	months_open(a, b)            months_open(a, b)           lib.months_open(i, j)
//	has(x.date)                  set(x.Date)                 is_string(x.date) (null when unset)
//	list.exists(x, p)            any(list, p)                some x in list; p
//	a <= b on dates              overloaded <= (le)          string order of YYYY-MM-DD
//
// The tests (peers_test.go) require the same findings from all three on
// hand-made programmes with every rule on both sides of its boundary and on
// a generated programme with breaches, both over the whole programme and
// subject by subject. The benchmarks (bench_test.go) time them in one run;
// bench/peers.sh runs them in rounds and prints the table.
//
// An Engine is not safe for concurrent use (the expr engine reuses its
// virtual machine and environments).
package peers
