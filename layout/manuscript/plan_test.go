package manuscript

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/banmian/banmian/fonts"
	"github.com/banmian/banmian/layout"
	"github.com/banmian/banmian/typeset"
)

const mm = 72 / 25.4

func parsePlanFile(t testing.TB, path string) (*Plan, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return ParsePlan(path, data)
}

func mustPlan(t testing.TB, path string) *Plan {
	t.Helper()
	p, err := parsePlanFile(t, path)
	require.NoError(t, err)
	return p
}

func planFromString(t testing.TB, src string) (*Plan, error) {
	t.Helper()
	return ParsePlan("plan.yaml", []byte(src))
}

// seedLayoutArticles parses the seed copy.
func seedLayoutArticles(t testing.TB) []*layout.Article {
	t.Helper()
	as, _, err := Parse("testdata/guancheng.txt", readFixture(t, "guancheng.txt"), Options{})
	require.NoError(t, err)
	return Articles(as)
}

// errorLine is the line of the fixture marked "← error".
func errorLine(t testing.TB, path string) int {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, "← error") {
			return i + 1
		}
	}
	t.Fatalf("%s has no line marked ← error", path)
	return 0
}

func assertInputError(t testing.TB, err error) {
	t.Helper()
	require.Error(t, err)
	var e *Error
	assert.True(t, errors.As(err, &e), "not an *Error: %T %v", err, err)
}

func TestBadPlans(t *testing.T) {
	tests := []struct {
		file  string
		stage string // where it fails: parse (YAML and values), edition (layout.CheckPlan), fonts or load
		want  string
	}{
		{"unknown-key.yaml", "parse", `unknown key "colums" in page 1 block 2 (did you mean column?)`},
		{"unknown-top-key.yaml", "parse", `unknown key "papersize" (known keys: name, date, format, paper,`},
		{"bad-size.yaml", "parse", `grid body: size "小九": want a number with a unit`},
		{"bad-length.yaml", "parse", `paper height: 390 needs a unit (mm, cm, pt, in)`},
		{"unknown-preset.yaml", "parse", `format: unknown paper format "八开" (want 对开/broadsheet, 四开/tabloid or A3)`},
		{"negative-columns.yaml", "parse", `grid columns: -2; want at least 1`},
		{"syntax.yaml", "parse", `YAML: found character that cannot start any token`},
		{"duplicate-page.yaml", "edition", `page 2: two pages have number 2 (the other at line 5)`},
		{"duplicate-key.yaml", "parse", `key "numerals" given twice in style (first at line 4)`},
		{"continue-first.yaml", "parse", `page 1 block 1: continue: guancheng-1, but no block of guancheng-1 comes before it`},
		{"part-gap.yaml", "edition", `article guancheng-1: part 2 is placed but part 1 is not`},
		{"backwards.yaml", "edition", `article guancheng-1: part 1 on page 1 continues backwards from page 2 (line 7)`},
		{"not-yet.yaml", "parse", `style head-align: right-aligned headlines are not supported yet`},
		{"span-with-pages.yaml", "parse", `span: is for automatic flow, and this plan has pages`},
		{"overdetermined.yaml", "parse", `grid: the margins left and right set the width of the type area, and the columns divide it`},
		{"wrong-kind.yaml", "parse", `page 1: blocks: want a list of blocks (- article: id …), have a mapping`},
		{"ladder-order.yaml", "parse", `style ladder: 小初 is not smaller than the size before it`},
		{"bad-frame.yaml", "parse", `page 1 block 1: frame: unknown frame "dotted"`},
		{"two-documents.yaml", "parse", `a plan is one YAML document`},
		{"unknown-article.yaml", "edition", `page 1 block 2: no article has ID "guancheng-9" (known IDs: guancheng-1, guancheng-2, guancheng-3, guancheng-4, guancheng-5)`},
		{"overlap.yaml", "edition", `page 1 block 2 (article guancheng-2, columns 3–5, lines 10–39) overlaps the block of article guancheng-1 at line 6 (columns 0–3, lines 0–29)`},
		{"outside.yaml", "edition", `page 1 block 1: columns 4–6 are outside the grid's columns 0–5`},
		{"font-missing.yaml", "fonts", `fonts hei bold: "fonts/NoSuchFont-Bold.ttf": font file testdata/plans/bad/fonts/NoSuchFont-Bold.ttf does not exist`},
		{"missing-manuscript.yaml", "load", `manuscript ../../no-such-copy.txt (testdata/no-such-copy.txt) does not exist`},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata/plans/bad", tt.file)
			prefix := fmt.Sprintf("%s:%d: ", path, errorLine(t, path))
			p, err := parsePlanFile(t, path)
			if tt.stage != "parse" {
				require.NoError(t, err)
				switch tt.stage {
				case "edition":
					_, err = p.Edition(seedLayoutArticles(t))
				case "fonts":
					_, err = p.Fonts("")
				}
			}
			// Load reports the same error, as an input error.
			_, lerr := Load([]string{path}, LoadOptions{})
			assertInputError(t, lerr)
			if tt.stage == "load" {
				err = lerr
			} else {
				assert.Equal(t, err.Error(), lerr.Error())
			}
			assertInputError(t, err)
			assert.Contains(t, err.Error(), prefix+tt.want)
		})
	}
}

