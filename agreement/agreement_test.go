package agreement_test

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

func d(m time.Month, day int) civil.Date { return civil.D(2026, m, day) }

func valid() agreement.Agreement {
	return agreement.Agreement{
		ID: "a-1", Volunteer: "v-1",
		Organisation: &agreement.Organisation{Name: "Birgemiz PF", Representative: "Dana Omarova", Basis: "charter"},
		Party: &agreement.Party{FullName: "Aigerim Sadykova",
			IDDocument: agreement.IDDocument{Number: "043512345", IssuedOn: civil.D(2019, 5, 6), Issuer: "MIA RK"},
			Contacts:   &volunteer.Contacts{Phone: "+7 701 555 01 02", Email: "aigerim@example.kz"}},
		City: "Almaty", HoursPerWeek: 4,
		Weekdays:        []volunteer.Weekday{volunteer.Sat},
		ReimbursedCosts: []agreement.Cost{agreement.Transport, agreement.Meals},
		SignedOn:        d(2, 15),
	}
}

var secrets = []string{"Aigerim", "043512345", "701", "aigerim@", "Dana"}

func problems(tb testing.TB, err error) diag.List {
	tb.Helper()
	if err == nil {
		return nil
	}
	var l diag.List
	require.ErrorAs(tb, err, &l)
	return l
}

func assertLocalized(tb testing.TB, err error) {
	tb.Helper()
	seen := map[string]bool{}
	for _, lang := range diag.Langs {
		msg := diag.Localize(err, lang)
		require.NotEmpty(tb, msg)
		assert.NotContains(tb, msg, "{0}")
		assert.NotContains(tb, msg, "@agreement")
		assert.False(tb, seen[msg], "%s message repeats another language: %q", lang, msg)
		seen[msg] = true
		for _, s := range secrets {
			assert.NotContains(tb, msg, s)
		}
	}
}

func long(n int) string { return strings.Repeat("a", n) }

