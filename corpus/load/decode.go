package load

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// decodeArticleText checks that data is text and decodes it.
func decodeArticleText(data []byte) (string, error) {
	if len(data) > MaxFileSize {
		return "", fmt.Errorf("%w: %d bytes (limit %d MiB)", ErrTooLarge, len(data), MaxFileSize>>20)
	}
	if strings.TrimSpace(string(data)) == "" {
		return "", ErrEmpty
	}
	if looksBinary(data) {
		return "", ErrBinary
	}
	text := decodeText(data)
	if mostlyReplaced(text) {
		return "", fmt.Errorf("%w: mostly invalid characters", ErrBinary)
	}
	return text, nil
}

// decodeText turns raw file bytes into UTF-8 text with LF line endings. A
// byte-order mark is removed (UTF-16 with a BOM is decoded); valid UTF-8 is
// kept; text that is not UTF-8 but reads as Windows-1252 (which covers
// Latin-1) is decoded as such; anything else has its bad bytes replaced
// with U+FFFD.
func decodeText(data []byte) string {
	var s string
	switch {
	case bytes.HasPrefix(data, []byte{0xef, 0xbb, 0xbf}):
		s = decodeUTF8(data[3:])
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		dec := xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			s = decodeUTF8(data)
		} else {
			s = strings.TrimPrefix(decodeUTF8(out), "\ufeff")
		}
	default:
		s = decodeUTF8(data)
	}
	if strings.ContainsRune(s, '\r') {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s
}

// decodeUTF8 is decodeText for text without a BOM.
func decodeUTF8(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	if looksWindows1252(data) {
		if out, err := charmap.Windows1252.NewDecoder().Bytes(data); err == nil {
			return string(out)
		}
	}
	var b strings.Builder
	b.Grow(len(data) + 16)
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		b.WriteRune(r) // utf8.RuneError for each bad byte
		data = data[size:]
	}
	return b.String()
}

// looksWindows1252 reports whether invalid UTF-8 is better read as
// Windows-1252: it holds no valid multi-byte UTF-8 sequence at all (a
// single-byte encoding almost never forms one by chance) and none of the
// five bytes Windows-1252 leaves undefined.
func looksWindows1252(data []byte) bool {
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		switch {
		case size > 1:
			return false // genuine UTF-8: the file is UTF-8 with some damage
		case r == utf8.RuneError:
			switch data[0] {
			case 0x81, 0x8d, 0x8f, 0x90, 0x9d:
				return false
			}
		}
		data = data[size:]
	}
	return true
}

// looksBinary reports whether data is not text: it holds NUL bytes (UTF-16
// with a BOM excepted) or more than a tenth of control characters.
func looksBinary(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return len(data)%2 != 0
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	sample := data[:min(len(data), 64<<10)]
	controls := 0
	for _, c := range sample {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f {
			controls++
		}
	}
	return controls*10 > len(sample)
}

// mostlyReplaced reports whether decoding left more replacement characters
// than a third of the text: bytes that are no text encoding at all.
func mostlyReplaced(s string) bool {
	bad := strings.Count(s, "\ufffd")
	return bad > 0 && bad*3 > utf8.RuneCountInString(s)
}
