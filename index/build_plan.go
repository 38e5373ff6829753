package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/extract"
	"github.com/newsdesk/newsdesk/corpus/load"
)

// previous is the generation a build starts from.
type previous struct {
	name        string
	dir         string // the generation's directory
	incremental bool   // its articles may be carried over
	// totals and files are its manifest's (manifest.go), read while
	// incremental; the build takes them over and changes them.
	totals totals
	files  map[string]fileEntry
	// shards are its article records, read as the build needs them.
	shards map[int]map[string]*articleRecord
	// store is its paragraph store, open while incremental; trusted when
	// nothing wrote to it since a build left it (storeTrusted).
	store   *paragraphStore
	trusted bool
}

// errPreviousDamaged marks an error reading the previous generation's
// article records: the build starts afresh.
var errPreviousDamaged = errors.New("previous generation damaged")

// record returns the record of article id in p, reading its shard.
func (p *previous) record(id string) (*articleRecord, bool, error) {
	if !p.incremental {
		return nil, false, nil
	}
	recs, err := p.shard(shardOf(id, p.totals.Shards))
	if err != nil {
		return nil, false, err
	}
	r, ok := recs[id]
	return r, ok, nil
}

// shard returns shard s of p's article records, read once.
func (p *previous) shard(s int) (map[string]*articleRecord, error) {
	if recs, ok := p.shards[s]; ok {
		return recs, nil
	}
	recs, err := readShard(p.dir, s, p.totals.Shards)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errPreviousDamaged, err)
	}
	p.shards[s] = recs
	return recs, nil
}

// unchanged reports whether the corpus file rel, of stamp st, is the one
// the previous generation read, and gave it articles: they are carried
// over without reading it. A file whose modification time is not well
// before that read may have changed within the same tick of the clock,
// and is read again (git's "racy" entries).
func (p *previous) unchanged(rel string, st load.Stamp) bool {
	if !p.incremental {
		return false
	}
	f, ok := p.files[rel]
	return ok && f.Stamp == st && len(f.IDs) > 0 &&
		time.Unix(0, st.ModTime).Before(p.totals.ListedAt.Add(-racyWindow))
}

// racyWindow is how long before a corpus was listed a file must have
// been modified for its stamp to be trusted.
const racyWindow = 2 * time.Second

// close closes what p holds open.
func (p *previous) close() {
	if p.store != nil {
		_ = p.store.close()
	}
}

// previous reads the generation dir serves, and whether a build may carry
// its articles over: not when it is damaged (openParts), which is said in
// one warning.
func (b *builder) previous(dir string) *previous {
	name, s, err := readPointer(dir)
	if err == nil && s.Format != indexFormat {
		// Built by an older newsdesk, in another layout: nothing to carry
		// over, and nothing damaged.
		b.log.Info("the previous index is of an older format; building it afresh", "generation", name)
		return &previous{name: name}
	}
	if err != nil {
		if corpus.ErrorCode(err) != corpus.ENOTFOUND {
			b.log.Warn("the previous index is damaged; building it afresh", "err", err)
		}
		return &previous{name: name}
	}
	p := &previous{name: name, dir: filepath.Join(dir, name), shards: map[int]map[string]*articleRecord{}}
	store, idx, err := openParts(dir, name, s)
	if err == nil {
		_ = idx.Close()
		p.totals, err = readTotals(p.dir)
		if err == nil {
			p.files, err = readFiles(p.dir)
		}
		if err == nil {
			err = checkShards(p.dir, p.totals.Shards)
		}
		if err != nil {
			_ = store.close()
			err = damaged(dir, name, err)
		}
	}
	if err != nil {
		b.log.Warn("the previous index is damaged; building it afresh", "err", err)
		return &previous{name: name}
	}
	p.store = store
	p.incremental = !b.opts.Full && p.totals.AnalyzerVersion == extract.AnalyzerVersion
	if !p.incremental {
		p.close()
		return &previous{name: name}
	}
	p.trusted = storeTrusted(dir, name)
	return p
}

