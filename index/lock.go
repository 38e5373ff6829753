package index

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/newsdesk/newsdesk/corpus"
)

// lockFile is the file in an index directory that a build holds an
// exclusive flock on. The kernel releases the lock when the process dies,
// so a killed build never leaves the directory locked.
const lockFile = "build.lock"

// buildLock is a held exclusive build lock.
type buildLock struct{ f *os.File }

// ErrBuildRunning is the error Build returns while another build of the
// same index directory, in any process, is under way.
var ErrBuildRunning = corpus.Errorf(corpus.EINVALID, "an index build is already running")

// lockBuild takes the build lock of indexDir without waiting. It returns an
// EINVALID *corpus.Error when another build (in any process) holds it.
func lockBuild(indexDir string) (*buildLock, error) {
	f, err := os.OpenFile(filepath.Join(indexDir, lockFile), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open build lock: %w", notWritable(err))
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		_ = f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrBuildRunning
		}
		return nil, fmt.Errorf("lock %s: %w", f.Name(), err)
	}
	return &buildLock{f: f}, nil
}

// unlock releases the lock.
func (l *buildLock) unlock() error {
	// Closing the descriptor releases the flock.
	return l.f.Close()
}

// readersFile is the file in each generation that every engine serving it
// holds a shared flock on. A build deletes an old generation only when it
// can take that lock exclusively, so that no process, this one or
// another, loses the generation it serves.
const readersFile = "readers.lock"

// errGenerationGone is returned when the generation to open was removed,
// or is being removed, meanwhile: read the pointer again.
var errGenerationGone = errors.New("the generation was removed meanwhile")

// readerLock is a held shared lock on a generation.
type readerLock struct{ f *os.File }

// lockReader takes a shared lock on the generation in genDir without
// waiting. It returns errGenerationGone when the generation is gone or
// being removed, and a nil lock (nothing to release) when a generation
// built before reader locks is in a directory it cannot write.
func lockReader(genDir string) (*readerLock, error) {
	path := filepath.Join(genDir, readersFile)
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		f, err = os.OpenFile(path, os.O_RDONLY|os.O_CREATE, 0o644)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, errGenerationGone
	case errors.Is(notWritable(err), ErrNotWritable):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("open reader lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB); err != nil {
		_ = f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errGenerationGone
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	// A build may have removed the generation between the open and the
	// lock: the lock is then on a file no longer there.
	held, err1 := f.Stat()
	now, err2 := os.Stat(path)
	if err1 != nil || err2 != nil || !os.SameFile(held, now) {
		_ = f.Close()
		return nil, errGenerationGone
	}
	return &readerLock{f: f}, nil
}

// unlock releases the lock; nil is a lock not taken.
func (l *readerLock) unlock() error {
	if l == nil {
		return nil
	}
	return l.f.Close()
}

// removeUnread deletes the generation in genDir unless an engine has it
// open; removed is false when one has.
func removeUnread(genDir string) (removed bool, err error) {
	f, err := os.Open(filepath.Join(genDir, readersFile))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// Built before reader locks, and opened by no engine since.
	case err != nil:
		return false, fmt.Errorf("open reader lock: %w", err)
	default:
		defer f.Close()
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return false, nil
			}
			return false, fmt.Errorf("lock %s: %w", f.Name(), err)
		}
	}
	if err := os.RemoveAll(genDir); err != nil {
		return false, err
	}
	return true, nil
}
