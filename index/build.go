package index

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/load"
	"github.com/newsdesk/newsdesk/index/bleveindex"
)

// buildMemoryLimit is the soft memory limit during a build, which bounds
// what the raised GOGC may cost. Near it the collector runs all the time:
// at a million paragraphs, whose build holds more, 800 MiB cost 389 s of
// CPU, 1,200 MiB 333 s and 1,600 MiB 272 s (peak RSS 1.53, 1.54 and 1.95
// GB; one run each).
const buildMemoryLimit = 1536 << 20

// defaultBatchSize is how many paragraph documents go into one Bleve batch,
// which becomes one segment.
const defaultBatchSize = 2000

// buildTuning holds the knobs of the indexing path, so that benchmarks can
// compare them; the zero value means the defaults, which were chosen with
// BenchmarkBuildTuning10k.
type buildTuning struct {
	// batchSize is how many documents go into one batch (one segment);
	// defaultBatchSize when 0.
	batchSize int
	// writers is how many batches are applied at once; 2 when 0.
	writers int
	// mergeTier is scorch's MaxSegmentsPerTier while building: higher
	// defers merging to the single merge at the end; 100 when 0, -1 for
	// scorch's default.
	mergeTier int
	// gcPercent is the GOGC in force during the build; 400 when 0, -1 to
	// leave it alone.
	gcPercent int
	// analyze analyses one article; extract.Analyze when nil (tests
	// replace it to hold a build mid-analysis).
	analyze func(*corpus.Article)
}

func (t buildTuning) batch() int {
	if t.batchSize > 0 {
		return t.batchSize
	}
	return defaultBatchSize
}

func (t buildTuning) writerCount() int {
	if t.writers > 0 {
		return t.writers
	}
	return 2
}

func (t buildTuning) tier() int {
	switch {
	case t.mergeTier == 0:
		return 100
	case t.mergeTier < 0:
		return 0
	}
	return t.mergeTier
}