func TestPlanCollectsErrors(t *testing.T) {
	_, err := planFromString(t, "format: A3\ngrid:\n  colums: 5\nstyle:\n  kinsoku: lax\npages:\n  - blocks:\n      - {article: a, span: 0}\n")
	require.Error(t, err)
	msg := err.Error()
	assert.Contains(t, msg, `plan.yaml:3: unknown key "colums" in grid (did you mean columns?)`)
	assert.Contains(t, msg, `plan.yaml:5: style kinsoku: unknown value "lax" (want gb, basic/基本, strict/严格 or none/不处理)`)
	assert.Contains(t, msg, `plan.yaml:8: page 1 block 1: span: 0; want at least 1`)
}

func TestPlanGuancheng(t *testing.T) {
	p := mustPlan(t, "testdata/plans/guancheng.yaml")
	assert.Equal(t, "管城报", p.Name)
	assert.Equal(t, "2018年3月16日 星期五", p.Date)
	assert.Equal(t, time.Date(2018, 3, 16, 0, 0, 0, 0, time.UTC), p.Day)
	assert.Equal(t, []string{"../guancheng.txt"}, p.Manuscripts)
	assert.Equal(t, 0, p.AutoSpan)

	// The keys restate the 四开 preset.
	assertFormat(t, layout.Tabloid(), p.Format)
	assert.Equal(t, "四开", p.Format.Name)
	assert.Equal(t, 88, p.Format.Grid().Lines)

	st := p.Style
	assert.Equal(t, []float64{42, 36, 26, 24, 22, 18, 16, 15, 14, 12, 10.5}, st.Ladder)
	assert.Equal(t, layout.DefaultStyle(), st, "the style restates the defaults")

	ed, err := p.Edition(seedLayoutArticles(t))
	require.NoError(t, err)
	assert.Equal(t, "管城报", ed.Name)
	assert.Equal(t, "2018年3月16日 星期五", ed.Date)
	assert.Len(t, ed.Articles, 5)
	require.Len(t, ed.Pages, 1)
	assert.Equal(t, 1, ed.Pages[0].Number)
	assert.Equal(t, "要闻", ed.Pages[0].Name)
	assert.Equal(t, []layout.Block{
		{Article: "guancheng-1", Column: 0, Span: 6, Line: 0, Lines: 17},
		{Article: "guancheng-3", Column: 0, Span: 3, Line: 17, Lines: 34, HeadSize: 24},
		{Article: "guancheng-2", Column: 3, Span: 3, Line: 17, Lines: 34, HeadSize: 24},
		{Article: "guancheng-4", Column: 0, Span: 3, Line: 51, Lines: 30, HeadSize: 22},
		{Article: "guancheng-5", Column: 3, Span: 3, Line: 51, Lines: 30, HeadSize: 22, Frame: layout.ThinFrame},
	}, ed.Pages[0].Blocks)
}

// assertFormat compares formats to a hundredth of a point.
func assertFormat(t testing.TB, want, have layout.Format) {
	t.Helper()
	const eps = 0.01
	assert.InDelta(t, want.PaperW, have.PaperW, eps, "paper width")
	assert.InDelta(t, want.PaperH, have.PaperH, eps, "paper height")
	assert.InDelta(t, want.TypeArea.X, have.TypeArea.X, eps, "type area x")
	assert.InDelta(t, want.TypeArea.Y, have.TypeArea.Y, eps, "type area y")
	assert.InDelta(t, want.TypeArea.W, have.TypeArea.W, eps, "type area width")
	assert.InDelta(t, want.TypeArea.H, have.TypeArea.H, eps, "type area height")
	assert.Equal(t, want.Columns, have.Columns, "columns")
	assert.InDelta(t, want.Gutter, have.Gutter, eps, "gutter")
	assert.InDelta(t, want.BodySize, have.BodySize, eps, "body size")
	assert.InDelta(t, want.Pitch, have.Pitch, eps, "pitch")
}

func TestPlanHand(t *testing.T) {
	p := mustPlan(t, "testdata/plans/hand/plan.yaml")
	assertFormat(t, layout.NewFormat("", 273*mm, 260*mm, 5, 13, 1, 9, 11.25, 57), p.Format)
	assert.Equal(t, 57, p.Format.Grid().Lines)
	assert.Equal(t, "2018年3月16日 星期五", p.Date)
	assert.True(t, p.Day.IsZero(), "a date given as text is printed as written")
	require.Len(t, p.Pages, 1)
	assert.Equal(t, layout.PagePlan{Number: 1, Name: "要闻", Blocks: []layout.Block{
		{Article: "guancheng-3", Column: 0, Span: 4, Line: 0, Lines: 25},
		{Article: "guancheng-1", Column: 0, Span: 2, Line: 25, Lines: 32},
		{Article: "guancheng-5", Column: 2, Span: 2, Line: 25, Lines: 32},
		{Article: "guancheng-4", Column: 4, Span: 1, Line: 0, Lines: 28},
		{Article: "guancheng-2", Column: 4, Span: 1, Line: 28, Lines: 29, Frame: layout.ThinFrame},
	}}, p.Pages[0])
}

