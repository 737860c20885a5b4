package volunteer_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

func TestScreening(t *testing.T) {
	d := func(day int) civil.Date { return civil.D(2026, 2, day) }
	cases := []struct {
		name    string
		s       volunteer.Screening
		missing []string
		on      civil.Date
	}{
		{"none", volunteer.Screening{}, []string{"interview", "psychological_test", "training", "documents"}, civil.Date{}},
		{"three of four", volunteer.Screening{Interview: d(1), PsychologicalTest: d(2), Training: d(3)}, []string{"documents"}, civil.Date{}},
		{"only documents missing interview", volunteer.Screening{PsychologicalTest: d(2), Training: d(3), Documents: d(4)}, []string{"interview"}, civil.Date{}},
		{"all in order", volunteer.Screening{Interview: d(1), PsychologicalTest: d(2), Training: d(3), Documents: d(4)}, nil, d(4)},
		{"all, latest first", volunteer.Screening{Interview: d(9), PsychologicalTest: d(2), Training: d(3), Documents: d(4)}, nil, d(9)},
		{"all on one day", volunteer.Screening{Interview: d(5), PsychologicalTest: d(5), Training: d(5), Documents: d(5)}, nil, d(5)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.missing, tc.s.Missing())
			assert.Equal(t, tc.missing == nil, tc.s.Complete())
			on, ok := tc.s.CompletedOn()
			assert.Equal(t, tc.missing == nil, ok)
			assert.Equal(t, tc.on, on)
		})
	}
}
