package load

import (
	"io/fs"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// maxAtPath is the length of path from which statDir.stat stats by the
// whole path, as os.Stat does, rather than by name in the open
// directory: a path too long for the kernel (PATH_MAX) is then
// unreadable, as it is to os.Stat and to the reader after the listing.
const maxAtPath = unix.PathMax - 1

// statDir is an open directory whose entries are stat-ed by name,
// relative to it (fstatat), so that the kernel does not walk the whole
// path again for each file.
type statDir struct{ fd int }

// openDir is the statDir of f, valid while f is open.
func openDir(f *os.File) statDir { return statDir{fd: int(f.Fd())} }

// stat stats the entry name of d, whose path is abs, following a
// symbolic link as os.Stat does.
func (d statDir) stat(name, abs string) (fileStat, error) {
	if len(abs) >= maxAtPath {
		return statPath(abs)
	}
	var st unix.Stat_t
	var err error
	for {
		if err = unix.Fstatat(d.fd, name, &st, 0); err != unix.EINTR {
			break
		}
	}
	if err != nil {
		return fileStat{}, &fs.PathError{Op: "stat", Path: abs, Err: err}
	}
	return fileStat{
		size:    st.Size,
		modTime: time.Unix(st.Mtim.Unix()),
		isDir:   st.Mode&unix.S_IFMT == unix.S_IFDIR,
		regular: st.Mode&unix.S_IFMT == unix.S_IFREG,
	}, nil
}