func TestValidate(t *testing.T) {
	cases := []struct {
		name string
		edit func(*agreement.Agreement)
		path string
		code diag.Code
	}{
		{"valid", func(*agreement.Agreement) {}, "", ""},
		{"minimal", func(a *agreement.Agreement) { *a = agreement.Agreement{ID: "a", Volunteer: "v"} }, "", ""},
		{"id 64", func(a *agreement.Agreement) { a.ID = long(64) }, "", ""},
		{"id 65", func(a *agreement.Agreement) { a.ID = long(65) }, "id", "validate.max"},
		{"id missing", func(a *agreement.Agreement) { a.ID = "" }, "id", "validate.required"},
		{"volunteer 64", func(a *agreement.Agreement) { a.Volunteer = long(64) }, "", ""},
		{"volunteer 65", func(a *agreement.Agreement) { a.Volunteer = long(65) }, "volunteer", "validate.max"},
		{"volunteer missing", func(a *agreement.Agreement) { a.Volunteer = "" }, "volunteer", "validate.required"},
		{"city 100", func(a *agreement.Agreement) { a.City = long(100) }, "", ""},
		{"city 101", func(a *agreement.Agreement) { a.City = long(101) }, "city", "validate.max"},
		{"hours 168", func(a *agreement.Agreement) { a.HoursPerWeek = 168 }, "", ""},
		{"hours 169", func(a *agreement.Agreement) { a.HoursPerWeek = 169 }, "hours_per_week", "validate.max"},
		{"hours -1", func(a *agreement.Agreement) { a.HoursPerWeek = -1 }, "hours_per_week", "validate.min"},
		{"weekdays 7", func(a *agreement.Agreement) {
			a.Weekdays = []volunteer.Weekday{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
		}, "", ""},
		{"weekdays 8", func(a *agreement.Agreement) {
			a.Weekdays = []volunteer.Weekday{"mon", "tue", "wed", "thu", "fri", "sat", "sun", "sun"}
		}, "weekdays", "validate.max"},
		{"weekdays repeated", func(a *agreement.Agreement) { a.Weekdays = []volunteer.Weekday{"sat", "sat"} }, "weekdays", "validate.unique"},
		{"weekday unknown", func(a *agreement.Agreement) { a.Weekdays = []volunteer.Weekday{"saturday"} }, "weekdays[0]", "validate.oneof"},
		{"costs all five", func(a *agreement.Agreement) {
			a.ReimbursedCosts = []agreement.Cost{"transport", "meals", "supplies", "communication", "other"}
		}, "", ""},
		{"cost repeated", func(a *agreement.Agreement) { a.ReimbursedCosts = []agreement.Cost{"meals", "meals"} }, "reimbursed_costs", "validate.unique"},
		{"cost unknown", func(a *agreement.Agreement) { a.ReimbursedCosts = []agreement.Cost{"meals", "salary"} }, "reimbursed_costs[1]", "validate.oneof"},
		{"organisation name missing", func(a *agreement.Agreement) { a.Organisation.Name = "" }, "organisation.name", "validate.required"},
		{"organisation name 300", func(a *agreement.Agreement) { a.Organisation.Name = long(300) }, "", ""},
		{"organisation name 301", func(a *agreement.Agreement) { a.Organisation.Name = long(301) }, "organisation.name", "validate.max"},
		{"representative 201", func(a *agreement.Agreement) { a.Organisation.Representative = long(201) }, "organisation.representative", "validate.max"},
		{"basis 301", func(a *agreement.Agreement) { a.Organisation.Basis = long(301) }, "organisation.basis", "validate.max"},
		{"party name missing", func(a *agreement.Agreement) { a.Party.FullName = "" }, "party.full_name", "validate.required"},
		{"party name 200", func(a *agreement.Agreement) { a.Party.FullName = long(200) }, "", ""},
		{"party name 201", func(a *agreement.Agreement) { a.Party.FullName = long(201) }, "party.full_name", "validate.max"},
		{"document number missing", func(a *agreement.Agreement) { a.Party.IDDocument.Number = "" }, "party.id_document.number", "validate.required"},
		{"document number 32", func(a *agreement.Agreement) { a.Party.IDDocument.Number = long(32) }, "", ""},
		{"document number 33", func(a *agreement.Agreement) { a.Party.IDDocument.Number = long(33) }, "party.id_document.number", "validate.max"},
		{"issuer 201", func(a *agreement.Agreement) { a.Party.IDDocument.Issuer = long(201) }, "party.id_document.issuer", "validate.max"},
		{"party e-mail bad", func(a *agreement.Agreement) { a.Party.Contacts.Email = "aigerim" }, "party.contacts.email", "validate.email"},
		{"no party, no document", func(a *agreement.Agreement) { a.Party = nil }, "", ""},
		{"notice on signing day", func(a *agreement.Agreement) { a.NoticeGivenOn = a.SignedOn }, "", ""},
		{"notice before signing", func(a *agreement.Agreement) { a.NoticeGivenOn = a.SignedOn.AddDays(-1) }, "notice_given_on", diag.CodeImpossible},
		{"notice unsigned", func(a *agreement.Agreement) { a.SignedOn, a.NoticeGivenOn = civil.Date{}, d(3, 1) }, "notice_given_on", diag.CodeImpossible},
		{"end on signing day", func(a *agreement.Agreement) { a.EndsOn = a.SignedOn }, "", ""},
		{"end before signing", func(a *agreement.Agreement) { a.EndsOn = a.SignedOn.AddDays(-1) }, "ends_on", diag.CodeImpossible},
		{"end unsigned", func(a *agreement.Agreement) { a.SignedOn, a.EndsOn = civil.Date{}, d(3, 1) }, "ends_on", diag.CodeImpossible},
		{"end on notice day", func(a *agreement.Agreement) { a.NoticeGivenOn, a.EndsOn = d(3, 1), d(3, 1) }, "", ""},
		// A notice after the end is the breach itself (L2262), well-formed
		// data that rule agreement.notice reports (contract v2).
		{"notice the day after the end", func(a *agreement.Agreement) { a.NoticeGivenOn, a.EndsOn = d(3, 2), d(3, 1) }, "", ""},
		{"notice long after the end", func(a *agreement.Agreement) { a.NoticeGivenOn, a.EndsOn = d(9, 1), d(3, 1) }, "", ""},
		{"ended by the volunteer", func(a *agreement.Agreement) { a.EndsOn, a.EndedBy = d(3, 5), agreement.ByVolunteer }, "", ""},
		{"ended by the organisation", func(a *agreement.Agreement) { a.EndsOn, a.EndedBy = d(3, 5), agreement.ByOrganisation }, "", ""},
		{"ended by after notice only", func(a *agreement.Agreement) { a.NoticeGivenOn, a.EndedBy = d(3, 5), agreement.ByVolunteer }, "", ""},
		{"ended by someone else", func(a *agreement.Agreement) { a.EndsOn, a.EndedBy = d(3, 5), "institution" }, "ended_by", "validate.oneof"},
		{"ended by, but no end", func(a *agreement.Agreement) { a.EndedBy = agreement.ByOrganisation }, "ended_by", diag.CodeImpossible},
		{"notice days 0 (the guide's 14)", func(a *agreement.Agreement) { a.NoticeDays = 0 }, "", ""},
		{"notice days 365", func(a *agreement.Agreement) { a.NoticeDays = 365 }, "", ""},
		{"notice days 366", func(a *agreement.Agreement) { a.NoticeDays = 366 }, "notice_days", "validate.max"},
		{"notice days -1", func(a *agreement.Agreement) { a.NoticeDays = -1 }, "notice_days", "validate.min"},
		{"short notice is the policy's", func(a *agreement.Agreement) { a.NoticeGivenOn, a.EndsOn = d(3, 1), d(3, 5) }, "", ""},
		{"end without notice is the policy's", func(a *agreement.Agreement) { a.EndsOn = d(3, 5) }, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := valid()
			tc.edit(&a)
			err := a.Validate()
			if tc.path == "" {
				require.NoError(t, err)
				return
			}
			l := problems(t, err)
			require.Len(t, l, 1, "%v", err)
			assert.Equal(t, tc.path, l[0].Path)
			assert.Equal(t, tc.code, l[0].Code)
			assertLocalized(t, err)
		})
	}
}