func TestPlanJump(t *testing.T) {
	p := mustPlan(t, "testdata/plans/jump.yaml")
	assert.Equal(t, layout.A3(), p.Format, "a preset alone is the preset exactly")
	require.Len(t, p.Pages, 2)
	assert.Equal(t, layout.PagePlan{Number: 1, Name: "要闻", Blocks: []layout.Block{
		{Article: "guancheng-3", Column: 0, Span: 6, Line: 0, Lines: 12, HeadSpan: 6},
		{Article: "guancheng-1", Column: 0, Span: 3, Line: 12, Lines: 27},
		{Article: "guancheng-2", Column: 3, Span: 3, Line: 12, Lines: 30},
	}}, p.Pages[0])
	assert.Equal(t, layout.PagePlan{Number: 2, Name: "综合", Blocks: []layout.Block{
		{Article: "guancheng-3", Part: 1, Column: 0, Span: 3, Line: 0, Lines: 22},
		{Article: "guancheng-4", Column: 3, Span: 3, Line: 0, Lines: 24},
		{Article: "guancheng-5", Column: 3, Span: 3, Line: 24, Lines: 28},
	}}, p.Pages[1])

	// continue: is the part after the last; part: N says it outright.
	data, err := os.ReadFile("testdata/plans/jump.yaml")
	require.NoError(t, err)
	explicit := strings.Replace(string(data), "- continue: guancheng-3", "- article: guancheng-3\n        part: 1", 1)
	require.NotEqual(t, string(data), explicit)
	q, err := ParsePlan("jump.yaml", []byte(explicit))
	require.NoError(t, err)
	assert.Equal(t, p.Pages, q.Pages)
}

func TestPlanChains(t *testing.T) {
	p, err := planFromString(t, `
pages:
  - blocks:
      - {article: a, lines: 10}
      - {continue: a, line: 10, lines: 10}
  - blocks:
      - {continue: a, lines: 10}
      - {article: b, part: 0, line: 10}
`)
	require.NoError(t, err)
	var parts []int
	for _, pg := range p.Pages {
		for _, b := range pg.Blocks {
			parts = append(parts, b.Part)
		}
	}
	assert.Equal(t, []int{0, 1, 2, 0}, parts)
	assert.Equal(t, []int{1, 2}, []int{p.Pages[0].Number, p.Pages[1].Number})

	// Whether the parts make a chain is Edition's to check (with
	// layout.CheckPlan), as is a headline wider than its block.
	editionErr := func(src string) error {
		p, err := planFromString(t, src)
		require.NoError(t, err, src)
		_, err = p.Edition([]*layout.Article{{ID: "a"}})
		assertInputError(t, err)
		return err
	}
	err = editionErr("pages:\n  - blocks:\n      - {article: a}\n      - {article: a, part: 0}\n")
	assert.ErrorContains(t, err, "plan.yaml:4: page 1 block 2: part 0 of article a is placed twice (also at line 3)")
	_, err = planFromString(t, "pages:\n  - blocks:\n      - {article: a, continue: a}\n")
	assert.ErrorContains(t, err, "plan.yaml:3: page 1 block 1: give article: or continue:, not both")
	_, err = planFromString(t, "pages:\n  - blocks:\n      - {article: a}\n      - {continue: a, part: 3}\n")
	assert.ErrorContains(t, err, "plan.yaml:4: page 1 block 2: part: goes with article:, not continue:")
	_, err = planFromString(t, "pages:\n  - blocks:\n      - {column: 1}\n")
	assert.ErrorContains(t, err, "plan.yaml:3: page 1 block 1: no article:")
	_, err = planFromString(t, "pages:\n  - blocks:\n      - {article: two words}\n")
	assert.ErrorContains(t, err, `plan.yaml:3: page 1 block 1: article: "two words" is not an article ID`)
	err = editionErr("pages:\n  - blocks:\n      - {article: a, span: 2, head-span: 3}\n")
	assert.ErrorContains(t, err, "plan.yaml:3: page 1 block 1: head-span 3 is wider than the block's 2 columns")
	_, err = planFromString(t, "pages:\n  - number: 0\n")
	assert.ErrorContains(t, err, "plan.yaml:2: page 1: number: 0; want at least 1")
}

func TestPlanAuto(t *testing.T) {
	p := mustPlan(t, "testdata/plans/auto.yaml")
	assert.Nil(t, p.Pages)
	assert.Equal(t, 3, p.AutoSpan)
	assert.Equal(t, layout.Tabloid(), p.Format)
	assert.Equal(t, layout.Arabic, p.Style.Numerals)
	assert.Equal(t, typeset.Left, p.Style.HeadAlign)
	assert.Equal(t, []float64{36, 26, 24, 22, 18, 16, 14, 10.5}, p.Style.Ladder)
	assert.Equal(t, 22.0, p.Style.AutoHead)

	arts := seedLayoutArticles(t)
	ed, err := p.Edition(arts)
	require.NoError(t, err)
	assert.Nil(t, ed.Pages)
	assert.Equal(t, 3, ed.AutoSpan)
	assert.Equal(t, arts, ed.Articles)
}

func TestPlanEmpty(t *testing.T) {
	for _, src := range []string{"", "# only a comment\n", "---\n", "~\n"} {
		p, err := planFromString(t, src)
		require.NoError(t, err, "%q", src)
		assert.Equal(t, layout.Tabloid(), p.Format)
		assert.Equal(t, layout.DefaultStyle(), p.Style)
		assert.Nil(t, p.Pages)
	}
	_, err := planFromString(t, "- format: A3\n")
	assert.ErrorContains(t, err, `plan.yaml:1: the plan: want "key: value" lines, have a list`)
}

