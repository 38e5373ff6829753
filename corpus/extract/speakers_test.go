package extract_test

import (
	"slices"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"

	"github.com/newsdesk/newsdesk/corpus/extract"
)

func TestGenericSpeakersResolve(t *testing.T) {
	a := corpus.Article{Paragraphs: []corpus.Paragraph{
		{Number: 1, Text: "An earthquake struck late on Saturday, killing at least 212 people, according to Morocco's interior ministry."},
		{Number: 2, Text: "The ministry says a further 540 people were injured."},
		{Number: 3, Text: "The agency said it had no figures of its own."},
	}}
	a.Published, _ = corpus.ParseDate("2024-11-18")
	extract.Analyze(&a)
	if got := a.Paragraphs[1].Attribution; !slices.Contains(got, "Morocco's interior ministry") {
		t.Errorf("attribution %q, want the ministry named in the paragraph before", got)
	}
	if figs := a.Paragraphs[1].Figures; len(figs) != 1 || figs[0].Source != "Morocco's interior ministry" {
		t.Errorf("figures %+v, want 540 wounded from Morocco's interior ministry", figs)
	}
	// Nothing earlier names an agency: the description stays as written.
	if got := a.Paragraphs[2].Attribution; !slices.ContainsFunc(got, func(s string) bool { return s == "The agency" || s == "the agency" }) {
		t.Errorf("attribution %q, want the agency as written", got)
	}
}

func TestSpeakerOfQuoteAndBracketedAcronym(t *testing.T) {
	a := corpus.Article{Paragraphs: []corpus.Paragraph{
		{Number: 1, Text: "The National Commission on Civil Liberties (NCCL) says at least 22 people were killed in the protests."},
		{Number: 2, Text: "Senator Grace Wanjala called for an inquiry. \"A government that shoots its children cannot ask for calm,\" she said."},
	}}
	a.Published, _ = corpus.ParseDate("2024-06-27")
	extract.Analyze(&a)
	if figs := a.Paragraphs[0].Figures; len(figs) == 0 || figs[0].Source != "National Commission on Civil Liberties" {
		t.Errorf("figures %+v, want 22 killed according to the commission named before its acronym", figs)
	}
	q := a.Paragraphs[1].Quotes
	if len(q) != 1 || q[0].Speaker != "Grace Wanjala" {
		t.Errorf("quotes %+v, want the senator as speaker, not the quote's first words", q)
	}
}
