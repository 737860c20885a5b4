package server

import (
	"net/http"
	"strconv"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/htmlreport"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// DueDays is how far POST /v1/due looks ahead without ?days=, and how far
// the report's "coming" section looks: sabaq due's default.
const DueDays = 30

// codeDueDays is a ?days= out of range. Args: the largest, the value.
const codeDueDays diag.Code = "server.due_days"

func init() {
	diag.Register(map[diag.Code]diag.Text{codeDueDays: {
		KK: "күн саны 1 мен {0} аралығында болуы керек, берілгені {1}",
		RU: "число дней должно быть от 1 до {0}, указано {1}",
		EN: "the number of days must be between 1 and {0}, not {1}",
	}})
}

// due answers what comes due in the days after as_of: the object of
// `sabaq due --format json`.
func (s *Server) due(w http.ResponseWriter, r *http.Request) {
	if !s.acceptsProgramme(w, r) {
		return
	}
	pol, ok := s.policyOf(w, r, rules.DefaultPolicy)
	if !ok {
		return
	}
	q := params{Values: r.URL.Query()}
	lang := langOf(r)
	from, _ := q.date("as_of")
	days := DueDays
	if q.Has("days") {
		days = q.int("days")
		if len(q.problems) == 0 && (days < 1 || days > rules.MaxDueDays) {
			q.problems = append(q.problems, diag.New(codeDueDays, "days", strconv.Itoa(rules.MaxDueDays), strconv.Itoa(days)))
		}
	}
	opts := []rules.EvalOption{rules.WithLang(lang)}
	switch q.Get("all") {
	case "", "false":
	case "true":
		opts = append(opts, rules.WithCurrent())
	default:
		q.problems = append(q.problems, diag.New(diag.CodeWrongType, "all", "@bool", clip(q.Get("all"), 32)))
	}
	if !s.validParams(w, r, q) {
		return
	}
	prog, ok := s.readProgramme(w, r)
	if !ok {
		return
	}
	if from.IsZero() {
		from = prog.AsOf
	}
	ctx, cancel := s.work(r)
	defer cancel()
	rep, err := pol.Due(ctx, prog, from, from.AddDays(days), opts...)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, rep)
}

// coming is the report's section of what comes due in the DueDays after
// the evaluation's date; nil (no section) when it cannot be found.
func (s *Server) coming(r *http.Request, ev evaluated) (*htmlreport.Coming, error) {
	ctx, cancel := s.work(r)
	defer cancel()
	rep, err := ev.policy.Due(ctx, ev.programme, ev.report.AsOf, ev.report.AsOf.AddDays(DueDays), rules.WithLang(langOf(r)))
	if err != nil {
		return nil, err
	}
	c := &htmlreport.Coming{Days: DueDays, Items: make([]htmlreport.Item, len(rep.Due))}
	for i, f := range rep.Due {
		c.Items[i] = htmlreport.Item{Date: f.Date, Finding: f.Finding}
	}
	return c, nil
}
