package check_test

import (
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
