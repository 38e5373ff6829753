package index

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/extract"
	"github.com/newsdesk/newsdesk/corpus/names"
)

// Layout of an index directory:
//
//	IndexDir/
//	  CURRENT           names the serving generation ("gen-…"); replaced atomically
//	  build.lock        flock'ed by the running build
//	  gen-…/            one complete generation
//	    bleve/          the Bleve (scorch) index
//	    paragraphs.jsonl, paragraphs.idx.json
//	                    the paragraph store (store.go)
//	    manifest.json   the Manifest
//	  gen-….tmp/        a generation being built; never served
//
// A build writes gen-X.tmp, fsyncs it, renames it to gen-X and only then
// rewrites CURRENT (temp file, fsync, rename), so a reader always finds a
// complete generation and a killed build leaves the previous one serving.
const (
	pointerFile  = "CURRENT"
	genPrefix    = "gen-"
	tmpSuffix    = ".tmp"
	bleveDir     = "bleve"
	manifestFile = "manifest.json"
)

// buildMemoryLimit is the soft memory limit during a build, which bounds
// what the raised GOGC may cost.
const buildMemoryLimit = 800 << 20

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
// swaps it in atomically by rewriting the pointer file. A failed or killed
// build leaves the previous generation serving. Only one build runs at a
// time per index directory; a second gets an EINVALID "already running" error.
func Build(ctx context.Context, opts BuildOptions) (BuildReport, error) {
	return build(ctx, opts, nil, buildTuning{})
}

// buildFrom builds from already loaded articles instead of reading
// opts.CorpusDir; the fingerprint is taken from opts.CorpusDir as usual.
func buildFrom(ctx context.Context, opts BuildOptions, loaded corpus.LoadResult, tune buildTuning) (BuildReport, error) {
	return build(ctx, opts, &loaded, tune)
}

func build(ctx context.Context, opts BuildOptions, loaded *corpus.LoadResult, tune buildTuning) (BuildReport, error) {
	start := time.Now()
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.IndexDir == "" {
		return BuildReport{}, corpus.Errorf(corpus.EINVALID, "no index directory given")
	}
	if err := os.MkdirAll(opts.IndexDir, 0o755); err != nil {
		return BuildReport{}, fmt.Errorf("create index directory: %w", err)
	}
	lock, err := lockBuild(opts.IndexDir)
	if err != nil {
		return BuildReport{}, err
	}
	defer func() { _ = lock.unlock() }()

	// The fingerprint is taken before reading, so that an edit made while
	// the build reads the corpus makes the new index stale, never current.
	fingerprint := ""
	if opts.CorpusDir != "" {
		if fingerprint, err = corpus.Fingerprint(ctx, opts.CorpusDir); err != nil {
			return BuildReport{}, fmt.Errorf("fingerprint corpus: %w", err)
		}
	}
	own := loaded == nil
	if own {
		res, err := corpus.Load(ctx, opts.CorpusDir)
		if err != nil {
			return BuildReport{}, fmt.Errorf("load corpus: %w", err)
		}
		loaded = &res
	}

	// Building allocates a lot of short-lived analysis garbage; collecting
	// less often saves a fifth of the CPU for a bounded amount of memory.
	// The setting is process-wide, so only a process that does nothing
	// else asks for it.
	if opts.TuneGC {
		// The process goes on to serve: collect the build's garbage and hand
		// it back now, rather than let collections of it slow the first
		// queries down. Deferred first, so it runs after the settings are
		// restored.
		defer debug.FreeOSMemory()
	}
	switch {
	case !opts.TuneGC:
	case tune.gcPercent == 0:
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	case tune.gcPercent > 0:
		defer debug.SetGCPercent(debug.SetGCPercent(tune.gcPercent))
	}
	if opts.TuneGC && tune.gcPercent >= 0 {
		// …but collect as usual again before the heap gets large.
		if limit := debug.SetMemoryLimit(-1); limit > buildMemoryLimit {
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(buildMemoryLimit))
		}
	}

	b := &builder{opts: opts, log: log, tune: tune, fingerprint: fingerprint, release: own}
	rep, err := b.run(ctx, *loaded)
	if err != nil {
		return BuildReport{}, err
	}
	rep.Duration = time.Since(start)
	log.Info("index built", "generation", rep.Generation, "articles", rep.Articles, "paragraphs", rep.Paragraphs,
		"analysed", rep.Analysed, "reused", rep.Reused, "removed", rep.Removed, "skipped", len(rep.Skipped), "duration", rep.Duration)
	return rep, nil
}