// buildPlan is what a build does: the articles to analyse, those whose
// stored paragraphs are carried over, the documents to delete, and the
// manifest of the new generation so far.
type buildPlan struct {
	todo []*corpus.Article
	// carried are the IDs of the articles whose stored paragraphs and
	// documents are carried over: those of the files not read, and the
	// unchanged articles of those read.
	carried []string
	// uncarried are the articles of the previous generation whose stored
	// paragraphs are not carried over: changed or removed.
	uncarried []string
	deletes   []string
	// files is the new generation's files table.
	files map[string]fileEntry
	// records are the new records of the articles read (and of those
	// analysed again, their records damaged); the articles analysed get
	// their people once they are.
	records map[string]*articleRecord
	// gone holds the previous records that records replace or that went,
	// by ID; totals are the previous generation's without them.
	gone   map[string]*articleRecord
	totals totals
	report BuildReport
}

// drop takes the previous record of article id out of the plan's totals,
// to be replaced or removed.
func (p *buildPlan) drop(prev *previous, id string) error {
	if _, ok := p.gone[id]; ok {
		return nil
	}
	r, ok, err := prev.record(id)
	if err != nil || !ok {
		return err
	}
	p.gone[id] = r
	p.totals.add(r, -1)
	return nil
}

// plan decides what to analyse, what to keep and what to delete. The
// documents of a changed article are replaced as it is indexed again:
// only those of the paragraphs it no longer has are deleted, for deletes
// and additions of one document in batches applied concurrently could
// land in either order. It reads the previous records of the files read
// and gone alone; an error reading them wraps errPreviousDamaged.
func (b *builder) plan(articles []corpus.Article, loaded load.Result, prev *previous) (buildPlan, error) {
	p := buildPlan{files: map[string]fileEntry{}, records: make(map[string]*articleRecord, len(articles)),
		gone: map[string]*articleRecord{}, totals: newTotals()}
	if prev.incremental {
		p.files, p.totals = prev.files, prev.totals
	}
	// The files read again, or gone: their articles' records go.
	for path, f := range p.files {
		if _, kept := loaded.Kept[path]; kept {
			continue
		}
		for _, id := range f.IDs {
			if err := p.drop(prev, id); err != nil {
				return buildPlan{}, err
			}
		}
		delete(p.files, path)
	}
	for i := range articles {
		if err := b.planArticle(&p, &articles[i], loaded, prev); err != nil {
			return buildPlan{}, err
		}
	}
	for path := range loaded.Kept {
		for _, id := range p.files[path].IDs {
			if _, ok := p.gone[id]; !ok {
				p.carried = append(p.carried, id)
				p.report.Reused++
			}
		}
	}
	for id, r := range p.gone {
		if p.records[id] == nil {
			p.report.Removed++
			p.deletes = appendDocIDs(p.deletes, r.Ref, 1)
		}
	}
	for _, a := range p.todo {
		if _, ok := p.gone[a.ID]; ok {
			p.uncarried = append(p.uncarried, a.ID)
		}
	}
	for id := range p.gone {
		if p.records[id] == nil {
			p.uncarried = append(p.uncarried, id)
		}
	}
	p.report.Skipped = keptSkipped(loaded, prev)
	p.totals.Skipped = p.report.Skipped
	p.totals.AnalyzerVersion, p.totals.Fingerprint, p.totals.ListedAt = extract.AnalyzerVersion, b.fingerprint, b.listedAt
	p.report.Articles, p.report.Paragraphs = p.totals.Articles+len(p.records), p.totals.Paragraphs
	for _, r := range p.records {
		p.report.Paragraphs += r.Ref.Paragraphs
	}
	if err := p.chooseShards(prev); err != nil {
		return buildPlan{}, err
	}
	return p, nil
}

// chooseShards sets how many shards the new generation's article records
// take: the previous generation's count while it suits the corpus within
// a factor of four, so that the unchanged shards are linked, else
// shardsFor's. It reads now the previous shards to be written again (all
// of them when the count changes), so that a damaged one shows before
// anything is analysed.
func (p *buildPlan) chooseShards(prev *previous) error {
	ideal := shardsFor(p.report.Articles)
	p.totals.Shards = ideal
	if !prev.incremental {
		return nil
	}
	old := prev.totals.Shards
	if old*4 >= ideal && old <= ideal*4 {
		p.totals.Shards = old
		for id := range p.records {
			if _, err := prev.shard(shardOf(id, old)); err != nil {
				return err
			}
		}
		return nil
	}
	for s := range old {
		if _, err := prev.shard(s); err != nil {
			return err
		}
	}
	return nil
}