// BuildOptions configures Build.
type BuildOptions struct {
	CorpusDir string
	IndexDir  string
	// Progress, when set, receives progress as articles are indexed.
	Progress func(done, total int)
	Log      *slog.Logger
	// Full forces every article to be analysed and indexed again.
	Full bool
	// TuneGC lets the build collect garbage less often, up to a memory
	// limit, restoring both settings afterwards and returning the build's
	// memory to the operating system. They are process-wide:
	// set it in a process that only builds (newsdesk index), not in one
	// that serves questions meanwhile.
	TuneGC bool
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
// swaps it in atomically by rewriting the pointer file. A failed, killed
// or cancelled build leaves the previous generation serving. Only one
// build runs at a time per index directory; a second gets an EINVALID
// "already running" error (ErrBuildRunning). A previous generation that is
// damaged is reported with a warning and the build starts afresh; one
// that cannot be written to fails with ErrNotWritable.
//
// When ctx ends the build stops and returns ctx's error, wrapped, without
// waiting for an article being analysed: its analysis ends in the
// background.
func Build(ctx context.Context, opts BuildOptions) (BuildReport, error) {
	return build(ctx, opts, nil, buildTuning{})
}

// BuildFrom is Build from already loaded articles instead of reading
// opts.CorpusDir; the fingerprint is taken from opts.CorpusDir as usual
// (none when it is ""). It analyses the articles in place; after a
// cancelled build, an article whose analysis was under way is written to
// until that analysis ends.
func BuildFrom(ctx context.Context, opts BuildOptions, loaded load.Result) (BuildReport, error) {
	return build(ctx, opts, &loaded, buildTuning{})
}

// buildFrom is BuildFrom with tuning, for benchmarks.
func buildFrom(ctx context.Context, opts BuildOptions, loaded load.Result, tune buildTuning) (BuildReport, error) {
	return build(ctx, opts, &loaded, tune)
}

func build(ctx context.Context, opts BuildOptions, loaded *load.Result, tune buildTuning) (BuildReport, error) {
	start := time.Now()
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.IndexDir == "" {
		return BuildReport{}, corpus.Errorf(corpus.EINVALID, "no index directory given")
	}
	if err := os.MkdirAll(opts.IndexDir, 0o755); err != nil {
		return BuildReport{}, fmt.Errorf("create index directory: %w", notWritable(err))
	}
	lock, err := lockBuild(opts.IndexDir)
	if err != nil {
		return BuildReport{}, err
	}
	defer func() { _ = lock.unlock() }()

	// The fingerprint is taken before reading, so that an edit made while
	// the build reads the corpus makes the new index stale, never current.
	fingerprint, listedAt := "", time.Now()
	if opts.CorpusDir != "" && loaded != nil {
		if fingerprint, err = load.Fingerprint(ctx, opts.CorpusDir); err != nil {
			return BuildReport{}, fmt.Errorf("fingerprint corpus: %w", err)
		}
	}
	own := loaded == nil
	if opts.TuneGC {
		defer tuneGC(tune)()
	}

	b := &builder{opts: opts, log: log, tune: tune, fingerprint: fingerprint, listedAt: listedAt, release: own}
	rep, err := b.run(ctx, loaded)
	if err != nil {
		if ctx.Err() != nil {
			return BuildReport{}, fmt.Errorf("build interrupted; the previous generation still serves: %w", context.Cause(ctx))
		}
		return BuildReport{}, err
	}
	rep.Duration = time.Since(start)
	log.Info("index built", "generation", rep.Generation, "articles", rep.Articles, "paragraphs", rep.Paragraphs,
		"analysed", rep.Analysed, "reused", rep.Reused, "removed", rep.Removed, "skipped", len(rep.Skipped), "duration", rep.Duration)
	return rep, nil
}

// tuneGC lets a build collect garbage less often, and returns the func
// that restores the settings and returns the build's memory.
//
// Building allocates a lot of short-lived analysis garbage; collecting
// less often saves a fifth of the CPU for a bounded amount of memory.
// The setting is process-wide, so only a process that does nothing else
// asks for it.
func tuneGC(tune buildTuning) (restore func()) {
	var undo []func()
	switch {
	case tune.gcPercent == 0:
		old := debug.SetGCPercent(400)
		undo = append(undo, func() { debug.SetGCPercent(old) })
	case tune.gcPercent > 0:
		old := debug.SetGCPercent(tune.gcPercent)
		undo = append(undo, func() { debug.SetGCPercent(old) })
	}
	if tune.gcPercent >= 0 {
		// …but collect as usual again before the heap gets large.
		if limit := debug.SetMemoryLimit(-1); limit > buildMemoryLimit {
			old := debug.SetMemoryLimit(buildMemoryLimit)
			undo = append(undo, func() { debug.SetMemoryLimit(old) })
		}
	}
	return func() {
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
		// The process goes on to serve: collect the build's garbage and
		// hand it back now, rather than let collections of it slow the
		// first queries down, after the settings are restored.
		debug.FreeOSMemory()
	}
}

// builder is one run of Build, holding the build lock.
type builder struct {
	opts        BuildOptions
	log         *slog.Logger
	tune        buildTuning
	fingerprint string
	// listedAt is when the corpus was listed, before it was read.
	listedAt time.Time
	// release drops each article's paragraphs once they are indexed, so
	// that the garbage collector need not trace them for the rest of the
	// build; only for articles the build loaded itself.
	release bool
}

func (b *builder) run(ctx context.Context, loaded *load.Result) (BuildReport, error) {
	dir := b.opts.IndexDir
	if err := removeLeftovers(dir); err != nil {
		return BuildReport{}, notWritable(err)
	}
	t0 := time.Now()
	prev := b.previous(dir)
	defer func() { prev.close() }()
	b.log.Debug("build phases", "previous", time.Since(t0))
	rep, err := b.attempt(ctx, loaded, prev)
	if errors.Is(err, errPreviousDamaged) && prev.incremental {
		b.log.Warn("the previous index is damaged; building it afresh", "err", err)
		prev.close()
		prev = &previous{name: prev.name}
		rep, err = b.attempt(ctx, loaded, prev)
	}
	return rep, err
}

// attempt builds a generation from prev and publishes it. An error that
// wraps errPreviousDamaged comes before anything was analysed.
func (b *builder) attempt(ctx context.Context, loaded *load.Result, prev *previous) (BuildReport, error) {
	dir := b.opts.IndexDir
	t0 := time.Now()
	if loaded == nil {
		res, err := load.Since(ctx, b.opts.CorpusDir, prev.unchanged)
		if err != nil {
			return BuildReport{}, fmt.Errorf("load corpus: %w", err)
		}
		loaded = &res
		b.fingerprint = res.Fingerprint
	}
	articles := dedupe(loaded.Articles, b.log)
	t1 := time.Now()
	plan, err := b.plan(articles, *loaded, prev)
	if err != nil {
		return BuildReport{}, err
	}
	b.log.Debug("build phases", "load", t1.Sub(t0), "plan", time.Since(t1))
	name := newGenName(dir)
	tmp := filepath.Join(dir, name+tmpSuffix)
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return BuildReport{}, fmt.Errorf("create generation directory: %w", notWritable(err))
	}
	ok := false
	defer func() {
		if !ok {
			_ = os.RemoveAll(tmp)
		}
	}()
	plan.report.Generation = name
	if err := b.write(ctx, tmp, articles, prev, &plan); err != nil {
		return BuildReport{}, err
	}
	if err := ctx.Err(); err != nil {
		return BuildReport{}, err
	}
	final := filepath.Join(dir, name)
	if err := os.Rename(tmp, final); err != nil {
		return BuildReport{}, fmt.Errorf("publish generation: %w", err)
	}
	ok = true
	if err := syncDir(dir); err != nil {
		return BuildReport{}, err
	}
	if err := writePointer(dir, name); err != nil {
		_ = os.RemoveAll(final)
		return BuildReport{}, err
	}
	t2 := time.Now()
	removeOldGenerations(dir, name, prev.name, b.log)
	if err := noteStore(dir, name); err != nil {
		b.log.Warn("the next build will check the stored paragraphs", "err", err)
	}
	b.log.Debug("build phases", "publish", t2.Sub(t1), "remove_old", time.Since(t2))
	return plan.report, nil
}

