package layout_test

import (
	"errors"
	"fmt"
	"github.com/banmian/banmian/internal/errs"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/banmian/banmian/fonts"
	"github.com/banmian/banmian/internal/check"
	"github.com/banmian/banmian/layout"
)

// onePage is an edition of the seed articles the given blocks place, in
// seed order, on a tabloid page (an article the plan leaves out is an
// error).
func onePage(t *testing.T, blocks ...layout.Block) *layout.Edition {
	var arts []*layout.Article
	for _, a := range seedArticles(t) {
		for _, b := range blocks {
			if b.Article == a.ID {
				arts = append(arts, a)
				break
			}
		}
	}
	return &layout.Edition{Format: layout.Tabloid(), Style: layout.DefaultStyle(), Articles: arts,
		Pages: []layout.PagePlan{{Blocks: blocks}}}
}

func layoutErr(t *testing.T, ed *layout.Edition) error {
	t.Helper()
	_, err := layout.Layout(ed, defaultFonts(t), layout.Options{})
	require.Error(t, err)
	return err
}

func TestOverflowWithoutContinuation(t *testing.T) {
	err := layoutErr(t, onePage(t, layout.Block{Article: "a3", Column: 0, Span: 2, Line: 0, Lines: 30}))
	var over *layout.OverflowError
	require.ErrorAs(t, err, &over)
	assert.Equal(t, "a3", over.Article)
	assert.Equal(t, 1, over.Page)
	assert.Greater(t, over.Lines, 10)
	assert.Contains(t, err.Error(), "a3")
	assert.Contains(t, err.Error(), "lines over")

	// Every article that overflows is named, in one run.
	err = layoutErr(t, onePage(t,
		layout.Block{Article: "a3", Column: 0, Span: 2, Line: 0, Lines: 30},
		layout.Block{Article: "a2", Column: 2, Span: 2, Line: 0, Lines: 20}))
	assert.Contains(t, err.Error(), "a3")
	assert.Contains(t, err.Error(), "a2")
}

func TestOverflowOneLine(t *testing.T) {
	// The block that just holds a3, and one line less.
	ed := &layout.Edition{Format: layout.Tabloid(), Articles: seedArticles(t)[2:3], AutoSpan: 2}
	pages, err := layout.Layout(ed, defaultFonts(t), layout.Options{})
	require.NoError(t, err)
	need := pages[0].Blocks[0].Lines
	ed.Pages = []layout.PagePlan{{Blocks: []layout.Block{{Article: "a3", Span: 2, Lines: need}}}}
	_, err = layout.Layout(ed, defaultFonts(t), layout.Options{})
	require.NoError(t, err)
	ed.Pages[0].Blocks[0].Lines = need - 1
	err = layoutErr(t, ed)
	var over *layout.OverflowError
	require.ErrorAs(t, err, &over)
	assert.Equal(t, 1, over.Lines)
}

func TestOversetMark(t *testing.T) {
	ed := onePage(t, layout.Block{Article: "a3", Column: 0, Span: 2, Line: 0, Lines: 30})
	var warns []layout.Warning
	pages, err := layout.Layout(ed, defaultFonts(t), layout.Options{Overset: true, Warn: func(w layout.Warning) { warns = append(warns, w) }})
	require.NoError(t, err)
	b := pages[0].Blocks[0]
	assert.Greater(t, b.Overset, 10)
	found := false
	for _, w := range warns {
		found = found || (w.Article == "a3" && strings.Contains(w.Message, "over"))
	}
	assert.True(t, found, "a warning names the overset article: %v", warns)
	// The mark: red, inside the block, with the number of lines.
	var mark bool
	for _, g := range pages[0].Glyphs {
		if g.Kind == layout.KindOverset {
			mark = true
			assert.Contains(t, g.Text, "行")
			assert.True(t, b.Rect.Contains(g.Bounds(), 2))
		}
	}
	assert.True(t, mark)
	var red bool
	for _, bx := range pages[0].Boxes {
		red = red || (bx.Fill != nil && bx.Fill.M == 1)
	}
	assert.True(t, red)
	// Text is not lost silently: the check sees it is missing.
	assert.Error(t, check.Text(pages, ed.Articles))
	require.NoError(t, errors.Join(check.InTypeArea(pages), check.Blocks(pages), check.Baselines(pages)))
}

