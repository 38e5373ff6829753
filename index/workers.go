package index

// The build's worker pool: articles analysed and turned into documents
// and paragraph records in parallel, written in order by one goroutine.

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"sync"
	"syscall"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/extract"
	"github.com/newsdesk/newsdesk/corpus/names"
	"github.com/newsdesk/newsdesk/index/bleveindex"
)

// analysed is one article as a worker hands it over.
type analysed struct {
	id      string
	docs    []bleveindex.Document
	records [][]byte
	people  []corpus.Person
	orgs    []string
	err     error
}

// index analyses the articles in parallel and feeds their paragraphs to w
// and store. It returns the people and organisations each article names.
// When ctx ends it returns at once, leaving a worker in the middle of an
// article to finish it and stop.
func (b *builder) index(ctx context.Context, w *bleveindex.Writer, store *storeWriter, todo []*corpus.Article, done, total int) (map[string]namesOf, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	out, err := b.analyse(ctx, todo)
	if err != nil {
		return nil, err
	}
	people := map[string]namesOf{}
	if b.opts.Progress != nil {
		b.opts.Progress(done, total)
	}
	for {
		var r analysed
		var more bool
		select {
		case r, more = <-out:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if !more {
			break
		}
		if r.err != nil {
			return nil, r.err
		}
		for _, d := range r.docs {
			if err := w.Index(d); err != nil {
				return nil, fmt.Errorf("index %s: %w", r.id, err)
			}
		}
		if err := store.add(r.id, r.records); err != nil {
			return nil, err
		}
		if len(r.people) > 0 || len(r.orgs) > 0 {
			people[r.id] = namesOf{r.people, r.orgs}
		}
		done++
		if b.opts.Progress != nil {
			b.opts.Progress(done, total)
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return people, nil
}

// analyse starts one worker per core on the articles of todo; the channel
// it returns yields them analysed, and closes when all are done or ctx
// ends.
func (b *builder) analyse(ctx context.Context, todo []*corpus.Article) (<-chan analysed, error) {
	builders := make([]*bleveindex.Builder, max(runtime.GOMAXPROCS(0), 1))
	for i := range builders {
		var err error
		if builders[i], err = bleveindex.NewBuilder(len(builders)); err != nil {
			return nil, err
		}
	}
	analyze := b.tune.analyze
	if analyze == nil {
		analyze = extract.Analyze
	}
	in := make(chan *corpus.Article)
	out := make(chan analysed, 64)
	var wg sync.WaitGroup
	for _, db := range builders {
		wg.Go(func() {
			for a := range in {
				analyze(a)
				records, err := paragraphRecords(a)
				r := analysed{id: a.ID, docs: db.Documents(a), records: records, people: names.ArticlePeople(a), orgs: names.ArticleOrganisations(a), err: err}
				if b.release {
					a.Paragraphs = nil
				}
				select {
				case out <- r:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() {
		defer close(in)
		for _, a := range todo {
			select {
			case in <- a:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(out) }()
	return out, nil
}

// paragraphRecords are the records the paragraph store keeps of an
// analysed article's paragraphs: each is the JSON of a storedParagraph,
// byte for byte what json.Marshal gives, with the article's reference
// encoded once for all its paragraphs.
func paragraphRecords(a *corpus.Article) ([][]byte, error) {
	ref, err := json.Marshal(refOf(a))
	if err != nil {
		return nil, fmt.Errorf("encode paragraphs of %s: %w", a.ID, err)
	}
	records := make([][]byte, 0, len(a.Paragraphs))
	for _, p := range a.Paragraphs {
		para, err := json.Marshal(p)
		if err != nil {
			return nil, fmt.Errorf("encode paragraph %d of %s: %w", p.Number, a.ID, err)
		}
		rec := make([]byte, 0, len(`{"a":,"p":}`)+len(ref)+len(para))
		rec = append(rec, `{"a":`...)
		rec = append(rec, ref...)
		rec = append(rec, `,"p":`...)
		rec = append(rec, para...)
		records = append(records, append(rec, '}'))
	}
	return records, nil
}

// cpuTime is the CPU time (user+system) this process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
