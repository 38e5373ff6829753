package index

import (
	"context"
	"log/slog"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/newsdesk/newsdesk/corpus"
)

// STUB — owned by the index-storage helper; the signatures are the contract.

// Engine serves questions from the current index generation. It is safe for
// concurrent use; Reload swaps in a newer generation without failing any
// in-flight or new query.
type Engine struct {
	dir string
	log *slog.Logger
}

// generation is one complete, immutable build of the index.
type generation struct {
	name     string
	idx      bleve.Index
	manifest Manifest
}

// Manifest describes a generation; it is stored beside the Bleve index.
type Manifest struct {
	AnalyzerVersion string            `json:"analyzer_version"`
	Fingerprint     string            `json:"fingerprint"` // corpus.Fingerprint at build time
	BuiltAt         time.Time         `json:"built_at"`
	Articles        []ArticleRef      `json:"articles"`
	Hashes          map[string]string `json:"hashes"` // article ID → content hash
	Skipped         []corpus.Skipped  `json:"skipped"`
	People          []Person          `json:"people"`
}

// Person is someone named in the corpus, for autocomplete and "who" questions.
type Person struct {
	Name      string   `json:"name"`
	Spellings []string `json:"spellings,omitempty"`
	Mentions  int      `json:"mentions"`
}

// Open opens the index generation that dir's pointer names. It returns an
// ENOTFOUND *corpus.Error when no index has been built in dir.
func Open(ctx context.Context, dir string, log *slog.Logger) (*Engine, error) {
	return &Engine{dir: dir, log: log}, nil
}

// Reload swaps in the generation dir's pointer names now, if it changed.
// Queries in flight finish on the generation they started on.
func (e *Engine) Reload(ctx context.Context) error { return nil }

// Close closes the engine once in-flight queries are done.
func (e *Engine) Close() error { return nil }

// acquire returns the current generation and a func that releases it; the
// generation stays open until released.
func (e *Engine) acquire() (*generation, func()) { return nil, func() {} }

// BuildOptions configures Build.
type BuildOptions struct {
	CorpusDir string
	IndexDir  string
	// Progress, when set, receives progress as articles are indexed.
	Progress func(done, total int)
	Log      *slog.Logger
	// Full forces every article to be analysed and indexed again.
	Full bool
}

// BuildReport summarises a build.
type BuildReport struct {
	Generation string           `json:"generation"`
	Articles   int              `json:"articles"`
	Paragraphs int              `json:"paragraphs"`
	Analysed   int              `json:"analysed"` // articles analysed afresh
	Reused     int              `json:"reused"`   // unchanged articles kept from the previous build
	Removed    int              `json:"removed"`
	Skipped    []corpus.Skipped `json:"skipped"`
	Duration   time.Duration    `json:"duration"`
}

// Build builds a new generation from the corpus beside the live one and
// swaps it in atomically by rewriting the pointer file. A failed or killed
// build leaves the previous generation serving. Only one build runs at a
// time per index directory; a second gets an EINVALID "already running" error.
func Build(ctx context.Context, opts BuildOptions) (BuildReport, error) {
	return BuildReport{}, nil
}

// Stale reports whether the index in indexDir is missing or older than the
// corpus in corpusDir (by corpus.Fingerprint and AnalyzerVersion).
func Stale(ctx context.Context, corpusDir, indexDir string) (bool, error) { return true, nil }

// People returns up to n people whose names match prefix across spellings
// (for autocomplete), most mentioned first; all people when prefix is "".
func (e *Engine) People(prefix string, n int) []Person { return nil }

// Stats describes what the index holds.
type Stats struct {
	Articles   int              `json:"articles"`
	Paragraphs int              `json:"paragraphs"`
	Sources    []SourceCount    `json:"sources"`
	From       corpus.Date      `json:"from"`
	To         corpus.Date      `json:"to"`
	BuiltAt    time.Time        `json:"built_at"`
	Skipped    []corpus.Skipped `json:"skipped,omitempty"`
}

// SourceCount is how many articles one outlet has in the index.
type SourceCount struct {
	Source   string `json:"source"`
	Articles int    `json:"articles"`
}

// Stats describes what the current generation holds.
func (e *Engine) Stats(ctx context.Context) (Stats, error) { return Stats{}, nil }
