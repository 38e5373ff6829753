package rank

import (
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
)

// TestHoldsPosition finds, for a question that asks for the holder of a
// position, the passages naming a person in it: by the role noun, by
// another name for it, or by the verb after "who".
func TestHoldsPosition(t *testing.T) {
	person := func(name, role string) corpus.Paragraph {
		return corpus.Paragraph{Mentions: []corpus.Mention{{Text: name, Name: name, Kind: corpus.MentionPerson, Role: role}}}
	}
	syn := &Synonyms{base: map[string][]string{"run": {"head", "chief", "ceo"}}}
	tests := []struct {
		question string
		p        corpus.Paragraph
		want     bool
	}{
		{"who runs delta", person("Ed Bastian", "Delta Air Lines CEO"), true},
		{"who chairs the homeland security committee", person("Mark Green", "Committee Chair"), true},
		{"who is the boss of parametrix", person("Ken Tan", "CEO of Parametrix"), true},
		{"who is the moroccan pm", person("Aziz Akhannouch", "Moroccan Prime Minister"), true},
		{"which bbc correspondent got to the village", person("Nick Beake", "BBC correspondent"), true},
		{"who was the mayor when the dams burst", person("Abdulmenam al-Ghaithi", "Derna Mayor"), true},
		// Another position, no role, a question that asks for no person.
		{"who was the mayor when the dams burst", person("Osama Hamad", "Prime Minister"), false},
		{"who runs delta", person("Ed Bastian", ""), false},
		{"who runs delta", corpus.Paragraph{Mentions: []corpus.Mention{{Text: "Delta", Kind: corpus.MentionOrganisation, Role: "airline"}}}, false},
		{"how many flights did delta cancel", person("Ed Bastian", "Delta CEO"), false},
		{"who is ed bastian", person("Ed Bastian", "Delta CEO"), false},
	}
	for _, tt := range tests {
		r := &Ranker{Stems: fakeStems{}, Synonyms: syn, Question: corpus.Question{Text: tt.question}}
		if got := r.holdsPosition(r.positionsAsked(), tt.p); got != tt.want {
			t.Errorf("%q, %+v: holdsPosition = %v, want %v (positions %q)", tt.question, tt.p.Mentions, got, tt.want, r.positionsAsked())
		}
	}
}

// TestHeadsOfBodies: an agency's head is its chair, administrator or
// president as well as its director ("who heads fema": FEMA Administrator
// Deanne Criswell).
func TestHeadsOfBodies(t *testing.T) {
	person := func(name, role string) corpus.Paragraph {
		return corpus.Paragraph{Mentions: []corpus.Mention{{Text: name, Name: name, Kind: corpus.MentionPerson, Role: role}}}
	}
	syn := &Synonyms{base: baseSynonyms}
	for _, tt := range []struct {
		question string
		p        corpus.Paragraph
		want     bool
	}{
		{"who heads fema", person("Deanne Criswell", "FEMA Administrator"), true},
		{"who heads the ntsb", person("Jennifer Homendy", "chair of the National Transportation Safety Board"), true},
		{"who is the head of the red crescent", person("Ahmed Ali", "president of the Red Crescent"), true},
		{"who heads fema", person("Bob Fenton", "regional spokesman"), false},
	} {
		r := &Ranker{Stems: porterStems{}, Synonyms: syn, Question: corpus.Question{Text: tt.question}}
		if got := r.holdsPosition(r.positionsAsked(), tt.p); got != tt.want {
			t.Errorf("%q, %+v: holdsPosition = %v, want %v (positions %q)", tt.question, tt.p.Mentions, got, tt.want, r.positionsAsked())
		}
	}
}
