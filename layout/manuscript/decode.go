package manuscript

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Decode returns data as UTF-8 text. It accepts UTF-8 with or without a byte
// order mark, UTF-16 with a byte order mark, and GB18030 (a superset of GBK
// and GB 2312), which is tried when data is not valid UTF-8 and accepted
// only if it decodes without errors into mostly CJK text. A leading BOM is
// removed; nothing else is changed.
//
// Text that cannot be decoded, or that contains control characters other
// than tab, line feed, vertical tab, form feed, carriage return and NEL
// (binary data, or C1 controls from a wrong conversion), is an *Error with
// the line and byte offset of the first bad byte.
func Decode(name string, data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return decodeUTF8(name, data, 3)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(name, data, false)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(name, data, true)
	}
	if utf8.Valid(data) {
		return decodeUTF8(name, data, 0)
	}
	if s, ok := decodeGB18030(data); ok {
		return s, nil
	}
	off := invalidUTF8(data, 0)
	if c := controlChar(data, 0); c >= 0 && c < off {
		return "", binaryError(name, data, c)
	}
	return "", &Error{File: name, Line: lineAt(data, off), Offset: off,
		Msg: fmt.Sprintf("invalid byte 0x%02X: the file is neither UTF-8, UTF-16 with a byte order mark, nor GB18030/GBK text", data[off])}
}

func decodeUTF8(name string, data []byte, start int) (string, error) {
	if off := invalidUTF8(data, start); off >= 0 {
		return "", &Error{File: name, Line: lineAt(data, off), Offset: off,
			Msg: fmt.Sprintf("invalid UTF-8 byte 0x%02X", data[off])}
	}
	if off := controlChar(data, start); off >= 0 {
		return "", binaryError(name, data, off)
	}
	return string(data[start:]), nil
}

func binaryError(name string, data []byte, off int) *Error {
	r, _ := utf8.DecodeRune(data[off:])
	msg := controlMsg(r)
	if r == 0 {
		msg = "NUL byte: binary data, or UTF-16 without a byte order mark, not text"
	}
	return &Error{File: name, Line: lineAt(data, off), Offset: off, Msg: msg}
}

// controlMsg explains a control character badControl refuses.
func controlMsg(r rune) string {
	switch {
	case r >= 0x80:
		return fmt.Sprintf("control character U+%04X: not text (binary data, or text damaged by a wrong conversion)", r)
	}
	return fmt.Sprintf("control character U+%04X: binary data, not text", r)
}

// invalidUTF8 returns the offset of the first byte at or after start that is
// not part of a valid UTF-8 sequence, or -1.
func invalidUTF8(data []byte, start int) int {
	for i := start; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// controlChar returns the offset of the first control character that has no
// place in text, or -1.
func controlChar(data []byte, start int) int {
	for i := start; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if badControl(r) {
			return i
		}
		i += n
	}
	return -1
}

// badControl reports a control character that is not white space: C0
// controls but tab, line feed, vertical tab, form feed and carriage
// return; DEL; C1 controls but NEL (U+0085).
func badControl(r rune) bool {
	return unicode.IsControl(r) && !unicode.IsSpace(r)
}

func lineAt(data []byte, off int) int {
	if off > len(data) {
		off = len(data)
	}
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

func decodeUTF16(name string, data []byte, bigEndian bool) (string, error) {
	body := data[2:]
	if len(body)%2 != 0 {
		off := len(data) - 1
		return "", &Error{File: name, Line: 0, Offset: off, Msg: "UTF-16 text with an odd number of bytes"}
	}
	units := make([]uint16, len(body)/2)
	for i := range units {
		a, b := uint16(body[2*i]), uint16(body[2*i+1])
		if bigEndian {
			units[i] = a<<8 | b
		} else {
			units[i] = b<<8 | a
		}
	}
	var sb strings.Builder
	line := 1
	for i := 0; i < len(units); i++ {
		u := units[i]
		off := 2 + 2*i
		var r rune
		switch {
		case utf16.IsSurrogate(rune(u)):
			if u < 0xDC00 && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] < 0xE000 {
				r = utf16.DecodeRune(rune(u), rune(units[i+1]))
				i++
			} else {
				return "", &Error{File: name, Line: line, Offset: off, Msg: fmt.Sprintf("unpaired UTF-16 surrogate 0x%04X", u)}
			}
		default:
			r = rune(u)
		}
		if badControl(r) {
			return "", &Error{File: name, Line: line, Offset: off, Msg: controlMsg(r)}
		}
		if r == '\n' {
			line++
		}
		sb.WriteRune(r)
	}
	return sb.String(), nil
}

// decodeGB18030 decodes data as GB18030 and reports whether the result is
// believable Chinese text: no decoding errors, no control characters, and
// most non-ASCII characters CJK.
func decodeGB18030(data []byte) (string, bool) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) {
		return "", false
	}
	s := string(out)
	var cjk, other int
	for _, r := range s {
		switch {
		case r == utf8.RuneError || badControl(r):
			return "", false
		case r < 0x80:
		case isCJK(r):
			cjk++
		default:
			other++
		}
	}
	return s, cjk > 0 && cjk >= 4*other
}

// isCJK reports whether r is a Han, kana or Hangul character or CJK
// punctuation, the characters between which no space is set.
func isCJK(r rune) bool {
	switch {
	case r < 0x2000:
		return false
	case r >= 0x3000 && r <= 0x303F, // CJK symbols and punctuation
		r >= 0xFF00 && r <= 0xFFEF, // full-width forms
		r >= 0xFE30 && r <= 0xFE4F, // CJK compatibility forms
		r == '“', r == '”', r == '‘', r == '’', r == '—', r == '…':
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}
