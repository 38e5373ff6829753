package rank

import (
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
)

func TestContinues(t *testing.T) {
	lister := corpus.Paragraph{Text: "“This is a test of the new government,” said Charles Lister.", Quotes: []corpus.Quote{{Speaker: "Charles Lister"}}, Attribution: []string{"Charles Lister"}}
	tests := []struct {
		name string
		p    corpus.Paragraph
		next string
		attr []string
		want bool
	}{
		{"he added", lister, "He added that the coming weeks would tell.", nil, true},
		{"she said", lister, "She said the committee had thirty days.", nil, true},
		{"a quote he said", lister, "“They were not ready,” he said.", nil, true},
		{"a quote she added", lister, "“We will rebuild,” she added.", nil, true},
		{"a quote of another", lister, "“We will rebuild,” the governor said.", []string{"the governor"}, false},
		{"dash then pronoun", lister, "— He did not say when.", nil, true},
		{"their", lister, "Their convoy was stopped near Jableh.", nil, true},
		{"same speaker again", lister, "The fighting would go on, Lister said.", []string{"Charles Lister"}, true},
		{"another subject", lister, "Government forces sent reinforcements to Latakia.", nil, false},
		{"another speaker", lister, "The observatory said 1,000 civilians had been killed.", []string{"Syrian Observatory for Human Rights"}, false},
		{"it is not a person", lister, "It was the worst violence in years.", nil, false},
	}
	for _, tt := range tests {
		next := corpus.Paragraph{Text: tt.next, Attribution: tt.attr}
		if got := Continues(tt.p, next); got != tt.want {
			t.Errorf("%s: Continues(…, %q) = %v, want %v", tt.name, tt.next, got, tt.want)
		}
	}
}

func TestRoleNames(t *testing.T) {
	tests := []struct {
		role, name string
		want       bool
	}{
		{"UN Human Rights Spokesperson", "the UN human rights office", true},
		{"eyewitness", "an eyewitness", true},
		{"police spokesman", "the police", true},
		{"Syrian security source", "a security source", true},
		{"UN Human Rights Spokesperson", "the interior ministry", false},
		{"", "the police", false},
		{"mayor", "the mayor of abusleem", false},
		{"mayor of Abusleem", "the mayor of abusleem", true},
	}
	for _, tt := range tests {
		if got := roleNames(tt.role, tt.name); got != tt.want {
			t.Errorf("roleNames(%q, %q) = %v, want %v", tt.role, tt.name, got, tt.want)
		}
	}
}

func TestOnlyQuoted(t *testing.T) {
	tests := []struct {
		text, name string
		want       bool
	}{
		{"“What have you done to our people, Ghiyath Dalla?” he wrote.", "Ghiyath Dalla", true},
		{"\"Dalla, come home,\" he said.", "Dalla", true},
		{"Ghiyath Dalla, a former general, said “we are ready”.", "Ghiyath Dalla", false},
		{"“Ask Dalla,” she said of Ghiyath Dalla, the general.", "Ghiyath Dalla", false},
		{"No quote here about Dalla.", "Dalla", false},
		{"Someone else entirely.", "Dalla", false},
	}
	for _, tt := range tests {
		if got := onlyQuoted(tt.text, tt.name); got != tt.want {
			t.Errorf("onlyQuoted(%q, %q) = %v, want %v", tt.text, tt.name, got, tt.want)
		}
	}
}
