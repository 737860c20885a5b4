package rules_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/rules"
)

func TestExplain(t *testing.T) {
	prog := fixture()
	prog.Agreements[0].NoticeGivenOn = d("2026-11-01")
	prog.Agreements[0].EndsOn = d("2026-11-14")
	p := load(t, "guide")
	x, err := p.Explain(context.Background(), prog, "agreement.notice", "agreement/a-1")
	require.NoError(t, err)
	assert.Equal(t, rules.Failed, x.Result)
	text := x.Text()
	assert.Contains(t, text, "notice_lead = 13")
	assert.Contains(t, text, "notice_period = 14")
	assert.Contains(t, text, "has(agreement.ended_by) = false")
	assert.Contains(t, text, "has(agreement.ends_on) = true")
	t.Log("\n" + text)

	x, err = p.Explain(context.Background(), prog, "mentor.min_age", "volunteer/v-1")
	require.NoError(t, err)
	assert.Equal(t, rules.Passed, x.Result)
	assert.Contains(t, x.Text(), "age >= params.mentor_min_age = true")
	assert.Contains(t, x.Text(), "age(volunteer.birth_date, t.started_on) >= params.mentor_min_age) = true")
	assert.Contains(t, x.Text(), "age = 36")

	_, err = p.Explain(context.Background(), prog, "no.such.rule", "volunteer/v-1")
	require.ErrorIs(t, err, rules.ErrInput)
	_, err = p.Explain(context.Background(), prog, "mentor.min_age", "volunteer/v-404")
	require.ErrorIs(t, err, rules.ErrInput)
}
