package index

import (
	"errors"
	"fmt"
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
		return nil, fmt.Errorf("open build lock: %w", err)
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
