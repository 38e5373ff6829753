package index

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/newsdesk/newsdesk/corpus"
)

func TestZZDebug(t *testing.T) {
	q := os.Getenv("ZZQ")
	if q == "" {
		t.Skip()
	}
	ctx := context.Background()
	dir := t.TempDir()
	if _, err := Build(ctx, BuildOptions{CorpusDir: "../corpus/testdata/eval/articles", IndexDir: dir}); err != nil {
		t.Fatal(err)
	}
	e, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	g, release := e.acquire()
	defer release()
	pq := corpus.ParseQuestion(q)
	fmt.Printf("%+v\n", pq)
	s := &asker{g: g, q: pq, text: g.idx.Mapping().AnalyzerNamed(textAnalyzer)}
	s.applyQuestionFilters()
	for _, c := range s.conceptsOf(ctx, pq.Terms) {
		fmt.Printf("concept %+v\n", c)
	}
	res, _ := e.Ask(ctx, q, AskOptions{Limit: 5})
	for _, a := range res.Answers {
		fmt.Printf("%.3f %s#%d %.100s | %v\n", a.Score, a.Article.ID, a.Paragraph, a.Text, a.Highlights)
	}
	fmt.Println(res.Notes)
}
