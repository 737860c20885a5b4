// Package volunteer models the people who help in a mentoring programme of
// the guide BIRGEMIZ SABAQTASTYQ: who they are, what they may do, how far
// they are through selection and where they stand in the organisation.
//
// # Volunteers and roles
//
// A [Volunteer] is anyone who gives time to the programme. What they do is
// their [Role] (R2): only an [IndividualMentor] (тәлімгер) is paired with
// one child in a tandem, and the guide asks such a mentor to be 25 or older
// and to commit for at least a year (R1, R3). A younger volunteer still
// helps as a [GroupVolunteer] in creative classes and tutoring with others,
// as an [EventVolunteer] at holidays and games, or as a [Coach]. The
// package holds the data; whether a person fits a role is a finding of the
// policy (package rules), never a validation error: a 24-year-old mentor is
// well-formed data that breaks a rule.
//
// # Selection
//
// Mentor candidates pass a strict selection of four stages (R6): an
// interview on readiness for traumatised, aggressive or unstable children,
// a psychological test, training at the School of Mentors, and the
// collection of documents. [Screening] keeps the day each stage was done;
// [Screening.Missing] names the stages still to do, and
// [Screening.CompletedOn] gives the day selection was complete, the latest
// of the four. No child is matched with a mentor before that day.
//
// # Lifecycle
//
// A volunteer's [Status] moves along
//
//	applicant → screening → approved → active ⇄ on_hold
//
// and from any of these to retired, since a person may withdraw, or be
// offered another project, at any step. From retired the only way back is
// to apply again as an applicant and pass selection anew: a returning
// volunteer is screened like a new one. Steps cannot be skipped (an
// applicant is not approved without screening) and no one goes back to an
// earlier step except through retired. [Status.CanGo] tells whether a move
// is allowed; [Volunteer.Transition] makes it or returns a
// [*TransitionError], which errors.As finds and which unwraps to a
// [diag.Error] with code [diag.CodeIllegalChange], speaking kk, ru and en.
//
// # The cascade
//
// The guide's cascade model (R15, L1158–L1170) has experienced volunteers
// teach new ones: trainees, mentors and masters, the level fixed "for
// example by the number of project cycles". [LevelFor] applies the default
// [Cascade]: a trainee becomes a mentor after one completed cycle and a
// master after three. The cascade's "mentor" is a level of experience, not
// the [IndividualMentor] role: a group volunteer can be a master.
//
// # The diary
//
// The good-deeds diary (D6, Appendix 6) records per day the form of
// activity, how many children took part and what they achieved. It serves
// to follow progress over three or six months and to report to the
// coordinator; [Summarize] sums a period up in a stable order.
//
// # Validation
//
// [Volunteer.Validate] and [DiaryEntry.Validate] return every problem at
// once as a [diag.List], each naming the field by its JSON path. They check
// the form of the data only: required fields, lengths, vocabularies, and
// the few cross-field rules a form needs (a detail is required when "other"
// or "yes" is ticked; a skill is listed once; no stage before birth).
//
// # Personal data
//
// Names, phones, e-mails, addresses, health details and the birth date are
// personal data. They are tagged cel:"-" (hidden from policies) where a
// policy has no need of them, never appear in error messages, and are
// replaced by [Redacted] when a [Volunteer], [Contacts], [Health] or
// [DiaryEntry] is logged with log/slog.
package volunteer