func TestPlanDate(t *testing.T) {
	for src, want := range map[string]string{
		"2024-03-14":     "2024年3月14日 星期四",
		"2018-03-18":     "2018年3月18日 星期日",
		"'2018-03-16'":   "2018年3月16日 星期五",
		"2018年3月16日 星期五": "2018年3月16日 星期五",
		"三月十六日":          "三月十六日",
	} {
		p, err := planFromString(t, "date: "+src+"\n")
		require.NoError(t, err, src)
		assert.Equal(t, want, p.Date, src)
	}
	_, err := planFromString(t, "date: 2018-02-30\n")
	assert.ErrorContains(t, err, `plan.yaml:1: date: "2018-02-30" is not a date`)
}

func TestPlanFormat(t *testing.T) {
	tab := layout.Tabloid()
	tests := []struct {
		name, src string
		want      layout.Format
	}{
		{"preset", "format: 对开", layout.Broadsheet()},
		{"english preset", "format: Broadsheet", layout.Broadsheet()},
		{"no format", "name: x", tab},
		{"grid restating the preset", "format: a3\ngrid: {columns: 6, chars: 12, gutter: 1, body: 小五, pitch: 11.25pt, lines: 93}", layout.A3()},
		{"custom grid", "paper: {width: 273mm, height: 390mm}\ngrid: {columns: 5, chars: 13, gutter: 1, body: 9pt, leading: 0.25em, lines: 80}",
			layout.NewFormat("", 273*mm, 390*mm, 5, 13, 1, 9, 11.25, 80)},
		{"column width and gutter in mm", "format: tabloid\ngrid: {columns: 5, column-width: 117pt, gutter: 9pt}",
			layout.NewFormat("", 273*mm, 390*mm, 5, 13, 1, 9, 11.25, 88)},
		{"gutter in 字", "format: tabloid\ngrid: {columns: 5, chars: 13, gutter: 1字}",
			layout.NewFormat("", 273*mm, 390*mm, 5, 13, 1, 9, 11.25, 88)},
		{"paper on a preset keeps its type area, centred", "format: tabloid\npaper: {width: 300mm}",
			withArea(tab, 300*mm, tab.PaperH, (300*mm-tab.TypeArea.W)/2, tab.TypeArea.Y, tab.TypeArea.W, tab.TypeArea.H)},
		{"fewer columns divide the preset's type area", "format: tabloid\ngrid: {columns: 5}",
			withCols(tab, 5)},
		{"margins", "format: tabloid\nmargins: {top: 20mm, bottom: 30mm, left: 15mm, right: 25mm}",
			withArea(tab, tab.PaperW, tab.PaperH, 15*mm, 20*mm, 233*mm, 340*mm)},
		{"top and left margins with the grid's size", "format: tabloid\nmargins: {top: 10mm, left: 10mm}",
			withArea(tab, tab.PaperW, tab.PaperH, 10*mm, 10*mm, tab.TypeArea.W, tab.TypeArea.H)},
		{"bottom and right margins", "format: tabloid\nmargins: {bottom: 10mm, right: 10mm}",
			withArea(tab, tab.PaperW, tab.PaperH, 263*mm-tab.TypeArea.W, 380*mm-tab.TypeArea.H, tab.TypeArea.W, tab.TypeArea.H)},
		{"type area", "format: tabloid\ntype-area: {width: 230mm, height: 350mm}",
			withArea(tab, tab.PaperW, tab.PaperH, 21.5*mm, 20*mm, 230*mm, 350*mm)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := planFromString(t, tt.src)
			require.NoError(t, err)
			assertFormat(t, tt.want, p.Format)
			require.NoError(t, p.Format.Validate())
		})
	}

	bad := []struct{ src, want string }{
		{"paper: {width: 200mm, height: 300mm}", "plan.yaml:1: paper: with a paper size of your own, give the type area's width"},
		{"paper: {width: 200mm, height: 300mm}\ngrid: {chars: 10}", "plan.yaml:1: paper: with a paper size of your own, give the type area's height"},
		{"format: tabloid\ntype-area: {width: 300mm}", "plan.yaml:2: format 四开: type area"},
		{"grid: {chars: 11, column-width: 35mm}", "plan.yaml:1: grid: give chars or column-width, not both"},
		{"grid: {pitch: 12pt, leading: 3pt}", "plan.yaml:1: grid: give pitch or leading, not both"},
		{"grid: {pitch: 12}", "plan.yaml:1: grid pitch: 12 needs a unit (mm, cm, pt, in, em or 字)"},
		{"grid: {lines: 12.5}", `plan.yaml:1: grid lines: want a whole number, have "12.5"`},
		{"grid: {lines: many}", `plan.yaml:1: grid lines: want a whole number, have "many"`},
		{"grid: {columns: 1000000000000}", `plan.yaml:1: grid columns: 1000000000000 is too large`},
		{"grid: {columns: 99999}", `plan.yaml:1: format custom: columns -8.99 pt wide cannot hold one 9.00 pt character`},
		{"grid: {chars: NaN}", `plan.yaml:1: grid chars: want a number, have "NaN"`},
		{"grid: {chars: .inf}", `plan.yaml:1: grid chars: want a number, have ".inf"`},
		{"grid: {body: 1e400pt}", `plan.yaml:1: grid body: size "1e400pt"`},
		{"grid: {body: -9pt}", `plan.yaml:1: grid body: size "-9pt": must not be negative`},
		{"margins: {top: [1, 2]}", `plan.yaml:1: margin top: want a single value, have a list`},
		{"margins: {top: }", `plan.yaml:1: margin top: no value`},
		{"grid: [1]", `plan.yaml:1: grid: want "key: value" lines, have a list`},
		{"masthead: 管城报", `plan.yaml:1: masthead: the 报头 (masthead) of page 1 is not supported yet`},
	}
	for _, tt := range bad {
		_, err := planFromString(t, tt.src)
		assertInputError(t, err)
		assert.ErrorContains(t, err, tt.want, tt.src)
	}
}

