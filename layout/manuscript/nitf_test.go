package manuscript

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/banmian/banmian/layout"
)

func TestNITF(t *testing.T) {
	as, ws, err := Parse("testdata/renfang.xml", readFixture(t, "renfang.xml"), Options{})
	require.NoError(t, err)
	require.Len(t, as, 1)
	assert.Equal(t, &Article{
		Article: layout.Article{
			ID:       "renfang-0311",
			Source:   "testdata/renfang.xml:12",
			Headline: "内蒙古自治区人防办考察管城区人防工作",
			Subtitle: "两地人防部门加强交流",
			Dateline: "本报讯",
			Byline:   "记者 柴琳琳 通讯员 刘博闻",
			Body: []layout.Paragraph{
				{Text: "3月11日，内蒙古自治区人防办一行5人到管城区四十五中学调研考察人防“五进”宣传教育工作。", Line: 19},
				{Text: "“心防”教育", Crosshead: true, Line: 21},
				{Text: "考察组参观了四十五中人防宣传教育教室&心理疏导室。", Line: 22},
				{Text: "下一步，将加强交流沟通，相互促进。", Line: 28},
				{Text: "（完）", Line: 32},
			},
		},
		Images: []Image{{Path: "photos/xinfang.jpg", Caption: "考察组参观心理疏导室", Line: 23}},
	}, as[0])
	assert.Equal(t, []Warning{
		{File: "testdata/renfang.xml", Line: 4, Kind: KindUnsupported,
			Msg: `<title> "管城区人防工作" is not set: the headline is the <hl1> at line 12`},
		{File: "testdata/renfang.xml", Line: 23, Kind: KindUnsupported,
			Msg: `image "考察组参观心理疏导室" (photos/xinfang.jpg) is not placed yet`},
	}, ws)
}

// TestNITFTitle: <title> is the headline when there is no <hl1>; beside a
// different <hl1> it is reported, never dropped silently.
func TestNITFTitle(t *testing.T) {
	doc := func(head, hedline string) []byte {
		return []byte("<nitf><head>" + head + "</head>\n<body><body.head><hedline>" + hedline +
			"</hedline></body.head>\n<body.content><p>正文。</p></body.content></body></nitf>")
	}
	tests := []struct {
		name, head, hedline, headline string
		warn                          []string
	}{
		{"title only", "<title>标题</title>", "", "标题", nil},
		{"the same", "<title>主题</title>", "<hl1>主题</hl1>", "主题", nil},
		{"different", "\n<title>网页标题</title>", "<hl1>主题</hl1>", "主题",
			[]string{`x.xml:2: <title> "网页标题" is not set: the headline is the <hl1> at line 3`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, ws, err := ParseNITF("x.xml", doc(tt.head, tt.hedline), Options{})
			require.NoError(t, err)
			assert.Equal(t, tt.headline, as[0].Headline)
			var got []string
			for _, w := range ws {
				got = append(got, w.String())
			}
			assert.Equal(t, tt.warn, got)
		})
	}
}

func TestNITFDeclaredEncoding(t *testing.T) {
	as, ws, err := ParseNITF("testdata/renfang-gb2312.xml", readFixture(t, "renfang-gb2312.xml"), Options{})
	require.NoError(t, err)
	require.Len(t, as, 1)
	assert.Empty(t, ws)
	assert.Equal(t, layout.Article{
		ID:       "renfang-gb2312",
		Source:   "testdata/renfang-gb2312.xml:5",
		Headline: "管城区人防办开展“五进”宣传",
		Dateline: "本报讯",
		Byline:   "记者 柴琳琳",
		Body:     []layout.Paragraph{{Text: "3月11日，管城区人防办开展宣传教育。", Line: 8}},
	}, as[0].Article)
}

func TestNITFStructure(t *testing.T) {
	in := `<nitf><head><title>标题来自head</title><docdata><doc-id id-string="a b"/></docdata></head>
<body><body.head><hedline><hl2>引题在前</hl2><hl1>主题</hl1><hl2>副题</hl2></hedline>
<distributor>新华社</distributor><abstract><p>提要文字</p></abstract></body.head>
<body.content>游离文字<p>第一段<br/>接着</p>
<table><tr><td>甲</td><td>乙</td></tr></table>
<ul><li>一条</li></ul></body.content></body></nitf>`
	as, ws, err := ParseNITF("dir/x.nitf", []byte(in), Options{})
	require.NoError(t, err)
	a := as[0]
	assert.Equal(t, "x", a.ID)
	assert.Equal(t, "引题在前", a.Kicker)
	assert.Equal(t, "主题", a.Headline)
	assert.Equal(t, "副题", a.Subtitle)
	assert.Equal(t, "提要文字", a.Abstract)
	assert.Equal(t, []layout.Paragraph{
		{Text: "游离文字", Line: 4},
		{Text: "第一段接着", Line: 4},
		{Text: "甲 乙", Line: 5},
		{Text: "一条", Line: 6},
	}, a.Body)
	var got []string
	for _, w := range ws {
		got = append(got, w.Kind)
	}
	assert.Equal(t, []string{KindCheck, KindUnsupported, KindUnsupported, KindUnsupported, KindCheck, KindUnsupported}, got, "%v", ws)
}

func TestNITFErrors(t *testing.T) {
	tests := []struct{ name, in, msg string }{
		{"not NITF", "<?xml version=\"1.0\"?>\n<html><body/></html>", "x.xml:2: root element is <html>, not <nitf>: not an NITF document"},
		{"syntax", "<nitf>\n<body>\n<p>未闭合</body></nitf>", "x.xml:3: XML: element <p> closed by </body>"},
		{"no element", "  文字  ", "x.xml: no <nitf> element: not an NITF document"},
		{"unknown encoding", "<?xml version=\"1.0\" encoding=\"x-nonsense\"?><nitf/>", `x.xml:1: unknown encoding "x-nonsense" in the XML declaration`},
		{"wrong encoding", "<?xml version=\"1.0\" encoding=\"GB2312\"?><nitf>\n\xFF\xFF</nitf>", "x.xml:2: text is not valid GB2312, the encoding its XML declaration names"},
		{"C1 control", "<nitf>\n<body><body.content>\n<p>正\u0081文</p></body.content></body></nitf>",
			"x.xml:3: control character U+0081: not text (binary data, or text damaged by a wrong conversion) (byte offset 34)"},
		{"C1 control reference", "<nitf>\n<body><body.content>\n<p>正文&#x81;</p></body.content></body></nitf>",
			"x.xml:3: paragraph has control character U+0081: not text (remove it)"},
		{"C1 control reference in the headline", "<nitf><body><body.head><hedline>\n<hl1>主&#x9B;题</hl1></hedline></body.head></body></nitf>",
			"x.xml:2: headline has control character U+009B: not text (remove it)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ParseNITF("x.xml", []byte(tt.in), Options{})
			var e *Error
			require.True(t, errors.As(err, &e), "%v", err)
			assert.Equal(t, tt.msg, err.Error())
		})
	}
}