// write writes the generation of plan into tmp: the Bleve index, the
// paragraph store and the manifest, synced to disk.
func (b *builder) write(ctx context.Context, tmp string, articles []corpus.Article, prev *previous, plan *buildPlan) error {
	tw := time.Now()
	w, err := b.openWriter(tmp, prev)
	if err != nil {
		return err
	}
	closed := false
	defer func() {
		if !closed {
			_ = w.Abort()
		}
	}()
	for _, id := range plan.deletes {
		if err := w.Delete(id); err != nil {
			return err
		}
	}
	var store *storeWriter
	if prev.store != nil && len(plan.carried) > 0 {
		store, err = sharedStoreWriter(tmp, prev.dir, prev.store, prev.store.liveBytes(plan.carried))
	} else {
		store, err = newStoreWriter(tmp)
	}
	if err != nil {
		return err
	}
	storeDone := false
	defer func() {
		if !storeDone {
			store.abort()
		}
	}()
	tc := time.Now()
	switch {
	case store.shared && prev.trusted:
		store.adopt(prev.store, plan.uncarried)
	case len(plan.carried) > 0:
		redo, err := copyStored(ctx, store, prev.store, plan.carried, prev.trusted, b.log)
		if err != nil {
			return err
		}
		dropped, err := b.redo(ctx, redo, articles, plan, prev)
		if err != nil {
			return err
		}
		for _, id := range dropped {
			if err := w.Delete(id); err != nil {
				return err
			}
		}
	}

	t0, c0 := time.Now(), cpuTime()
	b.log.Debug("build phases", "open_writer+copy_stored", t0.Sub(tw), "copy_stored", t0.Sub(tc))
	people, err := b.index(ctx, w, store, plan.todo, plan.report.Reused, plan.report.Articles)
	if err != nil {
		return err
	}
	t1, c1 := time.Now(), cpuTime()
	// The merge of the index's segments keeps one core busy; the paragraph
	// store and the manifest are finished on another meanwhile.
	closed = true
	merged := make(chan error, 1)
	go func() { merged <- w.Close(ctx) }()
	finishErr := b.finish(tmp, store, people, plan, prev)
	storeDone = true
	if err := <-merged; err != nil {
		return fmt.Errorf("finish index: %w", err)
	}
	if finishErr != nil {
		return finishErr
	}
	t2, c2 := time.Now(), cpuTime()
	plan.report.Analysed = len(plan.todo)
	if err := writeFileSync(filepath.Join(tmp, readersFile), nil); err != nil {
		return err
	}
	if err := syncTree(ctx, tmp); err != nil {
		return fmt.Errorf("sync generation: %w", err)
	}
	b.log.Debug("build phases", "index", t1.Sub(t0), "index_cpu", c1-c0, "merge+manifest", t2.Sub(t1), "merge+manifest_cpu", c2-c1,
		"sync", time.Since(t2), "sync_cpu", cpuTime()-c2)
	return nil
}

