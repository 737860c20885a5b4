package limits

// SpoolWith is Spool with the part kept in memory set by the test.
var SpoolWith = spool