func withArea(f layout.Format, pw, ph, x, y, w, h float64) layout.Format {
	f.Name = ""
	f.PaperW, f.PaperH = pw, ph
	f.TypeArea = layout.Rect{X: x, Y: y, W: w, H: h}
	return f
}

func withCols(f layout.Format, cols int) layout.Format {
	f.Columns = cols
	return f
}

func TestPlanStyle(t *testing.T) {
	p, err := planFromString(t, `
style:
  indent: 0
  hanging-indent: 2
  punctuation: 开明
  pairs: 1
  positions: centered
  kinsoku: 严格
  latin-space: none
  full-width-line-end: true
  full-width-line-start: true
  hang-punct: true
  breaking: greedy
  ladder: [小初, 26pt, 二号, 16, 五号]
  steps: 1
  head-align: 居左
  head-lines: 3
  head-leading: 0.3
  auto-head: 小一
  white-above: 2
  white-between: 0
  white-below: 1.5
  faces:
    kicker: kai
    headline: song bold
    subtitle: 黑
    body: fangsong
    dateline: hei
    crosshead: song bold
    byline: song
    stamp: hei
  numerals: arabic
  byline: after-dateline
  column-rules: true
  separators: false
  thin-rule: 0.25
  thick-rule: 3pt
  header: false
`)
	require.NoError(t, err)
	want := layout.Style{
		Body: typeset.Style{
			Align: typeset.Justify, Indent: 0, HangingIndent: 2,
			Punctuation: typeset.Kaiming, Pairs: typeset.PairsOne, Positions: typeset.PositionsCentered,
			Kinsoku: typeset.KinsokuStrict, LatinSpace: typeset.NoLatinSpace,
			FullWidthLineEnd: true, FullWidthLineStart: true, HangPunct: true, Breaking: typeset.Greedy,
		},
		Ladder: []float64{36, 26, 22, 16, 10.5}, Steps: 1,
		HeadAlign: typeset.Left, HeadLines: 3, HeadLeading: 0.3, AutoHead: 24,
		WhiteAbove: 2, WhiteBetween: 0, WhiteBelow: 1.5,
		Faces: layout.Faces{
			Kicker: layout.Face{Role: fonts.Kai}, Headline: layout.Face{Role: fonts.Song, Bold: true},
			Subtitle: layout.Face{Role: fonts.Hei}, Body: layout.Face{Role: fonts.Fangsong},
			Dateline: layout.Face{Role: fonts.Hei}, Crosshead: layout.Face{Role: fonts.Song, Bold: true},
			Byline: layout.Face{Role: fonts.Song}, Stamp: layout.Face{Role: fonts.Hei},
		},
		Numerals: layout.Arabic, Byline: layout.BylineAfterDateline,
		ColumnRules: true, Separators: false, ThinRule: 0.25, ThickRule: 3, Header: false,
	}
	assert.Equal(t, want, p.Style)

	bad := []struct{ src, want string }{
		{"style: {punctuation: 全身}", `plan.yaml:1: style punctuation: unknown value "全身"`},
		{"style: {pairs: 2}", `plan.yaml:1: style pairs: unknown value "2" (want 1.5 or 1`},
		{"style: {ladder: []}", `plan.yaml:1: style ladder: want a list of sizes`},
		{"style: {ladder: [初号, 大号]}", `plan.yaml:1: style ladder: size "大号"`},
		{"style: {indent: -1}", `plan.yaml:1: style indent: -1 is negative`},
		{"style: {steps: two}", `plan.yaml:1: style steps: want a whole number, have "two"`},
		{"style: {separators: yes please}", `plan.yaml:1: style separators: want true or false, have "yes please"`},
		{"style: {faces: {headline: bold hei}}", `plan.yaml:1: style faces headline: unknown font role "bold"`},
		{"style: {faces: {headline: hei italic}}", `plan.yaml:1: style faces headline: "hei italic": want a role and optionally bold`},
		{"style: {faces: {title: hei}}", `plan.yaml:1: unknown key "title" in style faces (known keys: kicker, headline,`},
		{"style: {body-size: 小五}", `plan.yaml:1: style body-size: the body size is set in grid: body`},
		{"style: {numerals: roman}", `plan.yaml:1: style numerals: unknown value "roman" (want chinese/中文 or arabic/阿拉伯)`},
		{"style:\n  kinsoku: gb\n  head_align: left", `plan.yaml:3: unknown key "head_align" in style (did you mean head-align?)`},
	}
	for _, tt := range bad {
		_, err := planFromString(t, tt.src)
		assert.ErrorContains(t, err, tt.want, tt.src)
	}
}

