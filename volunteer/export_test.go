package volunteer

// The plain checks and the messages, for the conformance test.
var (
	WellFormed = (*Volunteer).wellFormed
	Problems   = (*Volunteer).problems
)
