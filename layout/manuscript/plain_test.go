package manuscript

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return data
}

func kinds(ws []Warning, kind string) []Warning {
	var out []Warning
	for _, w := range ws {
		if w.Kind == kind {
			out = append(out, w)
		}
	}
	return out
}

func TestSeed(t *testing.T) {
	const name = "testdata/guancheng.txt"
	as, ws, err := Parse(name, readFixture(t, "guancheng.txt"), Options{})
	require.NoError(t, err)
	require.Len(t, as, 5)

	want := []struct {
		id, source, headline, subtitle, byline string
		paragraphs                             int
	}{
		{"guancheng-1", name + ":3", "团省委调研指导管城回族区共青团工作", "点赞“青年之家”工作做出管城特色", "记者 柴琳琳 通讯员 王歌", 4},
		{"guancheng-2", name + ":17", "河南省民政厅赞扬管城回族区社区建设工作", "社区服务理念 and 水平又上新台阶", "记者 柴琳琳 通讯员 王春龙", 5},
		{"guancheng-3", name + ":34", "区领导调研管城回族区生态建设工作", "打造天蓝地绿水净、宜居宜业的美丽管城", "记者 柴琳琳 通讯员 姜璞 文/图", 5},
		{"guancheng-4", name + ":54", "管城回族区召开区委第二次理论学习中心组集中学习研讨会", "推进全面从严治党不断向纵深发展", "记者 柴琳琳 通讯员 姜璞", 3},
		{"guancheng-5", name + ":70", "内蒙古自治区人防办考察管城区人防工作", "", "记者 柴琳琳 通讯员 刘博闻", 5},
	}
	for i, w := range want {
		a := as[i]
		assert.Equal(t, w.id, a.ID)
		assert.Equal(t, w.source, a.Source)
		assert.Empty(t, a.Kicker, w.id)
		assert.Equal(t, w.headline, a.Headline)
		assert.Equal(t, w.subtitle, a.Subtitle)
		assert.Equal(t, "本报讯", a.Dateline, w.id)
		assert.Equal(t, w.byline, a.Byline)
		assert.Len(t, a.Body, w.paragraphs, w.id)
		for _, p := range a.Body {
			assert.False(t, p.Crosshead, w.id)
			assert.True(t, complete(p.Text), "%s:%d ends %q", w.id, p.Line, excerpt(p.Text, 5, true))
		}
	}

	// The dateline is cut from the first paragraph with its space.
	assert.Equal(t, "3月14日下午,团省委书记王艺一行调研指导管城区“青年之家”建设及基层团建工作。管城区委副书记张艳敏、区委组织部常务副部长巴丽霞等陪同调研。", as[0].Body[0].Text)
	assert.Equal(t, 5, as[0].Body[0].Line)

	// Broken paragraphs are joined.
	p := as[0].Body[1]
	assert.Equal(t, 7, p.Line)
	assert.True(t, strings.HasSuffix(p.Text, "了解团干部直接联系青年、“青年之家”云平台建设、政府购买社会服务等工作进展情况。"), p.Text)
	assert.Contains(t, as[1].Body[3].Text, "形成了区级、街道级、社区级“三级”共筑服务平台,社区、社会组织、社工“三社”共筑服务内涵")
	assert.Equal(t, "调研中,王东亮一行先后到十八里河、泰禾金尊府项目、十七里河综合治理景观绿化项目、南水北调生态文化公园示范段实地查看。就做好全区生态建设工作,王东亮强调,全区各级各部门要站在讲政治、顾大局、谋长远的高度,进一步增强加快生态建设的责任感、紧迫感和使命感,精心组织实施,全力抓好落实,迅速掀起生态建设热潮。", as[2].Body[2].Text)
	assert.Contains(t, as[2].Body[3].Text, "尽快完成方案设计、项目招标等工作,千方百计加快施工进度")
	assert.Contains(t, as[3].Body[1].Text, "各级领导干部要深刻领会、准确把握,")
	assert.Contains(t, as[3].Body[2].Text, "逐级压实责任,层层传导压力,推进全面从严治党")

	// Content is not "repaired".
	assert.Contains(t, as[0].Body[3].Text, "团区委将以此此次调研为契机")

	// One repair warning per join, at the line where the break is.
	var lines []int
	for _, w := range kinds(ws, KindRepair) {
		lines = append(lines, w.Line)
		assert.Equal(t, name, w.File)
	}
	assert.Equal(t, []int{7, 25, 40, 46, 58, 62}, lines)
	assert.Equal(t, `testdata/guancheng.txt:7: paragraph broken by blank lines joined with line 9: "…、政府购买社会服" + "务等工作进展情况…"`,
		kinds(ws, KindRepair)[0].String())

	// Half-width commas: one warning per paragraph, none converted.
	punct := kinds(ws, KindPunct)
	assert.Len(t, punct, 22)
	assert.Equal(t, `testdata/guancheng.txt:5: paragraph has 1 half-width punctuation mark between CJK characters, e.g. "日下午,团省委"`, punct[0].String())
	assert.Len(t, ws, len(punct)+6, "only repair and punct warnings: %v", ws)
}

