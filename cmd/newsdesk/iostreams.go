package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/newsdesk/newsdesk/index"
)

// defaultWidth is the line width when stdout is not a terminal or its
// width is unknown.
const defaultWidth = 80

// IO is what every subcommand talks to, shared by all of them: the
// writers, the configuration environment, and what the terminal can do.
// Data goes to Out, progress and logs to ErrOut. Tests build one with
// buffers and set the terminal fields to fake a terminal.
type IO struct {
	// Out receives a command's data: answers, reports, JSON.
	Out io.Writer
	// ErrOut receives progress, logs and error messages.
	ErrOut io.Writer
	// Env is where configuration comes from besides flags.
	Env Env

	// StdoutTTY and StderrTTY report whether Out and ErrOut are terminals.
	StdoutTTY bool
	StderrTTY bool
	// Width is the width in columns of the terminal Out is; 0 when unknown.
	Width int
}

// SystemIO is the process's stdout and stderr, its environment and the
// .env file of the working directory.
func SystemIO() *IO { return NewIO(os.Stdout, os.Stderr, OSEnv()) }

// NewIO returns an IO writing to out and errOut, each a terminal when it is
// an *os.File open on one.
func NewIO(out, errOut io.Writer, env Env) *IO {
	width, stdoutTTY := terminalWidth(out)
	_, stderrTTY := terminalWidth(errOut)
	return &IO{Out: out, ErrOut: errOut, Env: env, StdoutTTY: stdoutTTY, StderrTTY: stderrTTY, Width: width}
}

// TerminalWidth is the width to lay text out in: the terminal's when Out is
// one of known width, else 80.
func (s *IO) TerminalWidth() int {
	if !s.StdoutTTY || s.Width <= 0 {
		return defaultWidth
	}
	return s.Width
}

// ColorEnabled reports whether Out may carry terminal escapes: it is a
// terminal and NO_COLOR is not set (https://no-color.org).
func (s *IO) ColorEnabled() bool {
	if !s.StdoutTTY {
		return false
	}
	if s.Env.Lookup != nil {
		if _, ok := s.Env.Lookup("NO_COLOR"); ok {
			return false
		}
	}
	return true
}

// Logger returns a text logger on ErrOut at level, which Bleve's log
// lines go to as well (at debug level: index.LogLibraryTo).
func (s *IO) Logger(level slog.Level) *slog.Logger { return loggerOn(s.ErrOut, level) }

// loggerOn returns a text logger on w at level, which Bleve's log lines
// go to as well.
func loggerOn(w io.Writer, level slog.Level) *slog.Logger {
	log := slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
	index.LogLibraryTo(log)
	return log
}

// Progress returns a display of progress on ErrOut under label: a bar when
// ErrOut is a terminal, else a plain line every few seconds and at the end.
func (s *IO) Progress(label string) *Progress {
	return &Progress{w: s.ErrOut, label: label, tty: s.StderrTTY}
}

// WriteData writes v to Out: as JSON when asJSON, else as text does. Both
// views show the same value.
func (s *IO) WriteData(asJSON bool, v any, text func(w io.Writer) error) error {
	if asJSON {
		return writeJSON(s.Out, v)
	}
	return text(s.Out)
}

// writeJSON writes v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// terminalWidth reports whether w is a terminal and, if so, its width; 0
// when it is not or the width is unknown.
func terminalWidth(w io.Writer) (int, bool) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0, false
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil || width <= 0 {
		return 0, true
	}
	return width, true
}

// Progress shows how far a job of counted steps is. It is safe for
// concurrent use.
type Progress struct {
	w     io.Writer
	label string
	tty   bool

	mu   sync.Mutex
	bar  *progressbar.ProgressBar
	last time.Time
}

// progressInterval is how often plain progress lines are written.
const progressInterval = 2 * time.Second

// Update records that done of total articles are finished.
func (p *Progress) Update(done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty {
		if p.bar == nil {
			p.bar = progressbar.NewOptions(total,
				progressbar.OptionSetWriter(p.w),
				progressbar.OptionSetDescription(p.label),
				progressbar.OptionShowCount(),
				progressbar.OptionSetWidth(30),
				progressbar.OptionThrottle(100*time.Millisecond),
				progressbar.OptionClearOnFinish(),
			)
		}
		if p.bar.GetMax() != total {
			p.bar.ChangeMax(total)
		}
		_ = p.bar.Set(done)
		return
	}
	now := time.Now()
	if done == total || p.last.IsZero() || now.Sub(p.last) >= progressInterval {
		p.last = now
		fmt.Fprintf(p.w, "%s: %d/%d articles (%d%%)\n", p.label, done, total, percent(done, total))
	}
}

// Logger returns log writing through p: on a terminal, each record first
// erases the bar, which the next Update draws again, so that a log line is
// never glued onto the bar's line. nil stays nil.
func (p *Progress) Logger(log *slog.Logger) *slog.Logger {
	if log == nil || !p.tty {
		return log
	}
	return slog.New(&progressHandler{p: p, next: log.Handler()})
}

// progressHandler is a slog.Handler erasing p's bar before each record.
type progressHandler struct {
	p    *Progress
	next slog.Handler
}

func (h *progressHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return h.next.Enabled(ctx, l)
}

func (h *progressHandler) Handle(ctx context.Context, r slog.Record) error {
	h.p.mu.Lock()
	defer h.p.mu.Unlock()
	if h.p.bar != nil {
		_ = h.p.bar.Clear()
	}
	return h.next.Handle(ctx, r)
}

func (h *progressHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &progressHandler{p: h.p, next: h.next.WithAttrs(attrs)}
}

func (h *progressHandler) WithGroup(name string) slog.Handler {
	return &progressHandler{p: h.p, next: h.next.WithGroup(name)}
}

// Finish ends the bar, if any.
func (p *Progress) Finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Finish()
		p.bar = nil
	}
}

func percent(done, total int) int {
	if total <= 0 {
		return 100
	}
	return done * 100 / total
}