func TestOutsideGrid(t *testing.T) {
	for _, b := range []layout.Block{
		{Article: "a1", Column: 5, Span: 2, Line: 0, Lines: 20},
		{Article: "a1", Column: -1, Span: 2, Line: 0, Lines: 20},
		{Article: "a1", Column: 0, Span: 2, Line: 80, Lines: 20},
		{Article: "a1", Column: 0, Span: 2, Line: 88, Lines: 1},
		{Article: "a1", Column: 0, Span: 2, Line: 0, Lines: 20, HeadSpan: 3},
		{Article: "a1", Column: 0, Span: 2, Line: 0, Lines: 20, HeadSpan: -1},
	} {
		err := layoutErr(t, onePage(t, b))
		var ge *layout.GridError
		require.ErrorAs(t, err, &ge, "%+v", b)
		assert.Equal(t, "a1", ge.Article)
		assert.Equal(t, 1, ge.Page)
		assert.Equal(t, layout.PlanRef{Page: 0, Block: 0}, ge.At)
	}
}

// TestFitError: a block inside the grid that cannot hold its article's
// headline is text that does not fit (*FitError), not a *GridError.
func TestFitError(t *testing.T) {
	ed := onePage(t,
		layout.Block{Article: "a2", Column: 0, Span: 6, Line: 0, Lines: 10},
		layout.Block{Article: "a1", Column: 0, Span: 6, Line: 10, Lines: 2})
	require.NoError(t, layout.CheckPlan(ed), "the plan itself is good")
	err := layoutErr(t, ed)
	var fe *layout.FitError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "a1", fe.Article)
	assert.Equal(t, 1, fe.Page)
	assert.Equal(t, layout.PlanRef{Page: 0, Block: 1}, fe.At)
	assert.Contains(t, fe.Reason, "headline")
	var ge *layout.GridError
	assert.False(t, errors.As(err, &ge), "not a grid error: %v", err)

	// Room for the headline and none for text, with a continuation: no
	// room either for the 转版 stamp.
	ed = &layout.Edition{Format: layout.Tabloid(), Articles: seedArticles(t)[2:3], Pages: []layout.PagePlan{
		{Blocks: []layout.Block{{Article: "a3", Span: 1, Line: 5, Lines: 9}}},
		{Blocks: []layout.Block{{Article: "a3", Part: 1, Span: 6}}},
	}}
	err = layoutErr(t, ed)
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, layout.PlanRef{Page: 0, Block: 0}, fe.At)
	assert.Contains(t, fe.Reason, "no room")
}

func TestOverlap(t *testing.T) {
	err := layoutErr(t, onePage(t,
		layout.Block{Article: "a1", Column: 0, Span: 3, Line: 0, Lines: 40},
		layout.Block{Article: "a2", Column: 2, Line: 39, Lines: 40}))
	var oe *layout.OverlapError
	require.ErrorAs(t, err, &oe)
	assert.Equal(t, layout.OverlapError{
		Page: 1, A: "a1", B: "a2",
		AtA: layout.PlanRef{Page: 0, Block: 0}, AtB: layout.PlanRef{Page: 0, Block: 1},
		BlockA: layout.Block{Article: "a1", Column: 0, Span: 3, Line: 0, Lines: 40},
		BlockB: layout.Block{Article: "a2", Column: 2, Span: 4, Line: 39, Lines: 40}, // the span filled in
	}, *oe)
	assert.EqualError(t, oe, "page 1: the blocks of articles a1 (columns 0–2, lines 0–39) and a2 (columns 2–5, lines 39–78) overlap")
	// Touching is not overlapping.
	_, err = layout.Layout(onePage(t,
		layout.Block{Article: "a1", Column: 0, Span: 3, Line: 0, Lines: 40},
		layout.Block{Article: "a2", Column: 3, Span: 3, Line: 0, Lines: 50}), defaultFonts(t), layout.Options{})
	require.NoError(t, err)

	// A block over several others is reported once, with the first: n
	// blocks on the same cells are n-1 errors, not n(n-1)/2.
	var blocks []layout.Block
	for i := range 50 {
		blocks = append(blocks, layout.Block{Article: "a1", Part: i, Span: 2, Lines: 10})
	}
	err = layout.CheckPlan(onePage(t, blocks...))
	var n int
	for _, e := range errs.Split(err) {
		if errors.As(e, &oe) {
			assert.Equal(t, layout.PlanRef{Page: 0, Block: 0}, oe.AtA)
			n++
		}
	}
	assert.Equal(t, 49, n)
}

