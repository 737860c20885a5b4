package planning_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

var asOf = civil.D(2026, time.November, 24)

// builder makes programmes for tests without a file.
type builder struct {
	prog *mentoring.Programme
	n    int
}

func newBuilder(insts ...string) *builder {
	b := &builder{prog: &mentoring.Programme{AsOf: asOf}}
	for _, id := range insts {
		b.prog.Institutions = append(b.prog.Institutions, mentoring.Institution{
			ID: id, Name: "Institution " + id, Kind: mentoring.Orphanage, City: "Almaty"})
	}
	return b
}

func (b *builder) next(prefix string) string {
	b.n++
	return fmt.Sprintf("%s-%04d", prefix, b.n)
}

// mentor adds a screened individual mentor of 30 and returns the id.
func (b *builder) mentor(langs ...string) string {
	id := b.next("v")
	b.prog.Volunteers = append(b.prog.Volunteers, volunteer.Volunteer{
		ID: id, FullName: "Mentor " + id, BirthDate: civil.D(1996, time.January, 1), Gender: volunteer.Female,
		City: "Almaty", Languages: langs, Role: volunteer.IndividualMentor, CommitmentMonths: 24,
		Screening: volunteer.Screening{Interview: civil.D(2026, 1, 10), PsychologicalTest: civil.D(2026, 1, 15),
			Training: civil.D(2026, 2, 1), Documents: civil.D(2026, 2, 10)},
	})
	return id
}

// child adds a 12-year-old child of inst and returns the id.
func (b *builder) child(inst string, langs ...string) string {
	id := b.next("c")
	b.prog.Children = append(b.prog.Children, mentoring.Child{
		ID: id, BirthDate: civil.D(2014, time.March, 1), Institution: inst, Programme: mentoring.Individual,
		Languages: langs})
	return id
}

// tandem adds an open tandem between mentor and child.
func (b *builder) tandem(mentor, child string, phase mentoring.Phase) string {
	id := b.next("t")
	b.prog.Tandems = append(b.prog.Tandems, mentoring.Tandem{
		ID: id, Mentor: mentor, Child: child, StartedOn: civil.D(2026, time.March, 1), Phase: phase})
	return id
}

// attach records mentors in a past group of inst, which makes them the
// institution's participants.
func (b *builder) attach(inst string, mentors ...string) {
	b.prog.Groups = append(b.prog.Groups, mentoring.Group{
		ID: b.next("g"), Institution: inst, Date: civil.D(2026, time.October, 1), Mentors: mentors})
}

func (b *builder) build(tb testing.TB) *mentoring.Programme {
	tb.Helper()
	require.NoError(tb, b.prog.Index())
	return b.prog
}