func TestSeedGBK(t *testing.T) {
	utf, _, err := Parse("testdata/guancheng.txt", readFixture(t, "guancheng.txt"), Options{})
	require.NoError(t, err)
	gbk := readFixture(t, "guancheng-gbk.txt")
	require.False(t, strings.Contains(string(gbk), "团省委"), "fixture must be GBK")

	same, _, err := Parse("testdata/guancheng.txt", gbk, Options{})
	require.NoError(t, err)
	assert.Equal(t, utf, same)

	named, _, err := Parse("testdata/guancheng-gbk.txt", gbk, Options{})
	require.NoError(t, err)
	require.Len(t, named, 5)
	assert.Equal(t, "guancheng-gbk-1", named[0].ID)
	assert.Equal(t, utf[4].Body, named[4].Body)
}

func TestSeedFixPunct(t *testing.T) {
	plain, _, err := Parse("guancheng.txt", readFixture(t, "guancheng.txt"), Options{})
	require.NoError(t, err)
	fixed, ws, err := Parse("guancheng.txt", readFixture(t, "guancheng.txt"), Options{FixPunct: true})
	require.NoError(t, err)
	assert.Equal(t, "3月14日下午，团省委书记王艺一行调研指导管城区“青年之家”建设及基层团建工作。管城区委副书记张艳敏、区委组织部常务副部长巴丽霞等陪同调研。", fixed[0].Body[0].Text)
	for i, a := range fixed {
		for j, p := range a.Body {
			assert.NotContains(t, p.Text, ",")
			want := strings.NewReplacer(",", "，", ";", "；").Replace(plain[i].Body[j].Text)
			assert.Equal(t, want, p.Text)
		}
	}
	punct := kinds(ws, KindPunct)
	require.Len(t, punct, 22)
	assert.Contains(t, punct[0].Msg, "converted to full width")
}

