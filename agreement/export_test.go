package agreement

// The plain checks and the messages, for the conformance test.
var (
	WellFormed = (*Agreement).wellFormed
	Problems   = (*Agreement).problems
)
