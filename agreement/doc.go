// Package agreement models the volunteer agreement of the guide's Appendix 2
// (D2) and the monthly reports it asks for.
//
// # The agreement
//
// An [Agreement] binds the organisation and a volunteer: the parties (the
// volunteer with an identity document, address and contacts), the city and
// date, and the terms Part I of the guide lists: hours per week, weekdays
// and the costs the organisation reimburses, so that a volunteer never
// spends their own money on the work (R11). A mentor may not take a child
// out of the institution without a signed agreement (R7); that rule is the
// policy's, which asks whether the agreement is in force on a day
// ([Agreement.InForce]).
//
// # Lifecycle
//
// The agreement "takes effect from the day it is signed" (§5.1) and either
// party may end it early (§5.2); a volunteer who stops gives "at least 2
// weeks'" notice (кемінде 2 апта, §3.10, R10). Its [State] on a day is
//
//	draft → signed → notice_given → ended
//
// where notice_given is skipped when the organisation ends the agreement,
// or the parties agree to stop at once. ends_on is the last day in force.
// [Agreement.Sign], [Agreement.GiveNotice] and [Agreement.End] take the
// steps; a step the state does not allow returns a [*StepError], a date
// before an earlier step a [diag.Error] with [diag.CodeImpossible], and an
// end without enough notice a [*NoticeError]. [NoticePolicy]'s zero value
// asks [DefaultNoticeDays] (14) days; [EarliestEnd] gives the first day an
// agreement may end: notice on 1 March allows an end on 15 March.
//
// # Reports
//
// The volunteer reports on the work done "at least once a month" (§6.1,
// R10). A [Report] names a month; which months lack one is the policy's
// rule agreement.monthly_report.
//
// # Validation and personal data
//
// [Agreement.Validate] and [Report.Validate] return every problem at once
// as a [diag.List] naming fields by their JSON paths. They reject only what
// cannot be: dates in an impossible order, a party without a document
// number. A notice shorter than two weeks is well-formed data and a finding
// of the policy. The volunteer's party (name, document, address, contacts)
// and the organisation's representative are personal data: they are hidden
// from policies, never appear in messages, and are redacted when logged.
package agreement