// planArticle plans an article read this time: reused when the previous
// generation has it with the same content, else analysed.
func (b *builder) planArticle(p *buildPlan, a *corpus.Article, loaded load.Result, prev *previous) error {
	r, had, err := prev.record(a.ID)
	if err != nil {
		return err
	}
	if _, dropped := p.gone[a.ID]; had && !dropped {
		// Another file, not read again, gave the article before: it is
		// this file's now.
		if f, ok := p.files[r.Ref.Path]; ok {
			f.IDs = slices.DeleteFunc(slices.Clone(f.IDs), func(id string) bool { return id == a.ID })
			p.files[r.Ref.Path] = f
		}
		if err := p.drop(prev, a.ID); err != nil {
			return err
		}
	}
	f := p.files[a.Path]
	f.Stamp, f.IDs = loaded.Stamps[a.Path], append(f.IDs, a.ID)
	p.files[a.Path] = f
	rec := &articleRecord{Ref: refOf(a), Hash: a.Hash}
	p.records[a.ID] = rec
	if had && a.Hash != "" && r.Hash == a.Hash && r.Ref.Paragraphs == len(a.Paragraphs) {
		p.report.Reused++
		rec.People, rec.Orgs = r.People, r.Orgs
		p.carried = append(p.carried, a.ID)
		return nil
	}
	if had {
		p.deletes = appendDocIDs(p.deletes, r.Ref, len(a.Paragraphs)+1)
	}
	p.todo = append(p.todo, a)
	return nil
}

// keptSkipped is the skipped files and records of loaded, with those of
// the previous generation whose files load did not read again, being
// unchanged (a JSON Lines file with a bad record), by path.
func keptSkipped(loaded load.Result, prev *previous) []corpus.Skipped {
	skipped := append([]corpus.Skipped{}, loaded.Skipped...)
	for _, sk := range prev.totals.Skipped {
		if _, kept := loaded.Kept[sk.Path]; kept {
			skipped = append(skipped, sk)
		}
	}
	slices.SortStableFunc(skipped, func(a, b corpus.Skipped) int { return strings.Compare(a.Path, b.Path) })
	return skipped
}

// redo plans again the carried-over articles whose stored paragraphs
// turned out to be damaged (copyStored), to be analysed again: those of
// the files read this time from articles, the others read again from
// their files. An article its file no longer gives is dropped with a
// warning; its documents are deleted.
func (b *builder) redo(ctx context.Context, ids []string, articles []corpus.Article, plan *buildPlan, prev *previous) (dropped []string, _ error) {
	byID := map[string]*corpus.Article{}
	for i := range articles {
		byID[articles[i].ID] = &articles[i]
	}
	files := map[string]bool{}
	for _, id := range ids {
		if plan.records[id] != nil {
			continue
		}
		if err := plan.drop(prev, id); err != nil {
			return nil, err
		}
		if r := plan.gone[id]; r != nil {
			files[r.Ref.Path] = true
		}
	}
	if len(files) > 0 && b.opts.CorpusDir != "" {
		res, err := load.Since(ctx, b.opts.CorpusDir, func(rel string, _ load.Stamp) bool { return !files[rel] })
		if err != nil {
			return nil, fmt.Errorf("read again the files of damaged paragraphs: %w", err)
		}
		for i := range res.Articles {
			if _, ok := byID[res.Articles[i].ID]; !ok {
				byID[res.Articles[i].ID] = &res.Articles[i]
			}
		}
	}
	for _, id := range ids {
		plan.report.Reused--
		a, r := byID[id], plan.gone[id]
		if r == nil {
			r = &articleRecord{Ref: corpus.ArticleRef{ID: id}}
		}
		if a == nil {
			b.log.Warn("an article with damaged paragraphs is no longer in its file; dropping it", "article", id, "path", r.Ref.Path)
			plan.report.Articles--
			plan.report.Paragraphs -= r.Ref.Paragraphs
			dropped = appendDocIDs(dropped, r.Ref, 1)
			if f, ok := plan.files[r.Ref.Path]; ok {
				f.IDs = slices.DeleteFunc(slices.Clone(f.IDs), func(x string) bool { return x == id })
				plan.files[r.Ref.Path] = f
			}
			continue
		}
		if plan.records[id] == nil {
			// Read again from its file: the documents of paragraphs it no
			// longer has go.
			plan.report.Paragraphs += len(a.Paragraphs) - r.Ref.Paragraphs
			dropped = appendDocIDs(dropped, r.Ref, len(a.Paragraphs)+1)
			plan.records[id] = &articleRecord{Ref: refOf(a), Hash: a.Hash}
		}
		plan.todo = append(plan.todo, a)
	}
	return dropped, nil
}