func TestValidateEveryProblemAtOnce(t *testing.T) {
	a := valid()
	a.ID = ""
	a.SignedOn, a.NoticeGivenOn, a.EndsOn = d(3, 10), d(3, 5), d(3, 1)
	a.NoticeDays = 400
	var paths []string
	for _, e := range problems(t, a.Validate()) {
		paths = append(paths, e.Path+" "+string(e.Code))
	}
	assert.Equal(t, []string{"ends_on impossible", "id validate.required", "notice_days validate.max", "notice_given_on impossible"}, paths)
}

func TestReportValidate(t *testing.T) {
	ok := agreement.Report{Volunteer: "v-1", Month: civil.M(2026, 3), SubmittedOn: d(4, 2), Hours: 12}
	cases := []struct {
		name string
		edit func(*agreement.Report)
		path string
		code diag.Code
	}{
		{"valid", func(*agreement.Report) {}, "", ""},
		{"volunteer missing", func(r *agreement.Report) { r.Volunteer = "" }, "volunteer", "validate.required"},
		{"volunteer 65", func(r *agreement.Report) { r.Volunteer = long(65) }, "volunteer", "validate.max"},
		{"month missing", func(r *agreement.Report) { r.Month = civil.Month{} }, "month", "validate.required"},
		{"hours 744", func(r *agreement.Report) { r.Hours = 744 }, "", ""},
		{"hours 745", func(r *agreement.Report) { r.Hours = 745 }, "hours", "validate.max"},
		{"hours -1", func(r *agreement.Report) { r.Hours = -1 }, "hours", "validate.min"},
		{"summary 5000", func(r *agreement.Report) { r.Summary = long(5000) }, "", ""},
		{"summary 5001", func(r *agreement.Report) { r.Summary = long(5001) }, "summary", "validate.max"},
		{"submitted on the month's first day", func(r *agreement.Report) { r.SubmittedOn = d(3, 1) }, "", ""},
		{"submitted before the month", func(r *agreement.Report) { r.SubmittedOn = d(2, 28) }, "submitted_on", diag.CodeImpossible},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := ok
			tc.edit(&r)
			err := r.Validate()
			if tc.path == "" {
				require.NoError(t, err)
				return
			}
			l := problems(t, err)
			require.Len(t, l, 1, "%v", err)
			assert.Equal(t, tc.path, l[0].Path)
			assert.Equal(t, tc.code, l[0].Code)
			assertLocalized(t, err)
		})
	}
}

func TestLogRedaction(t *testing.T) {
	var buf bytes.Buffer
	a := valid()
	slog.New(slog.NewJSONHandler(&buf, noTime)).Info("signed", "agreement", a, "party", *a.Party, "doc", a.Party.IDDocument)
	out := buf.String()
	for _, s := range secrets {
		assert.NotContains(t, out, s)
	}
	assert.Contains(t, out, `"id":"a-1"`)
	assert.Contains(t, out, `"state":"signed"`)
	assert.Contains(t, out, `"name":"Birgemiz PF"`)
}

func TestErrorsAreDiag(t *testing.T) {
	a := valid()
	err := a.Sign(d(2, 16))
	var de *diag.Error
	require.True(t, errors.As(err, &de))
	assert.Equal(t, diag.CodeIllegalChange, de.Code)
}

// noTime drops the timestamp, whose digits could match a secret by chance.
var noTime = &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}}
