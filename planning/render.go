package planning

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/grammar"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// Labels of the text renderers.
const (
	codeLabelInstitution diag.Code = "planning.label.institution"
	codeLabelGroup       diag.Code = "planning.label.group"
	codeLabelProposal    diag.Code = "planning.label.proposal"
	codeLabelUnmatched   diag.Code = "planning.label.unmatched"
	codeLabelSummary     diag.Code = "planning.label.summary"
	codeLabelLanguage    diag.Code = "planning.label.language"

	// Nouns after a number, for [grammar.Count]: "one|few|many" in
	// Russian, "one|other" in English, one form in Kazakh.
	codeNParticipants diag.Code = "planning.n.participants"
	codeNMentors      diag.Code = "planning.n.mentors"
	codeNChildren     diag.Code = "planning.n.children"
	codeNGroups       diag.Code = "planning.n.groups"
	codeNPairs        diag.Code = "planning.n.pairs"
	codeNPeople       diag.Code = "planning.n.people"
	codeNPeopleGen    diag.Code = "planning.n.people_gen" // after "не более": 21 человека, 18 человек
)

// count is n with the noun of code in the form n takes: "4 участника",
// "1 group", "26 қатысушы".
func count(lang diag.Lang, n int, code diag.Code) string {
	return grammar.Count(lang, int64(n), message(lang, code))
}

// severityWord is a finding's severity as the reader's language names it;
// English keeps the policy's own word.
func severityWord(lang diag.Lang, s Severity) string {
	return message(lang, diag.Code("planning.severity."+string(s)))
}

// languageWord names a group's language in the reader's language ("орысша",
// "русский"), or gives its code when sabaq has no name for it.
func languageWord(lang diag.Lang, code string) string {
	if t, ok := diag.Lookup(diag.Code("planning.language." + code)); ok {
		return t.In(lang)
	}
	return code
}

func init() {
	diag.Register(map[diag.Code]diag.Text{
		codeLabelInstitution: {
			KK: "Мекеме {0}: {1} ({2}, {3}), {4}",
			RU: "Учреждение {0}: {1} ({2}, {3}), {4}",
			EN: "Institution {0}: {1} ({2}, {3}), {4}",
		},
		codeLabelGroup: {
			KK: "{0}: {1} — тәлімгерлер: {2}; балалар: {3}",
			RU: "{0}: {1} — наставники: {2}; дети: {3}",
			EN: "{0}: {1} — mentors: {2}; children: {3}",
		},
		codeLabelProposal: {
			KK: "{0} + {1}, {2}: ұпай {3} = {4}",
			RU: "{0} + {1}, {2}: балл {3} = {4}",
			EN: "{0} + {1}, {2}: score {3} = {4}",
		},
		codeLabelUnmatched: {
			KK: "Жұпсыз қалғандар",
			RU: "Без пары",
			EN: "Left unmatched",
		},
		codeLabelSummary: {
			KK: "{0} ұсынылды, жалпы ұпай {1}",
			RU: "Предложено: {0}, общий балл {1}",
			EN: "{0} proposed, total score {1}",
		},
		codeLabelLanguage: {
			KK: " [тілі: {0}, {1}/{2}]",
			RU: " [язык: {0}, {1}/{2}]",
			EN: " [{0} {1}/{2}]",
		},
		codeNParticipants: {KK: "қатысушы", RU: "участник|участника|участников", EN: "participant|participants"},
		codeNMentors:      {KK: "тәлімгер", RU: "наставник|наставника|наставников", EN: "mentor|mentors"},
		codeNChildren:     {KK: "бала", RU: "ребёнок|ребёнка|детей", EN: "child|children"},
		codeNGroups:       {KK: "топ", RU: "группа|группы|групп", EN: "group|groups"},
		codeNPairs:        {KK: "жұп", RU: "пара|пары|пар", EN: "pair|pairs"},
		codeNPeople:       {KK: "адам", RU: "человек|человека|человек", EN: "person|people"},
		codeNPeopleGen:    {KK: "адам", RU: "человека|человек|человек", EN: "person|people"},

		"planning.severity.deny":  {KK: "БҰЗУШЫЛЫҚ", RU: "НАРУШЕНИЕ", EN: "deny"},
		"planning.severity.warn":  {KK: "ЕСКЕРТУ", RU: "ПРЕДУПРЕЖДЕНИЕ", EN: "warn"},
		"planning.severity.error": {KK: "ТЕКСЕРІЛМЕДІ", RU: "НЕ ПРОВЕРЕНО", EN: "error"},

		"planning.language.kk": {KK: "қазақша", RU: "казахский", EN: "kk"},
		"planning.language.ru": {KK: "орысша", RU: "русский", EN: "ru"},
		"planning.language.en": {KK: "ағылшынша", RU: "английский", EN: "en"},
	})
}

