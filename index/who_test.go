package index

import (
	"context"
	"strings"
	"testing"
)

// TestAskWhoMisspelt: a name typed in lower case with a letter left out
// of a short word ("george kurz") or one letter changed ("herman
// andaja") is the corpus's name; a short word alone a letter from
// another is not.
func TestAskWhoMisspelt(t *testing.T) {
	dir := t.TempDir()
	mustBuild(t, dir, append(testArticles(),
		article("outage.txt", "Software update crashes computers", "Tech Wire", "2024-07-19",
			"George Kurtz, the chief executive of CrowdStrike, apologised for the outage on Friday.",
			"Airlines grounded flights as check-in systems failed."),
		article("sirens.txt", "Emergency chief defends silent sirens", "Island Wire", "2023-08-17",
			"Herman Andaya, the county's emergency management administrator, said he did not regret leaving the sirens off.",
			"The sirens are meant for tsunamis, officials said.")), false)
	e := mustOpen(t, dir)
	for q, want := range map[string]string{"who is george kurz": "George Kurtz", "who is George Kurtz": "George Kurtz", "who is kurz": "", "who is herman andaja": "Herman Andaya"} {
		res, err := e.Ask(context.Background(), q, AskOptions{Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case want == "" && len(res.Answers) > 0:
			t.Errorf("%q: answered %q, want no answer", q, res.Answers[0].Text)
		case want != "" && (len(res.Answers) == 0 || !strings.Contains(res.Answers[0].Text, want)):
			t.Errorf("%q: answers %+v, notes %q; want %s", q, res.Answers, res.Notes, want)
		}
	}
}