// writeManifest adds the plan's records to its totals and writes its
// shards of article records into the generation in tmp, those whose
// records did not change linked from prev's.
func writeManifest(tmp string, plan *buildPlan, prev *previous) error {
	n := plan.totals.Shards
	for _, r := range plan.records {
		plan.totals.add(r, 1)
	}
	if err := mkdir(filepath.Join(tmp, articlesDir)); err != nil {
		return err
	}
	if prev.incremental && prev.totals.Shards == n {
		return writeShards(tmp, plan, prev)
	}
	// A new count: every shard is written, from the previous records
	// (all read by chooseShards) and the new.
	shards := make([][]*articleRecord, n)
	for id, r := range plan.records {
		shards[shardOf(id, n)] = append(shards[shardOf(id, n)], r)
	}
	for _, old := range prev.shards {
		for id, r := range old {
			if _, ok := plan.gone[id]; !ok && plan.records[id] == nil {
				shards[shardOf(id, n)] = append(shards[shardOf(id, n)], r)
			}
		}
	}
	for s, recs := range shards {
		if err := writeShard(tmp, s, recs); err != nil {
			return err
		}
	}
	return nil
}

// writeShards writes the shards of article records whose records changed
// and links the others from prev's, which has as many.
func writeShards(tmp string, plan *buildPlan, prev *previous) error {
	n := plan.totals.Shards
	dirty := map[int][]*articleRecord{}
	for id, r := range plan.records {
		dirty[shardOf(id, n)] = append(dirty[shardOf(id, n)], r)
	}
	for id := range plan.gone {
		if s := shardOf(id, n); dirty[s] == nil {
			dirty[s] = []*articleRecord{}
		}
	}
	for s := range n {
		recs, changed := dirty[s]
		if !changed {
			if err := linkFile(shardPath(prev.dir, s), shardPath(tmp, s)); err != nil {
				return err
			}
			continue
		}
		old, err := prev.shard(s)
		if err != nil {
			return err
		}
		for id, r := range old {
			if _, ok := plan.gone[id]; !ok && plan.records[id] == nil {
				recs = append(recs, r)
			}
		}
		if err := writeShard(tmp, s, recs); err != nil {
			return err
		}
	}
	return nil
}

// writeManifestFiles writes the files table, the totals and the summary
// of plan into the generation in tmp.
func writeManifestFiles(tmp string, plan *buildPlan) error {
	if err := writeFileSync(filepath.Join(tmp, filesFile), encodeFiles(plan.files)); err != nil {
		return err
	}
	plan.totals.BuiltAt = time.Now().UTC()
	if err := writeTotals(tmp, plan.totals); err != nil {
		return err
	}
	return writeJSONFile(filepath.Join(tmp, summaryFile), plan.totals.summarize())
}

// mkdir creates the directory path.
func mkdir(path string) error {
	if err := os.Mkdir(path, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", path, notWritable(err))
	}
	return nil
}

// checkShards reports a generation in genDir that lacks one of its
// shards of article records, which a build links forward unread.
func checkShards(genDir string, n int) error {
	entries, err := os.ReadDir(filepath.Join(genDir, articlesDir))
	if err != nil {
		return fmt.Errorf("article records: %w", err)
	}
	have := make(map[string]bool, len(entries))
	for _, e := range entries {
		have[e.Name()] = e.Type().IsRegular()
	}
	if n < 1 || n > maxShards {
		return fmt.Errorf("article records: %d shards", n)
	}
	for s := range n {
		if name := filepath.Base(shardPath(genDir, s)); !have[name] {
			return fmt.Errorf("article records: shard %s is missing", name)
		}
	}
	return nil
}

// linkFile hard-links the file from to the path to, or copies it where
// the file system cannot link.
func linkFile(from, to string) error {
	if err := os.Link(from, to); err == nil {
		return nil
	}
	b, err := os.ReadFile(from)
	if err != nil {
		return fmt.Errorf("link article records: %w", err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", to, err)
	}
	return nil
}
