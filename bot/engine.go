package bot

import (
	"context"

	"github.com/newsdesk/newsdesk/index"
)

// Engine is what the bot asks of the search engine. *index.Engine is one;
// tests wrap it to make it slow or to hold a re-index open.
type Engine interface {
	Ask(ctx context.Context, question string, opts index.AskOptions) (*index.Result, error)
	Search(ctx context.Context, opts index.SearchOptions) (*index.Result, error)
	Tolls(ctx context.Context, place string) (*index.Result, error)
	Passage(ctx context.Context, articleID string, paragraph, radius int) (*index.Answer, error)
	People(prefix string, n int) []index.Person
	Stats(ctx context.Context) (index.Stats, error)
	Rebuild(ctx context.Context, opts index.BuildOptions) (index.BuildReport, error)
}

var _ Engine = (*index.Engine)(nil)
