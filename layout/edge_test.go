package layout_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/banmian/banmian/fonts"
	"github.com/banmian/banmian/layout"
)

// stampText is the stamp runs of a page joined in display order.
func stampText(pg layout.Page) (string, []layout.GlyphRun) {
	var b strings.Builder
	var runs []layout.GlyphRun
	for _, g := range pg.Glyphs {
		if g.Kind == layout.KindStamp {
			b.WriteString(g.Text)
			runs = append(runs, g)
		}
	}
	return b.String(), runs
}

// TestNarrowColumnStamp: in columns of five characters, （下转第二版） does
// not fit one line. It is set whole on two lines of the grid, flush right,
// and so is （上接第一版）; nothing is dropped.
func TestNarrowColumnStamp(t *testing.T) {
	f := layout.NewFormat("窄栏", 273*mm, 390*mm, 12, 5, 1, 9, 11.25, 88)
	a := seedArticles(t)[2]
	for lines := 20; lines <= 30; lines++ {
		ed := &layout.Edition{Format: f, Articles: []*layout.Article{a}, Pages: []layout.PagePlan{
			{Blocks: []layout.Block{{Article: a.ID, Span: 1, Lines: lines}}},
			{Blocks: []layout.Block{{Article: a.ID, Part: 1, Span: 12}}},
		}}
		pages, _ := run(t, ed, layout.Options{})
		require.Len(t, pages, 2)
		g := pages[0].Grid
		down, runs := stampText(pages[0])
		require.Equal(t, "（下转第二版）", down, "lines %d", lines)
		ys := map[float64]bool{}
		for _, r := range runs {
			ys[r.Y] = true
			line, ok := g.LineOf(r.Y, 0.01)
			require.True(t, ok, "on the grid")
			assert.Less(t, line, lines, "inside the block")
			// Flush right: the run's last glyph ends at the column's edge
			// (its closing bracket's blank may be trimmed).
			n := len([]rune(r.Text))
			last := []rune(r.Text)[n-1]
			right := r.X + r.Offsets[n-1] + r.Font.Face.Advance(last)*r.Size
			assert.InDelta(t, g.ColumnX(0)+g.ColumnW, right, r.Size/2+0.01, "flush right: %q", r.Text)
		}
		assert.GreaterOrEqual(t, len(ys), 2, "two lines")
		up, _ := stampText(pages[1])
		assert.Equal(t, "（上接第一版）", up)
	}
}

// TestHeader: the 报眉's folio, name and date are each drawn whole, apart;
// a name too long to stand between them is an error naming it.
func TestHeader(t *testing.T) {
	ed := jumpEdition(t)
	pages, _ := run(t, ed, layout.Options{})
	var pieces []layout.GlyphRun
	for _, g := range pages[1].Glyphs {
		if g.Kind == layout.KindFurniture {
			pieces = append(pieces, g)
		}
	}
	var text strings.Builder
	for i, p := range pieces {
		text.WriteString(p.Text)
		if i > 0 {
			prev := pieces[i-1]
			end := prev.X + prev.Offsets[len(prev.Offsets)-1] + prev.Size
			assert.Less(t, end, p.X+p.Offsets[0], "%q and %q overlap", prev.Text, p.Text)
		}
	}
	assert.Equal(t, "第二版　综合"+ed.Name+ed.Date, text.String())

	// A name that would overlap the date, and one wider than the page.
	name := "中共郑州市管城回族区委员会机关报暨管城回族区人民政府新闻信息发布平台"
	for _, n := range []string{name + "主办出版发行的日报周末特刊", name + name} {
		ed.Name = n
		err := layoutErr(t, ed)
		var pe *layout.PlanError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, 2, pe.Page)
		assert.Contains(t, pe.Reason, n)
		assert.Contains(t, pe.Reason, "报眉")
	}
}

// TestMissingGlyphWhere: a character no face has is reported with where
// it is: the article and the paragraph (1-based) or the element, or the
// page of the 报眉.
func TestMissingGlyphWhere(t *testing.T) {
	const x = "\U00020000"
	for _, tc := range []struct {
		where string
		para  int
		edit  func(ed *layout.Edition, a *layout.Article)
	}{
		{"headline", 0, func(_ *layout.Edition, a *layout.Article) { a.Headline += x }},
		{"kicker", 0, func(_ *layout.Edition, a *layout.Article) { a.Kicker = "全面融入" + x }},
		{"subtitle", 0, func(_ *layout.Edition, a *layout.Article) { a.Subtitle += x }},
		{"dateline", 0, func(_ *layout.Edition, a *layout.Article) { a.Dateline += x }},
		{"byline", 0, func(_ *layout.Edition, a *layout.Article) { a.Byline += x }},
		{"byline", 0, func(ed *layout.Edition, a *layout.Article) {
			ed.Style.Byline = layout.BylineAfterDateline
			a.Byline += x
		}},
		{"jump headline", 0, func(_ *layout.Edition, a *layout.Article) { a.Jump = "区领导调研" + x }},
		{"", 3, func(_ *layout.Edition, a *layout.Article) { a.Body[2].Text += x }},
		{"crosshead", 3, func(_ *layout.Edition, a *layout.Article) {
			a.Body = append(a.Body[:2:2], append([]layout.Paragraph{{Text: "打造生态廊道" + x, Crosshead: true}}, a.Body[2:]...)...)
		}},
	} {
		a := seedArticles(t)[2]
		ed := &layout.Edition{Format: layout.Tabloid(), Style: layout.DefaultStyle(), Articles: []*layout.Article{a}, Pages: []layout.PagePlan{
			{Blocks: []layout.Block{{Article: a.ID, Span: 2, Lines: 30}}},
			{Blocks: []layout.Block{{Article: a.ID, Part: 1, Span: 6}}},
		}}
		tc.edit(ed, a)
		err := layoutErr(t, ed)
		var mg *fonts.MissingGlyphError
		require.ErrorAs(t, err, &mg, tc.where)
		assert.Equal(t, rune(0x20000), mg.Rune)
		assert.Equal(t, "a3", mg.Article, tc.where)
		assert.Equal(t, tc.para, mg.Paragraph, tc.where)
		assert.Equal(t, tc.where, mg.Where)
		assert.Contains(t, err.Error(), `article "a3"`)
	}

	ed := jumpEdition(t)
	ed.Name = "管城报" + x
	err := layoutErr(t, ed)
	var mg *fonts.MissingGlyphError
	require.ErrorAs(t, err, &mg)
	assert.Equal(t, "报眉 of page 2", mg.Where)
	assert.Empty(t, mg.Article)
	assert.Contains(t, err.Error(), "报眉 of page 2")
}