// WriteJSON writes the plan as indented JSON.
func (p *GroupPlan) WriteJSON(w io.Writer) error { return writeJSON(w, p) }

// WriteJSON writes the matching as indented JSON.
func (m *Matching) WriteJSON(w io.Writer) error { return writeJSON(w, m) }

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// names are the names a programme gives its volunteers and institutions,
// by KIND/ID, for the text a coordinator reads: volunteers' names are
// personal data, shown beside their ids on the coordinator's own screen
// and never written to JSON (children are known by their ids alone).
type names map[string]string

func namesOf(prog *mentoring.Programme) names {
	n := names{}
	for i := range prog.Volunteers {
		if v := &prog.Volunteers[i]; v.FullName != "" {
			n["volunteer/"+v.ID] = v.FullName
		}
	}
	for i := range prog.Institutions {
		if in := &prog.Institutions[i]; in.Name != "" {
			n["institution/"+in.ID] = in.Name
		}
	}
	return n
}

// label is an id with its name beside it, "v-1 (Aigerim Sadykova)", or
// the id alone.
func (n names) label(kind, id string) string {
	if name := n[kind+"/"+id]; name != "" {
		return id + " (" + name + ")"
	}
	return id
}

func (n names) labels(kind string, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = n.label(kind, id)
	}
	return out
}

// WriteText writes the plan for a coordinator to read, labels in lang
// (finding messages keep the language the plan was made in), with the
// names of volunteers and institutions beside their ids.
func (p *GroupPlan) WriteText(w io.Writer, lang diag.Lang) error {
	var b strings.Builder
	b.WriteString(p.Notice + "\n")
	for _, in := range p.Institutions {
		b.WriteString("\n" + message(lang, codeLabelInstitution, p.names.label("institution", in.Institution),
			count(lang, in.Participants, codeNParticipants), count(lang, in.Mentors, codeNMentors),
			count(lang, in.Children, codeNChildren), count(lang, len(in.Groups), codeNGroups)) + "\n")
		for _, g := range in.Groups {
			b.WriteString("  " + message(lang, codeLabelGroup, g.ID, count(lang, g.Size, codeNPeople),
				list(p.names.labels("volunteer", g.Mentors)), list(g.Children)))
			if g.Language != "" {
				b.WriteString(message(lang, codeLabelLanguage, languageWord(lang, g.Language), itoa(g.Speakers), itoa(g.Speakers+g.Silent)))
			}
			b.WriteString("\n")
		}
		for _, f := range in.Findings {
			fmt.Fprintf(&b, "  %s %s %s: %s\n", severityWord(lang, f.Severity), f.Rule, f.Subject, f.Message)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteText writes the matching for a coordinator to read, labels in lang
// (reasons keep the language the matching was made in), with the names of
// volunteers and institutions beside their ids and, under a person left
// out by rules, those rules' messages.
func (m *Matching) WriteText(w io.Writer, lang diag.Lang) error {
	var b strings.Builder
	b.WriteString(m.Notice + "\n")
	b.WriteString(message(lang, codeLabelSummary, count(lang, m.Pairs, codeNPairs), formatScore(m.TotalScore)) + "\n\n")
	for _, p := range m.Proposals {
		parts := make([]string, len(p.Parts))
		for i, s := range p.Parts {
			parts[i] = fmt.Sprintf("%s %s×%s", s.ID, formatScore(s.Value), formatScore(s.Weight))
		}
		b.WriteString(message(lang, codeLabelProposal, m.names.label("volunteer", p.Mentor), p.Child,
			m.names.label("institution", p.Institution), formatScore(p.Score), list(parts)) + "\n")
		for _, f := range p.Notes {
			fmt.Fprintf(&b, "  %s %s: %s\n", severityWord(lang, f.Severity), f.Rule, f.Message)
		}
	}
	if len(m.UnmatchedMentors)+len(m.UnmatchedChildren) > 0 {
		b.WriteString("\n" + message(lang, codeLabelUnmatched) + "\n")
	}
	unmatched := func(kind string, us []Unmatched) {
		for _, u := range us {
			fmt.Fprintf(&b, "  %s/%s: %s\n", kind, m.names.label(kind, u.ID), u.Message)
			for _, f := range u.Findings {
				if f.Severity.blocks() && f.Message != "" {
					fmt.Fprintf(&b, "    %s: %s\n", f.Rule, f.Message)
				}
			}
		}
	}
	unmatched("volunteer", m.UnmatchedMentors)
	unmatched("child", m.UnmatchedChildren)
	_, err := io.WriteString(w, b.String())
	return err
}

func itoa(n int) string { return fmt.Sprint(n) }

func list(s []string) string {
	if len(s) == 0 {
		return "—"
	}
	return strings.Join(s, ", ")
}
