package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/index"
)

// answer is a question asked of an opened index: the engine, to be
// closed once the answer is written, and the result or why there is
// none.
type answer struct {
	e   *index.Engine
	res *corpus.Result
	err error
}

// close closes the engine, if any.
func (a answer) close() {
	if a.e != nil {
		_ = a.e.Close()
	}
}

// answerFresh answers question from a fresh index, as ask did when it
// checked the index, rebuilt it if stale, and only then opened it and
// asked. The check, which stats every file of the corpus, runs beside
// opening the index and answering; that answer and whatever was logged
// meanwhile are held back until the index is known to be fresh. When it
// is not, they are dropped, the index is rebuilt as before, and the
// question is asked again. What reaches stdout and stderr is what the
// sequential way wrote.
func answerFresh(ctx context.Context, s *IO, cfg *Config, question string, opts index.AskOptions) answer {
	if err := checkCorpusDir(cfg.CorpusDir); err != nil {
		return answer{err: err}
	}
	early := startAnswer(ctx, s, cfg, question, opts)
	stale, err := staleIndex(ctx, cfg)
	return early.finish(ctx, s, stale, err)
}

// earlyAnswer is a question being answered from the index before it is
// known to be fresh, its logs held back.
type earlyAnswer struct {
	cfg      *Config
	question string
	opts     index.AskOptions
	held     *heldWriter
	log      *slog.Logger
	cancel   context.CancelFunc
	done     chan answer
}

// startAnswer opens the index and asks it question on a goroutine of
// its own, logging to a heldWriter on s.ErrOut.
func startAnswer(ctx context.Context, s *IO, cfg *Config, question string, opts index.AskOptions) *earlyAnswer {
	held := &heldWriter{w: s.ErrOut}
	ea := &earlyAnswer{cfg: cfg, question: question, opts: opts, held: held, log: loggerOn(held, cfg.LogLevel), done: make(chan answer, 1)}
	early, cancel := context.WithCancel(ctx)
	ea.cancel = cancel
	go func() {
		e, err := openIndex(early, cfg.IndexDir, ea.log)
		ea.done <- askEngine(early, e, err, cfg, question, opts)
	}()
	return ea
}

// finish returns the early answer with its logs when the check found the
// index fresh (stale false, checkErr nil). Otherwise it drops them; then
// it fails with checkErr, or rebuilds the index and asks again.
func (ea *earlyAnswer) finish(ctx context.Context, s *IO, stale bool, checkErr error) answer {
	if checkErr == nil && !stale {
		a := <-ea.done
		ea.held.release()
		ea.cancel()
		return a
	}
	ea.cancel()
	(<-ea.done).close()
	ea.held.discard()
	if checkErr != nil {
		return answer{err: checkErr}
	}
	notRebuilt, err := rebuildIndex(ctx, s, ea.cfg, ea.log)
	if err != nil {
		return answer{err: err}
	}
	e, err := openChecked(ctx, ea.cfg, ea.log, notRebuilt)
	return askEngine(ctx, e, err, ea.cfg, ea.question, ea.opts)
}

// askEngine asks question of e, opened with openErr, within
// cfg.AskTimeout.
func askEngine(ctx context.Context, e *index.Engine, openErr error, cfg *Config, question string, opts index.AskOptions) answer {
	if openErr != nil {
		return answer{err: openErr}
	}
	askCtx, cancel := context.WithTimeout(ctx, cfg.AskTimeout)
	defer cancel()
	res, err := e.Ask(askCtx, question, opts)
	switch {
	case err == nil:
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(askCtx.Err(), context.DeadlineExceeded):
		err = fmt.Errorf("no answer within %s: ask with fewer words, or raise --timeout or %s", cfg.AskTimeout, envAskTimeout)
	default:
		err = fmt.Errorf("ask %q: %w", question, err)
	}
	return answer{e: e, res: res, err: err}
}

// heldWriter holds back what is written to it until release, which
// writes it to w, or discard, which drops it; from then on it writes
// through to w. It is safe for concurrent use.
type heldWriter struct {
	w io.Writer

	mu      sync.Mutex
	buf     []byte
	through bool
}

// Write holds p, or writes it to w once released or discarded.
func (h *heldWriter) Write(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.through {
		return h.w.Write(p)
	}
	h.buf = append(h.buf, p...)
	return len(p), nil
}

// release writes what was held to w.
func (h *heldWriter) release() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.through = true
	if len(h.buf) > 0 {
		_, _ = h.w.Write(h.buf)
	}
	h.buf = nil
}

// discard drops what was held.
func (h *heldWriter) discard() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.through, h.buf = true, nil
}
