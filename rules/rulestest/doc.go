// Package rulestest runs test suites for CEL policies: YAML files that say,
// for small programmes, which findings a policy must report. The same
// suites run from the command line (`sabaq test`) and inside `go test`
// ([Test]), and their results measure how much of a policy is tested
// ([Result.Coverage]).
//
// # Suite files
//
// A suite is a file named NAME_test.yaml, usually beside the policy it
// tests:
//
//	name: guide                 # optional; default: the file name without _test.yaml
//	policy: guide               # the policy under test (see below)
//	description: ...            # optional
//	fixtures:
//	  base:                     # an inline programme, in the programme-file format
//	    as_of: 2026-11-24
//	    volunteers:
//	      - {id: v-1, full_name: A, birth_date: 1990-04-02, role: individual_mentor, ...}
//	    ...
//	  example: {file: data/programme.json}   # or a file inside the suite's folder
//	cases:
//	  - name: mentor.min_age fails a day before the 25th birthday
//	    fixture: base           # optional when the suite has one fixture
//	    set:                    # change values by JSON path (quote paths in {…} flow style)
//	      volunteers[0].birth_date: 2001-11-25
//	    append:                 # add items to lists
//	      groups[0].children: [c-11, c-12]
//	    as_of: 2026-11-24       # optional: evaluate as of another date
//	    lang: kk                # optional: language of messages (default en)
//	    rules: [mentor.min_age] # optional: evaluate only these rules
//	    mode: exactly           # exactly (default) or at_least
//	    findings:               # what the report must hold
//	      - {rule: mentor.min_age, subject: volunteer/v-1, severity: deny, message: "is 24"}
//	    absent:                 # what it must not hold (useful with at_least)
//	      - {rule: mentor.commitment, subject: volunteer/v-1}
//	  - name: not ready yet
//	    skip: waiting for the new screening stage
//
// A finding matches an expected one when its rule and subject are equal,
// its severity is equal when one is given, and its message (in the case's
// language) contains the expected message. In mode exactly the report must
// hold the expected findings and nothing else, so `findings: []` says "no
// findings at all"; in mode at_least other findings are allowed.
//
// # Which policy
//
// policy names a file when it contains a slash or ends in .yaml or .yml
// (relative to the suite). A bare name is looked up as NAME.yaml beside
// the suite first — so that a suite tests the policy file next to it, as
// edited — and then among the embedded policies (rules.Policies).
//
// # Files stay in the suite's folder
//
// A suite reads fixture files and the policy file only from its own folder
// and the folders in it. A path with "..", an absolute path, or a symbolic
// link that leads out of the folder is a problem at the line that names it
// ([CodeOutside]), and nothing of the file outside is opened, read or
// shown. Only regular files are read: a folder, a named pipe or a device
// is a problem too ([CodeNotRegular]).
//
// # Limits
//
// Every file is refused above its cap before it is read: a suite or a
// fixture file above [limits.SuiteBytes] (4 MiB), a policy file above
// [limits.PolicyBytes] (4 MiB); [WithMaxFileSize], [Options].MaxFileSize
// and `sabaq test --max-file-size` change both. Before anything is
// expanded, the YAML aliases of a suite, and of each fixture file, may add
// at most [limits.AliasExpansion] (10,000) values ([CodeAliases]: a billion
// laughs stops at its line), and values may nest at most [limits.Depth]
// (100) levels. A suite reports at most [limits.Problems] (100) problems,
// then one more saying so. A case's programme is a copy of its fixture in
// which aliases still point at their anchor, so copying costs what the
// fixture holds, not what it expands to.
//
// A path given to [RunFiles] that holds no suite is an error
// ([ErrNoSuites]): a run that tests nothing must not pass.
//
// # Fixtures and positions
//
// A case's programme is a copy of its fixture with the set and append
// changes applied, re-encoded and read by mentoring.Parse like any
// programme file. A problem in it (a bad date, a dangling reference) makes
// the case broken, and is reported where the offending value was written:
// the line of the fixture, or the line of the case's set that wrote it.
//
// # Results and coverage
//
// [RunFiles] and [Suite.Run] return a [Result]: every case passed, failed,
// skipped or broken, with the differences between the expected and the
// reported findings ([CaseResult.Diff]). Evaluation records every rule's
// outcome on every subject, so [Result.Coverage] can say, for each rule of
// each policy tested, whether some case made it pass and some case made it
// fail. A rule is covered when both happened.
//
// # In go test
//
//	func TestPolicies(t *testing.T) {
//		res := rulestest.Test(t, "policies")
//		if res.CoveragePercent() < 100 { t.Error("a rule is not tested both ways") }
//	}
//
// For tests written in Go, [AssertFinding], [AssertNoFinding] and
// [AssertCompliant] check a rules.Report and print every finding when they
// fail.
//
// Suites, results and the functions here keep no shared state; separate
// runs may proceed concurrently.
//
// Problems name fields and positions and show the suite's own line with a
// caret; they never quote a fixture file or a file outside the folder.
package rulestest
