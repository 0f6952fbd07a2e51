package layout_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/banmian/banmian/fonts"
	"github.com/banmian/banmian/internal/check"
	"github.com/banmian/banmian/internal/snapshot"
	"github.com/banmian/banmian/layout"
	"github.com/banmian/banmian/layout/raster"
)

func defaultFonts(t testing.TB) *fonts.Set {
	t.Helper()
	set, err := fonts.Default()
	require.NoError(t, err)
	return set
}

// run lays out ed, checks the invariants on every page and returns the
// pages and the warnings.
func run(t *testing.T, ed *layout.Edition, opt layout.Options) ([]layout.Page, []layout.Warning) {
	t.Helper()
	var warns []layout.Warning
	opt.Warn = func(w layout.Warning) { warns = append(warns, w) }
	pages, err := layout.Layout(ed, defaultFonts(t), opt)
	require.NoError(t, err)
	check.Pages(t, pages, ed.Articles)
	return pages, warns
}

// snap compares each page, rendered at 50 dpi, with its golden. With
// BANMIAN_PROOFS set to a folder, it also writes 100-dpi proofs there.
func snap(t *testing.T, name string, pages []layout.Page) {
	t.Helper()
	if dir := os.Getenv("BANMIAN_PROOFS"); dir != "" {
		for i := range pages {
			f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-p%d.png", name, pages[i].Number)))
			require.NoError(t, err)
			require.NoError(t, raster.WritePNG(f, &pages[i], 100))
			require.NoError(t, f.Close())
		}
	}
	for i := range pages {
		img, err := raster.Render(&pages[i], 50)
		require.NoError(t, err)
		snapshot.Check(t, "testdata", fmt.Sprintf("%s-p%d", name, pages[i].Number), img)
	}
}

func TestSeedPage(t *testing.T) {
	ed := &layout.Edition{Name: "管城报", Date: "2018年3月16日 星期五", Format: layout.Tabloid(), Style: layout.DefaultStyle(), Articles: seedArticles(t)}
	pages, warns := run(t, ed, layout.Options{})
	for _, w := range warns {
		t.Log(w)
	}
	require.Equal(t, 1, len(pages), "pages")
	snap(t, "seed", pages)
}

// fiveColumns is a custom page: 五栏 of 13 小五 characters on 273 mm wide
// paper, 57 lines deep.
func fiveColumns() layout.Format {
	return layout.NewFormat("五栏", 273*mm, 260*mm, 5, 13, 1, 9, 11.25, 57)
}

const mm = 72 / 25.4

// handPlaced is a page planned by hand: a 4-column lead with kicker,
// headline and subtitle, two 2-column articles under it, and a column of
// two 1-column briefs, the second framed.
func handPlaced(t *testing.T) *layout.Edition {
	arts := seedArticles(t)
	lead := arts[2]
	lead.Kicker = "全面融入国家园林城市创建工作"
	arts[0].Kicker = "团省委书记王艺一行到基层调研"
	brief1, brief2 := *arts[3], *arts[1]
	brief1.ID, brief1.Body, brief1.Subtitle = "brief1", brief1.Body[:2], ""
	brief1.Headline = "管城区召开 理论学习研讨会" // a brief's short title, broken by the editor
	brief2.ID, brief2.Body, brief2.Subtitle = "brief2", brief2.Body[:2], ""
	return &layout.Edition{
		Name: "管城报", Date: "2018年3月16日 星期五",
		Format: fiveColumns(), Style: layout.DefaultStyle(),
		Articles: []*layout.Article{lead, arts[0], arts[4], &brief1, &brief2},
		Pages: []layout.PagePlan{{Name: "要闻", Blocks: []layout.Block{
			{Article: lead.ID, Column: 0, Span: 4, Line: 0, Lines: 25},
			{Article: arts[0].ID, Column: 0, Span: 2, Line: 25, Lines: 32},
			{Article: arts[4].ID, Column: 2, Span: 2, Line: 25, Lines: 32},
			{Article: "brief1", Column: 4, Span: 1, Line: 0, Lines: 28},
			{Article: "brief2", Column: 4, Span: 1, Line: 28, Lines: 29, Frame: layout.ThinFrame},
		}}},
	}
}

func TestHandPlaced(t *testing.T) {
	pages, warns := run(t, handPlaced(t), layout.Options{})
	for _, w := range warns {
		t.Log(w)
	}
	require.Equal(t, 1, len(pages), "pages")
	snap(t, "hand", pages)
}

// jumpEdition is two pages: the lead starts on page 1 and jumps to page
// 2. Page 1 also has a 导读 strip: a brief of the first paragraph of an
// article inside, its headline in the strip's first column.
func jumpEdition(t *testing.T) *layout.Edition {
	arts := seedArticles(t)
	lead := arts[2]
	lead.Kicker = "全面融入国家园林城市创建工作"
	lead.Jump = "区领导调研生态建设"
	arts[0].Kicker = "团省委书记王艺一行到基层调研"
	teaser := *arts[3]
	teaser.ID, teaser.Body, teaser.Subtitle, teaser.Byline = "teaser", teaser.Body[:1], "", ""
	teaser.Headline = "管城区召开 理论学习研讨会"
	return &layout.Edition{
		Name: "管城报", Date: "2018年3月16日 星期五",
		Format: fiveColumns(), Style: layout.DefaultStyle(),
		Articles: []*layout.Article{lead, arts[0], arts[4], arts[1], &teaser, arts[3]},
		Pages: []layout.PagePlan{
			{Name: "要闻", Blocks: []layout.Block{
				{Article: "a3", Column: 0, Span: 4, Line: 0, Lines: 18},
				{Article: "a1", Column: 0, Span: 2, Line: 18, Lines: 34},
				{Article: "a5", Column: 2, Span: 2, Line: 18, Lines: 34},
				{Article: "teaser", Column: 0, Span: 4, Line: 52, Lines: 5, HeadSpan: 1},
				{Article: "a2", Column: 4, Span: 1, Line: 0, Lines: 57},
			}},
			{Name: "综合", Blocks: []layout.Block{
				{Article: "a3", Part: 1, Column: 0, Span: 2, Line: 0, Lines: 17},
				{Article: "a4", Column: 2, Span: 3, Line: 0, Lines: 22},
			}},
		},
	}
}

func TestJump(t *testing.T) {
	pages, warns := run(t, jumpEdition(t), layout.Options{})
	for _, w := range warns {
		t.Log(w)
	}
	require.Equal(t, 2, len(pages), "pages")
	snap(t, "jump", pages)
}

// repeated is n copies of the seed articles, with IDs made unique.
func repeated(t testing.TB, n int) []*layout.Article {
	var out []*layout.Article
	for i := range n {
		for _, a := range seedArticles(t) {
			a.ID = fmt.Sprintf("%s.%d", a.ID, i+1)
			out = append(out, a)
		}
	}
	return out
}

func TestBroadsheet(t *testing.T) {
	st := layout.DefaultStyle()
	st.ColumnRules = true
	ed := &layout.Edition{
		Name: "管城报", Date: "2018年3月16日 星期五",
		Format: layout.Broadsheet(), Style: st,
		Articles: repeated(t, 3)[:12], AutoSpan: 4,
	}
	pages, _ := run(t, ed, layout.Options{})
	require.Equal(t, 1, len(pages), "pages")
	snap(t, "broadsheet", pages)
}
