package check_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/banmian/banmian/fonts"
	"github.com/banmian/banmian/internal/check"
	"github.com/banmian/banmian/layout"
)

func TestParseStamp(t *testing.T) {
	for s, want := range map[string]struct {
		down bool
		n    int
	}{
		"（下转第二版）": {true, 2}, "（上接第一版）": {false, 1}, "（下转第12版）": {true, 12},
		"（上接第二十一版）": {false, 21}, "（下转第十版）": {true, 10}, "（下转第一百零五版）": {true, 105},
	} {
		down, n, err := check.ParseStamp(s)
		require.NoError(t, err, s)
		assert.Equal(t, want.down, down, s)
		assert.Equal(t, want.n, n, s)
	}
	for _, bad := range []string{"（下转A2版）", "下一版", ""} {
		_, _, err := check.ParseStamp(bad)
		assert.Error(t, err, bad)
	}
}

// page lays out a small edition for the checks to find fault with.
func page(t *testing.T) ([]layout.Page, []*layout.Article) {
	set, err := fonts.Default()
	require.NoError(t, err)
	arts := []*layout.Article{
		{ID: "x", Headline: "测试版面检查", Dateline: "本报讯", Body: []layout.Paragraph{{Text: "第一段正文，检查每个字都在版面上，而且只出现一次。"}, {Text: "第二段正文。"}}, Byline: "记者 张三"},
		{ID: "y", Headline: "另一篇稿件", Body: []layout.Paragraph{{Text: "正文在这里。"}}},
	}
	ed := &layout.Edition{Format: layout.Tabloid(), Articles: arts}
	pages, err := layout.Layout(ed, set, layout.Options{})
	require.NoError(t, err)
	require.NoError(t, check.All(pages, arts))
	return pages, arts
}

func TestCatches(t *testing.T) {
	pages, arts := page(t)
	body := -1
	for i, g := range pages[0].Glyphs {
		if g.Kind == layout.KindBody && body < 0 {
			body = i
		}
	}

	p := clone(pages)
	p[0].Glyphs = append(p[0].Glyphs, p[0].Glyphs[body])
	assert.ErrorContains(t, check.Text(p, arts), "body")

	p = clone(pages)
	p[0].Glyphs = append(p[0].Glyphs[:body], p[0].Glyphs[body+1:]...)
	assert.ErrorContains(t, check.Text(p, arts), "body")

	p = clone(pages)
	p[0].Glyphs[body].Y += 3
	assert.ErrorContains(t, check.Baselines(p), "off the grid")

	p = clone(pages)
	p[0].Glyphs[body].X = p[0].TypeArea.Right() - 5
	assert.ErrorContains(t, check.InTypeArea(p), "outside the type area")

	p = clone(pages)
	p[0].Blocks[1].Rect.Y = p[0].Blocks[0].Rect.Y + 5
	assert.ErrorContains(t, check.Blocks(p), "overlap")
}

func clone(pages []layout.Page) []layout.Page {
	out := make([]layout.Page, len(pages))
	for i, p := range pages {
		p.Glyphs = append([]layout.GlyphRun(nil), p.Glyphs...)
		p.Blocks = append([]layout.Placed(nil), p.Blocks...)
		out[i] = p
	}
	return out
}

func TestKinsokuCatches(t *testing.T) {
	pages, _ := page(t)
	body := -1
	for i, g := range pages[0].Glyphs {
		if g.Kind == layout.KindBody {
			body = i
			break
		}
	}
	require.GreaterOrEqual(t, body, 0)
	require.NoError(t, check.Kinsoku(pages))

	for _, tc := range []struct{ text, want string }{
		{"，正文", "starts with '，'"},
		{",正文", "starts with ','"},
		{"正文“", "ends with '“'"},
		{"正文（", "ends with '（'"},
	} {
		p := clone(pages)
		g := p[0].Glyphs[body]
		g.Text = tc.text
		g.Offsets = make([]float64, len([]rune(tc.text)))
		p[0].Glyphs = []layout.GlyphRun{g}
		assert.ErrorContains(t, check.Kinsoku(p), tc.want, tc.text)
	}
}