// builder is one run of Build, holding the build lock.
type builder struct {
	opts        BuildOptions
	log         *slog.Logger
	tune        buildTuning
	fingerprint string
	// release drops each article's paragraphs once they are indexed, so
	// that the garbage collector need not trace them for the rest of the
	// build; only for articles the build loaded itself.
	release bool
}

func (b *builder) run(ctx context.Context, loaded corpus.LoadResult) (BuildReport, error) {
	dir := b.opts.IndexDir
	if err := removeLeftovers(dir); err != nil {
		return BuildReport{}, err
	}
	prevName, prev, err := readCurrent(dir)
	if err != nil && corpus.ErrorCode(err) != corpus.ENOTFOUND {
		b.log.Warn("previous index unreadable; building afresh", "err", err)
	}
	incremental := err == nil && !b.opts.Full && prev.AnalyzerVersion == extract.AnalyzerVersion
	if incremental {
		// A damaged paragraph store cannot be carried over: build afresh.
		if st, err := openStore(filepath.Join(dir, prevName)); err != nil {
			b.log.Warn("previous paragraph store unreadable; building afresh", "err", err)
			incremental = false
		} else {
			_ = st.close()
		}
	}

	articles := dedupe(loaded.Articles, b.log)
	name := newGenName(dir)
	tmp := filepath.Join(dir, name+tmpSuffix)
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return BuildReport{}, fmt.Errorf("create generation directory: %w", err)
	}
	ok := false
	defer func() {
		if !ok {
			_ = os.RemoveAll(tmp)
		}
	}()

	rep := BuildReport{Generation: name, Articles: len(articles), Skipped: loaded.Skipped}
	if rep.Skipped == nil {
		rep.Skipped = []corpus.Skipped{}
	}
	m := Manifest{
		AnalyzerVersion: extract.AnalyzerVersion,
		Fingerprint:     b.fingerprint,
		Articles:        make([]ArticleRef, 0, len(articles)),
		Hashes:          make(map[string]string, len(articles)),
		Skipped:         rep.Skipped,
		ArticlePeople:   map[string][]Person{},
		ArticleOrgs:     map[string][]string{},
	}

	// Decide what to analyse, what to keep and what to delete.
	var (
		todo    []*corpus.Article
		reused  []string
		deletes []string
	)
	current := make(map[string]bool, len(articles))
	prevRefs := map[string]ArticleRef{}
	if incremental {
		for _, r := range prev.Articles {
			prevRefs[r.ID] = r
		}
	}
	for i := range articles {
		a := &articles[i]
		current[a.ID] = true
		old, had := prevRefs[a.ID]
		if had && a.Hash != "" && prev.Hashes[a.ID] == a.Hash && old.Paragraphs == len(a.Paragraphs) {
			rep.Reused++
			reused = append(reused, a.ID)
			if ps := prev.ArticlePeople[a.ID]; len(ps) > 0 {
				m.ArticlePeople[a.ID] = ps
			}
			if orgs := prev.ArticleOrgs[a.ID]; len(orgs) > 0 {
				m.ArticleOrgs[a.ID] = orgs
			}
			continue
		}
		if had {
			deletes = appendDocIDs(deletes, old)
		}
		todo = append(todo, a)
	}
	for _, r := range prev.Articles {
		if incremental && !current[r.ID] {
			rep.Removed++
			deletes = appendDocIDs(deletes, r)
		}
	}
	for i := range articles {
		a := &articles[i]
		m.Articles = append(m.Articles, refOf(a))
		m.Hashes[a.ID] = a.Hash
		rep.Paragraphs += len(a.Paragraphs)
	}

	idxPath := filepath.Join(tmp, bleveDir)
	var w docWriter
	if incremental {
		if err := copyGeneration(filepath.Join(dir, prevName, bleveDir), idxPath); err != nil {
			return BuildReport{}, fmt.Errorf("copy previous generation %s: %w", prevName, err)
		}
		w, err = openBatchWriter(idxPath, b.tune.batch(), b.tune.writerCount(), b.tune.tier())
	} else {
		w, err = newBatchWriter(idxPath, b.tune.batch(), b.tune.writerCount(), b.tune.tier())
	}
	if err != nil {
		return BuildReport{}, err
	}
	closed := false
	defer func() {
		if !closed {
			_ = w.abort()
		}
	}()
	for _, id := range deletes {
		if err := w.delete(id); err != nil {
			return BuildReport{}, err
		}
	}
	store, err := newStoreWriter(tmp)
	if err != nil {
		return BuildReport{}, err
	}
	storeDone := false
	defer func() {
		if !storeDone {
			store.abort()
		}
	}()
	if len(reused) > 0 {
		if err := copyStored(store, filepath.Join(dir, prevName), reused); err != nil {
			return BuildReport{}, err
		}
	}

	t0, c0 := time.Now(), cpuTime()
	people, err := b.index(ctx, w, store, todo, rep.Reused, len(articles))
	if err != nil {
		return BuildReport{}, err
	}
	t1, c1 := time.Now(), cpuTime()
	// The merge of the index's segments keeps one core busy; the paragraph
	// store and the manifest are finished on another meanwhile.
	closed = true
	merged := make(chan error, 1)
	go func() { merged <- w.close(ctx) }()
	finishErr := b.finish(tmp, store, people, &m)
	storeDone = true
	if err := <-merged; err != nil {
		return BuildReport{}, fmt.Errorf("finish index: %w", err)
	}
	if finishErr != nil {
		return BuildReport{}, finishErr
	}
	t2, c2 := time.Now(), cpuTime()
	rep.Analysed = len(todo)
	if err := syncTree(tmp); err != nil {
		return BuildReport{}, fmt.Errorf("sync generation: %w", err)
	}
	b.log.Debug("build phases", "index", t1.Sub(t0), "index_cpu", c1-c0, "merge+manifest", t2.Sub(t1), "merge+manifest_cpu", c2-c1,
		"sync", time.Since(t2), "sync_cpu", cpuTime()-c2)
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
	removeOldGenerations(dir, name, prevName, b.log)
	return rep, nil
}

