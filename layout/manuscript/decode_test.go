package manuscript

import (
	"errors"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func utf16Bytes(s string, bigEndian bool) []byte {
	out := []byte{0xFF, 0xFE}
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestDecode(t *testing.T) {
	const text = "本报讯 管城区召开会议。\n记者 张三 𠀋\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("本报讯 管城区召开会议。\n记者 张三\n")
	require.NoError(t, err)
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"UTF-8", []byte(text), text},
		{"UTF-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, text...), text},
		{"UTF-16LE", utf16Bytes(text, false), text},
		{"UTF-16BE", utf16Bytes(text, true), text},
		{"GBK", []byte(gbk), "本报讯 管城区召开会议。\n记者 张三\n"},
		{"empty", nil, ""},
		{"tabs and form feed", []byte("a\tb\fc\r\n"), "a\tb\fc\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode("f.txt", tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name   string
		in     []byte
		line   int
		offset int
		msg    string
	}{
		{"invalid byte", []byte("本报讯\n管城区\xFF召开会议"), 2, 19, "f.txt:2: invalid byte 0xFF: the file is neither UTF-8, UTF-16 with a byte order mark, nor GB18030/GBK text (byte offset 19)"},
		{"Latin-1", []byte("caf\xE9 au lait"), 1, 3, ""},
		{"NUL", []byte("本报讯\x00\x00"), 1, 9, "f.txt:1: NUL byte: binary data, or UTF-16 without a byte order mark, not text (byte offset 9)"},
		{"control", []byte("ab\ncd\x1Bef"), 2, 5, ""},
		{"binary garbage", []byte{0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0xC3, 0x28, 0xA0, 0xA1}, 1, 0, "f.txt:1: control character U+007F: binary data, not text (byte offset 0)"},
		{"broken UTF-8 after BOM", []byte("\xEF\xBB\xBFab\xC3"), 1, 5, ""},
		{"odd UTF-16", []byte{0xFF, 0xFE, 0x41, 0x00, 0x42}, 0, 4, ""},
		{"lone surrogate", []byte{0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00}, 1, 4, ""},
		{"GB18030 truncated", []byte("\xB1\xBE\xB1\xA8\xD1"), 1, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode("f.txt", tt.in)
			var e *Error
			require.True(t, errors.As(err, &e), "%v", err)
			assert.Equal(t, "f.txt", e.File)
			assert.Equal(t, tt.line, e.Line)
			assert.Equal(t, tt.offset, e.Offset)
			if tt.msg != "" {
				assert.Equal(t, tt.msg, err.Error())
			}
		})
	}
}

func TestParseBadInput(t *testing.T) {
	tests := []struct {
		name, file string
		in         []byte
		msg        string
	}{
		{"empty plain", "a.txt", nil, "a.txt: empty file: no text to set"},
		{"blank plain", "a.txt", []byte("\n \u3000\n\t"), "a.txt: empty file: no text to set"},
		{"BOM only", "a.md", []byte{0xEF, 0xBB, 0xBF}, "a.md: empty file: no text to set"},
		{"empty NITF", "a.xml", nil, "a.xml: empty file: no text to set"},
		{"undecodable", "a.txt", []byte("标题\n\n正文\x80\x80\xFF"), "a.txt:3: invalid byte 0x80: the file is neither UTF-8, UTF-16 with a byte order mark, nor GB18030/GBK text (byte offset 14)"},
		{"binary markdown", "a.md", []byte("\x89PNG\r\n\x1a\n\x00\x00"), ""},
		{"binary NITF", "a.nitf", []byte("\x1f\x8b\x08\x00garbage"), ""},
		{"binary, no extension", "a", []byte("\x00\x01\x02\x03"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, ws, err := Parse(tt.file, tt.in, Options{})
			var e *Error
			require.True(t, errors.As(err, &e), "%v", err)
			assert.Nil(t, as)
			assert.Nil(t, ws)
			assert.Equal(t, tt.file, e.File)
			if tt.msg != "" {
				assert.Equal(t, tt.msg, err.Error())
			}
		})
	}
}

// TestDecodeC1: C1 control characters (U+0080–U+009F, but NEL) are not
// text, in UTF-8, UTF-16 and GB18030 alike.
func TestDecodeC1(t *testing.T) {
	_, err := Decode("f.txt", []byte("本报讯\n正文\u0093引号\u0094"))
	var e *Error
	require.True(t, errors.As(err, &e), "%v", err)
	assert.Equal(t, "f.txt:2: control character U+0093: not text (binary data, or text damaged by a wrong conversion) (byte offset 16)", err.Error())

	_, err = Decode("f.txt", []byte{0xFF, 0xFE, 0x2C, 0x67, 0x0A, 0x00, 0x81, 0x00})
	assert.EqualError(t, err, "f.txt:2: control character U+0081: not text (binary data, or text damaged by a wrong conversion) (byte offset 6)")

	s, err := Decode("f.txt", []byte("正文\u0085正文"))
	require.NoError(t, err, "NEL is a line break")
	assert.Equal(t, "正文\u0085正文", s)
}
