package mentoring_test

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/internal/validation"
	"github.com/birgemiz/sabaqtastyq/internal/validation/validationtest"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// agree checks, on random values built from boundary values, that an
// element type's Validate (plain Go checks first) finds a problem exactly
// when the tag validator and the type's own rules (extra) do.
func agree[T any](t *testing.T, name string, base func() T, validate func(*T) error, extra func(*T) bool, edits ...func(*rand.Rand, *T)) {
	t.Helper()
	r := rand.New(rand.NewPCG(5, uint64(len(name))))
	for i := range 10_000 {
		v := base()
		validationtest.Mutate(r, &v, edits)
		slow := len(validation.Struct(&v)) > 0 || extra(&v)
		require.Equal(t, slow, validate(&v) != nil, "%s %d: %+v", name, i, v)
	}
}

func str[T any](set func(*T, string)) func(*rand.Rand, *T) {
	return func(r *rand.Rand, v *T) { set(v, validationtest.Pick(r, validationtest.Strings)) }
}

func one[T any, S ~string](set func(*T, S), values ...S) func(*rand.Rand, *T) {
	return func(r *rand.Rand, v *T) { set(v, validationtest.Pick(r, values)) }
}

var someDates = []civil.Date{{}, civil.D(2012, 12, 31), civil.D(2013, 1, 1), civil.D(2026, 2, 28), civil.D(2026, 3, 1)}

func date[T any](set func(*T, civil.Date)) func(*rand.Rand, *T) {
	return func(r *rand.Rand, v *T) { set(v, validationtest.Pick(r, someDates)) }
}

func none[T any](*T) bool { return false }

func TestPlainChecksAgreeWithTags(t *testing.T) {
	type (
		I = mentoring.Institution
		C = mentoring.Child
		T = mentoring.Tandem
		G = mentoring.Group
		O = mentoring.Outing
		V = mentoring.Visit
		K = mentoring.CheckIn
		M = mentoring.Meeting
	)
	agree(t, "institution", func() I { return I{ID: "i", Name: "Home", Kind: mentoring.Orphanage} }, (*I).Validate, none[I],
		str(func(v *I, x string) { v.ID = x }), str(func(v *I, x string) { v.Name = x }),
		str(func(v *I, x string) { v.City = x }), str(func(v *I, x string) { v.District = x }),
		str(func(v *I, x string) { v.Coordinator = x }),
		one(func(v *I, x mentoring.InstitutionKind) { v.Kind = x }, "", "school", "ngo", "zoo"))
	agree(t, "child", func() C { return C{ID: "c", BirthDate: civil.D(2013, 1, 1), Institution: "i"} }, (*C).Validate,
		func(c *C) bool {
			return !c.AdmittedOn.IsZero() && !c.BirthDate.IsZero() && c.AdmittedOn.Before(c.BirthDate)
		},
		str(func(v *C, x string) { v.ID = x }), str(func(v *C, x string) { v.Institution = x }),
		date(func(v *C, x civil.Date) { v.BirthDate = x }), date(func(v *C, x civil.Date) { v.AdmittedOn = x }),
		one(func(v *C, x string) { v.Gender = x }, "", "female", "f"),
		one(func(v *C, x string) { v.MentorGender = x }, "", "male", "m"),
		one(func(v *C, x mentoring.Format) { v.Programme = x }, "", "coaching", "solo"),
		str(func(v *C, x string) { v.Interests = append(v.Interests, x) }),
		one(func(v *C, x string) { v.Languages = append(v.Languages, x) }, "kk", "ru", "!!"))
	agree(t, "tandem", func() T {
		return T{ID: "t", Mentor: "v", Child: "c", StartedOn: civil.D(2026, 3, 1), Phase: mentoring.Closed}
	}, (*T).Validate,
		func(v *T) bool {
			return !v.ClosedOn.IsZero() && (v.ClosedOn.Before(v.StartedOn) && !v.StartedOn.IsZero() || v.Phase != mentoring.Closed && v.Phase != "")
		},
		str(func(v *T, x string) { v.ID = x }), str(func(v *T, x string) { v.Mentor = x }),
		str(func(v *T, x string) { v.Child = x }), str(func(v *T, x string) { v.CloseNote = x }),
		date(func(v *T, x civil.Date) { v.StartedOn = x }), date(func(v *T, x civil.Date) { v.ClosedOn = x }),
		one(func(v *T, x mentoring.Phase) { v.Phase = x }, "", "active", "closed", "paused"),
		one(func(v *T, x mentoring.CloseReason) { v.CloseReason = x }, "", "completed", "mentor_moved", "bored"))
	agree(t, "group", func() G { return G{ID: "g", Institution: "i", Date: civil.D(2026, 3, 1)} }, (*G).Validate, none[G],
		str(func(v *G, x string) { v.ID = x }), str(func(v *G, x string) { v.Institution = x }),
		str(func(v *G, x string) { v.Topic = x }), date(func(v *G, x civil.Date) { v.Date = x }),
		one(func(v *G, x string) { v.Mentors = append(v.Mentors, x) }, "v-1", "v-2", ""),
		one(func(v *G, x string) { v.Children = append(v.Children, x) }, "c-1", "c-1", ""))
	agree(t, "outing", func() O { return O{Tandem: "t", Date: civil.D(2026, 3, 1)} }, (*O).Validate, none[O],
		str(func(v *O, x string) { v.Tandem = x }), str(func(v *O, x string) { v.Note = x }),
		date(func(v *O, x civil.Date) { v.Date = x }))
	agree(t, "visit", func() V { return V{Tandem: "t", Date: civil.D(2026, 3, 1)} }, (*V).Validate, none[V],
		str(func(v *V, x string) { v.Tandem = x }), str(func(v *V, x string) { v.Note = x }),
		date(func(v *V, x civil.Date) { v.Date = x }))
	agree(t, "check-in", func() K { return K{Tandem: "t", Date: civil.D(2026, 3, 1)} }, (*K).Validate, none[K],
		str(func(v *K, x string) { v.Tandem = x }), str(func(v *K, x string) { v.Note = x }),
		date(func(v *K, x civil.Date) { v.Date = x }))
	agree(t, "meeting", func() M { return M{ID: "m", Kind: mentoring.General, Date: civil.D(2026, 3, 1)} }, (*M).Validate, none[M],
		str(func(v *M, x string) { v.ID = x }), str(func(v *M, x string) { v.Institution = x }),
		date(func(v *M, x civil.Date) { v.Date = x }),
		one(func(v *M, x mentoring.MeetingKind) { v.Kind = x }, "", "planning", "party"),
		one(func(v *M, x string) { v.Attendees = append(v.Attendees, x) }, "v-1", "v-1", "v-2"))
}