// finish closes the paragraph store and writes the manifest m, with the
// people and organisations of the articles analysed afresh.
func (b *builder) finish(tmp string, store *storeWriter, people map[string]namesOf, m *Manifest) error {
	if err := store.close(); err != nil {
		return err
	}
	for id, ps := range people {
		m.ArticlePeople[id] = ps.people
		if len(ps.orgs) > 0 {
			m.ArticleOrgs[id] = ps.orgs
		}
	}
	m.People = mergePeople(m.ArticlePeople)
	for _, orgs := range m.ArticleOrgs {
		m.Organisations = appendDistinct(m.Organisations, orgs...)
	}
	slices.Sort(m.Organisations)
	m.BuiltAt = time.Now().UTC()
	return writeJSONFile(filepath.Join(tmp, manifestFile), *m)
}

// index analyses the articles in parallel and feeds their paragraphs to w
// and store.
// It returns the people and organisations each article names.
func (b *builder) index(ctx context.Context, w docWriter, store *storeWriter, todo []*corpus.Article, done, total int) (map[string]namesOf, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	type analysed struct {
		id      string
		docs    []*document.Document
		records [][]byte
		people  []Person
		orgs    []string
		err     error
	}
	in := make(chan *corpus.Article)
	out := make(chan analysed, 64)
	builders := make([]*docBuilder, max(runtime.GOMAXPROCS(0), 1))
	for i := range builders {
		if builders[i], err = newDocBuilder(m, len(builders)); err != nil {
			return nil, err
		}
	}
	var wg sync.WaitGroup
	for _, db := range builders {
		wg.Go(func() {
			for a := range in {
				extract.Analyze(a)
				docs, records, err := paragraphDocs(a, db)
				r := analysed{id: a.ID, docs: docs, records: records, people: articlePeople(a), orgs: articleOrganisations(a), err: err}
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

	people := map[string]namesOf{}
	if b.opts.Progress != nil {
		b.opts.Progress(done, total)
	}
	for r := range out {
		if r.err != nil {
			return nil, r.err
		}
		for _, d := range r.docs {
			if err := w.index(d); err != nil {
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
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return people, nil
}

// refOf is the ArticleRef of a.
func refOf(a *corpus.Article) ArticleRef {
	return ArticleRef{
		ID:         a.ID,
		Title:      a.Title,
		Source:     a.Source,
		URL:        a.URL,
		Published:  a.Published,
		Path:       a.Path,
		Paragraphs: len(a.Paragraphs),
	}
}

// paragraphDocs turns an analysed article into one Bleve document per
// paragraph, built by db, and the records the paragraph store keeps of them.
func paragraphDocs(a *corpus.Article, db *docBuilder) ([]*document.Document, [][]byte, error) {
	ref := refOf(a)
	docs := make([]*document.Document, 0, len(a.Paragraphs))
	records := make([][]byte, 0, len(a.Paragraphs))
	for _, p := range a.Paragraphs {
		rec, err := json.Marshal(storedParagraph{Article: ref, Paragraph: p})
		if err != nil {
			return nil, nil, fmt.Errorf("encode paragraph %d of %s: %w", p.Number, a.ID, err)
		}
		records = append(records, rec)
		docs = append(docs, db.build(newParagraphDoc(a, p)))
	}
	return docs, records, nil
}

// newParagraphDoc is the document of paragraph p of the analysed article a.
// The headline is indexed with the first paragraph only: a search for
// articles by headline finds them there, and an article's other paragraphs
// need not each repeat it (which cost a tenth of the build and a fifth of
// a question's time).
func newParagraphDoc(a *corpus.Article, p corpus.Paragraph) paragraphDoc {
	var names, speakers, what []string
	var reported time.Time
	for _, mn := range p.Mentions {
		names = appendDistinct(names, mn.Text, mn.Name)
	}
	speakers = appendDistinct(speakers, p.Attribution...)
	for _, q := range p.Quotes {
		speakers = appendDistinct(speakers, q.Speaker)
	}
	for _, f := range p.Figures {
		what = appendDistinct(what, f.What)
		if f.Reported.After(reported) {
			reported = f.Reported.Time
		}
	}
	title := ""
	if p.Number == 1 {
		title = a.Title
	}
	return paragraphDoc{
		Text:      p.Text,
		Title:     title,
		Names:     strings.Join(names, " ; "),
		Speakers:  strings.Join(speakers, " ; "),
		Article:   a.ID,
		Source:    strings.ToLower(strings.TrimSpace(a.Source)),
		Published: dayTerm(a.Published.Time),
		Reported:  dayTerm(reported),
		Number:    numberTerm(p.Number),
		What:      what,
		id:        docID(a.ID, p.Number),
	}
}

// copyStored copies the stored paragraphs of the reused articles from the
// previous generation genDir.
func copyStored(w *storeWriter, genDir string, reused []string) error {
	prev, err := openStore(genDir)
	if err != nil {
		return fmt.Errorf("previous generation: %w", err)
	}
	defer prev.close()
	for _, id := range reused {
		if err := w.copyArticle(prev, id); err != nil {
			return err
		}
	}
	return nil
}

// appendDistinct appends the non-empty values not yet in list.
func appendDistinct(list []string, values ...string) []string {
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" && !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}

// appendDocIDs appends the document IDs of every paragraph of r.
func appendDocIDs(ids []string, r ArticleRef) []string {
	for n := 1; n <= r.Paragraphs; n++ {
		ids = append(ids, docID(r.ID, n))
	}
	return ids
}

// dedupe drops articles whose ID repeats an earlier one. Without
// repeats (corpus.Load drops them already) it returns articles itself.
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
	people []Person
	orgs   []string
}

// articleOrganisations lists the organisations an analysed article names,
// by resolved name.
func articleOrganisations(a *corpus.Article) []string {
	var out []string
	for _, p := range a.Paragraphs {
		for _, mn := range p.Mentions {
			if mn.Kind == corpus.Organisation {
				out = appendDistinct(out, cmp.Or(mn.Name, mn.Text))
			}
		}
	}
	return out
}

// articlePeople counts the person mentions of an analysed article by
// resolved name, with the spellings used.
func articlePeople(a *corpus.Article) []Person {
	var out []Person
	at := map[string]int{}
	for _, p := range a.Paragraphs {
		for _, mn := range p.Mentions {
			if mn.Kind != corpus.Person {
				continue
			}
			name := strings.TrimSpace(cmp.Or(mn.Name, mn.Text))
			if name == "" {
				continue
			}
			i, ok := at[name]
			if !ok {
				i = len(out)
				at[name] = i
				out = append(out, Person{Name: name})
			}
			out[i].Mentions++
			out[i].Spellings = appendDistinct(out[i].Spellings, mn.Text)
		}
	}
	return out
}

// mergePeople aggregates the people of every article, merging names that
// names.Same takes for spellings of one name. The most mentioned
// spelling names the merged person. Comparisons are limited to names that
// share the skeleton of their last word, which keeps the merge near linear.
func mergePeople(perArticle map[string][]Person) []Person {
	byName := map[string]*Person{}
	for _, ps := range perArticle {
		for _, p := range ps {
			q := byName[p.Name]
			if q == nil {
				q = &Person{Name: p.Name}
				byName[p.Name] = q
			}
			q.Mentions += p.Mentions
			q.Spellings = appendDistinct(q.Spellings, p.Spellings...)
		}
	}
	order := make([]string, 0, len(byName))
	for n := range byName {
		order = append(order, n)
	}
	// Most mentioned first, so that it becomes the canonical name.
	slices.SortFunc(order, func(a, b string) int {
		return cmp.Or(cmp.Compare(byName[b].Mentions, byName[a].Mentions), cmp.Compare(a, b))
	})
	blocks := map[string][]*Person{}
	var out []*Person
	for _, n := range order {
		p := byName[n]
		key := lastSkeleton(n)
		merged := false
		for _, q := range blocks[key] {
			if names.Same(q.Name, p.Name) {
				q.Mentions += p.Mentions
				q.Spellings = appendDistinct(q.Spellings, p.Name)
				q.Spellings = appendDistinct(q.Spellings, p.Spellings...)
				merged = true
				break
			}
		}
		if !merged {
			blocks[key] = append(blocks[key], p)
			out = append(out, p)
		}
	}
	res := make([]Person, 0, len(out))
	for _, p := range out {
		p.Spellings = slices.DeleteFunc(p.Spellings, func(s string) bool { return s == p.Name })
		slices.Sort(p.Spellings)
		if len(p.Spellings) == 0 {
			p.Spellings = nil
		}
		res = append(res, *p)
	}
	slices.SortStableFunc(res, func(a, b Person) int {
		return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.Name, b.Name))
	})
	return res
}

// lastSkeleton is the skeleton of the last word of name that has one.
func lastSkeleton(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' })
	for i := len(words) - 1; i >= 0; i-- {
		if s := names.Skeleton(words[i]); s != "" {
			return s
		}
	}
	return ""
}

// docWriter receives the documents of a generation being built.
type docWriter interface {
	index(doc *document.Document) error
	delete(id string) error
	// close flushes and closes the index; abort closes it after a failure.
	close(ctx context.Context) error
	abort() error
}

// batchWriter writes to an online scorch index in batches. Full batches
// are applied by a few goroutines at once: scorch analyses each batch on
// its analysis workers and builds its segment in the calling goroutine, so
// concurrent batches keep every core busy.
type batchWriter struct {
	path    string
	idx     bleve.Index
	b       *bleve.Batch
	size    int
	full    chan *bleve.Batch
	wg      sync.WaitGroup
	errOnce sync.Once
	err     error
	failed  chan struct{}
	// single merges the index down to one segment on close (a fresh
	// build); otherwise only what scorch's tiered plan asks for, so that an
	// incremental build does not rewrite the whole index.
	single bool
}

// scorchConfig is the runtime config of an index being written.
func scorchConfig(mergeTier int) map[string]interface{} {
	c := map[string]interface{}{
		// Keep no rollback points: generations are immutable once built.
		"numSnapshotsToKeep": 1,
	}
	if mergeTier > 0 {
		c["scorchMergePlanOptions"] = map[string]interface{}{
			"MaxSegmentsPerTier":   mergeTier,
			"MaxSegmentSize":       5000000,
			"TierGrowth":           10.0,
			"SegmentsPerMergeTask": 10,
			"FloorSegmentSize":     2000,
			"ReclaimDeletesWeight": 2.0,
		}
	}
	return c
}

func newBatchWriter(path string, batch, writers, mergeTier int) (*batchWriter, error) {
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	idx, err := bleve.NewUsing(path, m, scorch.Name, scorch.Name, scorchConfig(mergeTier))
	if err != nil {
		return nil, fmt.Errorf("create index: %w", err)
	}
	w := startBatchWriter(path, idx, batch, writers)
	w.single = true
	return w, nil
}

func openBatchWriter(path string, batch, writers, mergeTier int) (*batchWriter, error) {
	idx, err := bleve.OpenUsing(path, scorchConfig(mergeTier))
	if err != nil {
		return nil, fmt.Errorf("open index copy: %w", err)
	}
	return startBatchWriter(path, idx, batch, writers), nil
}

func startBatchWriter(path string, idx bleve.Index, batch, writers int) *batchWriter {
	w := &batchWriter{path: path, idx: idx, b: idx.NewBatch(), size: batch, full: make(chan *bleve.Batch), failed: make(chan struct{})}
	for range max(writers, 1) {
		w.wg.Go(func() {
			for b := range w.full {
				if err := idx.Batch(b); err != nil {
					w.fail(fmt.Errorf("index batch: %w", err))
				}
			}
		})
	}
	return w
}

func (w *batchWriter) fail(err error) {
	w.errOnce.Do(func() { w.err = err; close(w.failed) })
}

func (w *batchWriter) index(doc *document.Document) error {
	if err := w.b.IndexAdvanced(doc); err != nil {
		return err
	}
	return w.flushIfFull()
}

func (w *batchWriter) delete(id string) error {
	w.b.Delete(id)
	return w.flushIfFull()
}

func (w *batchWriter) flushIfFull() error {
	if w.b.Size() < w.size {
		return nil
	}
	return w.flush()
}

// flush hands the current batch to a writer goroutine.
func (w *batchWriter) flush() error {
	if w.b.Size() == 0 {
		return nil
	}
	select {
	case w.full <- w.b:
	case <-w.failed:
		return w.err
	}
	w.b = w.idx.NewBatch()
	return nil
}

// wait stops the writer goroutines after the batches handed over.
func (w *batchWriter) wait() error {
	close(w.full)
	w.wg.Wait()
	select {
	case <-w.failed:
		return w.err
	default:
		return nil
	}
}

func (w *batchWriter) close(ctx context.Context) error {
	err := w.flush()
	if werr := w.wait(); err == nil {
		err = werr
	}
	if err != nil {
		_ = w.idx.Close()
		return err
	}
	// Merge: queries on fewer segments are faster, and a generation is
	// never written again once built.
	plan := mergeplan.DefaultMergePlanOptions
	if w.single {
		plan = mergeplan.SingleSegmentMergePlanOptions
	}
	adv, err := w.idx.Advanced()
	if err != nil {
		_ = w.idx.Close()
		return fmt.Errorf("merge segments: %w", err)
	}
	if s, ok := adv.(*scorch.Scorch); ok {
		if err := s.ForceMerge(ctx, &plan); err != nil {
			_ = w.idx.Close()
			return fmt.Errorf("merge segments: %w", err)
		}
	}
	// A write waits for the persister to record the current snapshot, which
	// includes the merged segment; closing before that would leave the
	// unmerged segments as the index's root.
	if err := w.idx.SetInternal([]byte("newsdesk_built"), []byte(time.Now().UTC().Format(time.RFC3339))); err != nil {
		_ = w.idx.Close()
		return fmt.Errorf("record build: %w", err)
	}
	if err := w.idx.Close(); err != nil {
		return err
	}
	// Opening an index for writing deletes segment files its root no
	// longer references, should any remain.
	idx, err := bleve.OpenUsing(w.path, nil)
	if err != nil {
		return fmt.Errorf("reopen index: %w", err)
	}
	return idx.Close()
}

func (w *batchWriter) abort() error {
	_ = w.wait()
	return w.idx.Close()
}

// newGenName returns a generation name, later names sorting after earlier.
func newGenName(dir string) string {
	base := genPrefix + time.Now().UTC().Format("20060102T150405.000000000")
	name := base
	for i := 2; ; i++ {
		_, err1 := os.Stat(filepath.Join(dir, name))
		_, err2 := os.Stat(filepath.Join(dir, name+tmpSuffix))
		if errors.Is(err1, fs.ErrNotExist) && errors.Is(err2, fs.ErrNotExist) {
			return name
		}
		name = fmt.Sprintf("%s-%d", base, i)
	}
}

// readCurrent reads the pointer and the manifest of the generation it
// names; ENOTFOUND when there is none.
func readCurrent(dir string) (string, Manifest, error) {
	b, err := os.ReadFile(filepath.Join(dir, pointerFile))
	if errors.Is(err, fs.ErrNotExist) {
		return "", Manifest{}, corpus.Errorf(corpus.ENOTFOUND, "no index has been built in %s yet: run `newsdesk index`", dir)
	}
	if err != nil {
		return "", Manifest{}, fmt.Errorf("read index pointer: %w", err)
	}
	name := strings.TrimSpace(string(b))
	if !validGenName(name) {
		return "", Manifest{}, fmt.Errorf("index pointer %s names %q, not a generation", filepath.Join(dir, pointerFile), name)
	}
	m, err := readManifest(filepath.Join(dir, name))
	if err != nil {
		return "", Manifest{}, err
	}
	return name, m, nil
}

func validGenName(name string) bool {
	return strings.HasPrefix(name, genPrefix) && !strings.HasSuffix(name, tmpSuffix) && filepath.Base(name) == name
}

func readManifest(genDir string) (Manifest, error) {
	var m Manifest
	b, err := os.ReadFile(filepath.Join(genDir, manifestFile))
	if err != nil {
		return m, fmt.Errorf("read manifest: %w", err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("decode manifest %s: %w", genDir, err)
	}
	return m, nil
}

// writeJSONFile writes v as JSON to path and fsyncs it.
func writeJSONFile(path string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s: %w", filepath.Base(path), err)
	}
	return writeFileSync(path, b)
}

func writeFileSync(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		_ = f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		return fmt.Errorf("sync %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", path, err)
	}
	return nil
}

// writePointer atomically points CURRENT at the generation name.
func writePointer(dir, name string) error {
	tmp := filepath.Join(dir, pointerFile+tmpSuffix)
	if err := writeFileSync(tmp, []byte(name+"\n")); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(dir, pointerFile)); err != nil {
		return fmt.Errorf("swap index pointer: %w", err)
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}

// syncTree fsyncs every file and directory under root.
func syncTree(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		return f.Sync()
	})
}

// copyGeneration copies a Bleve index directory. Scorch segment files are
// immutable once written, so they are hard-linked (copied when linking
// fails); everything else (root.bolt, metadata) is copied.
func copyGeneration(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasSuffix(path, ".zap") {
			if err := os.Link(path, target); err == nil {
				return nil
			}
		}
		return copyFile(path, target)
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		_ = out.Close()
		return err
	}
	return out.Close()
}

// removeLeftovers deletes generation directories left half-built by a
// build that died, and a stale pointer temp file. The caller holds the
// build lock, so nothing else is writing them.
func removeLeftovers(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("read index directory: %w", err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), tmpSuffix) {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return fmt.Errorf("remove unfinished build %s: %w", e.Name(), err)
			}
		}
	}
	return nil
}

// removeOldGenerations deletes every generation but the new one and the
// one it replaced, which a running process may still be serving. (Processes
// serving an even older one keep working: their files stay open.)
func removeOldGenerations(dir, keep, prev string, log *slog.Logger) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		log.Warn("list old generations", "err", err)
		return
	}
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() || !validGenName(n) || n == keep || n == prev {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, n)); err != nil {
			log.Warn("remove old generation", "generation", n, "err", err)
		}
	}
}

// Stale reports whether the index in indexDir is missing or older than the
// corpus in corpusDir (by corpus.Fingerprint and AnalyzerVersion).
func Stale(ctx context.Context, corpusDir, indexDir string) (bool, error) {
	_, m, err := readCurrent(indexDir)
	if corpus.ErrorCode(err) == corpus.ENOTFOUND {
		return true, nil
	}
	if err != nil {
		return true, err
	}
	if m.AnalyzerVersion != extract.AnalyzerVersion {
		return true, nil
	}
	fp, err := corpus.Fingerprint(ctx, corpusDir)
	if err != nil {
		return true, fmt.Errorf("fingerprint corpus: %w", err)
	}
	return fp != m.Fingerprint, nil
}
