// Package index is newsdesk's search engine: it builds an on-disk index of
// article paragraphs, swaps new builds in atomically, and answers
// questions with quoted passages and their attribution.
//
// The engine owns the flow and the files; the parts live below it:
// bleveindex is the one door to Bleve (mapping, documents, batches, term
// statistics, queries, stemming), and rank holds the ranking rules in
// pure Go. A question goes Ask → answer (ask.go) → the strategy of its
// intent (who.go, said.go, figures.go, search.go) → candidates from
// bleveindex (query.go) → scores from rank → a corpus.Result.
//
// A build (build.go) plans what to analyse and what to keep from the
// previous generation, analyses articles on a pool of workers
// (workers.go), writes the Bleve index, the paragraph store (store.go)
// and the manifest with the people directory (people.go), and publishes
// the generation (generation.go) under the build lock (lock.go). An open
// Engine polls the pointer for generations other processes publish and
// holds a reader lock on the one it serves, which builds do not delete
// (engine.go, lock.go); a generation that does not open or verify is
// reported as damaged (damage.go) and the next build starts afresh.
package index
