package main

import (
	"github.com/birgemiz/sabaqtastyq/agreement/document"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

func init() {
	register(command{name: "agreement", summary: "print a volunteer's agreement (agreement render FILE --volunteer ID)", run: runAgreement})
}

func runAgreement(e *env, args []string) error {
	fs := newFlags(e, "agreement", "render FILE --volunteer ID [flags]",
		`agreement render prints the volunteer agreement of the guide's Appendix 2,
filled in from the volunteer's latest agreement in the programme FILE, as
Markdown or print-ready HTML. An individual mentor's agreement gets the mentor
addendum. Blanks the file does not fill are left as lines to write on.`)
	id := fs.String("volunteer", "", "the volunteer's id (required)")
	e.lang = diag.KK // documents default to the guide's own language
	langFlag(fs, e)
	format := fs.String("format", "md", "output: md or html")
	sizeFlag(fs, e, programmeCap)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 2 || rest[0] != "render" || *id == "" {
		return usagef("agreement needs: render FILE --volunteer ID (see sabaq agreement --help)")
	}
	if err := oneOf("format", *format, "md", "html"); err != nil {
		return err
	}
	prog, err := loadProgramme(e, rest[1])
	if err != nil {
		return err
	}
	v, ok := prog.Volunteer(*id)
	if !ok {
		return usagef("the programme has no volunteer %q", *id)
	}
	agreements := prog.AgreementsOf(*id)
	if len(agreements) == 0 {
		return usagef("volunteer %q has no agreement in the programme", *id)
	}
	latest := agreements[0]
	for _, a := range agreements[1:] {
		if a.SignedOn.After(latest.SignedOn) {
			latest = a
		}
	}
	return document.Render(e.stdout, *latest, document.Options{
		Lang:           e.lang,
		Format:         document.Format(*format),
		MentorAddendum: v.Role == volunteer.IndividualMentor || len(prog.TandemsOf(*id)) > 0,
	})
}
