package sheet

import (
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// Option changes how a programme is read. The zero configuration reads up
// to limits.ProgrammeBytes of input (2 GiB; a folder's files together),
// lets a workbook unpack to at most [MaxUnpacked], and reports up to 100
// problems.
type Option func(*options)

type options struct {
	maxBytes    int64
	maxUnpacked int64
	maxProblems int
}

// MaxUnpacked is the default cap on what a workbook unpacks to: its
// sheets, shared strings and styles together. A workbook of 10,000
// volunteers (1.2 MiB) unpacks to about 15 MiB, so the cap holds some
// 700,000; a service reading workbooks sent to it sets a lower one. An .xlsx file is a zip archive, and
// a small one can unpack to gigabytes (a zip bomb): the archive's own
// directory is checked against the cap before anything is unpacked, and
// reading stops if an entry unpacks to more than it declared.
const MaxUnpacked int64 = 1 << 30

// WithMaxBytes caps the input: a file's size, or the size of a folder's
// CSV files together. Default limits.ProgrammeBytes.
func WithMaxBytes(n int64) Option { return func(o *options) { o.maxBytes = n } }

// WithMaxUnpacked caps what a workbook unpacks to. Default [MaxUnpacked].
func WithMaxUnpacked(n int64) Option { return func(o *options) { o.maxUnpacked = n } }

func (o options) with(opts []Option) options {
	for _, f := range opts {
		f(&o)
	}
	if o.maxBytes <= 0 {
		o.maxBytes = limits.ProgrammeBytes
	}
	if o.maxUnpacked <= 0 {
		o.maxUnpacked = MaxUnpacked
	}
	if o.maxProblems <= 0 {
		o.maxProblems = maxProblems
	}
	return o
}

// mentoring passes the caps that apply to JSON and YAML on to
// [mentoring.Load] and [mentoring.Decode].
func (o options) mentoring() []mentoring.Option {
	var out []mentoring.Option
	if o.maxBytes > 0 {
		out = append(out, mentoring.WithMaxBytes(o.maxBytes))
	}
	if o.maxProblems > 0 {
		out = append(out, mentoring.WithMaxProblems(o.maxProblems))
	}
	return out
}
