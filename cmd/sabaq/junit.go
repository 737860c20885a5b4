package main

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/guide"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// JUnit XML, the subset CI systems read (Jenkins, GitLab, GitHub actions):
// testsuites > testsuite > testcase with failure, error, skipped,
// system-out and properties.

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string           `xml:"name,attr"`
	Tests      int              `xml:"tests,attr"`
	Failures   int              `xml:"failures,attr"`
	Errors     int              `xml:"errors,attr"`
	Skipped    int              `xml:"skipped,attr"`
	Time       string           `xml:"time,attr"`
	Properties *junitProperties `xml:"properties,omitempty"`
	Cases      []junitCase      `xml:"testcase"`
}

type junitProperties struct {
	List []junitProperty `xml:"property"`
}

func properties(kv ...string) *junitProperties {
	p := &junitProperties{}
	for i := 0; i+1 < len(kv); i += 2 {
		p.List = append(p.List, junitProperty{Name: kv[i], Value: kv[i+1]})
	}
	return p
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name       string           `xml:"name,attr"`
	Classname  string           `xml:"classname,attr"`
	Time       string           `xml:"time,attr"`
	Properties *junitProperties `xml:"properties,omitempty"`
	Failure    *junitProblem    `xml:"failure,omitempty"`
	Error      *junitProblem    `xml:"error,omitempty"`
	Skipped    *junitSkipped    `xml:"skipped,omitempty"`
	SystemOut  *junitOutput     `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"`
}

type junitOutput struct {
	Text string `xml:",cdata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr,omitempty"`
}

// add appends a case to the suite and keeps its counts.
func (s *junitSuite) add(c junitCase) {
	if c.Time == "" {
		c.Time = "0"
	}
	s.Cases = append(s.Cases, c)
	s.Tests++
	switch {
	case c.Failure != nil:
		s.Failures++
	case c.Error != nil:
		s.Errors++
	case c.Skipped != nil:
		s.Skipped++
	}
}

func writeJUnit(w io.Writer, all junitSuites) error {
	for i := range all.Suites {
		s := &all.Suites[i]
		if s.Time == "" {
			s.Time = "0"
		}
		all.Tests += s.Tests
		all.Failures += s.Failures
		all.Errors += s.Errors
		all.Skipped += s.Skipped
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(all); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// checkSuites turns a report with outcomes into one test suite per subject
// kind and one test case per rule × subject: a deny finding is a failure,
// an error finding an error, a warn finding passes with the warning in
// system-out and a "severity" property, a rule whose when was false is
// skipped.
func (e *env) checkSuites(pol *rules.Policy, rep *rules.Report) junitSuites {
	findings := map[string]rules.Finding{}
	for _, f := range rep.Findings {
		findings[f.Rule+" "+f.Subject] = f
	}
	out := junitSuites{Name: "sabaq check: policy " + pol.Name()}
	index := map[string]int{}
	for _, o := range rep.Outcomes {
		kind, _, _ := strings.Cut(o.Subject, "/")
		i, ok := index[kind]
		if !ok {
			i = len(out.Suites)
			index[kind] = i
			out.Suites = append(out.Suites, junitSuite{Name: kind,
				Properties: properties("policy", pol.Name(), "version", pol.Version(), "as_of", rep.AsOf.String())})
		}
		c := junitCase{Name: o.Subject + " " + o.Rule, Classname: pol.Name() + "." + o.Rule}
		f := findings[o.Rule+" "+o.Subject]
		switch o.Result {
		case rules.NotApplies:
			c.Skipped = &junitSkipped{Message: e.t("result.skip")}
		case rules.Errored:
			c.Error = &junitProblem{Message: f.Message, Type: string(rules.Error), Text: e.findingText(f)}
		case rules.Failed:
			if f.Severity == rules.Warn {
				c.Properties = properties("severity", string(f.Severity))
				c.SystemOut = &junitOutput{Text: e.severityWord(f.Severity) + ": " + e.findingText(f)}
			} else {
				c.Failure = &junitProblem{Message: f.Message, Type: string(f.Severity), Text: e.findingText(f)}
			}
		}
		out.Suites[i].add(c)
	}
	return out
}

func (e *env) findingText(f rules.Finding) string {
	return fmt.Sprintf("%s\n%s\n%s\n%s", f.Message, e.t("junit.rule", f.Rule), e.t("junit.subject", f.Subject), e.t("source", guide.Text(f.Citations, f.Source)))
}

func init() {
	words(map[string]diag.Text{
		"junit.rule":    {KK: "ереже: {0}", RU: "правило: {0}", EN: "rule: {0}"},
		"junit.subject": {KK: "нысан: {0}", RU: "объект: {0}", EN: "subject: {0}"},
	})
}