// jumped lays out an article that starts on page 1 in two columns and
// goes on to page 2 in three, balanced there.
func jumped(t *testing.T) ([]layout.Page, []*layout.Article) {
	set, err := fonts.Default()
	require.NoError(t, err)
	a := &layout.Article{ID: "x", Headline: "测试转版检查", Dateline: "本报讯"}
	for i := 0; i < 14; i++ {
		a.Body = append(a.Body, layout.Paragraph{Text: strings.Repeat("会议传达学习了文件精神，区领导围绕典型案例作了发言。", 2)})
	}
	arts := []*layout.Article{a}
	ed := &layout.Edition{Format: layout.Tabloid(), Articles: arts, Pages: []layout.PagePlan{
		{Blocks: []layout.Block{{Article: "x", Span: 2, Lines: 20}}},
		{Blocks: []layout.Block{{Article: "x", Part: 1, Span: 3}}},
	}}
	pages, err := layout.Layout(ed, set, layout.Options{})
	require.NoError(t, err)
	require.Len(t, pages, 2)
	require.NoError(t, check.All(pages, arts))
	return pages, arts
}

// stampRuns are the indexes of a page's stamp runs.
func stampRuns(pg layout.Page) []int {
	var out []int
	for i, g := range pg.Glyphs {
		if g.Kind == layout.KindStamp {
			out = append(out, i)
		}
	}
	return out
}

func TestStampsCatches(t *testing.T) {
	pages, _ := jumped(t)
	down, up := stampRuns(pages[0]), stampRuns(pages[1])
	require.Len(t, down, 1)
	require.Len(t, up, 1)
	require.Equal(t, "（下转第二版）", pages[0].Glyphs[down[0]].Text)

	// The wrong page.
	p := clone(pages)
	p[0].Glyphs[down[0]].Text = "（下转第三版）"
	assert.ErrorContains(t, check.Stamps(p), "下转 stamps name pages [3], want [2]")

	// No 上接 where the text goes on.
	p = clone(pages)
	p[1].Glyphs = append(p[1].Glyphs[:up[0]], p[1].Glyphs[up[0]+1:]...)
	assert.ErrorContains(t, check.Stamps(p), "上接 stamps name pages [], want [1]")

	// No 下转 at the end of the first part.
	p = clone(pages)
	p[0].Glyphs = append(p[0].Glyphs[:down[0]], p[0].Glyphs[down[0]+1:]...)
	assert.ErrorContains(t, check.Stamps(p), "下转 stamps name pages [], want [2]")

	// Not a stamp.
	p = clone(pages)
	p[0].Glyphs[down[0]].Text = "（下转二版）"
	assert.ErrorContains(t, check.Stamps(p), "not a 转版 stamp")

	// A stamp set on two lines (a narrow column) is read whole.
	p = clone(pages)
	g := p[0].Glyphs[down[0]]
	first, second := g, g
	first.Text, first.Offsets = "（下转第", g.Offsets[:4]
	second.Text, second.Offsets, second.Y = "二版）", g.Offsets[4:], g.Y-pages[0].Grid.Pitch
	rest := slices.Clone(p[0].Glyphs[down[0]+1:])
	p[0].Glyphs = append(append(p[0].Glyphs[:down[0]], first, second), rest...)
	assert.NoError(t, check.Stamps(p))
	// Apart, the halves are not stamps.
	p[0].Glyphs = append(append(p[0].Glyphs[:down[0]], first, p[0].Glyphs[0], second), rest...)
	assert.ErrorContains(t, check.Stamps(p), "not a 转版 stamp")
}

func TestBalancedCatches(t *testing.T) {
	pages, _ := jumped(t)
	pg := pages[1]
	g := pg.Grid
	require.NoError(t, check.Balanced(pages))

	// The last line of each column of the continued part.
	bottom := map[int]float64{}
	for _, r := range pg.Glyphs {
		if r.Kind == layout.KindBody {
			c := int((r.X + r.Offsets[0] + 4 - g.Area.X) / (g.ColumnW + g.Gutter))
			bottom[c] = max(bottom[c], r.Y)
		}
	}
	require.Len(t, bottom, 3)

	// The first column two lines shorter than the second.
	p := clone(pages)
	var kept []layout.GlyphRun
	for _, r := range p[1].Glyphs {
		c := int((r.X + r.Offsets[0] + 4 - g.Area.X) / (g.ColumnW + g.Gutter))
		if c == 0 && r.Y > bottom[0]-1.5*g.Pitch && r.Kind == layout.KindBody {
			continue
		}
		kept = append(kept, r)
	}
	p[1].Glyphs = kept
	assert.ErrorContains(t, check.Balanced(p), "below the column before it")

	// The last column three lines short.
	p = clone(pages)
	kept = nil
	for _, r := range p[1].Glyphs {
		c := int((r.X + r.Offsets[0] + 4 - g.Area.X) / (g.ColumnW + g.Gutter))
		if c == 2 && r.Y > bottom[2]-2.5*g.Pitch && r.Kind == layout.KindBody {
			continue
		}
		kept = append(kept, r)
	}
	p[1].Glyphs = kept
	assert.ErrorContains(t, check.Balanced(p), "more than one line apart")
}
