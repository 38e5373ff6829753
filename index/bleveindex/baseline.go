package bleveindex

import (
	"context"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/newsdesk/newsdesk/corpus"
)

// Baseline is a plain Bleve index with the default mapping, built in
// batches of 1000 and queried with a match query: what a typical Go
// developer would write. The benchmarks compare newsdesk with it.
type Baseline struct{ idx bleve.Index }

// baselineDoc is what a typical Go developer indexes per paragraph.
type baselineDoc struct {
	ArticleID string
	Title     string
	Source    string
	URL       string
	Published time.Time
	Paragraph int
	Text      string
}

// BuildBaseline indexes the paragraphs at path with Bleve's default
// mapping in batches of 1000.
func BuildBaseline(path string, articles []corpus.Article) error {
	idx, err := bleve.New(path, bleve.NewIndexMapping())
	if err != nil {
		return fmt.Errorf("create baseline: %w", err)
	}
	b := idx.NewBatch()
	for _, a := range articles {
		for _, p := range a.Paragraphs {
			doc := baselineDoc{ArticleID: a.ID, Title: a.Title, Source: a.Source, URL: a.URL, Published: a.Published.Time, Paragraph: p.Number, Text: p.Text}
			if err := b.Index(DocID(a.ID, p.Number), doc); err != nil {
				_ = idx.Close()
				return err
			}
			if b.Size() >= 1000 {
				if err := idx.Batch(b); err != nil {
					_ = idx.Close()
					return err
				}
				b.Reset()
			}
		}
	}
	if b.Size() > 0 {
		if err := idx.Batch(b); err != nil {
			_ = idx.Close()
			return err
		}
	}
	return idx.Close()
}

// OpenBaseline opens a baseline index built by BuildBaseline.
func OpenBaseline(path string) (*Baseline, error) {
	idx, err := bleve.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open baseline: %w", err)
	}
	return &Baseline{idx: idx}, nil
}

// Ask searches the paragraphs for the question's words with a match query
// and loads the stored fields of up to size hits; it returns how many.
func (b *Baseline) Ask(ctx context.Context, question string, size int) (int, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewMatchQuery(question), size, 0, false)
	req.Fields = []string{"*"}
	r, err := b.idx.SearchInContext(ctx, req)
	if err != nil {
		return 0, err
	}
	return len(r.Hits), nil
}

// Close closes the index.
func (b *Baseline) Close() error { return b.idx.Close() }
