package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/corpus/question"
	"github.com/newsdesk/newsdesk/index"
)

// This file holds the handlers the route table (routes.go) names.

func (h *Handler) ask(ctx context.Context, r request) (Reply, error) {
	return h.page(ctx, Page{Kind: KindAsk, Query: question.Clean(r.option("question"), question.MaxLen)})
}

func (h *Handler) who(ctx context.Context, r request) (Reply, error) {
	return h.page(ctx, Page{Kind: KindWho, Query: question.Clean(r.option("name"), 100)})
}

func (h *Handler) toll(ctx context.Context, r request) (Reply, error) {
	return h.page(ctx, Page{Kind: KindToll, Query: question.Clean(r.option("place"), 100)})
}

func (h *Handler) search(ctx context.Context, r request) (Reply, error) {
	p := Page{Kind: KindSearch, Query: question.Clean(r.option("query"), question.MaxLen), Source: question.Clean(r.option("source"), 100)}
	var err error
	if p.From, err = dateOption("from", r.option("from")); err != nil {
		return Reply{}, err
	}
	if p.To, err = dateOption("to", r.option("to")); err != nil {
		return Reply{}, err
	}
	if !p.From.IsZero() && !p.To.IsZero() && p.To.Before(p.From.Time) {
		return Reply{}, corpus.Errorf(corpus.EINVALID, "The “to” date is before the “from” date.")
	}
	return h.page(ctx, p)
}

func dateOption(name, v string) (corpus.Date, error) {
	d, err := corpus.ParseDate(v)
	if err != nil {
		return corpus.Date{}, corpus.Errorf(corpus.EINVALID, "I can't read the %q date %q; write it as 2025-03-10.", name, cutRunes(v, 30))
	}
	return d, nil
}

func (h *Handler) sources(ctx context.Context, _ request) (Reply, error) {
	st, err := h.engine.Stats(ctx)
	if err != nil {
		return Reply{}, err
	}
	return RenderSources(st), nil
}

// nextPage answers a "More" button: the next page, all of whose state is in
// its custom_id.
func (h *Handler) nextPage(ctx context.Context, id string) (Reply, error) {
	p, ok := ParseCustomID(id)
	if !ok {
		return Reply{}, errOldButton
	}
	return h.page(ctx, p)
}

// showContext answers a "Context" button: the passage with its neighbours.
func (h *Handler) showContext(ctx context.Context, id string) (Reply, error) {
	ref, ok := ParseContextID(id)
	if !ok {
		return Reply{}, errOldButton
	}
	a, err := h.engine.Passage(ctx, ref.ArticleID, ref.Paragraph, contextRadius)
	if err != nil {
		return Reply{}, err
	}
	return RenderContext(a, contextRadius), nil
}

var errOldButton = corpus.Errorf(corpus.EINVALID, "That button is from an older version of me; ask again.")

// contextRadius is how many paragraphs "Context" shows on each side.
const contextRadius = 2

// page runs the query of p and renders the page, or returns the index's
// notes as an ENOTFOUND error when the page has no passage.
func (h *Handler) page(ctx context.Context, p Page) (Reply, error) {
	res, err := h.query(ctx, p)
	if err != nil {
		return Reply{}, err
	}
	if p.Kind == KindToll {
		// The engine returns every toll at once; the bot pages them.
		if len(res.Answers) <= p.Offset {
			return Reply{}, noAnswer(res)
		}
		return RenderToll(res, p, h.cfg.PageSize), nil
	}
	if len(res.Answers) == 0 {
		return Reply{}, noAnswer(res)
	}
	return RenderAnswers(res, p), nil
}

// query asks the engine for the page p.
func (h *Handler) query(ctx context.Context, p Page) (*corpus.Result, error) {
	limit := h.cfg.PageSize
	var (
		res *corpus.Result
		err error
	)
	switch p.Kind {
	case KindWho:
		if p.Query == "" {
			return nil, corpus.Errorf(corpus.EINVALID, "Tell me a name.")
		}
		res, err = h.engine.Ask(ctx, "who is "+p.Query, index.AskOptions{Limit: limit, Offset: p.Offset})
	case KindSearch:
		res, err = h.engine.Search(ctx, index.SearchOptions{Query: p.Query, Source: p.Source, From: p.From, To: p.To, Limit: limit, Offset: p.Offset})
	case KindToll:
		res, err = h.engine.Tolls(ctx, p.Query)
	default:
		res, err = h.engine.Ask(ctx, p.Query, index.AskOptions{Limit: limit, Offset: p.Offset})
	}
	if err == nil && res == nil {
		res = &corpus.Result{}
	}
	return res, err
}

// noAnswer is the error for a page without passages. Its message is the
// index's notes, which say why (the CLI prints the same), past the last
// page that there are no more.
func noAnswer(res *corpus.Result) error {
	if len(res.Notes) == 0 {
		// The index always says why it has no answer; this is not expected.
		return corpus.Errorf(corpus.ENOTFOUND, "%s", corpus.NoteNoPassage)
	}
	return corpus.Errorf(corpus.ENOTFOUND, "%s", strings.Join(res.Notes, "\n"))
}

