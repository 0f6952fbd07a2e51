package manuscript

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, data string
		want       Format
	}{
		{"a.txt", "---\n", Plain},
		{"a.TXT", "<nitf/>", Plain},
		{"a.md", "正文", Markdown},
		{"a.markdown", "", Markdown},
		{"a.xml", "", NITF},
		{"a.nitf", "", NITF},
		{"a", "\n <?xml version='1.0'?><nitf/>", NITF},
		{"a.doc", "<nitf/>", NITF},
		{"a", "---\ntitle: 标题\n---\n", Markdown},
		{"a", "标题\n\n本报讯 正文。", Plain},
		{"", "", Plain},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, DetectFormat(tt.name, []byte(tt.data)), tt.name)
	}
}

func TestMessages(t *testing.T) {
	assert.Equal(t, "a.txt:3: msg", Warning{File: "a.txt", Line: 3, Msg: "msg"}.String())
	assert.Equal(t, "a.txt: msg", Warning{File: "a.txt", Msg: "msg"}.String())
	assert.Equal(t, "a.txt:3: msg (byte offset 0)", (&Error{File: "a.txt", Line: 3, Offset: 0, Msg: "msg"}).Error())
	assert.Equal(t, "-: msg", (&Error{Offset: -1, Msg: "msg"}).Error())
}

func TestBaseID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"testdata/guancheng.txt", "guancheng"},
		{"a b.md", "a-b"},
		{"", "article"},
		{"dir/.txt", "article"},
		{"x.nitf.xml", "x.nitf"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, baseID(tt.in), tt.in)
	}
}

func TestDamagedText(t *testing.T) {
	_, ws, err := ParsePlain("a.txt", []byte("标题\n\n本报讯 正文\uFFFD\uFFFD。"), Options{})
	assert.NoError(t, err)
	assert.Equal(t, []Warning{{File: "a.txt", Line: 3, Kind: KindCheck, Msg: "2 replacement characters (U+FFFD): text was damaged by an earlier conversion"}}, ws)
}
