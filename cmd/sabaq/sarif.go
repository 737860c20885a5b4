package main

import (
	"errors"
	"path/filepath"
	"sort"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/celmsg"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), the
// subset code-scanning services read: one run of one tool, its rules
// (here: the codes of the problems found), and results with a level, a
// message and a place in a file.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription sarifMessage `json:"shortDescription"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

const sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// newSARIF starts a log of sabaq's results.
func (e *env) newSARIF() (sarifLog, *sarifRun) {
	log := sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "sabaq",
			InformationURI: "https://github.com/birgemiz/sabaqtastyq",
			Version:        moduleVersion(),
			Rules:          []sarifRule{},
		}},
		Results: []sarifResult{},
	}}}
	return log, &log.Runs[0]
}

// addProblem adds one problem of a file at level "error" or "warning",
// and its code to the tool's rules.
func (e *env) addProblem(run *sarifRun, p *diag.Error, level, file string) {
	res := sarifResult{RuleID: string(p.Code), Level: level, Message: sarifMessage{Text: p.Localize(e.lang)}}
	if p.Pos.IsValid() {
		res.Message.Text = p.Message(e.lang)
		if p.Path != "" {
			res.Message.Text = p.ShownPath() + ": " + res.Message.Text
		}
	}
	where := p.File
	if where == "" {
		where = file
	}
	if where != "" {
		loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: filepath.ToSlash(where)}}}
		if p.Line > 0 {
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: p.Line, StartColumn: p.Col}
		}
		res.Locations = []sarifLocation{loc}
	}
	run.Results = append(run.Results, res)
	for _, r := range run.Tool.Driver.Rules {
		if r.ID == res.RuleID {
			return
		}
	}
	short, _ := diag.Template(p.Code, e.lang)
	if short == "" {
		short = string(p.Code)
	}
	run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: res.RuleID, ShortDescription: sarifMessage{Text: short}})
	sort.Slice(run.Tool.Driver.Rules, func(i, j int) bool { return run.Tool.Driver.Rules[i].ID < run.Tool.Driver.Rules[j].ID })
}

// lintSARIF is the lint of files as SARIF: every problem an error, every
// warning a warning.
func (e *env) lintSARIF(files []string, policies []*rules.Policy) sarifLog {
	log, run := e.newSARIF()
	for i, f := range files {
		var problems, warnings diag.List
		if pol := policies[i]; pol != nil {
			warnings = pol.Warnings()
		} else {
			_, err := e.loadPolicyFile(f)
			var pe *rules.PolicyError
			if errors.As(err, &pe) {
				problems, warnings = celmsg.Rewrite(pe.Problems), pe.Warnings
			}
		}
		for _, p := range problems {
			e.addProblem(run, p, "error", f)
		}
		for _, p := range warnings {
			e.addProblem(run, p, "warning", f)
		}
	}
	return log
}