func TestPlainRules(t *testing.T) {
	type para struct {
		text      string
		crosshead bool
	}
	type art struct {
		kicker, headline, subtitle, dateline, byline string
		body                                         []para
	}
	tests := []struct {
		name     string
		in       string
		want     []art
		warnings []string // "line kind"
	}{
		{
			name: "two-line headline, dateline with credit, two articles without blank lines",
			in:   "管城区召开生态建设推进会\n——全年完成绿化450万平方米\n本报讯（记者 张三） 近日，管城区召开会议。\n会议强调，要抓好落实。\n记者 张三\n第二篇稿件的标题\n新华社北京4月8日电 记者王芳报道：会议召开。\n",
			want: []art{
				{headline: "管城区召开生态建设推进会", subtitle: "全年完成绿化450万平方米", dateline: "本报讯（记者 张三）", byline: "记者 张三",
					body: []para{{text: "近日，管城区召开会议。"}, {text: "会议强调，要抓好落实。"}}},
				{headline: "第二篇稿件的标题", dateline: "新华社北京4月8日电", body: []para{{text: "记者王芳报道：会议召开。"}}},
			},
		},
		{
			name: "kicker, headline, subtitle",
			in:   "春季植树造林正当时\n管城区新建四个综合性公园\n全年完成绿化450万平方米\n\n本报讯 近日，管城区召开会议。\n\n本报记者 李四摄",
			want: []art{{kicker: "春季植树造林正当时", headline: "管城区新建四个综合性公园", subtitle: "全年完成绿化450万平方米", dateline: "本报讯", byline: "本报记者 李四摄",
				body: []para{{text: "近日，管城区召开会议。"}}}},
		},
		{
			name: "short parts are not split",
			in:   "稳增长 促改革 调结构\n\n本报讯 会议召开。\n\n记者 张三",
			want: []art{{headline: "稳增长 促改革 调结构", dateline: "本报讯", byline: "记者 张三", body: []para{{text: "会议召开。"}}}},
		},
		{
			name: "byline under the headline, hard-wrapped paragraph joined silently",
			in:   "管城区新建四个综合性公园\n\n本报记者 张三\n\n近日，管城区召开生态建设推进会，\n部署全年绿化工作。\n今年计划投资12.3亿元。\n",
			want: []art{{headline: "管城区新建四个综合性公园", byline: "本报记者 张三",
				body: []para{{text: "近日，管城区召开生态建设推进会，部署全年绿化工作。"}, {text: "今年计划投资12.3亿元。"}}}},
		},
		{
			name: "indented line starts a paragraph",
			in:   "标题在这里很长\n\n　　本报讯 近日，管城区召开会议\n　　会议强调，要抓好落实。\n",
			want: []art{{headline: "标题在这里很长", dateline: "本报讯",
				body: []para{{text: "近日，管城区召开会议"}, {text: "会议强调，要抓好落实。"}}}},
			warnings: []string{"3 check"},
		},
		{
			name: "article without byline ends at a headline followed by a dateline",
			in:   "第一篇稿件的标题\n\n本报讯 第一篇正文。\n\n第二篇稿件的标题\n\n本报讯 第二篇正文，\n\n接着写。\n\n记者 张三",
			want: []art{
				{headline: "第一篇稿件的标题", dateline: "本报讯", body: []para{{text: "第一篇正文。"}}},
				{headline: "第二篇稿件的标题", dateline: "本报讯", byline: "记者 张三", body: []para{{text: "第二篇正文，接着写。"}}},
			},
			warnings: []string{"5 structure", "7 repair"},
		},
		{
			name: "stray text before the first headline",
			in:   "这是一段没有标题的文字，它应当成为一篇稿件。\n\n正文继续。\n\n记者 张三\n\n第二篇稿件的标题\n\n本报讯 正文。\n\n记者 李四",
			want: []art{
				{byline: "记者 张三", body: []para{{text: "这是一段没有标题的文字，它应当成为一篇稿件。"}, {text: "正文继续。"}}},
				{headline: "第二篇稿件的标题", dateline: "本报讯", byline: "记者 李四", body: []para{{text: "正文。"}}},
			},
			warnings: []string{"1 structure"},
		},
		{
			name: "crosshead between paragraphs",
			in:   "管城区新建四个综合性公园\n\n本报讯 近日，管城区召开会议。\n\n一、加强组织领导\n\n会议要求，各单位要加强领导。\n\n记者 张三",
			want: []art{{headline: "管城区新建四个综合性公园", dateline: "本报讯", byline: "记者 张三",
				body: []para{{text: "近日，管城区召开会议。"}, {text: "一、加强组织领导", crosshead: true}, {text: "会议要求，各单位要加强领导。"}}}},
			warnings: []string{"5 crosshead"},
		},
		{
			name: "dateline alone on its line, CRLF",
			in:   "管城区新建四个综合性公园\r\n\r\n本报郑州3月14日电\r\n\r\n近日，管城区召开会议。\r\n\r\n记者 张三\r\n",
			want: []art{{headline: "管城区新建四个综合性公园", dateline: "本报郑州3月14日电", byline: "记者 张三",
				body: []para{{text: "近日，管城区召开会议。"}}}},
		},
		{
			name: "据了解电力 is no dateline; unterminated last paragraph",
			in:   "管城区电力保障工作会议\n\n据了解电力公司已完成检修。\n\n今年将新建变电站\n\n记者 张三",
			want: []art{{headline: "管城区电力保障工作会议", byline: "记者 张三",
				body: []para{{text: "据了解电力公司已完成检修。"}, {text: "今年将新建变电站"}}}},
			warnings: []string{"5 check"},
		},
		{
			name:     "Latin words joined with a space",
			in:       "A headline in English\n\nThe council met on\n\nMonday.\n\n记者 张三",
			want:     []art{{headline: "A headline in English", byline: "记者 张三", body: []para{{text: "The council met on Monday."}}}},
			warnings: []string{"3 repair"},
		},
		{
			name:     "headline only",
			in:       "只有一个标题",
			want:     []art{{headline: "只有一个标题"}},
			warnings: []string{"1 structure"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, ws, err := ParsePlain("t.txt", []byte(tt.in), Options{})
			require.NoError(t, err)
			var got []art
			for _, a := range as {
				g := art{kicker: a.Kicker, headline: a.Headline, subtitle: a.Subtitle, dateline: a.Dateline, byline: a.Byline}
				for _, p := range a.Body {
					g.body = append(g.body, para{p.Text, p.Crosshead})
				}
				got = append(got, g)
			}
			assert.Equal(t, tt.want, got)
			var gw []string
			for _, w := range ws {
				gw = append(gw, strconv.Itoa(w.Line)+" "+w.Kind)
			}
			assert.Equal(t, tt.warnings, gw, "%v", ws)
		})
	}
}

