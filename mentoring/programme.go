package mentoring

import (
	"log/slog"
	"sync/atomic"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// Programme is a mentoring programme at a date: the whole programme file.
// Build one with [Load] (or [Decode]) to get positioned errors and the
// indexes, or fill it in Go and call [Programme.Index].
//
// The lists that hold personal data have named types (volunteer.List,
// Children, Institutions, agreement.List) that log as their length, and a
// *Programme logs as its date and counts, so that slog never prints a
// name or a birth date.
type Programme struct {
	AsOf         civil.Date             `json:"as_of" cel:"as_of" validate:"required"`
	Organisation string                 `json:"organisation,omitempty" cel:"organisation" validate:"max=300"`
	Institutions Institutions           `json:"institutions" cel:"institutions" validate:"dive"`
	Volunteers   volunteer.List         `json:"volunteers" cel:"volunteers" validate:"dive"`
	Children     Children               `json:"children" cel:"children" validate:"dive"`
	Tandems      []Tandem               `json:"tandems" cel:"tandems" validate:"dive"`
	Groups       []Group                `json:"groups" cel:"groups" validate:"dive"`
	Agreements   agreement.List         `json:"agreements" cel:"agreements" validate:"dive"`
	Outings      []Outing               `json:"outings" cel:"outings" validate:"dive"`
	Reports      []agreement.Report     `json:"reports" cel:"reports" validate:"dive"`
	Meetings     []Meeting              `json:"meetings,omitempty" cel:"meetings" validate:"dive"`
	Diary        []volunteer.DiaryEntry `json:"diary,omitempty" cel:"diary" validate:"dive"`
	// Visits are the mentor–child meetings inside institutions, CheckIns
	// the coordinators' support contacts with tandems (contract v2).
	Visits   []Visit   `json:"visits,omitempty" cel:"visits" validate:"dive"`
	CheckIns []CheckIn `json:"check_ins,omitempty" cel:"check_ins" validate:"dive"`

	// state is the index and what validation found, built at most once
	// per Index or Validate and swapped in whole, so that look-ups from
	// several goroutines on a fresh programme never race.
	state atomic.Pointer[state]
}

// Institutions is a programme's list of institutions; it logs as its
// length (an institution names its coordinator).
type Institutions []Institution

// LogValue shows how many institutions there are.
func (l Institutions) LogValue() slog.Value { return slog.GroupValue(slog.Int("count", len(l))) }

// Children is a programme's list of children; it logs as its length.
type Children []Child

// LogValue shows how many children there are.
func (l Children) LogValue() slog.Value { return slog.GroupValue(slog.Int("count", len(l))) }

// LogValue shows the programme's date and how many of each thing it
// holds, never a person.
func (p *Programme) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("as_of", p.AsOf.String()),
		slog.String("organisation", p.Organisation),
		slog.Int("institutions", len(p.Institutions)),
		slog.Int("volunteers", len(p.Volunteers)),
		slog.Int("children", len(p.Children)),
		slog.Int("tandems", len(p.Tandems)),
		slog.Int("groups", len(p.Groups)),
		slog.Int("agreements", len(p.Agreements)),
		slog.Int("outings", len(p.Outings)),
		slog.Int("reports", len(p.Reports)),
		slog.Int("visits", len(p.Visits)),
		slog.Int("check_ins", len(p.CheckIns)),
	)
}

// state is what a programme knows of itself: its index, and whether it
// was validated and with what result.
type state struct {
	ix        *index
	validated bool
	problems  error // Validate's result when validated
}