// suggestPeople suggests people for /who.
func (h *Handler) suggestPeople(_ context.Context, typed string) []string {
	var names []string
	for _, p := range h.engine.People(typed, MaxChoices) {
		names = append(names, p.Name)
	}
	return names
}

// suggestSources suggests outlets for /search's source.
func (h *Handler) suggestSources(ctx context.Context, typed string) []string {
	st, err := h.engine.Stats(ctx)
	if err != nil {
		return nil
	}
	var names []string
	for _, s := range st.Sources {
		if s.Source != "" && strings.Contains(strings.ToLower(s.Source), strings.ToLower(typed)) {
			names = append(names, s.Source)
		}
	}
	return names
}

// checkNotBuilding refuses to start a second re-index.
func (h *Handler) checkNotBuilding(request) error {
	if h.building.Load() {
		return errAlreadyRunning
	}
	return nil
}

var errAlreadyRunning = corpus.Errorf(corpus.EINVALID, "A re-index is already running; I'll be ready for another when it finishes.")

// reindex rebuilds the index from the corpus folder and swaps it in.
func (h *Handler) reindex(ctx context.Context, r request) (Reply, error) {
	r.progress("Re-indexing the corpus…")
	rep, err := h.rebuild(ctx, r.progress)
	if errors.Is(err, errInterrupted) {
		return Reply{}, corpus.Errorf(corpus.EINVALID, "The re-index was interrupted because I'm restarting. The current index keeps answering, and the re-index resumes when I start again.")
	}
	if err != nil {
		return Reply{}, err
	}
	return PlainReply("Re-indexed: " + describeBuild(rep) + "."), nil
}

// rebuild runs build, one at a time: errAlreadyRunning while another
// re-index or ingest runs.
func (h *Handler) rebuild(ctx context.Context, progress func(string)) (index.BuildReport, error) {
	if !h.building.CompareAndSwap(false, true) {
		return index.BuildReport{}, errAlreadyRunning
	}
	defer h.building.Store(false)
	return h.build(ctx, progress)
}

// errInterrupted is build's error when ctx ended before the build did.
var errInterrupted = errors.New("re-index interrupted")

// interruptGrace is how long build waits, once ctx has ended, for the
// engine to stop before it gives up waiting and returns errInterrupted.
const interruptGrace = 2 * time.Second

// build rebuilds the engine's index from the corpus and swaps it in. When
// ctx ends first, it returns errInterrupted within interruptGrace, even if
// the engine's build has not stopped yet: that build cannot publish a
// partial index, and the process is shutting down.
func (h *Handler) build(ctx context.Context, progress func(string)) (index.BuildReport, error) {
	type built struct {
		rep index.BuildReport
		err error
	}
	done := make(chan built, 1)
	go func() {
		rep, err := h.engine.Rebuild(ctx, index.BuildOptions{
			CorpusDir: h.cfg.CorpusDir,
			Log:       h.log,
			Progress: func(done, total int) {
				progress(fmt.Sprintf("Re-indexing… %d of %d articles", done, total))
			},
		})
		done <- built{rep, err}
	}()
	var b built
	select {
	case b = <-done:
	case <-ctx.Done():
		select {
		case b = <-done:
		case <-time.After(interruptGrace):
			h.log.Warn("re-index still running after it was interrupted; no longer waiting for it")
			return index.BuildReport{}, fmt.Errorf("build index: %w: %w", errInterrupted, ctx.Err())
		}
	}
	if b.err != nil && ctx.Err() != nil {
		return b.rep, fmt.Errorf("build index: %w: %w", errInterrupted, b.err)
	}
	if b.err != nil {
		return b.rep, fmt.Errorf("build index: %w", b.err)
	}
	return b.rep, nil
}

// describeBuild summarises a build report in words.
func describeBuild(rep index.BuildReport) string {
	s := fmt.Sprintf("%d %s, %d %s (%d analysed, %d unchanged, %d removed) in %s",
		rep.Articles, plural(rep.Articles, "article", "articles"), rep.Paragraphs, plural(rep.Paragraphs, "paragraph", "paragraphs"),
		rep.Analysed, rep.Reused, rep.Removed, rep.Duration.Round(10*time.Millisecond))
	if n := len(rep.Skipped); n > 0 {
		var files []string
		for _, sk := range rep.Skipped[:min(n, 3)] {
			files = append(files, EscapeMarkdown(sk.Path+" ("+cutRunes(sk.Reason, 120)+")"))
		}
		if n > 3 {
			files = append(files, "…")
		}
		s += fmt.Sprintf("; %d %s skipped: %s", n, plural(n, "file", "files"), strings.Join(files, ", "))
	}
	return s
}
