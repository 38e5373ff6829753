package load

import (
	"encoding/binary"
	"errors"
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

// direntBufSize is the size of the buffer readDir reads entries into.
const direntBufSize = 64 << 10

// readDir opens the directory abs and reads its entries, sorted by name,
// as os.ReadDir does, without an allocation per entry: the names are
// substrings of one string. The directory is left open for statDir. On
// error nothing is left open.
func readDir(abs string) (*os.File, []dirent, error) {
	f, err := os.Open(abs)
	if err != nil {
		return nil, nil, err
	}
	ents, err := readDirents(f, abs)
	if err != nil {
		_ = f.Close()
		return nil, nil, err
	}
	sortDirents(ents)
	return f, ents, nil
}

// readDirents reads the entries of the directory f, whose path is abs,
// as os.File.ReadDir does on Linux: "." and ".." and deleted entries
// left out, an entry of unknown type lstat-ed (left out when it is gone
// by then).
func readDirents(f *os.File, abs string) ([]dirent, error) {
	fd := int(f.Fd())
	buf := make([]byte, direntBufSize)
	var names []byte
	type raw struct {
		start, end int
		typ        fs.FileMode
	}
	var raws []raw
	for {
		n, err := unix.Getdents(fd, buf)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "readdirent", Path: abs, Err: err}
		}
		if n <= 0 {
			break
		}
		for rec := buf[:n]; len(rec) >= 19; {
			// struct linux_dirent64: ino u64, off s64, reclen u16, type u8, name.
			ino := binary.NativeEndian.Uint64(rec[0:8])
			reclen := int(binary.NativeEndian.Uint16(rec[16:18]))
			if reclen < 19 || reclen > len(rec) {
				break
			}
			typ, name := rec[18], rec[19:reclen]
			rec = rec[reclen:]
			if i := indexNUL(name); i >= 0 {
				name = name[:i]
			}
			if ino == 0 || string(name) == "." || string(name) == ".." {
				continue
			}
			mode, ok, err := direntType(fd, abs, name, typ)
			if err != nil {
				return nil, err
			}
			if ok {
				raws = append(raws, raw{len(names), len(names) + len(name), mode})
				names = append(names, name...)
			}
		}
	}
	all := string(names)
	ents := make([]dirent, len(raws))
	for i, r := range raws {
		ents[i] = dirent{name: all[r.start:r.end], typ: r.typ}
	}
	return ents, nil
}

// indexNUL is the index of the first NUL byte of b, or -1.
func indexNUL(b []byte) int {
	for i, c := range b {
		if c == 0 {
			return i
		}
	}
	return -1
}

// direntType is the type bits of the entry name of the directory fd
// (abs), of type typ (a DT_ constant), as os.File.ReadDir has them: an
// entry of unknown type is lstat-ed, and left out (ok false) when it is
// gone by then.
func direntType(fd int, abs string, name []byte, typ uint8) (mode fs.FileMode, ok bool, err error) {
	switch typ {
	case unix.DT_BLK:
		return fs.ModeDevice, true, nil
	case unix.DT_CHR:
		return fs.ModeDevice | fs.ModeCharDevice, true, nil
	case unix.DT_DIR:
		return fs.ModeDir, true, nil
	case unix.DT_FIFO:
		return fs.ModeNamedPipe, true, nil
	case unix.DT_LNK:
		return fs.ModeSymlink, true, nil
	case unix.DT_REG:
		return 0, true, nil
	case unix.DT_SOCK:
		return fs.ModeSocket, true, nil
	}
	info, err := os.Lstat(abs + "/" + string(name))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return 0, false, nil
	case err != nil:
		return 0, false, err
	}
	return info.Mode().Type(), true, nil
}
