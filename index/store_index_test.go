package index

import (
	"reflect"
	"testing"

	"github.com/newsdesk/newsdesk/corpus/fuzzcheck"
)

func TestStoreIndexRoundTrip(t *testing.T) {
	tests := []storeIndex{
		{Articles: map[string][2]int{}, Offsets: []int64{0}, Sums: []uint32{}},
		{Articles: map[string][2]int{"a.txt": {0, 2}, "b/c.md#2": {2, 1}}, Offsets: []int64{0, 120, 400, 401}, Sums: []uint32{7, 1 << 31, 0}},
		{Articles: map[string][2]int{"a.txt": {0, 1}}, Offsets: []int64{0, 1 << 40}, Sums: []uint32{42}},
	}
	for _, ix := range tests {
		got, err := decodeStoreIndex(ix.encode())
		if err != nil {
			t.Fatalf("decode: %v", err)
		}
		if !reflect.DeepEqual(got, ix) {
			t.Errorf("round trip = %+v, want %+v", got, ix)
		}
	}
}

// TestStoreIndexDamaged: every truncation and every flipped byte of an
// encoded index is an error, never a panic or a wrong index.
func TestStoreIndexDamaged(t *testing.T) {
	ix := storeIndex{Articles: map[string][2]int{"a.txt": {0, 2}, "b.txt": {2, 1}}, Offsets: []int64{0, 120, 400, 401}, Sums: []uint32{7, 8, 9}}
	b := ix.encode()
	for n := range len(b) {
		if _, err := decodeStoreIndex(b[:n]); err == nil {
			t.Errorf("cut to %d of %d bytes: no error", n, len(b))
		}
	}
	for i := range b {
		c := append([]byte(nil), b...)
		c[i] ^= 0x5a
		if _, err := decodeStoreIndex(c); err == nil {
			t.Errorf("byte %d flipped: no error", i)
		}
	}
}

func FuzzDecodeStoreIndex(f *testing.F) {
	f.Add(storeIndex{Articles: map[string][2]int{"a.txt": {0, 1}}, Offsets: []int64{0, 9}, Sums: []uint32{1}}.encode())
	f.Add([]byte(storeIndexMagic))
	f.Fuzz(func(t *testing.T, b []byte) {
		var ix storeIndex
		var err error
		fuzzcheck.Within(t, func() { ix, err = decodeStoreIndex(b) })
		if err == nil {
			if _, err := decodeStoreIndex(ix.encode()); err != nil {
				t.Errorf("an index that decoded does not decode again: %v", err)
			}
		}
	})
}
