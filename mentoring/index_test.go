package mentoring_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// A programme built in Go and never indexed may be read from several
// goroutines at once: the first look-ups build the index without a race
// (go test -race), and Validated validates once for all of them.
func TestFreshProgrammeConcurrentLookups(t *testing.T) {
	p := &mentoring.Programme{
		AsOf:         civil.D(2026, 11, 24),
		Institutions: []mentoring.Institution{{ID: "inst-1", Name: "Home", Kind: mentoring.Orphanage}},
		Children:     []mentoring.Child{{ID: "c-1", BirthDate: civil.D(2014, 1, 1), Institution: "inst-1"}},
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			c, ok := p.Child("c-1")
			assert.True(t, ok)
			assert.Equal(t, "inst-1", c.Institution)
			assert.NoError(t, p.Validated())
		})
	}
	wg.Wait()
	done, err := p.Indexed()
	assert.True(t, done)
	assert.NoError(t, err)
}
