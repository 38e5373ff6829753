package index

// The pool's plain search, run beside the strategy's searches, and its
// hits' paragraphs read ahead.

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/newsdesk/newsdesk/index/bleveindex"
	"github.com/newsdesk/newsdesk/index/rank"
)

// pendingSearch is the pool's plain search, run beside the strategy's
// searches: its query depends only on the question, so the two take a
// core each. Once its hits are in, the search's goroutine reads their
// stored paragraphs while the strategy still works; the question reads
// those left when it has its strategy's candidates (read), skipping the
// ones it has already.
type pendingSearch struct {
	done  chan struct{} // closed once hits and err are set
	hits  *bleveindex.Hits
	err   error
	reads *hitReads // nil until done, and when the search failed
	// ended is closed when the goroutine has ended, its reads included.
	ended chan struct{}
}

// startPlainSearch starts the plain search of concepts (nil when there is
// nothing to search); read returns its hits and their paragraphs.
func (s *asker) startPlainSearch(ctx context.Context, concepts []rank.Concept) *pendingSearch {
	p := &pendingSearch{done: make(chan struct{}), ended: make(chan struct{})}
	q, ok := s.plainQuery(concepts)
	if !ok {
		close(p.done)
		close(p.ended)
		return p
	}
	req := bleveindex.Request{Query: s.filtered(q), Size: poolSize, HitsOnly: true}
	go func() {
		defer close(p.ended)
		hits, err := s.g.idx.Search(ctx, req)
		p.hits, p.err = &hits, err
		if err == nil {
			p.reads = newHitReads(s.g, hits.Hits)
		}
		close(p.done)
		if p.reads != nil {
			p.reads.work(nil)
		}
	}()
	return p
}

// read waits for the plain search and returns its hits and the stored
// paragraphs of those not in known (read by the search's goroutine ahead,
// or now, on every core); hits is nil when there was nothing to search.
func (p *pendingSearch) read(known map[string]*rank.Candidate) (*bleveindex.Hits, []storeRead, error) {
	if p == nil {
		return nil, nil, nil
	}
	<-p.done
	if p.err != nil || p.hits == nil {
		return p.hits, nil, p.err
	}
	r := p.reads
	skip := func(i int) bool { return known[r.hits[i].ID] != nil }
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(r.hits)/parallelReads) - 2 {
		wg.Go(func() { r.work(skip) }) // the search's goroutine is one worker, this one another
	}
	r.work(skip)
	wg.Wait()
	<-p.ended // the last hits the search's goroutine took are read
	return p.hits, r.out, nil
}

// wait waits for the search's goroutine to end.
func (p *pendingSearch) wait() {
	if p != nil {
		<-p.ended
	}
}

// hitReads reads the stored paragraphs of hits on several goroutines,
// each taking the next hit not yet taken.
type hitReads struct {
	g    *generation
	hits []bleveindex.Hit
	out  []storeRead
	next atomic.Int64
}

func newHitReads(g *generation, hits []bleveindex.Hit) *hitReads {
	return &hitReads{g: g, hits: hits, out: make([]storeRead, len(hits))}
}

// work reads hits until none is left to take, leaving out those skip
// reports.
func (r *hitReads) work(skip func(i int) bool) {
	for {
		i := int(r.next.Add(1) - 1)
		if i >= len(r.hits) {
			return
		}
		if skip == nil || !skip(i) {
			r.out[i].sp, r.out[i].ok, r.out[i].err = r.g.store.get(r.hits[i].ID)
		}
	}
}
