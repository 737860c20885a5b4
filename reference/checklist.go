package reference

import (
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
)

// Checklist records which safety-instruction topics a volunteer has been
// instructed on and acknowledged, and when. A Checklist is not safe for
// concurrent use.
type Checklist struct {
	topics []SafetyTopic
	on     map[string]civil.Date
}

// NewChecklist returns an empty checklist of the topics, e.g. all of
// [Set.SafetyTopics] or only those that are not General.
func NewChecklist(topics []SafetyTopic) *Checklist {
	return &Checklist{topics: append([]SafetyTopic(nil), topics...), on: map[string]civil.Date{}}
}

// Acknowledge records that the volunteer acknowledged the topic on the
// date. Acknowledging a topic again (a refresher) keeps the later date. It
// reports an unknown topic or an absent date; the checklist is then
// unchanged.
func (c *Checklist) Acknowledge(topicID string, on civil.Date) error {
	if !c.has(topicID) {
		return diag.New(CodeUnknownTopic, "topic", topicID)
	}
	if on.IsZero() {
		return diag.New(diag.CodeRequired, "date", "date")
	}
	if prev, ok := c.on[topicID]; !ok || on.After(prev) {
		c.on[topicID] = on
	}
	return nil
}

func (c *Checklist) has(id string) bool {
	for _, t := range c.topics {
		if t.ID == id {
			return true
		}
	}
	return false
}

// Acknowledged returns the date the topic was acknowledged, if it was.
func (c *Checklist) Acknowledged(topicID string) (civil.Date, bool) {
	d, ok := c.on[topicID]
	return d, ok
}

// Missing returns the topics not yet acknowledged, in checklist order.
func (c *Checklist) Missing() []SafetyTopic {
	var out []SafetyTopic
	for _, t := range c.topics {
		if _, ok := c.on[t.ID]; !ok {
			out = append(out, t)
		}
	}
	return out
}

// Complete reports whether every topic is acknowledged. An empty checklist
// is complete.
func (c *Checklist) Complete() bool { return len(c.Missing()) == 0 }

// CompletedOn returns the date the last missing topic was acknowledged —
// the day the volunteer finished the instruction — if the checklist is
// complete and not empty.
func (c *Checklist) CompletedOn() (civil.Date, bool) {
	if len(c.topics) == 0 || !c.Complete() {
		return civil.Date{}, false
	}
	var last civil.Date
	for _, d := range c.on {
		if d.After(last) {
			last = d
		}
	}
	return last, true
}
