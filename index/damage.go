package index

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"syscall"

	"github.com/newsdesk/newsdesk/corpus"
	"github.com/newsdesk/newsdesk/index/bleveindex"
)

// ErrDamaged is matched (errors.Is) by the error of opening an index whose
// serving generation cannot be opened or verified: a truncated segment,
// an emptied root.bolt, missing Bleve metadata, a pointer or manifest that
// does not read, fewer paragraphs than its manifest lists. The error also
// carries a *corpus.Error that tells the user to run `newsdesk index`,
// which builds such an index afresh.
var ErrDamaged = errors.New("index damaged")

// ErrNotWritable is matched by the error of a build that cannot write to
// its index directory (no permission, a read-only file system). The index
// already there, if any, can still be opened and answer questions.
var ErrNotWritable = errors.New("index directory not writable")

// damagedError is a generation that cannot be opened or verified.
type damagedError struct {
	dir, gen string
	err      error
}

func (e *damagedError) Error() string {
	if e.gen == "" {
		return fmt.Sprintf("the index in %s is damaged: %v", e.dir, e.err)
	}
	return fmt.Sprintf("the index in %s is damaged (generation %s): %v", e.dir, e.gen, e.err)
}

// Unwrap puts the message for users first, so that errors.As finds it
// before any *corpus.Error of the cause.
func (e *damagedError) Unwrap() []error {
	return []error{
		corpus.Errorf(corpus.EINTERNAL, "the index in %s is damaged: run `newsdesk index` to rebuild it", e.dir),
		ErrDamaged,
		e.err,
	}
}

// damaged reports err, a failure to open or verify generation gen of the
// index in dir, as damage; "" for gen when the pointer or the generation
// it names is unreadable. Errors that rebuilding would not cure (no
// permission) and the caller's context are returned as they are.
func damaged(dir, gen string, err error) error {
	if err == nil || errors.Is(err, fs.ErrPermission) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return &damagedError{dir: dir, gen: gen, err: err}
}

// notWritable marks err, a failure to write to the index directory, with
// ErrNotWritable when it is one of permission or a read-only file system.
func notWritable(err error) error {
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return fmt.Errorf("%w: %w", ErrNotWritable, err)
	}
	return err
}

// LogLibraryTo sends the log lines of the search library (Bleve) to l as
// debug records, instead of raw to stderr: what they mean, such as a
// damaged index, the engine reports itself. It changes the process's
// default log.Logger: call it from main (bleveindex.LogTo).
func LogLibraryTo(l *slog.Logger) { bleveindex.LogTo(l) }