func TestUnknownArticle(t *testing.T) {
	err := layoutErr(t, onePage(t, layout.Block{Article: "nope", Span: 2, Lines: 20}))
	var pe *layout.PlanError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "nope", pe.Article)
}

// threePages puts the lead on page 1 and its continuation on the page
// numbered cont, among pages 1–3.
func threePages(t *testing.T, order []int) *layout.Edition {
	arts := seedArticles(t)
	ed := &layout.Edition{Format: layout.Tabloid(), Style: layout.DefaultStyle(), Articles: arts}
	plans := map[int]layout.PagePlan{
		1: {Number: 1, Blocks: []layout.Block{{Article: "a3", Span: 4, Lines: 20}, {Article: "a1", Column: 4, Span: 2, Lines: 40}}},
		2: {Number: 2, Blocks: []layout.Block{{Article: "a2", Span: 3, Lines: 40}, {Article: "a5", Column: 3, Span: 3, Lines: 40}}},
		3: {Number: 3, Blocks: []layout.Block{{Article: "a3", Part: 1, Span: 2, Lines: 40}, {Article: "a4", Column: 2, Span: 3, Lines: 30}}},
	}
	for _, n := range order {
		ed.Pages = append(ed.Pages, plans[n])
	}
	return ed
}

// stamps are the stamp texts of the pages, by page number.
func stamps(pages []layout.Page) map[int][]string {
	out := map[int][]string{}
	for _, p := range pages {
		for _, g := range p.Glyphs {
			if g.Kind == layout.KindStamp {
				out[p.Number] = append(out[p.Number], g.Text)
			}
		}
	}
	return out
}

func TestStampsFollowPages(t *testing.T) {
	pages, _ := run(t, threePages(t, []int{1, 2, 3}), layout.Options{})
	assert.Equal(t, map[int][]string{1: {"（下转第三版）"}, 3: {"（上接第一版）"}}, stamps(pages))

	// Move the continuation: the stamps follow it.
	ed := threePages(t, []int{1, 3, 2})
	ed.Pages[1].Number, ed.Pages[2].Number = 2, 3
	pages, _ = run(t, ed, layout.Options{})
	assert.Equal(t, map[int][]string{1: {"（下转第二版）"}, 2: {"（上接第一版）"}}, stamps(pages))

	// Numbered by position when the plan gives no numbers.
	ed = threePages(t, []int{1, 3, 2})
	for i := range ed.Pages {
		ed.Pages[i].Number = 0
	}
	ed.Style.Numerals = layout.Arabic
	pages, _ = run(t, ed, layout.Options{})
	assert.Equal(t, map[int][]string{1: {"（下转第2版）"}, 2: {"（上接第1版）"}}, stamps(pages))
	assert.Equal(t, []int{1, 2, 3}, []int{pages[0].Number, pages[1].Number, pages[2].Number})

	// The check catches a stamp that names the wrong page.
	for i, g := range pages[0].Glyphs {
		if g.Kind == layout.KindStamp {
			pages[0].Glyphs[i].Text = "（下转第3版）"
		}
	}
	assert.ErrorContains(t, check.Stamps(pages), "下转")
}

