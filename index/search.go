package index

import (
	"context"

	"github.com/newsdesk/newsdesk/corpus"
)

// STUB — owned by the lead; the signatures are the contract.

// MaxQuestionLen caps the length of a question in bytes; longer ones are
// cut at a word boundary.
const MaxQuestionLen = 300

// DefaultLimit is how many answers a question gets unless asked otherwise.
const DefaultLimit = 3

// AskOptions configures Ask.
type AskOptions struct {
	Limit  int // answers per page; DefaultLimit when 0
	Offset int // answers to skip, for paging
}

// Ask answers a question in plain words. It never fails for what the user
// typed: any text is a question, and no text is query syntax.
func (e *Engine) Ask(ctx context.Context, question string, opts AskOptions) (*Result, error) {
	return &Result{Query: question, Intent: corpus.IntentSearch, Answers: []Answer{}}, nil
}

// SearchOptions is a plain search with filters.
type SearchOptions struct {
	Query  string
	Source string      // outlet, case-insensitive; "" for all
	From   corpus.Date // inclusive; zero for no bound
	To     corpus.Date // inclusive; zero for no bound
	Limit  int
	Offset int
}

// Search runs a plain keyword search with optional outlet and date filters.
func (e *Engine) Search(ctx context.Context, opts SearchOptions) (*Result, error) {
	return &Result{Query: opts.Query, Intent: corpus.IntentSearch, Answers: []Answer{}}, nil
}

// Tolls returns the latest casualty figures per source, optionally for one
// place, newest first.
func (e *Engine) Tolls(ctx context.Context, place string) (*Result, error) {
	return &Result{Query: place, Intent: corpus.IntentFigure, Answers: []Answer{}}, nil
}

// Passage returns one paragraph as an Answer with radius paragraphs of
// context on each side; ENOTFOUND when it does not exist.
func (e *Engine) Passage(ctx context.Context, articleID string, paragraph, radius int) (*Answer, error) {
	return nil, corpus.Errorf(corpus.ENOTFOUND, "No such passage.")
}
