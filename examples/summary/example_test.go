package main

import (
	"fmt"
	"os"
)

// The summary of the example programme. (An internal test: a command's
// main package cannot be imported by an external one.)
func Example() {
	if err := run(os.Stdout, "../data/programme.json"); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Programme as of 2026-11-24: «Бірге» volunteer centre, Almaty
	//
	// Institutions (3):
	//   inst-1  orphanage              10 children
	//   inst-2  adaptation_centre      4 children
	//   inst-3  social_service_centre  4 children
	//
	// Volunteers (20) by role:
	//   individual_mentor    12
	//   group_volunteer      5
	//   event_volunteer      2
	//   coach                1
	//
	// Tandems (12) by phase:
	//   acquaintance         3
	//   inside_institution   2
	//   active               5
	//   closing              1
	//   closed               1
	//
	// Group sessions (5):
	//   g-1  2025-05-15 inst-1  13 people (6 volunteers, 7 children)
	//   g-2  2026-01-10 inst-1  14 people (7 volunteers, 7 children)
	//   g-3  2026-03-20 inst-3  12 people (8 volunteers, 4 children)
	//   g-4  2026-08-25 inst-2  12 people (8 volunteers, 4 children)
	//   g-5  2026-09-05 inst-1  13 people (7 volunteers, 6 children)
	//
	// Agreements: 14 (13 in force on 2026-11-24)
	// Outings: 8
	// Monthly reports: 76, 2025-06 to 2026-10
	// General meetings in the last five full months: 5 of 5
}