func TestChainBackwards(t *testing.T) {
	// The continuation on page 1, the start on page 3.
	ed := threePages(t, []int{1, 2, 3})
	ed.Pages[0].Blocks[0].Part, ed.Pages[2].Blocks[0].Part = 1, 0
	err := layoutErr(t, ed)
	var ce *layout.ChainError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "a3", ce.Article)
	assert.Contains(t, ce.Reason, "backwards, from page 3 to page 1")
	assert.Equal(t, layout.PartBackwards, ce.Kind)
	assert.Equal(t, layout.PlanRef{Page: 0, Block: 0}, ce.At)
	assert.Equal(t, layout.PlanRef{Page: 2, Block: 0}, ce.Other)

	// A missing part and a repeated one.
	ed = threePages(t, []int{1, 2, 3})
	ed.Pages[2].Blocks[0].Part = 2
	err = layoutErr(t, ed)
	require.ErrorAs(t, err, &ce)
	assert.Contains(t, ce.Reason, "part 1 is not")
	assert.Equal(t, layout.PartMissing, ce.Kind)
	assert.Equal(t, 1, ce.Part)
	assert.Equal(t, layout.PlanRef{Page: 2, Block: 0}, ce.At)
	ed = threePages(t, []int{1, 2, 3})
	ed.Pages[2].Blocks[0].Part = 0
	err = layoutErr(t, ed)
	require.ErrorAs(t, err, &ce)
	assert.Contains(t, ce.Reason, "twice")
	assert.Equal(t, layout.PartRepeated, ce.Kind)
	assert.Equal(t, layout.PlanRef{Page: 2, Block: 0}, ce.At)
	assert.Equal(t, layout.PlanRef{Page: 0, Block: 0}, ce.Other)
}

// TestCheckPlan: the plan's checks run without fonts, find every mistake
// at once, and say where each is in the plan; Layout makes the same
// checks first.
func TestCheckPlan(t *testing.T) {
	ed := threePages(t, []int{1, 2, 3})
	require.NoError(t, layout.CheckPlan(ed))

	// Page 2 numbered 1, as page 1 is; a1 over the edge; a5 over a2; an
	// unknown article; a3's part 1 again; a4's part 2 with no part 1; a6
	// on no page.
	ed.Pages[1].Number = 1
	ed.Pages[0].Blocks[1].Column = 5
	ed.Pages[1].Blocks[1].Column = 2
	ed.Pages[2].Blocks = append(ed.Pages[2].Blocks,
		layout.Block{Article: "a9", Column: 5, Span: 1},
		layout.Block{Article: "a3", Part: 1, Line: 50},
		layout.Block{Article: "a4", Part: 2, Column: 2, Line: 40, Span: 3, Lines: 10})
	ed.Articles = append(ed.Articles, &layout.Article{ID: "a6", Headline: "无版", Body: []layout.Paragraph{{Text: "正文"}}})
	err := layout.CheckPlan(ed)
	require.Error(t, err)

	var got []string
	for _, e := range errs.Split(err) {
		var (
			pe *layout.PlanError
			ge *layout.GridError
			oe *layout.OverlapError
			ce *layout.ChainError
			ue *layout.UnplacedError
		)
		switch {
		case errors.As(e, &pe):
			got = append(got, fmt.Sprintf("plan %v %v %s", pe.At, pe.Other, pe.Reason))
		case errors.As(e, &ge):
			got = append(got, fmt.Sprintf("grid %v %s", ge.At, ge.Article))
		case errors.As(e, &oe):
			got = append(got, fmt.Sprintf("overlap %v %v", oe.AtA, oe.AtB))
		case errors.As(e, &ce):
			got = append(got, fmt.Sprintf("chain %d %v %v %s %d", ce.Kind, ce.At, ce.Other, ce.Article, ce.Part))
		case errors.As(e, &ue):
			got = append(got, fmt.Sprintf("unplaced %d %s", ue.Index, ue.Article))
		default:
			t.Errorf("unexpected %T %v", e, e)
		}
	}
	assert.Equal(t, []string{
		"plan {1 -1} {0 -1} two pages have number 1",
		"grid {0 1} a1",
		"overlap {1 0} {1 1}",
		"plan {2 2} {-1 -1} no article has this ID",
		"chain 2 {2 3} {2 0} a3 1",
		"chain 1 {2 4} {-1 -1} a4 1",
		"unplaced 5 a6",
	}, got)

	// Layout reports the same, before it needs a font.
	_, lerr := layout.Layout(ed, nil, layout.Options{})
	assert.Equal(t, err.Error(), lerr.Error())

	// Articles' IDs are checked with or without a plan.
	for _, pages := range [][]layout.PagePlan{nil, ed.Pages} {
		err = layout.CheckPlan(&layout.Edition{Articles: []*layout.Article{{ID: "a"}, {ID: "a"}, {Headline: "无名"}}, Pages: pages})
		assert.ErrorContains(t, err, "plan, article a: two articles have this ID")
		assert.ErrorContains(t, err, "plan, article 无名: article has no ID")
	}
	// And the format.
	err = layout.CheckPlan(&layout.Edition{Format: layout.Format{Columns: 3}})
	var pe *layout.PlanError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, layout.PlanRef{Page: -1, Block: -1}, pe.At)
}

