package manuscript

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/banmian/banmian/layout"
)

func TestMarkdownFrontMatter(t *testing.T) {
	as, ws, err := Parse("testdata/park.md", readFixture(t, "park.md"), Options{})
	require.NoError(t, err)
	require.Len(t, as, 1)
	a := as[0]
	want := &Article{
		Article: layout.Article{
			ID:       "guancheng-park",
			Source:   "testdata/park.md:4",
			Kicker:   "春季植树造林",
			Headline: "管城区新建四个综合性公园",
			Subtitle: "全年完成生态绿化450万平方米",
			Dateline: "本报讯",
			Byline:   "记者 柴琳琳 通讯员 姜璞",
			Body: []layout.Paragraph{
				{Text: "近日，管城区召开生态建设推进会，部署全年绿化工作。", Line: 14},
				{Text: "四河两库一渠", Crosshead: true, Line: 17},
				{Text: "管城区围绕“四河两库一渠”沿岸和南部路网，重点实施潮湖、苏庄八郎寨整片区绿化工程。Green belts are planned along the airport expressway.", Line: 19},
				{Text: "会议要求，各责任单位要倒排工期、挂图作战。", Line: 26},
			},
			Priority: 3,
			Section:  "要闻",
			Jump:     "管城区新建综合性公园",
		},
		Images: []Image{{Path: "images/chaohu.jpg", Caption: "潮湖湿地生态公园效果图", Line: 24}},
	}
	assert.Equal(t, want, a)
	assert.Equal(t, []Warning{
		{File: "testdata/park.md", Line: 24, Kind: KindUnsupported, Msg: `image "潮湖湿地生态公园效果图" (images/chaohu.jpg) is not placed yet`},
		{File: "testdata/park.md", Line: 26, Kind: KindMarkup, Msg: "emphasis markers removed: bold and italic are not set yet"},
	}, ws)
	assert.Equal(t, []*layout.Article{&a.Article}, Articles(as))
}

func TestMarkdownNoFrontMatter(t *testing.T) {
	as, ws, err := ParseMarkdown("testdata/renfang.md", readFixture(t, "renfang.md"), Options{})
	require.NoError(t, err)
	require.Len(t, as, 1)
	assert.Equal(t, layout.Article{
		ID:       "renfang",
		Source:   "testdata/renfang.md:1",
		Headline: "郑州市人防“五进”工作经验交流会召开",
		Dateline: "据新华社郑州3月11日电",
		Byline:   "记者 柴琳琳 通讯员 刘博闻",
		Body: []layout.Paragraph{
			{Text: "内蒙古自治区人防办一行到管城区考察人防“五进”宣传教育工作。", Line: 3},
			{Text: "考察组参观了四十五中学人防宣传教育教室。", Line: 5},
		},
	}, as[0].Article)
	require.Len(t, ws, 1)
	assert.Equal(t, `testdata/renfang.md:5: link to https://example.com/45: only its text "四十五中学" is kept`, ws[0].String())
}

func TestMarkdownInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"要**倒排工期**、挂图作战。", "要倒排工期、挂图作战。"},
		{"*强调*和_强调_", "强调和_强调_"},
		{"This is *em* and __strong__.", "This is em and strong."},
		{"snake_case_name and 3 * 4 = 12", "snake_case_name and 3 * 4 = 12"},
		{`\*不是强调\*`, "*不是强调*"},
		{"代码`a*b`不变", "代码a*b不变"},
		{"见[链接**粗**](http://x)文", "见链接粗文"},
		{"图![说明](a.jpg)后", "图后"},
		{"[没有地址] 和 [x](", "[没有地址] 和 [x]("},
	}
	for _, tt := range tests {
		m := &mdParser{w: &warnings{}, a: &Article{}}
		got, _ := m.inline(tt.in, 1)
		assert.Equal(t, tt.want, got, tt.in)
	}
}

