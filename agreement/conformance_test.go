package agreement_test

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/internal/validation"
	"github.com/birgemiz/sabaqtastyq/internal/validation/validationtest"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// The plain checks that confirm a well-formed agreement or report agree
// with the tag validator and the custom rules, on random values built from
// boundary values.
func TestPlainChecksAgreeWithTags(t *testing.T) {
	type A = agreement.Agreement
	s := func(set func(*A, string)) func(*rand.Rand, *A) {
		return func(r *rand.Rand, a *A) { set(a, validationtest.Pick(r, validationtest.Strings)) }
	}
	n := func(set func(*A, int)) func(*rand.Rand, *A) {
		return func(r *rand.Rand, a *A) { set(a, validationtest.Pick(r, validationtest.Ints)) }
	}
	dates := []civil.Date{{}, d(2, 14), d(2, 15), d(2, 16), d(3, 1)}
	date := func(set func(*A, civil.Date)) func(*rand.Rand, *A) {
		return func(r *rand.Rand, a *A) { set(a, validationtest.Pick(r, dates)) }
	}
	edits := []func(*rand.Rand, *A){
		s(func(a *A, x string) { a.ID = x }),
		s(func(a *A, x string) { a.Volunteer = x }),
		s(func(a *A, x string) { a.City = x }),
		n(func(a *A, x int) { a.HoursPerWeek = x }),
		n(func(a *A, x int) { a.NoticeDays = x }),
		func(r *rand.Rand, a *A) {
			a.EndedBy = validationtest.Pick(r, []agreement.EndedBy{"", agreement.ByVolunteer, agreement.ByOrganisation, "them"})
		},
		func(r *rand.Rand, a *A) {
			a.Weekdays = validationtest.Pick(r, [][]volunteer.Weekday{nil, {"sat", "sat"}, {"sat", "someday"},
				{"mon", "tue", "wed", "thu", "fri", "sat", "sun", "mon"}})
		},
		func(r *rand.Rand, a *A) {
			a.ReimbursedCosts = validationtest.Pick(r, [][]agreement.Cost{nil, {"meals", "meals"}, {"salary"}})
		},
		date(func(a *A, x civil.Date) { a.SignedOn = x }),
		date(func(a *A, x civil.Date) { a.NoticeGivenOn = x }),
		date(func(a *A, x civil.Date) { a.EndsOn = x }),
		s(func(a *A, x string) { a.Organisation.Name = x }),
		s(func(a *A, x string) { a.Organisation.Representative = x }),
		s(func(a *A, x string) { a.Organisation.Basis = x }),
		s(func(a *A, x string) { a.Party.FullName = x }),
		s(func(a *A, x string) { a.Party.IDDocument.Number = x }),
		s(func(a *A, x string) { a.Party.IDDocument.Issuer = x }),
		func(r *rand.Rand, a *A) {
			a.Party.Contacts.Email = validationtest.Pick(r, []string{"", "a@b.kz", "nope"})
		},
		s(func(a *A, x string) { a.Party.Contacts.Phone = x }),
		// Last, as they drop the parts the edits above change.
		func(_ *rand.Rand, a *A) { a.Organisation = nil },
		func(_ *rand.Rand, a *A) { a.Party = nil },
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 20_000 {
		a := valid()
		a.Organisation = &agreement.Organisation{Name: "Org"}
		a.Party = &agreement.Party{FullName: "P", IDDocument: agreement.IDDocument{Number: "1"}, Contacts: &volunteer.Contacts{}}
		validationtest.Mutate(r, &a, edits)
		require.Equal(t, len(agreement.Problems(&a)) == 0, agreement.WellFormed(&a), "case %d: %+v", i, a)
	}
	reports := []func(*rand.Rand, *agreement.Report){
		func(r *rand.Rand, x *agreement.Report) { x.Volunteer = validationtest.Pick(r, validationtest.Strings) },
		func(r *rand.Rand, x *agreement.Report) { x.Summary = validationtest.Pick(r, validationtest.Strings) },
		func(r *rand.Rand, x *agreement.Report) { x.Hours = validationtest.Pick(r, validationtest.Ints) },
		func(_ *rand.Rand, x *agreement.Report) { x.Month = civil.Month{} },
		func(r *rand.Rand, x *agreement.Report) { x.SubmittedOn = validationtest.Pick(r, dates) },
	}
	for i := range 5_000 {
		rep := agreement.Report{Volunteer: "v-1", Month: civil.M(2026, 2)}
		validationtest.Mutate(r, &rep, reports)
		slow := len(validation.Struct(&rep)) == 0 && (rep.SubmittedOn.IsZero() || rep.Month.IsZero() || !rep.SubmittedOn.Before(rep.Month.First()))
		require.Equal(t, slow, rep.Validate() == nil, "report %d: %+v", i, rep)
	}
}
