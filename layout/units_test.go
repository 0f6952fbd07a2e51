package layout

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
	}{
		{"小五", 9}, {"五号", 10.5}, {"五", 10.5}, {"初号", 42}, {"小初", 36}, {"一号", 26},
		{"小二号", 18}, {"六号", 7.5}, {"八号", 5}, {" 小四 ", 12},
		{"9pt", 9}, {"9", 9}, {"10.5 pt", 10.5}, {"25.4mm", 72}, {"1in", 72}, {"2cm", 720 / 12.7}, {"20q", 5 * 72 / 25.4},
	} {
		got, err := ParseSize(tc.in)
		require.NoError(t, err, tc.in)
		assert.InDelta(t, tc.want, got, 1e-9, tc.in)
	}
	for _, bad := range []string{"", "大五", "pt", "-3pt", "0", "2em", "abc"} {
		_, err := ParseSize(bad)
		assert.Error(t, err, bad)
	}
}

func TestParseLength(t *testing.T) {
	for _, tc := range []struct {
		in   string
		em   float64
		want float64
	}{
		{"12mm", 0, 12 * 72 / 25.4}, {"9pt", 0, 9}, {"2em", 9, 18}, {"1字", 9, 9}, {"13个字", 9, 117},
		{"1.5chars", 10, 15}, {"1char", 9, 9}, {"小五", 0, 9}, {"0", 0, 0},
	} {
		got, err := ParseLength(tc.in, tc.em)
		require.NoError(t, err, tc.in)
		assert.InDelta(t, tc.want, got, 1e-9, tc.in)
	}
	for _, bad := range []string{"2em", "mm", "-1mm", "3 furlongs"} {
		_, err := ParseLength(bad, 0)
		assert.Error(t, err, bad)
	}
}

func TestSizeName(t *testing.T) {
	assert.Equal(t, "小五", SizeName(9))
	assert.Equal(t, "初号", SizeName(42))
	assert.Equal(t, "", SizeName(9.5))
}

func TestChineseNumber(t *testing.T) {
	for n, want := range map[int]string{1: "一", 2: "二", 10: "十", 12: "十二", 20: "二十", 21: "二十一",
		100: "一百", 105: "一百零五", 110: "一百一十", 1001: "一千零一", 2024: "二千零二十四"} {
		assert.Equal(t, want, ChineseNumber(n), n)
	}
}

func TestFormats(t *testing.T) {
	for _, f := range []Format{Broadsheet(), Tabloid(), A3()} {
		require.NoError(t, f.Validate(), f.Name)
		g := f.Grid()
		// The type area holds whole lines and whole columns.
		assert.InDelta(t, f.TypeArea.H, float64(g.Lines)*g.Pitch-(g.Pitch-g.Size), 1e-6, f.Name)
		assert.InDelta(t, f.TypeArea.Right(), g.ColumnX(g.Columns-1)+g.ColumnW, 1e-6, f.Name)
		assert.InDelta(t, 9.0, g.Gutter, 1e-9)
		assert.InDelta(t, 11.25, g.Pitch, 1e-9)
	}
	b := Broadsheet().Grid()
	assert.Equal(t, 8, b.Columns)
	assert.InDelta(t, 13*9.0, b.ColumnW, 1e-9)
	assert.InDelta(t, 352, b.Area.W/mm, 1) // 111 characters of 9 pt
	assert.Equal(t, 123, b.Lines)
	tb := Tabloid().Grid()
	assert.Equal(t, 6, tb.Columns)
	assert.InDelta(t, 11*9.0, tb.ColumnW, 1e-9)

	// A type area given by margins snaps its height to whole lines.
	f := Tabloid()
	f.TypeArea = Rect{X: 20 * mm, Y: 20 * mm, W: f.PaperW - 40*mm, H: 100}
	g := f.Grid()
	assert.Equal(t, 9, g.Lines) // 9 × 11.25 − 2.25 = 99 ≤ 100
	n, ok := g.LineOf(g.Baseline(4), 0.01)
	assert.True(t, ok)
	assert.Equal(t, 4, n)
	_, ok = g.LineOf(g.Baseline(4)+2, 0.01)
	assert.False(t, ok)

	bad := Tabloid()
	bad.Pitch = 8
	assert.ErrorContains(t, bad.Validate(), "pitch")
	bad = Tabloid()
	bad.Columns = 40
	assert.ErrorContains(t, bad.Validate(), "one")
	bad = Tabloid()
	bad.TypeArea.X = -5
	assert.ErrorContains(t, bad.Validate(), "paper")
}

func TestParseFrame(t *testing.T) {
	for in, want := range map[string]Frame{"": NoFrame, "正线": ThinFrame, "thick": ThickFrame, "反线": ThickFrame, "Z": ThinFrame} {
		got, err := ParseFrame(in)
		require.NoError(t, err)
		assert.Equal(t, want, got, in)
	}
	_, err := ParseFrame("花边")
	assert.Error(t, err)
}

func TestHeadlineBreaks(t *testing.T) {
	r := func(s string) []rune { return []rune(s) }
	// A space and punctuation are phrase boundaries; the most even first.
	b := phraseBreaks(r("团省委调研 管城回族区工作"))
	require.NotEmpty(t, b)
	assert.Equal(t, 6, b[0]) // after the space
	b = phraseBreaks(r("管城区：打造天蓝地绿水净的美丽管城"))
	require.NotEmpty(t, b)
	assert.Equal(t, 4, b[0]) // after the colon
	// Opening marks start the second line.
	b = phraseBreaks(r("点赞“青年之家”工作做出管城特色"))
	assert.Contains(t, b, 2)
	// Never a lone character.
	assert.Empty(t, phraseBreaks(r("好 团结奋进的新时代")))
	// No boundary: the balanced halves, never before a closing mark or
	// inside a number.
	b = balancedBreaks(r("区领导调研管城生态建设工作"))
	require.NotEmpty(t, b)
	assert.Equal(t, 5, b[0], "after the verb 调研")
	b = balancedBreaks(r("管城回族区召开区委第二次理论学习中心组集中学习研讨会"))
	require.NotEmpty(t, b)
	assert.Equal(t, 12, b[0], "the most even break that splits no common word: not 理|论")
	b = balancedBreaks(r("春眠不觉晓处处闻啼鸟"))
	assert.Equal(t, 5, b[0], "no cue: the balanced halves")
	for _, i := range balancedBreaks(r("全年计划投资12.3亿元，围绕四河")) {
		s := r("全年计划投资12.3亿元，围绕四河")
		assert.False(t, s[i] == '，', "before a comma")
		assert.False(t, s[i-1] < 0x80 && s[i] < 0x80, "inside 12.3")
	}
}