func TestThreadOnSamePage(t *testing.T) {
	// A continuation on the same page has no stamps and no jump headline.
	ed := onePage(t,
		layout.Block{Article: "a3", Column: 0, Span: 3, Line: 0, Lines: 20},
		layout.Block{Article: "a3", Part: 1, Column: 3, Span: 3, Line: 0, Lines: 30})
	pages, _ := run(t, ed, layout.Options{})
	assert.Empty(t, stamps(pages))
	for _, g := range pages[0].Glyphs {
		assert.NotEqual(t, layout.KindJumpHead, g.Kind)
	}
}

func TestEmptyContinuation(t *testing.T) {
	ed := onePage(t,
		layout.Block{Article: "a1", Column: 0, Span: 3, Line: 0, Lines: 40},
		layout.Block{Article: "a1", Part: 1, Column: 3, Span: 3, Line: 0, Lines: 30})
	_, warns := run(t, ed, layout.Options{})
	require.NotEmpty(t, warns)
	assert.Contains(t, warns[len(warns)-1].Message, "empty")
}

// TestUnplacedArticle: an article no block places is an error naming it,
// not a warning a quiet run hides: a whole story must not vanish.
func TestUnplacedArticle(t *testing.T) {
	ed := onePage(t, layout.Block{Article: "a1", Span: 6, Lines: 30})
	ed.Articles = seedArticles(t)
	err := layoutErr(t, ed)
	var names []string
	for _, e := range errs.Split(err) {
		var ue *layout.UnplacedError
		require.ErrorAs(t, e, &ue)
		names = append(names, ue.Article)
	}
	assert.Equal(t, []string{"a2", "a3", "a4", "a5"}, names)
	assert.Contains(t, err.Error(), "article a2 is not placed on any page")

	// With the plan's other mistakes, in one run.
	ed.Pages[0].Blocks = append(ed.Pages[0].Blocks, layout.Block{Article: "a2", Part: 1, Column: 0, Span: 6, Line: 40, Lines: 20})
	err = layoutErr(t, ed)
	var ce *layout.ChainError
	var ue *layout.UnplacedError
	require.ErrorAs(t, err, &ce)
	require.ErrorAs(t, err, &ue)
}

func TestMissingGlyph(t *testing.T) {
	arts := seedArticles(t)
	arts[1].Body[2].Text += "\U00020000"
	ed := &layout.Edition{Format: layout.Tabloid(), Articles: arts}
	err := layoutErr(t, ed)
	var mg *fonts.MissingGlyphError
	require.ErrorAs(t, err, &mg)
	assert.Equal(t, "a2", mg.Article)
	assert.Equal(t, 3, mg.Paragraph)
	assert.Equal(t, rune(0x20000), mg.Rune)
}

func TestBylineAfterDateline(t *testing.T) {
	st := layout.DefaultStyle()
	st.Byline = layout.BylineAfterDateline
	ed := &layout.Edition{Format: layout.Tabloid(), Style: st, Articles: seedArticles(t)}
	pages, _ := run(t, ed, layout.Options{})
	var first string
	for _, g := range pages[0].Glyphs {
		if g.Article == "a1" && g.Size == 9 && len([]rune(first)) < 30 {
			first += g.Text
		}
	}
	assert.True(t, strings.HasPrefix(first, "本报讯（记者 柴琳琳 通讯员 王歌）3月14日下午"), first)
	for _, g := range pages[0].Glyphs {
		if g.Kind == layout.KindByline {
			assert.Equal(t, 9.0, g.Size)
		}
	}
}

