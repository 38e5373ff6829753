package bot

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/newsdesk/newsdesk/corpus"
)

// searchQueue bounds the questions being searched: at most searches run
// at once, at most waiting more wait for their turn in arrival order, and
// any more are refused at once (errBusy). A question's place is a turn.
type searchQueue struct {
	// slots holds one token per search running. Goroutines blocked
	// sending on it are served first come, first served.
	slots chan struct{}
	// limit is searches + waiting; held counts the turns taken.
	limit int64
	held  atomic.Int64

	closeOnce sync.Once
	closed    chan struct{}
}

func newSearchQueue(searches, waiting int) *searchQueue {
	return &searchQueue{
		slots:  make(chan struct{}, searches),
		limit:  int64(searches) + int64(waiting),
		closed: make(chan struct{}),
	}
}

// errBusy is the reply to a question that finds the queue full.
var errBusy = corpus.Errorf(corpus.EINVALID, "I'm answering a lot of questions right now and can't take yours — please ask again in a minute.")

// errRestarting is the reply to a question that comes, or waits its turn,
// while the bot shuts down.
var errRestarting = corpus.Errorf(corpus.EINVALID, "I'm restarting — please try again in a minute.")

// turn is one question's place in the queue: running (searching) or
// waiting. Its owner calls leave once, when the search is over.
type turn struct {
	q       *searchQueue
	running bool
}

// enter takes a place in the queue without waiting: a running turn when a
// search slot is free, a waiting one otherwise, and errBusy when the queue
// is full or errRestarting when it is closed.
func (q *searchQueue) enter() (*turn, error) {
	select {
	case <-q.closed:
		return nil, errRestarting
	default:
	}
	if q.held.Add(1) > q.limit {
		q.held.Add(-1)
		return nil, errBusy
	}
	t := &turn{q: q}
	select {
	case q.slots <- struct{}{}:
		t.running = true
	default:
	}
	return t, nil
}

// waiting reports whether t must wait for a search slot. Ask before
// wait, on the goroutine that entered.
func (t *turn) waiting() bool { return !t.running }

// wait blocks until t may search. It fails with errRestarting when the
// queue closes first, and with ctx's error when ctx ends first.
func (t *turn) wait(ctx context.Context) error {
	if t.running {
		return nil
	}
	select {
	case t.q.slots <- struct{}{}:
		t.running = true
		return nil
	case <-t.q.closed:
		return errRestarting
	case <-ctx.Done():
		return ctx.Err()
	}
}

// leave gives t's place back, and its slot when it had one.
func (t *turn) leave() {
	if t.running {
		<-t.q.slots
		t.running = false
	}
	t.q.held.Add(-1)
}

// close refuses new turns and sends the waiting ones away with
// errRestarting; running searches finish.
func (q *searchQueue) close() {
	q.closeOnce.Do(func() { close(q.closed) })
}
