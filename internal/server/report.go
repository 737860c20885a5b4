package server

import (
	"bytes"
	"net/http"

	"github.com/birgemiz/sabaqtastyq/internal/htmlreport"
)

// reportCSP is the Content-Security-Policy of a report opened on its own:
// the page's own styles and nothing else — no script, no fetch, no form.
const reportCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; sandbox"

// report evaluates a policy on a posted programme and answers the printable
// HTML report of package htmlreport: the verdict, the charts, every
// finding by subject, and what comes due in the next 30 days, in the
// request's language. Each finding carries
// data-rule and data-subject attributes, which the console reads to
// explain the one clicked.
func (s *Server) report(w http.ResponseWriter, r *http.Request) {
	ev, ok := s.evaluation(w, r, "")
	if !ok {
		return
	}
	in := htmlreport.Input{Policy: ev.policy, Report: ev.report, Programme: ev.programme}
	coming, err := s.coming(r, ev)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	in.Coming = coming
	var page bytes.Buffer
	err = htmlreport.Render(&page, in, htmlreport.Options{Lang: langOf(r), FindingData: true})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	w.Header().Set("Content-Security-Policy", reportCSP)
	s.write(w, http.StatusOK, "text/html", page.Bytes())
}
