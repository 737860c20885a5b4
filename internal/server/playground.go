package server

import (
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"testing/fstest"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// formType is the media type of the playground's body.
const formType = "multipart/form-data"

// The parts of the playground's form.
const (
	partPolicy    = "policy"
	partProgramme = "programme"
)

// Problem codes of the playground's form.
const (
	codeForm        diag.Code = "server.form"         // the body is not a readable multipart form
	codeFormMissing diag.Code = "server.form_missing" // the form has no part {0}
	codeFormPart    diag.Code = "server.form_part"    // the form has a part {0} it does not read, or twice
)

func init() {
	diag.Register(map[diag.Code]diag.Text{
		codeForm: {
			KK: "дене оқылатын multipart/form-data пішіні емес",
			RU: "тело — не читаемая форма multipart/form-data",
			EN: "the body is not a readable multipart/form-data form",
		},
		codeFormMissing: {
			KK: "пішінде «{0}» бөлігі жоқ: policy (саясат, YAML) және programme (бағдарлама) бөліктері керек",
			RU: "в форме нет части «{0}»: нужны части policy (политика, YAML) и programme (программа)",
			EN: "the form has no part \"{0}\": it needs the parts policy (a policy, YAML) and programme",
		},
		codeFormPart: {
			KK: "пішіннің «{0}» бөлігі артық: тек policy және programme бөліктері бір-бірден оқылады",
			RU: "лишняя часть формы «{0}»: читаются только части policy и programme, по одной",
			EN: "the form's part \"{0}\" is not read: only the parts policy and programme, once each",
		},
	})
}

// Playground is the answer of POST /v1/playground: the edited policy
// linted and, when it compiles, evaluated on the programme and, when a
// rule and a subject were asked for, that rule explained on that subject.
type Playground struct {
	Lint        wire.Lint          `json:"lint"`
	Check       *wire.Check        `json:"check,omitempty"`
	Explanation *rules.Explanation `json:"explanation,omitempty"`
}

// form is what the playground's body holds.
type form struct {
	policy, programme                   []byte
	policyName, programmeName, progType string
}

// playground compiles a policy posted beside a programme and evaluates it
// there: what a rule author sees while editing. The policy is held to
// limits.PolicyBytes and to the cost bounds of every policy; its extends
// finds its base among the policies served. The answer is 200 whether the
// policy compiles or not (its problems are in lint); a malformed programme
// is a 400, as on /v1/check.
func (s *Server) playground(w http.ResponseWriter, r *http.Request) {
	if mediaType(r) != formType {
		s.fail(w, r, wire.CodeUnsupportedMediaType, nil, formType)
		return
	}
	if r.ContentLength > s.opts.MaxBody {
		s.fail(w, r, wire.CodeTooLarge, nil, limits.Size(s.opts.MaxBody))
		return
	}
	lang := langOf(r)
	q := params{Values: r.URL.Query()}
	opts := q.evalOptions(lang)
	ruleID, subject := q.Get("rule"), q.Get("subject")
	if ruleID != "" || subject != "" {
		q.required("rule")
		q.required("subject")
	}
	if !s.validParams(w, r, q) {
		return
	}
	f, ok := s.readForm(w, r)
	if !ok {
		return
	}
	read, ok := programmeReaders[f.progType]
	if !ok {
		s.fail(w, r, wire.CodeUnsupportedMediaType, nil, strings.Join(ProgrammeTypes(), ", "))
		return
	}
	prog, err := read(s, f.programme, f.programmeName)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	name := f.policyName
	pol, err := rules.Load(fstest.MapFS{name: &fstest.MapFile{Data: f.policy, Mode: 0o444}}, name,
		rules.WithFallback(s.loaded.Load().files))
	lint, err := wire.LintOf(name, pol, err, lang)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	answer := Playground{Lint: lint}
	if !lint.Valid {
		s.writeJSON(w, http.StatusOK, answer)
		return
	}
	if ruleID != "" && !s.explainable(w, r, pol, ruleID, subject) {
		return
	}
	ctx, cancel := s.work(r)
	defer cancel()
	rep, err := pol.Evaluate(ctx, prog, opts...)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	check := wire.CheckOf(rep)
	answer.Check = &check
	if ruleID != "" {
		if answer.Explanation, ok = s.explainOn(ctx, w, r, pol, prog, ruleID, subject, opts); !ok {
			return
		}
	}
	s.writeJSON(w, http.StatusOK, answer)
}

// readForm reads the playground's multipart body: the policy (at most
// limits.PolicyBytes, named by its part's file name, else policy.yaml) and
// the programme (typed by its part's Content-Type, else by its file
// name's extension), the whole at most Options.MaxBody. It answers the
// errors itself and returns false then.
func (s *Server) readForm(w http.ResponseWriter, r *http.Request) (form, bool) {
	r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBody)
	mr, err := r.MultipartReader()
	if err != nil {
		s.fail(w, r, wire.CodeBadRequest, diag.List{diag.New(codeForm, "")})
		return form{}, false
	}
	var f form
	seen := map[string]bool{}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			s.formError(w, r, err)
			return form{}, false
		}
		name := part.FormName()
		if seen[name] || (name != partPolicy && name != partProgramme) {
			s.fail(w, r, wire.CodeBadRequest, diag.List{diag.New(codeFormPart, clip(name, 64), clip(name, 64))})
			return form{}, false
		}
		seen[name] = true
		file := part.FileName()
		switch name {
		case partPolicy:
			if file == "" {
				file = "policy.yaml"
			}
			if !validFileName(file) {
				s.fail(w, r, wire.CodeBadRequest, diag.List{diag.New(codeFileName, partPolicy, clip(file, 64))})
				return form{}, false
			}
			if f.policy, err = limits.Read(part, "", min(s.opts.MaxBody, limits.PolicyBytes)); err != nil {
				s.formError(w, r, err)
				return form{}, false
			}
			f.policyName = file
		case partProgramme:
			if file != "" && !validBodyName(file) {
				s.fail(w, r, wire.CodeBadRequest, diag.List{diag.New(codeBodyName, partProgramme, clip(file, 64))})
				return form{}, false
			}
			f.progType = partType(part)
			if f.progType == "" {
				f.progType = programmeTypeOf(file)
			}
			if f.programme, err = limits.Read(part, "", s.opts.MaxBody); err != nil {
				s.formError(w, r, err)
				return form{}, false
			}
			f.programmeName = file
		}
	}
	for _, p := range []string{partPolicy, partProgramme} {
		if !seen[p] {
			s.fail(w, r, wire.CodeBadRequest, diag.List{diag.New(codeFormMissing, p, p)})
			return form{}, false
		}
	}
	return f, true
}

// partType is a part's own media type when it says something: "" for none
// and for application/octet-stream, which browsers and curl send for a
// file whose type they do not know.
func partType(p *multipart.Part) string {
	t, _, err := mime.ParseMediaType(p.Header.Get("Content-Type"))
	t = strings.ToLower(t)
	if err != nil || t == "application/octet-stream" {
		return ""
	}
	return t
}

// formError answers for an error reading the form: past a cap 413 (the
// body's, or a policy's), else 400.
func (s *Server) formError(w http.ResponseWriter, r *http.Request, err error) {
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		s.fail(w, r, wire.CodeTooLarge, nil, limits.Size(s.opts.MaxBody))
	case limits.IsTooLarge(err):
		s.fail(w, r, wire.CodeTooLarge, nil, diag.Errors(err)[0].Args...)
	default:
		s.fail(w, r, wire.CodeBadRequest, diag.List{diag.New(codeForm, "")})
	}
}
