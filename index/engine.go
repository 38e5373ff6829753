package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/names"
	"github.com/newsdesk/newsdesk/index/bleveindex"
	"github.com/newsdesk/newsdesk/index/rank"
)

// ReloadInterval is how often an open Engine reads its index's pointer to
// find a generation that another process (`newsdesk index`) published.
const ReloadInterval = 2 * time.Second

// Engine serves questions from the current index generation. It is safe for
// concurrent use; Reload swaps in a newer generation without failing any
// in-flight or new query, and the engine calls it itself when another
// process publishes one (every ReloadInterval).
type Engine struct {
	dir string
	log *slog.Logger

	// reload serialises Reload and Close.
	reload sync.Mutex
	// stopWatch ends the goroutine that watches the pointer; watching is
	// closed once it has.
	stopWatch context.CancelFunc
	watching  chan struct{}

	mu     sync.Mutex
	cur    *generation // nil once closed
	closed bool
	open   sync.WaitGroup // one per generation not yet closed

	// synonyms are ranking's synonyms, stemmed as the index stems.
	synonyms *rank.Synonyms
	// model ranks every question's pool (guarded by mu); nil keeps the
	// strategies' own order.
	model *rank.Model
}

// generation is one complete, immutable build of the index.
type generation struct {
	name  string
	idx   *bleveindex.Index
	store *paragraphStore
	lock  *readerLock
	log   *slog.Logger
	dir   string // the generation's directory
	// summary is what questions read of the manifest.
	summary summary
	// refs counts the engine's own reference (while current) and the
	// queries using it; guarded by Engine.mu. The index closes at zero.
	refs int

	// totals, the manifest's, are read on first use (Stats, People), not
	// at open, and people merged from them.
	totalsOnce sync.Once
	totals     totals
	people     []corpus.Person
	totalsErr  error
}

// newGeneration wraps an open index and its summary.
func newGeneration(dir, name string, idx *bleveindex.Index, store *paragraphStore, lock *readerLock, s summary, log *slog.Logger) *generation {
	return &generation{name: name, dir: filepath.Join(dir, name), idx: idx, store: store, lock: lock, log: log, summary: s, refs: 1}
}

// readTotals returns the generation's totals and its people directory,
// read and merged once.
func (g *generation) readTotals() (*totals, []corpus.Person, error) {
	g.totalsOnce.Do(func() {
		g.totals, g.totalsErr = readTotals(g.dir)
		if g.totalsErr == nil {
			g.people = g.totals.mergedPeople()
		}
	})
	return &g.totals, g.people, g.totalsErr
}

// Open opens the index generation that dir's pointer names, and watches
// the pointer for newer ones until Close. It returns an ENOTFOUND
// *corpus.Error when no index has been built in dir, and an ErrDamaged
// error when the generation cannot be opened or verified.
func Open(ctx context.Context, dir string, log *slog.Logger) (*Engine, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	model, err := rank.DefaultModel()
	if err != nil {
		// A model fitted to other features than this build's: rank by the
		// rules until `newsdesk train` writes one that fits.
		log.Warn("ranking by the strategies' rules alone", "err", err)
		model = nil
	}
	e := &Engine{dir: dir, log: log, synonyms: rank.NewSynonyms(), model: model}
	g, err := e.openCurrent(ctx, "")
	if err != nil {
		return nil, err
	}
	e.cur = g
	watch, stop := context.WithCancel(context.Background())
	e.stopWatch, e.watching = stop, make(chan struct{})
	go e.watch(watch)
	log.Debug("index opened", "dir", dir, "generation", g.name)
	return e, nil
}

// SetModel replaces the model that ranks the questions asked from now
// on; nil ranks by the strategies' rules alone, as newsdesk did before it
// learned its weights (for measuring one against the other).
func (e *Engine) SetModel(m *rank.Model) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.model = m
}

func (e *Engine) currentModel() *rank.Model {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.model
}

// openCurrent opens the generation the pointer names, unless it is
// skip (then it returns nil). It reads the pointer again when the
// generation was removed before it could be locked.
func (e *Engine) openCurrent(ctx context.Context, skip string) (*generation, error) {
	for attempt := 1; ; attempt++ {
		name, m, err := readPointer(e.dir)
		if err != nil || name == skip {
			return nil, err
		}
		g, err := e.openGeneration(ctx, name, m)
		if errors.Is(err, errGenerationGone) && attempt < 3 {
			continue
		}
		return g, err
	}
}

// openGeneration opens a generation read-only with one reference held,
// and a shared lock on it that keeps builds from deleting it.
func (e *Engine) openGeneration(ctx context.Context, name string, m summary) (*generation, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	lock, err := lockReader(filepath.Join(e.dir, name))
	if err != nil {
		return nil, fmt.Errorf("open index generation %s: %w", name, err)
	}
	store, idx, err := openParts(e.dir, name, m)
	if err != nil {
		_ = lock.unlock()
		return nil, fmt.Errorf("open index generation %s: %w", name, err)
	}
	e.open.Add(1)
	return newGeneration(e.dir, name, idx, store, lock, m, e.log), nil
}

