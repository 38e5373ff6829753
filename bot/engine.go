package bot

import (
	"context"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/index"
)

// Engine is what the bot asks of the search engine. *index.Engine is one;
// tests wrap it to make it slow or to hold a re-index open.
type Engine interface {
	Ask(ctx context.Context, question string, opts index.AskOptions) (*corpus.Result, error)
	Search(ctx context.Context, opts index.SearchOptions) (*corpus.Result, error)
	Tolls(ctx context.Context, place string) (*corpus.Result, error)
	Passage(ctx context.Context, articleID string, paragraph, radius int) (*corpus.Answer, error)
	People(prefix string, n int) []corpus.Person
	Stats(ctx context.Context) (corpus.Stats, error)
	Rebuild(ctx context.Context, opts index.BuildOptions) (index.BuildReport, error)
}

var _ Engine = (*index.Engine)(nil)
