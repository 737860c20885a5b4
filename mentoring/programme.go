package mentoring

import (
	"sync/atomic"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// Programme is a mentoring programme at a date: the whole programme file.
// Build one with [Load] (or [Decode]) to get positioned errors and the
// indexes, or fill it in Go and call [Programme.Index].
type Programme struct {
	AsOf         civil.Date             `json:"as_of" cel:"as_of" validate:"required"`
	Organisation string                 `json:"organisation,omitempty" cel:"organisation" validate:"max=300"`
	Institutions []Institution          `json:"institutions" cel:"institutions" validate:"dive"`
	Volunteers   []volunteer.Volunteer  `json:"volunteers" cel:"volunteers" validate:"dive"`
	Children     []Child                `json:"children" cel:"children" validate:"dive"`
	Tandems      []Tandem               `json:"tandems" cel:"tandems" validate:"dive"`
	Groups       []Group                `json:"groups" cel:"groups" validate:"dive"`
	Agreements   []agreement.Agreement  `json:"agreements" cel:"agreements" validate:"dive"`
	Outings      []Outing               `json:"outings" cel:"outings" validate:"dive"`
	Reports      []agreement.Report     `json:"reports" cel:"reports" validate:"dive"`
	Meetings     []Meeting              `json:"meetings,omitempty" cel:"meetings" validate:"dive"`
	Diary        []volunteer.DiaryEntry `json:"diary,omitempty" cel:"diary" validate:"dive"`

	// state is the index and what validation found, built at most once
	// per Index or Validate and swapped in whole, so that look-ups from
	// several goroutines on a fresh programme never race.
	state atomic.Pointer[state]
}

// state is what a programme knows of itself: its index, and whether it
// was validated and with what result.
type state struct {
	ix        *index
	validated bool
	problems  error // Validate's result when validated
}