// watch reloads the engine whenever the pointer names another generation,
// until ctx ends. A generation that fails to open is reported once and
// not tried again until the pointer changes.
func (e *Engine) watch(ctx context.Context) {
	defer close(e.watching)
	tick := time.NewTicker(ReloadInterval)
	defer tick.Stop()
	failed := ""
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		b, err := os.ReadFile(filepath.Join(e.dir, pointerFile))
		name := strings.TrimSpace(string(b))
		if err != nil || name == failed || name == e.serving() {
			continue
		}
		if err := e.Reload(ctx); err != nil {
			if ctx.Err() == nil {
				e.log.Warn("a new index generation did not open; still serving the previous one", "generation", name, "err", err)
				failed = name
			}
			continue
		}
		failed = ""
	}
}

// serving is the name of the current generation; "" once closed.
func (e *Engine) serving() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.cur == nil {
		return ""
	}
	return e.cur.name
}

// Rebuild builds a new generation of the engine's index (opts.IndexDir is
// ignored) and swaps it in; queries keep being answered meanwhile. It
// fails with ErrBuildRunning when another build of the directory runs.
func (e *Engine) Rebuild(ctx context.Context, opts BuildOptions) (BuildReport, error) {
	opts.IndexDir = e.dir
	rep, err := Build(ctx, opts)
	if err != nil {
		return rep, err
	}
	// The new generation is published: serve it even if ctx has ended
	// meanwhile, or a later build could remove the one still served.
	if err := e.Reload(context.WithoutCancel(ctx)); err != nil {
		return rep, fmt.Errorf("reload index: %w", err)
	}
	return rep, nil
}

// Reload swaps in the generation dir's pointer names now, if it changed.
// Queries in flight finish on the generation they started on.
func (e *Engine) Reload(ctx context.Context) error {
	e.reload.Lock()
	defer e.reload.Unlock()
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return errors.New("reload: engine closed")
	}
	curName := e.cur.name
	e.mu.Unlock()

	g, err := e.openCurrent(ctx, curName)
	if err != nil {
		return fmt.Errorf("reload: %w", err)
	}
	if g == nil {
		return nil
	}
	e.mu.Lock()
	old := e.cur
	e.cur = g
	e.mu.Unlock()
	e.unref(old)
	e.log.Info("index reloaded", "generation", g.name, "previous", curName)
	return nil
}

// Close closes the engine once in-flight queries are done. Queries that
// start after Close find no index.
func (e *Engine) Close() error {
	// The watcher reloads under e.reload: stop it first.
	e.stopWatch()
	<-e.watching
	e.reload.Lock()
	defer e.reload.Unlock()
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return nil
	}
	e.closed = true
	old := e.cur
	e.cur = nil
	e.mu.Unlock()
	e.unref(old)
	e.open.Wait()
	return nil
}

// acquire returns the current generation and a func that releases it; the
// generation stays open until released. It returns nil once closed.
func (e *Engine) acquire() (*generation, func()) {
	e.mu.Lock()
	g := e.cur
	if g == nil {
		e.mu.Unlock()
		return nil, func() {}
	}
	g.refs++
	e.mu.Unlock()
	var once sync.Once
	return g, func() { once.Do(func() { e.unref(g) }) }
}

// unref drops one reference to g and closes it when none remain.
func (e *Engine) unref(g *generation) {
	if g == nil {
		return
	}
	e.mu.Lock()
	g.refs--
	last := g.refs == 0
	e.mu.Unlock()
	if !last {
		return
	}
	if err := errors.Join(g.idx.Close(), g.store.close(), g.lock.unlock()); err != nil {
		e.log.Warn("close index generation", "generation", g.name, "err", err)
	}
	e.open.Done()
}

// People returns up to n people whose names match prefix across spellings
// (for autocomplete), most mentioned first; all people when prefix is "".
// n ≤ 0 means no limit.
func (e *Engine) People(prefix string, n int) []corpus.Person {
	g, release := e.acquire()
	if g == nil {
		return nil
	}
	defer release()
	_, people, err := g.readTotals()
	if err != nil {
		g.log.Warn("read the index manifest", "generation", g.name, "err", err)
		return nil
	}
	return names.Suggest(people, prefix, n)
}

// Stats describes what the current generation holds.
func (e *Engine) Stats(ctx context.Context) (corpus.Stats, error) {
	g, release := e.acquire()
	if g == nil {
		return corpus.Stats{}, errNoIndex
	}
	defer release()
	if err := ctx.Err(); err != nil {
		return corpus.Stats{}, err
	}
	t, _, err := g.readTotals()
	if err != nil {
		return corpus.Stats{}, fmt.Errorf("index stats: %w", err)
	}
	st := corpus.Stats{Articles: t.Articles, Paragraphs: t.Paragraphs, BuiltAt: t.BuiltAt, Skipped: t.Skipped, Sources: []corpus.SourceCount{}}
	counts := t.Sources
	for day := range t.Days {
		d, err := time.Parse(time.DateOnly, day)
		if err != nil {
			continue
		}
		if st.From.IsZero() || d.Before(st.From.Time) {
			st.From = corpus.DateOf(d)
		}
		if d.After(st.To.Time) {
			st.To = corpus.DateOf(d)
		}
	}
	for s, n := range counts {
		st.Sources = append(st.Sources, corpus.SourceCount{Source: s, Articles: n})
	}
	slices.SortFunc(st.Sources, func(a, b corpus.SourceCount) int {
		return cmp.Or(cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.Source, b.Source))
	})
	return st, nil
}