func TestMarkdownErrors(t *testing.T) {
	tests := []struct {
		name, in, msg string
	}{
		{"unknown key", string(readFixture(t, "bad-key.md")),
			`x.md:3: unknown front matter key "author" (known keys: byline, dateline, id, jump, kicker, priority, section, subtitle, title)`},
		{"unclosed", "---\ntitle: 标题\n\n正文。\n", "x.md:1: front matter opened by --- is not closed by a --- line"},
		{"duplicate key", "---\ntitle: 标题\nid: a\ntitle: 又一个\n---\n正文。", `x.md:4: front matter key "title" given twice (first at line 2)`},
		{"priority", "---\npriority: 高\n---\n正文。", `x.md:2: front matter key "priority": want an integer, have "高"`},
		{"jump true", "---\ntitle: 标题\njump: true\n---\n正文。", `x.md:3: jump: give the short headline for the continued part (转版), not true`},
		{"jump no", "---\njump: false\n---\n正文。", `x.md:2: jump: give the short headline for the continued part (转版), not false`},
		{"jump list", "---\njump: [a, b]\n---\n正文。", `x.md:2: front matter key "jump": want text, have a list`},
		{"control escape", "---\ntitle: \"标\\a题\"\n---\n正文。", `x.md:2: front matter key "title" has control character U+0007: not text (remove it)`},
		{"control escape in byline", "---\nbyline:\n  - 记者 张三\n  - \"通讯员\\x1b李四\"\n---\n正文。", `x.md:4: front matter key "byline" has control character U+001B: not text (remove it)`},
		{"title mapping", "---\ntitle:\n  a: b\n---\n正文。", `x.md:3: front matter key "title": want text, have a mapping`},
		{"id with space", "---\nid: a b\n---\n正文。", `x.md:2: front matter id "a b": want a non-empty name without spaces`},
		{"not a mapping", "---\n- a\n- b\n---\n正文。", `x.md:2: front matter must be "key: value" lines`},
		{"yaml syntax", "---\ntitle: 标题\nbyline: [记者\n---\n正文。", ""},
		{"two headlines", "---\ntitle: 标题\n---\n# 又一个标题\n\n正文。", "x.md:4: headline given twice: front matter title (line 2) and # heading"},
		{"second article", "# 标题\n\n正文。\n\n# 另一篇\n", "x.md:5: a # headline after the article began: one Markdown file holds one article"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ParseMarkdown("x.md", []byte(tt.in), Options{})
			var e *Error
			require.True(t, errors.As(err, &e), "%v", err)
			assert.Equal(t, "x.md", e.File)
			assert.Greater(t, e.Line, 0)
			if tt.msg != "" {
				assert.Equal(t, tt.msg, err.Error())
			}
		})
	}
}

func TestMarkdownStructure(t *testing.T) {
	in := "---\nbyline: 记者 张三\ndateline: 新华社北京4月8日电\n---\n\n正文第一段，\n接着写。\n\n---\n\n### 小标题\n\n第二段。\n\n记者 李四\n"
	as, ws, err := ParseMarkdown("x.md", []byte(in), Options{FixPunct: true})
	require.NoError(t, err)
	a := as[0]
	assert.Equal(t, "记者 张三", a.Byline)
	assert.Equal(t, "新华社北京4月8日电", a.Dateline)
	assert.Equal(t, []layout.Paragraph{
		{Text: "正文第一段，接着写。", Line: 6},
		{Text: "小标题", Crosshead: true, Line: 11},
		{Text: "第二段。", Line: 13},
		{Text: "记者 李四", Line: 15}, // the front matter gave the byline
	}, a.Body)
	require.Len(t, ws, 1)
	assert.Equal(t, KindStructure, ws[0].Kind) // no headline
}

func TestMarkdownDatelineAlone(t *testing.T) {
	as, _, err := ParseMarkdown("x.md", []byte("# 标题\n\n本报讯\n\n正文。\n\n记者 张三\n"), Options{})
	require.NoError(t, err)
	assert.Equal(t, "本报讯", as[0].Dateline)
	assert.Equal(t, "记者 张三", as[0].Byline)
	assert.Equal(t, []layout.Paragraph{{Text: "正文。", Line: 5}}, as[0].Body)
}

// TestYAMLError: YAML syntax errors name the line of the file, in a
// front matter and in a plan.
func TestYAMLError(t *testing.T) {
	_, _, err := ParseMarkdown("x.md", []byte("---\ntitle: 标题\nid: a\nsection: 要: 闻\n---\n正文。"), Options{})
	assert.EqualError(t, err, "x.md:4: front matter: mapping values are not allowed in this context")
	_, err = ParsePlan("plan.yaml", []byte("name: 管城报\nformat: A3\ndate: 2018: 3\n"))
	assert.EqualError(t, err, "plan.yaml:3: YAML: mapping values are not allowed in this context")

	assert.EqualError(t, yamlError("f", 4, "front matter", errors.New("yaml: line 2: bad")), "f:6: front matter: bad")
	assert.EqualError(t, yamlError("f", 0, "YAML", errors.New("yaml: no line")), "f: YAML: no line")
}
