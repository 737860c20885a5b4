package volunteer

import "github.com/birgemiz/sabaqtastyq/civil"

// DiaryEntry is one line of the good-deeds diary (D6): what a volunteer did
// on a day, with how many children and what they achieved.
type DiaryEntry struct {
	Volunteer    string     `json:"volunteer" cel:"volunteer" validate:"required"`
	Date         civil.Date `json:"date" cel:"date" validate:"required"`
	Activity     string     `json:"activity" cel:"activity" validate:"required,max=300"`
	Children     int        `json:"children,omitempty" cel:"children" validate:"min=0,max=10000"`
	Achievements string     `json:"achievements,omitempty" cel:"achievements" validate:"max=2000"`
	Note         string     `json:"note,omitempty" cel:"note" validate:"max=2000"`
}