func TestSplitHeadline(t *testing.T) {
	tests := []struct{ in, h, s string }{
		{"团省委调研指导管城回族区共青团工作 点赞“青年之家”工作做出管城特色", "团省委调研指导管城回族区共青团工作", "点赞“青年之家”工作做出管城特色"},
		{"河南省民政厅赞扬管城回族区社区建设工作 社区服务理念 and 水平又上新台阶", "河南省民政厅赞扬管城回族区社区建设工作", "社区服务理念 and 水平又上新台阶"},
		{"内蒙古自治区人防办考察管城区人防工作", "内蒙古自治区人防办考察管城区人防工作", ""},
		{"管城区召开生态建设推进会 ——全年完成绿化任务", "管城区召开生态建设推进会", "全年完成绿化任务"},
		{"管城区召开会议  　部署全年绿化工作", "管城区召开会议", "部署全年绿化工作"},
		{"2018 年管城区生态建设", "2018 年管城区生态建设", ""},
		{"稳增长 促改革 调结构", "稳增长 促改革 调结构", ""},
		{"Green city plan 管城区生态建设", "Green city plan 管城区生态建设", ""},
	}
	for _, tt := range tests {
		h, s := splitHeadline(tt.in)
		assert.Equal(t, tt.h, h, tt.in)
		assert.Equal(t, tt.s, s, tt.in)
	}
}

func TestIsByline(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"记者 柴琳琳 通讯员 王歌", true},
		{"记者 柴琳琳", true},
		{"通讯员 王春龙", true},
		{"记者 柴琳琳 通讯员 姜璞 文/图", true},
		{"文/图 本报记者 张三", true},
		{"本报记者 李四摄", true},
		{"（记者 张三 通讯员 李四）", true},
		{"记者王芳、王传宝", true},
		{"记者 John Smith", true},
		{"实习生 欧阳小明", true},
		{"文化强区建设", false},
		{"图书馆开馆", false},
		{"记者了解到，该项目总投资12亿元。", false},
		{"内蒙古自治区人防办考察管城区人防工作", false},
		{"本报讯 3月14日下午", false},
		{"张三 李四", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, isByline(tt.in), tt.in)
	}
}

func TestSplitDateline(t *testing.T) {
	tests := []struct{ in, dateline, rest string }{
		{"本报讯  3月14日下午,团省委", "本报讯", "3月14日下午,团省委"},
		{"本报讯（记者 张三 通讯员 李四）近日，", "本报讯（记者 张三 通讯员 李四）", "近日，"},
		{"本报拉巴特10月28日电 记者王芳报道：", "本报拉巴特10月28日电", "记者王芳报道："},
		{"新华社北京4月8日电 会议召开。", "新华社北京4月8日电", "会议召开。"},
		{"据新华社北京4月8日电 会议召开。", "据新华社北京4月8日电", "会议召开。"},
		{"新华社北京4月8日电会议召开。", "新华社北京4月8日电", "会议召开。"},
		{"据人民日报电 会议召开。", "据人民日报电", "会议召开。"},
		{"中新社北京4月8日电 会议召开。", "中新社北京4月8日电", "会议召开。"},
		{"据了解电力公司", "", "据了解电力公司"},
		{"新华社记者日前电话采访", "", "新华社记者日前电话采访"},
		{"据悉，电力公司", "", "据悉，电力公司"},
		{"本报记者 张三", "", "本报记者 张三"},
	}
	for _, tt := range tests {
		d, rest, ok := splitDateline(tt.in)
		assert.Equal(t, tt.dateline, d, tt.in)
		assert.Equal(t, tt.rest, rest, tt.in)
		assert.Equal(t, tt.dateline != "", ok, tt.in)
	}
}

func TestCheckPunct(t *testing.T) {
	tests := []struct {
		in, fixed string
		n         int
	}{
		{"下午,团省委", "下午，团省委", 1},
		{"作用”,结合", "作用”，结合", 1},
		{"什么?我不知道!真的;是:吗", "什么？我不知道！真的；是：吗", 4},
		{"下午, 团省委", "下午，团省委", 1},
		{"12,000元", "12,000元", 0},
		{"Hello, world", "Hello, world", 0},
		{"投资12.3亿元", "投资12.3亿元", 0},
		{"结束,", "结束,", 0},
	}
	for _, tt := range tests {
		got, n, _ := checkPunct(tt.in, true)
		assert.Equal(t, tt.fixed, got, tt.in)
		assert.Equal(t, tt.n, n, tt.in)
		kept, _, _ := checkPunct(tt.in, false)
		assert.Equal(t, tt.in, kept)
	}
}