func TestPlanFonts(t *testing.T) {
	def, err := fonts.Default()
	require.NoError(t, err)

	// No fonts: the embedded set.
	set, err := mustPlan(t, "testdata/plans/guancheng.yaml").Fonts("")
	require.NoError(t, err)
	for r := fonts.Song; r <= fonts.Fangsong; r++ {
		assert.Equal(t, def.Chain(r), set.Chain(r), r.String())
	}

	// Paths relative to the plan's folder, then the embedded faces.
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.yaml")
	abs, err := filepath.Abs("../../fonts/embedded/LXGWWenKai-Regular.ttf")
	require.NoError(t, err)
	require.NoError(t, os.Mkdir(filepath.Join(dir, "fonts"), 0o755))
	data, err := os.ReadFile(abs)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "fonts", "kai.ttf"), data, 0o644))
	src := "fonts:\n  楷: fonts/kai.ttf\n  fangsong:\n    regular: " + abs + "\n    bold: fonts/kai.ttf\n"
	p, err := ParsePlan(plan, []byte(src))
	require.NoError(t, err)
	set, err = p.Fonts("")
	require.NoError(t, err)
	kai := set.Chain(fonts.Kai)
	require.Len(t, kai, len(def.Chain(fonts.Kai))+1)
	assert.Equal(t, filepath.Join(dir, "fonts", "kai.ttf"), kai[0].Regular.Source())
	assert.Nil(t, kai[0].Bold)
	assert.Equal(t, def.Chain(fonts.Kai), kai[1:])
	fs := set.Chain(fonts.Fangsong)
	assert.Equal(t, abs, fs[0].Regular.Source())
	require.NotNil(t, fs[0].Bold)
	assert.Equal(t, def.Chain(fonts.Song), set.Chain(fonts.Song))

	// The base folder given explicitly.
	q, err := ParsePlan("elsewhere/plan.yaml", []byte(src))
	require.NoError(t, err)
	_, err = q.Fonts(dir)
	require.NoError(t, err)

	// A family that is not installed.
	p, err = planFromString(t, "fonts:\n  hei: No Such Family Sans\n")
	require.NoError(t, err)
	_, err = p.Fonts("")
	assertInputError(t, err)
	assert.ErrorContains(t, err, `plan.yaml:2: fonts hei: "No Such Family Sans": no installed font named "No Such Family Sans"`)

	// A file name without a folder is a file, relative to the plan, even
	// in the current folder: never looked up as an installed family.
	p, err = planFromString(t, "fonts:\n  hei: NoSuchFont.ttf#2\n")
	require.NoError(t, err)
	_, err = p.Fonts("")
	assertInputError(t, err)
	assert.EqualError(t, err, `plan.yaml:2: fonts hei: "NoSuchFont.ttf#2": font file .`+string(filepath.Separator)+`NoSuchFont.ttf does not exist`)

	bad := []struct{ src, want string }{
		{"fonts:\n  ming: x.ttf", `plan.yaml:2: unknown key "ming" in fonts (known keys: song, hei, kai, fangsong)`},
		{"fonts:\n  hei: x.ttf\n  黑: y.ttf", `plan.yaml:3: fonts: the hei font is given twice (first at line 2)`},
		{"fonts:\n  hei: {bold: x.ttf}", `plan.yaml:2: fonts hei: a bold face needs a regular one`},
		{"fonts:\n  hei: {regular: x.ttf, italic: y.ttf}", `plan.yaml:2: unknown key "italic" in fonts hei`},
		{"fonts: [x.ttf]", `plan.yaml:1: fonts: want role: font lines`},
	}
	for _, tt := range bad {
		_, err := planFromString(t, tt.src)
		assert.ErrorContains(t, err, tt.want, tt.src)
	}
}

// TestPlanText: the texts a plan prints have their white space normalised;
// a control character in any value is an error naming its line.
func TestPlanText(t *testing.T) {
	p, err := planFromString(t, "name: \"管城\\t报\"\ndate: \"2018年3月16日\\t\\t星期五\"\npages:\n  - name: \"要\\n闻\"\n")
	require.NoError(t, err)
	assert.Equal(t, "管城 报", p.Name)
	assert.Equal(t, "2018年3月16日 星期五", p.Date)
	assert.Equal(t, "要闻", p.Pages[0].Name)

	_, err = planFromString(t, "format: A3\nname: \"管城\\a报\"\n")
	assertInputError(t, err)
	assert.EqualError(t, err, "plan.yaml:2: name: control character U+0007: not text (remove it)")
}