// long is an article of n copies of the seed articles' paragraphs.
func long(t *testing.T, id string, n int) *layout.Article {
	a := &layout.Article{ID: id, Headline: "管城区全面推进生态建设", Dateline: "本报讯"}
	for range n {
		for _, s := range seedArticles(t) {
			a.Body = append(a.Body, s.Body...)
		}
	}
	return a
}

// TestAutoSpanGoesOnInTheNextGroup: in automatic flow three columns wide
// on a six-column page, an article longer than its first three columns
// goes on at the top of columns 3–5 of the same page, as a newspaper runs
// a story on, with no stamp and no jump headline. Only from the page's
// last group does it turn to the next page, with stamps.
func TestAutoSpanGoesOnInTheNextGroup(t *testing.T) {
	a := long(t, "long", 1)
	ed := &layout.Edition{Format: layout.Tabloid(), Articles: []*layout.Article{a}, AutoSpan: 3}
	pages, _ := run(t, ed, layout.Options{})
	require.Len(t, pages, 1)
	require.Len(t, pages[0].Blocks, 2)
	assert.Equal(t, []int{0, 3}, []int{pages[0].Blocks[0].Column, pages[0].Blocks[1].Column})
	assert.Equal(t, 88, pages[0].Blocks[0].Lines, "the first group full")
	assert.Equal(t, 0, pages[0].Blocks[1].Line)
	assert.Empty(t, stamps(pages))
	for _, g := range pages[0].Glyphs {
		assert.NotEqual(t, layout.KindJumpHead, g.Kind)
	}

	// Longer: both groups of page 1, then page 2.
	ed.Articles = []*layout.Article{long(t, "long", 2)}
	pages, _ = run(t, ed, layout.Options{})
	require.Len(t, pages, 2)
	require.Len(t, pages[0].Blocks, 2)
	assert.Equal(t, map[int][]string{1: {"（下转第二版）"}, 2: {"（上接第一版）"}}, stamps(pages))
}

// TestBlankHeadline: a headline, kicker or subtitle of white space only is
// no headline: the block starts with its text.
func TestBlankHeadline(t *testing.T) {
	a := seedArticles(t)[0]
	a.Headline, a.Kicker, a.Subtitle = "  ", "　", "\t"
	for _, ed := range []*layout.Edition{
		{Format: layout.Tabloid(), Articles: []*layout.Article{a}},
		{Format: layout.Tabloid(), Articles: []*layout.Article{a}, Pages: []layout.PagePlan{{Blocks: []layout.Block{{Article: a.ID, Span: 3, Lines: 40}}}}},
	} {
		pages, warns := run(t, ed, layout.Options{})
		for _, w := range warns {
			assert.NotContains(t, w.Message, "0 lines")
		}
		b := pages[0].Blocks[0]
		assert.Positive(t, b.Lines)
		for _, g := range pages[0].Glyphs {
			assert.NotContains(t, []layout.Kind{layout.KindHeadline, layout.KindKicker, layout.KindSubtitle}, g.Kind, g.Text)
			assert.NotEqual(t, "——", g.Text, "a subtitle's dash")
		}
		// The text starts on the block's first line.
		top := pages[0].Grid.LineTop(b.Line)
		first := pages[0].Glyphs[0]
		assert.Equal(t, layout.KindDateline, first.Kind)
		assert.InDelta(t, top, first.Y-0.88*first.Size, pages[0].Grid.Pitch, "the text starts the block")
	}
}

// A two-line headline with no space or punctuation breaks after its
// reporting verb, even one ladder step smaller, rather than inside a place
// name at the larger size.
func TestHeadlineBreaksAfterTheVerb(t *testing.T) {
	set, err := fonts.Default()
	require.NoError(t, err)
	a := &layout.Article{ID: "a", Headline: "团省委调研指导管城回族区共青团工作", Dateline: "本报讯",
		Body: []layout.Paragraph{{Text: "3月14日下午，团省委书记王艺一行调研指导管城区“青年之家”建设及基层团建工作。"}}}
	ed := &layout.Edition{Format: layout.A3(), Articles: []*layout.Article{a},
		Pages: []layout.PagePlan{{Blocks: []layout.Block{{Article: "a", Column: 0, Span: 3, Line: 0, Lines: 30}}}}}
	pages, err := layout.Layout(ed, set, layout.Options{})
	require.NoError(t, err)
	lines := map[float64]string{}
	var ys []float64
	for _, g := range pages[0].Glyphs {
		if g.Kind == layout.KindHeadline {
			if _, ok := lines[g.Y]; !ok {
				ys = append(ys, g.Y)
			}
			lines[g.Y] += g.Text
		}
	}
	require.Len(t, ys, 2)
	assert.Equal(t, "团省委调研指导", lines[ys[0]])
	assert.Equal(t, "管城回族区共青团工作", lines[ys[1]])
}
