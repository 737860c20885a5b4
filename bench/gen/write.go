package gen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// list is one top-level list of a programme file, written element by
// element.
type list struct {
	name string
	n    int
	at   func(i int) any
}

func lists(p *mentoring.Programme) []list {
	return []list{
		{"institutions", len(p.Institutions), func(i int) any { return &p.Institutions[i] }},
		{"volunteers", len(p.Volunteers), func(i int) any { return &p.Volunteers[i] }},
		{"children", len(p.Children), func(i int) any { return &p.Children[i] }},
		{"tandems", len(p.Tandems), func(i int) any { return &p.Tandems[i] }},
		{"groups", len(p.Groups), func(i int) any { return &p.Groups[i] }},
		{"agreements", len(p.Agreements), func(i int) any { return &p.Agreements[i] }},
		{"outings", len(p.Outings), func(i int) any { return &p.Outings[i] }},
		{"reports", len(p.Reports), func(i int) any { return &p.Reports[i] }},
		{"meetings", len(p.Meetings), func(i int) any { return &p.Meetings[i] }},
		{"visits", len(p.Visits), func(i int) any { return &p.Visits[i] }},
		{"check_ins", len(p.CheckIns), func(i int) any { return &p.CheckIns[i] }},
	}
}

// WriteJSON writes p as a JSON programme file: one object, each list
// element compact on its own line. It streams: memory stays at one element
// whatever the size of p.
func WriteJSON(w io.Writer, p *mentoring.Programme) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	head, err := json.Marshal(struct {
		AsOf         any    `json:"as_of"`
		Organisation string `json:"organisation,omitempty"`
	}{p.AsOf, p.Organisation})
	if err != nil {
		return err
	}
	bw.Write(head[:len(head)-1]) // the object stays open for the lists
	for _, l := range lists(p) {
		fmt.Fprintf(bw, ",\n%q: [", l.name)
		for i := range l.n {
			b, err := json.Marshal(l.at(i))
			if err != nil {
				return fmt.Errorf("%s[%d]: %w", l.name, i, err)
			}
			if i > 0 {
				bw.WriteByte(',')
			}
			bw.WriteByte('\n')
			bw.Write(b)
		}
		bw.WriteString("\n]")
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// WriteYAML writes p as a YAML programme file in block style, one list
// element at a time.
func WriteYAML(w io.Writer, p *mentoring.Programme) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	fmt.Fprintf(bw, "as_of: %s\n", p.AsOf)
	if p.Organisation != "" {
		b, err := yaml.Marshal(map[string]string{"organisation": p.Organisation})
		if err != nil {
			return err
		}
		bw.Write(b)
	}
	for _, l := range lists(p) {
		if l.n == 0 {
			fmt.Fprintf(bw, "%s: []\n", l.name)
			continue
		}
		fmt.Fprintf(bw, "%s:\n", l.name)
		for i := range l.n {
			b, err := yamlItem(l.at(i))
			if err != nil {
				return fmt.Errorf("%s[%d]: %w", l.name, i, err)
			}
			bw.Write(b)
		}
	}
	return bw.Flush()
}

// yamlItem renders v as a one-item block sequence ("- id: …"): its JSON
// form read back as a YAML node (JSON is YAML), restyled as block YAML.
func yamlItem(v any) ([]byte, error) {
	j, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(j, &doc); err != nil {
		return nil, err
	}
	item := doc.Content[0]
	block(item)
	return yaml.Marshal(&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{item}})
}

// block clears the flow and quoting styles JSON brings, so that the
// encoder chooses plain block YAML and quotes only what needs it.
func block(n *yaml.Node) {
	n.Style = 0
	for _, c := range n.Content {
		block(c)
	}
}