func TestPlanManuscripts(t *testing.T) {
	p, err := planFromString(t, "manuscripts:\n  - a.txt\n  - b/c.md\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"a.txt", "b/c.md"}, p.Manuscripts)
	assert.Equal(t, 3, p.ManuscriptLine(1))
	assert.Equal(t, 0, p.ManuscriptLine(2))

	_, err = planFromString(t, "manuscripts:\n  - a.txt\n  - ./a.txt\n")
	assert.ErrorContains(t, err, "plan.yaml:3: manuscripts: ./a.txt is listed twice (first at line 2)")
	_, err = planFromString(t, "manuscripts: a.txt\n")
	assert.ErrorContains(t, err, `plan.yaml:1: manuscripts: want a list of files`)
}

func TestPlanEditionChecks(t *testing.T) {
	arts := []*layout.Article{{ID: "a"}, {ID: "b"}}
	p, err := planFromString(t, `format: tabloid
pages:
  - blocks:
      - {article: a, column: 5, span: 2}
      - {article: b, line: 88}
      - {article: a, part: 1, line: 80, lines: 9}
      - {article: b, part: 1, column: 2, head-span: 5}
`)
	require.NoError(t, err)
	_, err = p.Edition(arts)
	assertInputError(t, err)
	for _, want := range []string{
		"plan.yaml:4: page 1 block 1: columns 5–6 are outside the grid's columns 0–5",
		"plan.yaml:5: page 1 block 2: line 88 is outside the grid's lines 0–87",
		"plan.yaml:6: page 1 block 3: lines 80–88 are outside the grid's lines 0–87",
		"plan.yaml:7: page 1 block 4: head-span 5 is wider than the block's 4 columns",
	} {
		assert.ErrorContains(t, err, want)
	}

	// Span and lines left out reach the last column and line.
	p, err = planFromString(t, "pages:\n  - blocks:\n      - {article: a, column: 2, line: 80}\n      - {article: b, span: 2, lines: 80}\n")
	require.NoError(t, err)
	ed, err := p.Edition(arts)
	require.NoError(t, err)
	assert.Equal(t, []layout.Block{{Article: "a", Column: 2, Line: 80}, {Article: "b", Span: 2, Lines: 80}}, ed.Pages[0].Blocks)

	// No articles at all.
	_, err = p.Edition(nil)
	assert.ErrorContains(t, err, `plan.yaml:3: page 1 block 1: no article has ID "a" (there are no articles)`)

	// The edition does not share the plan's blocks.
	ed.Pages[0].Blocks[0].Lines = 3
	assert.Equal(t, 0, p.Pages[0].Blocks[0].Lines)

	// An article no block places: the line of pages:, and where the
	// article is.
	_, err = p.Edition(append(arts, &layout.Article{ID: "c", Source: "copy.txt:9"}))
	assertInputError(t, err)
	assert.EqualError(t, err, "plan.yaml:1: pages: article c (copy.txt:9) is on no page (give it a block, or leave it out of the manuscripts)")

	// Page numbers, and chains across pages, with both lines.
	p, err = planFromString(t, `pages:
  - number: 2
    blocks:
      - {article: a, lines: 10}
      - {article: b, line: 10, lines: 10}
  - number: 1
    blocks:
      - {article: a, part: 1, lines: 10}
  - number: 2
    blocks:
      - {article: b, part: 2, lines: 10}
      - {article: b, lines: 10, line: 10}
`)
	require.NoError(t, err)
	_, err = p.Edition(arts)
	assertInputError(t, err)
	assert.EqualError(t, err, strings.Join([]string{
		"plan.yaml:9: page 2: two pages have number 2 (the other at line 2)",
		"plan.yaml:8: article a: part 1 on page 1 continues backwards from page 2 (line 4)",
		"plan.yaml:12: page 2 block 2: part 0 of article b is placed twice (also at line 5)",
		"plan.yaml:11: article b: part 2 is placed but part 1 is not",
	}, "\n"))

	// At most maxErrors errors, then how many more.
	src := "pages:\n  - blocks:\n"
	for i := range maxErrors + 10 {
		src += fmt.Sprintf("      - {article: x%d, line: %d, lines: 1}\n", i, i)
	}
	p, err = planFromString(t, src)
	require.NoError(t, err)
	_, err = p.Edition(arts)
	assertInputError(t, err)
	msgs := strings.Split(err.Error(), "\n")
	require.Len(t, msgs, maxErrors+1)
	assert.Equal(t, `plan.yaml:3: page 1 block 1: no article has ID "x0" (known IDs: a, b)`, msgs[0])
	assert.Equal(t, "plan.yaml: and 12 more errors", msgs[maxErrors]) // 10 blocks and 2 articles
}

func TestSuggest(t *testing.T) {
	assert.Equal(t, " (did you mean column?)", suggest("colums", blockKeys))
	assert.Equal(t, " (did you mean columns?)", suggest("colums", gridKeys))
	assert.Equal(t, " (did you mean head-span?)", suggest("headspan", blockKeys))
	assert.Equal(t, " (did you mean lines?)", suggest("Lines", gridKeys))
	assert.Contains(t, suggest("zzz", pageKeys), "(known keys: number, name, blocks)")
	assert.NotContains(t, suggest("zzz", topKeys), "masthead")
}

func TestPreset(t *testing.T) {
	for name, want := range map[string]layout.Format{
		"对开": layout.Broadsheet(), "broadsheet": layout.Broadsheet(),
		"四开": layout.Tabloid(), "Tabloid": layout.Tabloid(),
		"A3": layout.A3(), "a3": layout.A3(),
	} {
		f, err := Preset(name)
		require.NoError(t, err)
		assert.Equal(t, want, f, name)
	}
	_, err := Preset("A4")
	assert.ErrorContains(t, err, `unknown paper format "A4"`)
}

// FuzzPlan: no YAML makes ParsePlan panic, and a plan it accepts builds an
// edition (or a clean error) for the seed articles.
func FuzzPlan(f *testing.F) {
	addFixtures(f, "plans/*.yaml")
	addFixtures(f, "plans/*/*.yaml")
	f.Add([]byte("x: &a [*a]\npages: *a\n"))
	f.Add([]byte("pages: &p [{blocks: [{article: a}]}]\nstyle: {ladder: *p}\n"))
	f.Add([]byte("grid: {columns: 3, chars: 0.001, lines: 100000}\n"))
	arts := seedLayoutArticles(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParsePlan("fuzz.yaml", data)
		if err != nil {
			var e *Error
			require.True(t, errors.As(err, &e), "%T %v", err, err)
			return
		}
		ed, err := p.Edition(arts)
		if err != nil {
			var e *Error
			require.True(t, errors.As(err, &e), "%T %v", err, err)
			return
		}
		require.NoError(t, ed.Format.Validate())
		for _, pg := range ed.Pages {
			require.Positive(t, pg.Number)
		}
	})
}