// openWriter creates the Bleve index of the generation in tmp: a copy of
// the previous generation's for an incremental build, else a new one.
func (b *builder) openWriter(tmp string, prev *previous) (*bleveindex.Writer, error) {
	idxPath := filepath.Join(tmp, bleveDir)
	o := bleveindex.WriterOptions{BatchSize: b.tune.batch(), Writers: b.tune.writerCount(), MergeTier: b.tune.tier()}
	if !prev.incremental {
		return bleveindex.Create(idxPath, o)
	}
	if err := bleveindex.Copy(filepath.Join(b.opts.IndexDir, prev.name, bleveDir), idxPath); err != nil {
		return nil, fmt.Errorf("copy previous generation %s: %w", prev.name, err)
	}
	return bleveindex.OpenWriter(idxPath, o)
}

// finish closes the paragraph store and writes the manifest of plan,
// with the people and organisations of the articles analysed afresh.
func (b *builder) finish(tmp string, store *storeWriter, people map[string]namesOf, plan *buildPlan, prev *previous) error {
	if err := store.close(); err != nil {
		return err
	}
	for id, ps := range people {
		if r := plan.records[id]; r != nil {
			r.People, r.Orgs = ps.people, ps.orgs
		}
	}
	if err := writeManifest(tmp, plan, prev); err != nil {
		return err
	}
	return writeManifestFiles(tmp, plan)
}

// refOf is the ArticleRef of a.
func refOf(a *corpus.Article) corpus.ArticleRef {
	return corpus.ArticleRef{
		ID:         a.ID,
		Title:      a.Title,
		Source:     a.Source,
		URL:        a.URL,
		Published:  a.Published,
		Path:       a.Path,
		Paragraphs: len(a.Paragraphs),
	}
}

// appendDocIDs appends the document IDs of r's paragraphs from number
// from on.
func appendDocIDs(ids []string, r corpus.ArticleRef, from int) []string {
	for n := from; n <= r.Paragraphs; n++ {
		ids = append(ids, bleveindex.DocID(r.ID, n))
	}
	return ids
}

// dedupe drops articles whose ID repeats an earlier one. Without
// repeats (load.Dir drops them already) it returns articles itself.
func dedupe(articles []corpus.Article, log *slog.Logger) []corpus.Article {
	seen := make(map[string]bool, len(articles))
	for _, a := range articles {
		seen[a.ID] = true
	}
	if len(seen) == len(articles) {
		return articles
	}
	clear(seen)
	out := articles[:0:0]
	for _, a := range articles {
		if seen[a.ID] {
			log.Warn("duplicate article id; keeping the first", "id", a.ID, "path", a.Path)
			continue
		}
		seen[a.ID] = true
		out = append(out, a)
	}
	return out
}

// namesOf are the people and organisations one article names.
type namesOf struct {
	people []corpus.Person
	orgs   []string
}
