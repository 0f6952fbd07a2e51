package manuscript

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, data string
		want       Format
	}{
		{"a.txt", "---\n", Plain},
		{"a.text", "<nitf/>", Plain},
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

func TestNormSpace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"正文", "正文"},
		{"a\tb", "a b"},
		{"正\t文", "正 文"},
		{"a \t \u00a0 b", "a b"},
		{"a\u2003\u202fb", "a b"},
		{"  a  b  ", "a b"},
		{"中\n文", "中文"},
		{"中 \n 文", "中文"},
		{"word\nword", "word word"},
		{"word \n\t word", "word word"},
		{"中\nword", "中word"},
		{"a\r\nb\u2028c\u0085d\fe\vf", "a b c d e f"},
		{"中\u3000文", "中\u3000文"},
		{"\u3000\u3000正文。\u3000", "正文。"},
		{"\t\n", ""},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, normSpace(tt.in), "%q", tt.in)
	}
}

// TestInnerWhiteSpace: no parser hands a tab, a line break or a run of
// spaces inside a text to the font layer.
func TestInnerWhiteSpace(t *testing.T) {
	tests := []struct {
		name, file, in string
	}{
		{"plain", "a.txt", "管城区\t新建公园\n\n本报讯\t近日，管城区\t召开  推进会。\u00a0Green\tbelts\u2003are  planned。\n\n记者\t张三\n"},
		{"markdown", "a.md", "---\ntitle: \"管城区\\t新建公园\"\nbyline: \"记者\\t张三\"\n---\n\n本报讯\t近日，管城区\t召开  推进会。\u00a0Green\tbelts\u2003are  planned。\n"},
		{"NITF", "a.xml", "<nitf><body><body.head><hedline><hl1>管城区\t新建公园</hl1></hedline><byline>记者\t张三</byline></body.head>\n" +
			"<body.content><p>本报讯\t近日，管城区\t召开  推进会。\u00a0Green\tbelts\u2003are  planned。</p></body.content></body></nitf>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, _, err := Parse(tt.file, []byte(tt.in), Options{})
			require.NoError(t, err)
			require.Len(t, as, 1)
			a := as[0]
			assert.Equal(t, "管城区 新建公园", a.Headline)
			assert.Equal(t, "本报讯", a.Dateline)
			assert.Equal(t, "记者 张三", a.Byline)
			require.Len(t, a.Body, 1)
			assert.Equal(t, "近日，管城区 召开 推进会。 Green belts are planned。", a.Body[0].Text)
		})
	}

	// Line breaks inside a field: NITF <br/>, YAML block text.
	as, _, err := Parse("a.xml", []byte("<nitf><body><body.head><hedline><hl1>管城区<br/>新建公园</hl1></hedline></body.head>\n"+
		"<body.content><p>Green<br/>belts 和<br/>公园。</p></body.content></body></nitf>"), Options{})
	require.NoError(t, err)
	assert.Equal(t, "管城区新建公园", as[0].Headline)
	assert.Equal(t, "Green belts 和公园。", as[0].Body[0].Text)
	as, _, err = Parse("a.md", []byte("---\ntitle: |\n  管城区\n  新建公园\nsubtitle: >-\n  Green\n  belts\n---\n\n正文。\n"), Options{})
	require.NoError(t, err)
	assert.Equal(t, "管城区新建公园", as[0].Headline)
	assert.Equal(t, "Green belts", as[0].Subtitle)
}

// TestControlCharacters: a control character that is not white space never
// reaches an article, in the file or as an escape of the markup.
func TestControlCharacters(t *testing.T) {
	tests := []struct{ name, file, in, msg string }{
		{"plain C0", "a.txt", "标题\n\n本报讯 正\a文。\n", "a.txt:3: control character U+0007: binary data, not text (byte offset 21)"},
		{"plain C1", "a.txt", "标题\n\n本报讯 正\u0081文。\n", "a.txt:3: control character U+0081: not text (binary data, or text damaged by a wrong conversion) (byte offset 21)"},
		{"markdown body", "a.md", "# 标题\n\n正\u009b文。\n", "a.md:3: control character U+009B: not text (binary data, or text damaged by a wrong conversion) (byte offset 13)"},
		{"YAML escape", "a.md", "---\ntitle: 标题\nsubtitle: \"副\\x07题\"\n---\n\n正文。\n", `a.md:3: front matter key "subtitle" has control character U+0007: not text (remove it)`},
		{"XML reference", "a.xml", "<nitf><body>\n<body.content><p>正文&#x85;&#x80;。</p></body.content></body></nitf>", "a.xml:2: paragraph has control character U+0080: not text (remove it)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, _, err := Parse(tt.file, []byte(tt.in), Options{})
			assertInputError(t, err)
			assert.Nil(t, as)
			assert.EqualError(t, err, tt.msg)
		})
	}
}