func TestCrossheads(t *testing.T) {
	arts := seedArticles(t)
	a := arts[2]
	a.Body = append(a.Body[:2:2], append([]layout.Paragraph{{Text: "打造生态廊道", Crosshead: true}}, a.Body[2:]...)...)
	a.Body = append(a.Body[:4:4], append([]layout.Paragraph{{Text: "抓住植树有利时机", Crosshead: true}}, a.Body[4:]...)...)
	for lines := 20; lines <= 60; lines++ {
		ed := onePage(t, layout.Block{Article: "a3", Span: 3, Lines: lines}, layout.Block{Article: "a3", Part: 1, Column: 3, Span: 3, Lines: 88})
		ed.Articles = []*layout.Article{a}
		pages, err := layout.Layout(ed, defaultFonts(t), layout.Options{})
		require.NoError(t, err)
		require.NoError(t, check.All(pages, ed.Articles), "lines %d", lines)
		// A crosshead never ends a column.
		g := pages[0].Grid
		bottom := map[int]layout.GlyphRun{}
		for _, r := range pages[0].Glyphs {
			if !r.Kind.OnGrid() || r.Kind == layout.KindStamp {
				continue
			}
			c := int((r.X + r.Offsets[0] + 4 - g.Area.X) / (g.ColumnW + g.Gutter))
			if b, ok := bottom[c]; !ok || r.Y >= b.Y {
				bottom[c] = r
			}
		}
		for c, r := range bottom {
			if c < 3 {
				assert.NotEqual(t, layout.KindCrosshead, r.Kind, "lines %d: column %d ends with crosshead %q", lines, c, r.Text)
			}
		}
	}
}

func TestHeadlineFit(t *testing.T) {
	ed := onePage(t,
		layout.Block{Article: "a1", Column: 0, Span: 6, Line: 0, Lines: 20},
		layout.Block{Article: "a3", Column: 0, Span: 2, Line: 20, Lines: 60},
		layout.Block{Article: "a4", Column: 2, Span: 1, Line: 20, Lines: 60})
	pages, _ := run(t, ed, layout.Options{})
	heads := map[string][]layout.GlyphRun{}
	for _, g := range pages[0].Glyphs {
		if g.Kind == layout.KindHeadline {
			heads[g.Article] = append(heads[g.Article], g)
		}
	}
	// Six columns: one line, at the largest size that fits: 17 characters
	// of 小初 in 639 pt.
	require.Len(t, heads["a1"], 1)
	assert.Equal(t, 36.0, heads["a1"][0].Size)
	// Two columns: two lines, balanced, no lone character.
	require.Len(t, heads["a3"], 2)
	l1, l2 := []rune(heads["a3"][0].Text), []rune(heads["a3"][1].Text)
	assert.InDelta(t, len(l1), len(l2), 1)
	assert.Equal(t, "区领导调研管城回族区生态建设工作", string(l1)+string(l2))
	// A larger size would not fit: 8 characters at the next ladder step.
	assert.Greater(t, 8*nextStep(heads["a3"][0].Size), pages[0].Grid.Width(2))
	// One column, 26 characters: more lines than allowed, at the smallest
	// size, with a warning (run logs it).
	assert.Greater(t, len(heads["a4"]), 2)
	// Subtitles are set with their ——, kickers and subtitles smaller.
	var sub []layout.GlyphRun
	for _, g := range pages[0].Glyphs {
		if g.Article == "a1" && (g.Kind == layout.KindSubtitle || g.Kind == layout.KindAdded) && g.Y < heads["a1"][0].Y+60 {
			sub = append(sub, g)
		}
	}
	require.NotEmpty(t, sub)
	assert.Equal(t, "——", sub[0].Text)
	assert.Less(t, sub[1].Size, heads["a1"][0].Size)
}

func nextStep(size float64) float64 {
	l := layout.DefaultStyle().Ladder
	for i, s := range l {
		if s == size && i > 0 {
			return l[i-1]
		}
	}
	return size
}