// aliasBomb is a plan of 901 pages of 2001 blocks each, in a few lines.
var aliasBomb = "pages: [&P {blocks: &B [&A {article: x, lines: 1}, " +
	strings.TrimSuffix(strings.Repeat("*A,", 2000), ",") + "]}, " +
	strings.TrimSuffix(strings.Repeat("*P,", 900), ",") + "]\n"

// BenchmarkPlanAliases measures how fast a plan of aliases is refused.
func BenchmarkPlanAliases(b *testing.B) {
	for b.Loop() {
		if _, err := ParsePlan("plan.yaml", []byte(aliasBomb)); err == nil {
			b.Fatal("accepted")
		}
	}
}

// TestPlanAliases: YAML aliases can repeat a list many times in a few
// lines; a plan stays small or is refused. (How fast is for
// BenchmarkPlanAliases, not for an assertion.)
func TestPlanAliases(t *testing.T) {
	pages := strings.TrimSuffix(strings.Repeat("*P,", 900), ",")
	_, err := planFromString(t, aliasBomb)
	require.Error(t, err)
	assert.Regexp(t, `\nplan.yaml: and \d+ more errors$`, err.Error())

	_, err = planFromString(t, "pages: [&P {name: x}, "+pages+", "+pages+"]\n")
	assert.ErrorContains(t, err, "plan.yaml:1: pages: 1801 pages; at most 1000")

	// A list that holds itself.
	_, err = planFromString(t, "pages: &a [*a]\n")
	assert.ErrorContains(t, err, `plan.yaml:1: page 1: want "key: value" lines, have a list`)
}

// TestStyleKeysCoverStyle fails when layout.Style or typeset.Style gains a
// field that no plan key sets: add the key to plan.go and PLAN.md (or
// refuse it as not supported yet).
func TestStyleKeysCoverStyle(t *testing.T) {
	keyOf := map[string]string{
		"Body": "", "Ladder": "ladder", "Steps": "steps", "HeadAlign": "head-align", "AutoHead": "auto-head",
		"HeadLines": "head-lines", "HeadLeading": "head-leading", "WhiteAbove": "white-above",
		"WhiteBetween": "white-between", "WhiteBelow": "white-below", "Faces": "faces", "Numerals": "numerals",
		"Byline": "byline", "ColumnRules": "column-rules", "Separators": "separators", "ThinRule": "thin-rule",
		"ThickRule": "thick-rule", "Header": "header",
		// typeset.Style
		"Align":  "", // body text is justified; headlines have head-align
		"Indent": "indent", "HangingIndent": "hanging-indent", "Punctuation": "punctuation", "Pairs": "pairs",
		"Positions": "positions", "Kinsoku": "kinsoku", "LatinSpace": "latin-space",
		"FullWidthLineEnd": "full-width-line-end", "FullWidthLineStart": "full-width-line-start",
		"HangPunct": "hang-punct", "Breaking": "breaking",
	}
	for _, typ := range []reflect.Type{reflect.TypeFor[layout.Style](), reflect.TypeFor[typeset.Style]()} {
		for f := range typ.Fields() {
			key, ok := keyOf[f.Name]
			if assert.True(t, ok, "%s.%s has no plan key", typ, f.Name) && key != "" {
				assert.Contains(t, styleKeys, key)
			}
		}
	}
	var faces []string
	for f := range reflect.TypeFor[layout.Faces]().Fields() {
		faces = append(faces, strings.ToLower(f.Name))
	}
	assert.ElementsMatch(t, facePartKey, faces)
}

// TestPlanDoc: every YAML example in PLAN.md is a valid plan.
func TestPlanDoc(t *testing.T) {
	data, err := os.ReadFile("PLAN.md")
	require.NoError(t, err)
	blocks := strings.Split(string(data), "```yaml\n")[1:]
	require.GreaterOrEqual(t, len(blocks), 8)
	for i, b := range blocks {
		src, _, ok := strings.Cut(b, "```")
		require.True(t, ok)
		p, err := ParsePlan(fmt.Sprintf("PLAN.md example %d", i+1), []byte(src))
		require.NoError(t, err, src)
		require.NoError(t, p.Format.Validate())
	}
}
