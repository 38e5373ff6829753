package index

import (
	"slices"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/index/rank"
)

// TestSaidToOutletIsNoTopic: the outlet a speaker told ("tell the
// guardian", "told ap") leaves a said question's topic, named in full or
// by its initials, as chat types it; other words stay, and so does a word
// that is only part of an outlet's name ("press").
func TestSaidToOutletIsNoTopic(t *testing.T) {
	g := &generation{summary: summary{Sources: []string{"the guardian", "associated press", "bbc news"}}}
	for _, tt := range []struct {
		topic, want []string
	}{
		{[]string{"guardian"}, []string{}},
		{[]string{"ap", "bodies"}, []string{"bodies"}},
		{[]string{"bbc"}, []string{}},
		{[]string{"associated", "press", "floods"}, []string{"floods"}},
		{[]string{"press", "freedom"}, []string{"press", "freedom"}},
		{[]string{"bodies", "ap"}, []string{"bodies", "ap"}},
	} {
		s := &asker{g: g, Ranker: &rank.Ranker{Question: corpus.Question{Intent: corpus.IntentSaid, Subject: "a resident", Topic: tt.topic}}}
		s.applyQuestionFilters()
		if got := s.Question.Topic; !slices.Equal(got, tt.want) {
			t.Errorf("topic %q → %q, want %q", tt.topic, got, tt.want)
		}
	}
}