// TestTurnStamp moves the end of the first part through the text: the
// （下转） stamp sits flush right at the foot of the part's column, on the
// last line of text when that line has room, else on a line of its own;
// nothing is lost either way.
func TestTurnStamp(t *testing.T) {
	// Paragraphs whose last lines hold two characters: 9 after the
	// indent, three lines of 11, then 2.
	var han []rune
	for _, a := range seedArticles(t) {
		for _, p := range a.Body {
			for _, r := range p.Text {
				if unicode.Is(unicode.Han, r) {
					han = append(han, r)
				}
			}
		}
	}
	a := &layout.Article{ID: "x", Headline: "测试转版", Dateline: "本报讯"}
	for i := 0; i < 8; i++ {
		a.Body = append(a.Body, layout.Paragraph{Text: string(han[i*44 : i*44+44])})
	}
	a.Body[0].Text = string(han[:40]) // 本报讯 and its space take four
	shared, own := 0, 0
	for lines := 12; lines < 34; lines++ {
		ed := &layout.Edition{Format: layout.Tabloid(), Articles: []*layout.Article{a}, Pages: []layout.PagePlan{
			{Blocks: []layout.Block{{Article: "x", Span: 1, Lines: lines}}},
			{Blocks: []layout.Block{{Article: "x", Part: 1, Span: 1}}},
		}}
		pages, _ := run(t, ed, layout.Options{})
		g := pages[0].Grid
		var st layout.GlyphRun
		for _, r := range pages[0].Glyphs {
			if r.Kind == layout.KindStamp {
				st = r
			}
		}
		require.Equal(t, "（下转第二版）", st.Text, "lines %d", lines)
		n := len([]rune(st.Text))
		right := st.X + st.Offsets[n-1] + st.Font.Face.Advance('）')*st.Size
		assert.InDelta(t, g.ColumnX(0)+g.ColumnW, right, st.Size/2+0.01, "flush right")
		line, ok := g.LineOf(st.Y, 0.01)
		require.True(t, ok)
		assert.Less(t, line, lines)
		withText := false
		for _, r := range pages[0].Glyphs {
			withText = withText || (r.Kind == layout.KindBody && r.Y == st.Y)
		}
		if withText {
			shared++
		} else {
			own++
		}
	}
	assert.Positive(t, shared, "some stamps share the last line")
	assert.Positive(t, own, "some stamps need a line of their own")
}

func TestFramesAndRules(t *testing.T) {
	ed := onePage(t,
		layout.Block{Article: "a1", Column: 0, Span: 3, Line: 0, Lines: 40, Frame: layout.ThickFrame},
		layout.Block{Article: "a2", Column: 3, Span: 3, Line: 0, Lines: 45},
		layout.Block{Article: "a4", Column: 3, Span: 3, Line: 45, Lines: 35})
	ed.Style.ColumnRules = true
	pages, _ := run(t, ed, layout.Options{})
	pg := pages[0]
	g := pg.Grid
	// The frame: a 反线 box just inside the block.
	require.Len(t, pg.Boxes, 1)
	box := pg.Boxes[0]
	assert.Equal(t, ed.Style.ThickRule, box.StrokeWidth)
	assert.True(t, pg.Blocks[0].Rect.Contains(layout.Rect{X: box.X - 1, Y: box.Y - 1, W: box.W + 2, H: box.H + 2}, 0.01))
	// Column rules in the gutters inside each block, and one separator:
	// across the top of a4, under a2 (a1 is framed, so needs none).
	var inGutter, across int
	for _, r := range pg.Rules {
		if r.X1 == r.X2 {
			c := int((r.X1 - g.Area.X) / (g.ColumnW + g.Gutter))
			assert.Greater(t, r.X1, g.ColumnX(c)+g.ColumnW, "in a gutter") // a framed block's columns are narrower
			assert.Less(t, r.X1, g.ColumnX(c+1))
			inGutter++
		} else {
			assert.InDelta(t, g.LineTop(45)+g.Size/2, r.Y1, 0.01)
			across++
		}
	}
	assert.Equal(t, 1, across)
	assert.Equal(t, 2+2+2, inGutter) // a1, a2 and a4 have two inner gutters each
}

// TestMeasureChange continues an article in a framed block, whose columns
// are narrower: the paragraph cut at the jump is set again from the cut at
// the new measure, losing and doubling nothing.
func TestMeasureChange(t *testing.T) {
	for lines := 12; lines < 40; lines += 3 {
		ed := &layout.Edition{Format: layout.Tabloid(), Articles: seedArticles(t)[2:3], Pages: []layout.PagePlan{
			{Blocks: []layout.Block{{Article: "a3", Span: 2, Lines: lines}}},
			{Blocks: []layout.Block{{Article: "a3", Part: 1, Span: 2, Frame: layout.ThinFrame}}},
		}}
		pages, _ := run(t, ed, layout.Options{})
		require.Equal(t, 2, len(pages))
		g := pages[1].Grid
		for _, r := range pages[1].Glyphs {
			if r.Kind == layout.KindBody {
				assert.Greater(t, r.X+r.Offsets[0], g.ColumnX(0)+1, "inside the frame")
			}
		}
	}
}
