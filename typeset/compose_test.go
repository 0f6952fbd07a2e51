package typeset

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/banmian/banmian/fonts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const size = 9.0 // 小五, newspaper body

// compose sets text in one run at 9 pt, in the Song face or, with
// fixed, in fixedMetrics (Latin 0.5 em), to a measure of chars × 9 pt.
func compose(t *testing.T, text string, st Style, chars float64, fixed bool) *Paragraph {
	t.Helper()
	runs := []Run{{Text: text, Size: size}}
	c := &Composer{}
	if fixed {
		c.advance = fixedMetrics
	} else {
		runs[0].Font = songFont(t)
	}
	p, err := c.Compose(runs, st, Fixed(chars*size))
	require.NoError(t, err)
	checkParagraph(t, p, st, text)
	return p
}

// checkParagraph asserts what holds for every paragraph: nothing lost or
// reordered, slots in order without overlap, justified lines filling the
// measure.
func checkParagraph(t *testing.T, p *Paragraph, st Style, text string) {
	t.Helper()
	var all strings.Builder
	for k, l := range p.Lines {
		all.WriteString(l.Text())
		require.NotEmpty(t, l.Glyphs, "line %d is empty", k)
		assert.Equal(t, k == len(p.Lines)-1, l.Last, "line %d Last", k)
		end := math.Inf(-1)
		for i, g := range l.Glyphs {
			start := g.X + g.Lead
			assert.GreaterOrEqual(t, start, end-1e-9, "line %d %q: glyph %d %q overlaps the one before", k, l.Text(), i, g.Rune)
			assert.GreaterOrEqual(t, g.Width, -1e-9, "line %d glyph %d negative width", k, i)
			end = start + g.Width
		}
		if st.Align == Justify && !l.Last {
			assert.InDelta(t, l.Measure, l.Width, 0.01, "justified line %d %q does not fill its measure", k, l.Text())
		}
	}
	assert.Equal(t, text, all.String(), "characters lost or reordered")
}

func indent0() Style { s := DefaultStyle(); s.Indent = 0; return s }

func with(st Style, f func(*Style)) Style { f(&st); return st }

// The table: each case's lines are worked out from the rules, in the
// comments. Han text is from the 千字文, all 1 em in the Song face.
func TestComposeLines(t *testing.T) {
	basic := func(s *Style) { s.Kinsoku = KinsokuBasic }
	none := func(s *Style) { s.Kinsoku = KinsokuNone }
	strict := func(s *Style) { s.Kinsoku = KinsokuStrict }
	greedy := func(s *Style) { s.Breaking = Greedy }
	hang := func(s *Style) { s.HangPunct = true }
	tests := []struct {
		name  string
		text  string
		st    Style
		chars float64
		fixed bool // fixedMetrics instead of the Song face
		want  []string
	}{
		// 11 characters, 2 em indent: 9 on the first line, 11 after.
		{"natural fit", "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往", DefaultStyle(), 11, false,
			[]string{"天地玄黄宇宙洪荒日", "月盈昃辰宿列张寒来暑往"}},
		// 天地，玄黄宇宙洪荒 fills 9 em; the next ， may not start a line.
		// Push-in: the line-end ， takes ½ em and the mid-line ， gives ½.
		{"push-in", "天地，玄黄宇宙洪荒，日月盈昃。", DefaultStyle(), 11, false,
			[]string{"天地，玄黄宇宙洪荒，", "日月盈昃。"}},
		// Nothing to compress before the ，: push 日 out.
		{"push-out", "天地玄黄宇宙洪荒日，月盈昃辰宿列", DefaultStyle(), 11, false,
			[]string{"天地玄黄宇宙洪荒", "日，月盈昃辰宿列"}},
		// （ may not end a line; with 日 it would need 9.5 em of 9.
		{"opening bracket pushed out", "天地玄黄宇宙洪荒（日月）盈昃辰宿列张", DefaultStyle(), 11, false,
			[]string{"天地玄黄宇宙洪荒", "（日月）盈昃辰宿列张"}},
		// 12 characters and 。 at 11: 昃。 alone would be a 孤字; pull 盈 down.
		{"orphan", "天地玄黄宇宙洪荒日月盈昃。", indent0(), 11, false,
			[]string{"天地玄黄宇宙洪荒日月", "盈昃。"}},
		{"orphan, greedy keeps it", "天地玄黄宇宙洪荒日月盈昃。", with(indent0(), greedy), 11, false,
			[]string{"天地玄黄宇宙洪荒日月盈", "昃。"}},
		// No rules: ， may start a line.
		{"kinsoku none", "天地玄黄宇宙洪荒日月盈，昃辰", with(indent0(), none), 11, false,
			[]string{"天地玄黄宇宙洪荒日月盈", "，昃辰"}},
		{"kinsoku basic", "天地玄黄宇宙洪荒日月盈，昃辰", with(indent0(), basic), 11, false,
			[]string{"天地玄黄宇宙洪荒日月", "盈，昃辰"}},
		// ／ is ½ em. Basic lets it end a line; GB does not, and it may not
		// start one either, so 月／ goes down together.
		{"solidus, basic", "天地玄黄宇宙洪荒日月／盈昃", with(indent0(), basic), 11, false,
			[]string{"天地玄黄宇宙洪荒日月／", "盈昃"}},
		{"solidus, GB", "天地玄黄宇宙洪荒日月／盈昃", indent0(), 11, false,
			[]string{"天地玄黄宇宙洪荒日", "月／盈昃"}},
		// —— may start a line except in strict.
		{"dash, GB", "天地玄黄宇宙洪荒日月盈——昃辰", indent0(), 11, false,
			[]string{"天地玄黄宇宙洪荒日月盈", "——昃辰"}},
		{"dash, strict", "天地玄黄宇宙洪荒日月盈——昃辰", with(indent0(), strict), 11, false,
			[]string{"天地玄黄宇宙洪荒日月", "盈——昃辰"}},
		{"ellipsis, strict", "天地玄黄宇宙洪荒日月盈……昃辰", with(indent0(), strict), 11, false,
			[]string{"天地玄黄宇宙洪荒日月", "盈……昃辰"}},
		// …… is never split, even with no rules: 日月… would fill 11 em.
		{"ellipsis never split", "天地玄黄宇宙洪荒日月……盈昃", with(indent0(), none), 11, false,
			[]string{"天地玄黄宇宙洪荒日月", "……盈昃"}},
		{"dash never split", "天地玄黄宇宙洪荒日月——盈昃", indent0(), 11, false,
			[]string{"天地玄黄宇宙洪荒日月", "——盈昃"}},
		// Hanging: ， hangs past 11 em instead of pushing 盈 out.
		{"hanging", "天地玄黄宇宙洪荒日月盈，昃辰宿", with(indent0(), hang), 11, false,
			[]string{"天地玄黄宇宙洪荒日月盈，", "昃辰宿"}},
		// The greedy breaker resolves violations in the same order:
		// push-in, then push-out; hanging before either when allowed.
		{"push-in, greedy", "天地，玄黄宇宙洪荒，日月盈昃。", with(DefaultStyle(), greedy), 11, false,
			[]string{"天地，玄黄宇宙洪荒，", "日月盈昃。"}},
		{"push-out, greedy", "天地玄黄宇宙洪荒日，月盈昃辰宿列", with(DefaultStyle(), greedy), 11, false,
			[]string{"天地玄黄宇宙洪荒", "日，月盈昃辰宿列"}},
		{"hanging, greedy", "天地玄黄宇宙洪荒日月盈，昃辰宿", with(indent0(), func(s *Style) { hang(s); greedy(s) }), 11, false,
			[]string{"天地玄黄宇宙洪荒日月盈，", "昃辰宿"}},
		// Only 、，。 hang, and not after another mark.
		{"no hanging of ；", "天地玄黄宇宙洪荒日月盈；昃辰宿", with(indent0(), hang), 11, false,
			[]string{"天地玄黄宇宙洪荒日月", "盈；昃辰宿"}},
		{"no hanging by default", "天地玄黄宇宙洪荒日月盈，昃辰宿", indent0(), 11, false,
			[]string{"天地玄黄宇宙洪荒日月", "盈，昃辰宿"}},

		// 13 characters, Latin 0.5 em (fixedMetrics), ¼ em Han–Latin.
		// 9 + ¼ + 3 = 12.25 em; with 月 13.5, compressible to 13.25 only.
		{"Latin word kept whole", "天地玄黄宇宙洪荒日ABCDEF月盈", indent0(), 13, true,
			[]string{"天地玄黄宇宙洪荒日ABCDEF", "月盈"}},
		// 11 + ¼ + 3 > 13: the word goes down whole.
		{"Latin word moves whole", "天地玄黄宇宙洪荒日月盈ABCDEF昃", indent0(), 13, true,
			[]string{"天地玄黄宇宙洪荒日月盈", "ABCDEF昃"}},
		// 11 + ¼ + 2.5 > 13: 12.34 is never split (12.|34 would fit).
		{"decimal kept whole", "天地玄黄宇宙洪荒日月盈12.34亿元", indent0(), 13, true,
			[]string{"天地玄黄宇宙洪荒日月盈", "12.34亿元"}},
		// 12 + ¼ + 1 (63) > 13 even at ⅛ em: 63% goes down whole.
		{"percent kept whole", "天地玄黄宇宙洪荒日月盈昃63%辰宿", indent0(), 13, true,
			[]string{"天地玄黄宇宙洪荒日月盈昃", "63%辰宿"}},
		// 11 + ¼ + 1 = 12.25 em fits, but ％ may not leave its number.
		{"full-width percent stays with its number", "天地玄黄宇宙洪荒日月盈63％辰宿", indent0(), 13, true,
			[]string{"天地玄黄宇宙洪荒日月盈", "63％辰宿"}},
		// 11 + ¼ + 2 > 13 even at ⅛ em (2|018 would fit).
		{"year kept whole", "天地玄黄宇宙洪荒日月盈2018年", indent0(), 13, true,
			[]string{"天地玄黄宇宙洪荒日月盈", "2018年"}},
		// “ ” ， and 。 with 13 em before the 。: push-in takes ½ em from
		// the brackets (priority 4) before the ， (priority 5).
		{"push-in from brackets", "天“地”玄，黄宇宙洪荒日月。盈昃辰宿", indent0(), 13, false,
			[]string{"天“地”玄，黄宇宙洪荒日月。", "盈昃辰宿"}},

		// 20 characters, 2 em indent: 18 on the first line.
		// 18 + 20 + 1 and 。: the 孤字 is avoided by stretching the second
		// line (1 em over 18 gaps) rather than the first (over 16).
		{"orphan at 20", strings.Repeat("天", 18) + strings.Repeat("地", 20) + "玄。", DefaultStyle(), 20, false,
			[]string{strings.Repeat("天", 18), strings.Repeat("地", 19), "地玄。"}},
		{"orphan at 20, greedy", strings.Repeat("天", 18) + strings.Repeat("地", 20) + "玄。", with(DefaultStyle(), greedy), 20, false,
			[]string{strings.Repeat("天", 18), strings.Repeat("地", 20), "玄。"}},
		// 19 + 。: full width in Taiwan style (20 em), ½ em in mainland.
		{"Taiwan full-width line end", strings.Repeat("天", 19) + "。地玄", with(TaiwanStyle(), func(s *Style) { s.Indent = 0 }), 20, false,
			[]string{strings.Repeat("天", 19) + "。", "地玄"}},
		{"Taiwan no rules", strings.Repeat("天", 20) + "，地玄", with(TaiwanStyle(), func(s *Style) { s.Indent, s.Kinsoku = 0, KinsokuNone }), 20, false,
			[]string{strings.Repeat("天", 20), "，地玄"}},
		// 开明: ， is ½ em, so 18 Han and two ， make 19 em, and 地 fits
		// exactly. 全角: the line-end ， is ½ em (19.5); taking 地 too
		// would compress both ， fully, which costs more than ½ em of
		// stretch over 19 gaps.
		{"kaiming", strings.Repeat("天", 9) + "，" + strings.Repeat("天", 9) + "，地玄黄", with(indent0(), func(s *Style) { s.Punctuation = Kaiming }), 20, false,
			[]string{strings.Repeat("天", 9) + "，" + strings.Repeat("天", 9) + "，地", "玄黄"}},
		{"quanjiao", strings.Repeat("天", 9) + "，" + strings.Repeat("天", 9) + "，地玄黄", indent0(), 20, false,
			[]string{strings.Repeat("天", 9) + "，" + strings.Repeat("天", 9) + "，", "地玄黄"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := compose(t, tc.text, tc.st, tc.chars, tc.fixed)
			assert.Equal(t, tc.want, texts(p))
		})
	}
}

// TestPunctuationWidths sets single lines flush left (nothing justified)
// and checks every glyph's slot width and origin, in em.
func TestPunctuationWidths(t *testing.T) {
	left := with(DefaultStyle(), func(s *Style) { s.Indent, s.Align = 0, Left })
	style := func(f func(*Style)) Style { return with(left, f) }
	tests := []struct {
		name  string
		text  string
		st    Style
		fixed bool
		width []float64 // slot widths
		x     []float64 // origins
	}{
		// closing + 点号: the ）loses its trailing blank, 2 em → 1.5.
		{"close stop", "天（地）。玄", left, false,
			[]float64{1, 1, 1, 0.5, 1, 1}, []float64{0, 1, 2, 3, 3.5, 4.5}},
		// 点号 + opening: the ， loses its trailing blank.
		{"pause open", "天，“地”玄", left, false,
			[]float64{1, 0.5, 1, 1, 1, 1}, []float64{0, 1, 1.5, 2.5, 3.5, 4.5}},
		// opening + opening: the second loses its leading blank, its origin
		// ½ em left of its slot; closing + closing: the first its trailing.
		{"open open, close close", "天（“地”）玄", left, false,
			[]float64{1, 1, 0.5, 1, 0.5, 1, 1}, []float64{0, 1, 1.5, 2.5, 3.5, 4, 5}},
		{"close open", "天”（地", left, false,
			[]float64{1, 0.5, 1, 1}, []float64{0, 1, 1.5, 2.5}},
		{"close open, 1 em pairs", "天”（地", style(func(s *Style) { s.Pairs = PairsOne }), false,
			[]float64{1, 0.5, 0.5, 1}, []float64{0, 1, 1, 2}},
		{"close stop, 1 em pairs", "天）。地", style(func(s *Style) { s.Pairs = PairsOne }), false,
			[]float64{1, 0.5, 0.5, 1}, []float64{0, 1, 1.5, 2}},
		// GB/T 15834 5.1.2: ？！ take 1 em together, three such marks 2 em.
		{"question exclamation", "天？！地", left, false,
			[]float64{1, 0.5, 0.5, 1}, []float64{0, 1, 1.5, 2}},
		{"three question marks", "天？？？地", left, false,
			[]float64{1, 0.5, 0.5, 1, 1}, []float64{0, 1, 1.5, 2, 3}},
		// 开明: 。？！ keep 1 em, other marks ½ em.
		{"kaiming", "天，地。玄（黄）宇", style(func(s *Style) { s.Punctuation = Kaiming }), false,
			[]float64{1, 0.5, 1, 1, 1, 0.5, 1, 0.5, 1}, []float64{0, 1, 1.5, 2.5, 3.5, 4, 5, 6, 6.5}},
		// 开明: of two marks the first is ½ em: 办法。）
		{"kaiming pair", "天。）地", style(func(s *Style) { s.Punctuation = Kaiming }), false,
			[]float64{1, 0.5, 0.5, 1}, []float64{0, 1, 1.5, 2}},
		{"banjiao", "天，地。玄", style(func(s *Style) { s.Punctuation = Banjiao }), false,
			[]float64{1, 0.5, 1, 0.5, 1}, []float64{0, 1, 1.5, 2.5, 3}},
		// 行末半角, and the option to keep full width.
		{"line end half", "天地。", left, false,
			[]float64{1, 1, 0.5}, []float64{0, 1, 2}},
		{"line end full", "天地。", style(func(s *Style) { s.FullWidthLineEnd = true }), false,
			[]float64{1, 1, 1}, []float64{0, 1, 2}},
		// An opening bracket starting a line loses its leading ½ em: its
		// origin is ½ em left of the line start.
		{"line start trim", "（天）", left, false,
			[]float64{0.5, 1, 0.5}, []float64{-0.5, 0.5, 1.5}},
		{"line start full", "（天）", style(func(s *Style) { s.FullWidthLineStart = true }), false,
			[]float64{1, 1, 0.5}, []float64{0, 1, 2}},
		// Centred (Taiwan) marks lose ¼ em each side at a line end.
		{"centred line end", "天，", style(func(s *Style) { s.Positions = PositionsCentered }), false,
			[]float64{1, 0.5}, []float64{0, 0.75}},
		// 间隔号 and 分隔号: ½ em, the glyph centred in it.
		// fixedMetrics makes · 1 em (like Noto Sans's): centred in its
		// ½ em slot, its origin is ¼ em left of the slot.
		{"middle dot", "阿·托", left, true,
			[]float64{1, 0.5, 1}, []float64{0, 0.75, 1.5}},
		{"full-width solidus", "文／图", left, true,
			[]float64{1, 0.5, 1}, []float64{0, 0.75, 1.5}},
		{"ASCII solidus between Han", "文/图", left, true,
			[]float64{1, 0.5, 1}, []float64{0, 1, 1.5}},
		// ——: 1 em a half, never compressed.
		{"dash", "天——地", left, true,
			[]float64{1, 1, 1, 1}, []float64{0, 1, 2, 3}},
		// ¼ em between Han and Latin, none at the line's edges nor next to
		// Chinese punctuation.
		{"Han Latin", "天AB地", left, true,
			[]float64{1, 0.5, 0.5, 1}, []float64{0, 1.25, 1.75, 2.5}},
		{"Latin at edges", "AB天CD", left, true,
			[]float64{0.5, 0.5, 1, 0.5, 0.5}, []float64{0, 0.5, 1.25, 2.5, 3}},
		{"Latin in brackets", "（AB）", left, true,
			[]float64{0.5, 0.5, 0.5, 0.5}, []float64{-0.5, 0.5, 1, 1.5}},
		{"Latin and 点号", "天AB，地", left, true,
			[]float64{1, 0.5, 0.5, 1, 1}, []float64{0, 1.25, 1.75, 2.25, 3.25}},
		{"no Latin space", "天AB地", style(func(s *Style) { s.LatinSpace = NoLatinSpace }), true,
			[]float64{1, 0.5, 0.5, 1}, []float64{0, 1, 1.5, 2}},
		{"third em Latin space", "天AB地", style(func(s *Style) { s.LatinSpace = 1.0 / 3 }), true,
			[]float64{1, 0.5, 0.5, 1}, []float64{0, 4.0 / 3, 4.0/3 + 0.5, 4.0/3 + 1 + 1.0/3}},
		// A space ending a line takes no room.
		{"trailing space", "AB ", left, true,
			[]float64{0.5, 0.5, 0}, []float64{0, 0.5, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := compose(t, tc.text, tc.st, 40, tc.fixed)
			require.Len(t, p.Lines, 1)
			var w, x []float64
			for _, g := range p.Lines[0].Glyphs {
				w = append(w, g.Width/size)
				x = append(x, g.X/size)
			}
			assert.InDeltaSlice(t, tc.width, w, 1e-9, "widths")
			assert.InDeltaSlice(t, tc.x, x, 1e-9, "origins")
		})
	}
}

// TestMiddleDotCentred uses the Song face's narrow · (0.327 em): its slot
// is ½ em and the glyph sits in the middle of it.
func TestMiddleDotCentred(t *testing.T) {
	font := songFont(t)
	adv := font.Face.Advance('·')
	require.Less(t, adv, 0.5)
	p := compose(t, "阿·托", with(DefaultStyle(), func(s *Style) { s.Indent, s.Align = 0, Left }), 40, false)
	g := p.Lines[0].Glyphs[1]
	assert.InDelta(t, 0.5*size, g.Width, 1e-9)
	assert.InDelta(t, (1+(0.5-adv)/2)*size, g.X, 1e-9)
	assert.InDelta(t, 1.5*size, p.Lines[0].Glyphs[2].X, 1e-9)
}

// TestDashPairMeets: the Song face's — is narrower than 1 em; the halves
// of —— sit flush against each other in their 2 em.
func TestDashPairMeets(t *testing.T) {
	adv := songFont(t).Face.Advance('—')
	p := compose(t, "天——地", with(DefaultStyle(), func(s *Style) { s.Indent, s.Align = 0, Left }), 40, false)
	g := p.Lines[0].Glyphs
	assert.InDelta(t, (2-adv)*size, g[1].X, 1e-9, "first half flush right")
	assert.InDelta(t, 2*size, g[2].X, 1e-9, "second half flush left")
	assert.InDelta(t, 3*size, g[3].X, 1e-9)
}

// TestJustification checks where extra room and compression go.
func TestJustification(t *testing.T) {
	t.Run("compression order", func(t *testing.T) {
		// 天“地”玄，黄宇宙洪荒日月。 is 13.5 em at 13: the ½ em comes
		// from the brackets, ¼ each; the ， keeps 1 em.
		p := compose(t, "天“地”玄，黄宇宙洪荒日月。盈昃辰宿", indent0(), 13, false)
		g := p.Lines[0].Glyphs
		assert.InDelta(t, 0.75*size, g[1].Width, 1e-9, "“")
		assert.InDelta(t, 0.75*size, g[1].X, 1e-9, "“ origin ¼ em left of its slot at 1 em")
		assert.InDelta(t, 0.75*size, g[3].Width, 1e-9, "”")
		assert.InDelta(t, 1*size, g[5].Width, 1e-9, "，")
		assert.InDelta(t, 0.5*size, g[13].Width, 1e-9, "。 at the line end")
		assert.InDelta(t, 12.5*size, g[13].X, 1e-9)
		assert.InDelta(t, 13.5*size, p.Lines[0].Natural, 1e-9)
	})
	t.Run("push-in takes the comma", func(t *testing.T) {
		p := compose(t, "天地，玄黄宇宙洪荒，日月盈昃。", DefaultStyle(), 11, false)
		g := p.Lines[0].Glyphs
		assert.InDelta(t, 0.5*size, g[2].Width, 1e-9)
		assert.InDelta(t, 0.5*size, g[9].Width, 1e-9)
		assert.InDelta(t, 10.5*size, g[9].X, 1e-9)
	})
	t.Run("expansion spreads over gaps, not inside words", func(t *testing.T) {
		// 天…日ABCDEF is 12.25 em at 13: the Han–Latin gap goes to ⅓ em
		// (+1/12), the other 2/3 em over the 8 gaps between Han: A lands
		// at 9 + 8/12 + 1/3 = 10 em, the letters stay 0.5 em apart.
		p := compose(t, "天地玄黄宇宙洪荒日ABCDEF月盈", indent0(), 13, true)
		g := p.Lines[0].Glyphs
		assert.InDelta(t, 10*size, g[9].X, 1e-9)
		for i := 10; i < 15; i++ {
			assert.InDelta(t, 0.5*size, g[i].X-g[i-1].X, 1e-9, "inside the word")
		}
		assert.InDelta(t, (1+1.0/12)*size, g[1].X-g[0].X, 1e-9)
	})
	t.Run("never inside ——", func(t *testing.T) {
		// 13 em before the ，: 盈 is pushed out, 1 em over the gaps of
		// 天地玄黄——宇宙洪荒日月, none between the two halves.
		p := compose(t, "天地玄黄——宇宙洪荒日月盈，昃辰", indent0(), 13, false)
		require.Equal(t, []string{"天地玄黄——宇宙洪荒日月", "盈，昃辰"}, texts(p))
		g := p.Lines[0].Glyphs
		assert.InDelta(t, size, (g[5].X+g[5].Lead)-(g[4].X+g[4].Lead), 1e-9)
		assert.Greater(t, (g[4].X+g[4].Lead)-(g[3].X+g[3].Lead), size+0.01)
	})
	t.Run("last line not justified", func(t *testing.T) {
		p := compose(t, "天地玄黄宇宙洪荒日月盈昃辰宿列张", indent0(), 11, false)
		last := p.Lines[len(p.Lines)-1]
		assert.InDelta(t, 5*size, last.Width, 1e-9)
		assert.InDelta(t, 4*size, last.Glyphs[4].X, 1e-9)
	})
	t.Run("ragged alignments are not justified", func(t *testing.T) {
		for _, a := range []Align{Left, Center, Right} {
			p := compose(t, "天地玄黄宇宙洪荒日，月盈昃辰宿列", with(DefaultStyle(), func(s *Style) { s.Align = a }), 11, false)
			assert.InDelta(t, 8*size, p.Lines[0].Width-p.Lines[0].Natural+8*size, 1e-9)
			assert.InDelta(t, p.Lines[0].Natural, p.Lines[0].Width, 1e-9, "align %d", a)
			assert.InDelta(t, 2*size, p.Lines[0].Glyphs[0].X, 1e-9, "x from the line start, not aligned")
		}
	})
	t.Run("hanging mark outside the measure", func(t *testing.T) {
		p := compose(t, "天地玄黄宇宙洪荒日月盈，昃辰宿", with(indent0(), func(s *Style) { s.HangPunct = true }), 11, false)
		l := p.Lines[0]
		assert.InDelta(t, 11*size, l.Width, 1e-9)
		assert.InDelta(t, 11*size, l.Glyphs[11].X, 1e-9)
		assert.InDelta(t, 0.5*size, l.Glyphs[11].Width, 1e-9)
	})
	t.Run("indents", func(t *testing.T) {
		st := with(indent0(), func(s *Style) { s.HangingIndent = 2 })
		p := compose(t, strings.Repeat("天", 11)+strings.Repeat("地", 9)+strings.Repeat("玄", 5), st, 11, false)
		require.Equal(t, []string{strings.Repeat("天", 11), strings.Repeat("地", 9), strings.Repeat("玄", 5)}, texts(p))
		assert.InDelta(t, 0, p.Lines[0].Glyphs[0].X, 1e-9)
		assert.InDelta(t, 2*size, p.Lines[1].Glyphs[0].X, 1e-9)
		assert.InDelta(t, 2*size, p.Lines[2].Glyphs[0].X, 1e-9)
		p = compose(t, "（天地）", with(DefaultStyle(), func(s *Style) { s.Indent = 1 }), 11, false)
		assert.InDelta(t, 0.5*size, p.Lines[0].Glyphs[0].X, 1e-9, "bracket trimmed after a 1 em indent")
	})
}

// TestRuns: faces and sizes change within a paragraph.
func TestRuns(t *testing.T) {
	song, bold := songFont(t), boldFont(t)
	t.Run("bold dateline", func(t *testing.T) {
		runs := []Run{
			{Text: "本报讯　", Font: bold, Size: size},
			{Text: "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏", Font: song, Size: size},
		}
		p, err := Compose(runs, DefaultStyle(), Fixed(13*size))
		require.NoError(t, err)
		assert.Equal(t, []string{"本报讯　天地玄黄宇宙洪", "荒日月盈昃辰宿列张寒来暑往", "秋收冬藏"}, texts(p))
		for i, g := range p.Lines[0].Glyphs {
			assert.Equal(t, map[bool]int{true: 0, false: 1}[i < 4], g.Run, "glyph %d", i)
		}
		assert.Same(t, &runs[0], &p.Runs[0])
	})
	t.Run("sizes", func(t *testing.T) {
		// 9 × 9 pt + 3 × 12 pt = 117 pt: exactly 13 × 9 pt.
		runs := []Run{
			{Text: "天地玄黄宇宙洪荒日", Font: song, Size: 9},
			{Text: "月盈昃", Font: song, Size: 12},
			{Text: "辰宿列张", Font: song, Size: 9},
		}
		p, err := Compose(runs, indent0(), Fixed(13*9))
		require.NoError(t, err)
		assert.Equal(t, []string{"天地玄黄宇宙洪荒日月盈昃", "辰宿列张"}, texts(p))
		g := p.Lines[0].Glyphs
		assert.InDelta(t, 12, g[10].Width, 1e-9)
		assert.InDelta(t, 81+12, g[10].X, 1e-9)
	})
	t.Run("indent in em of the first run", func(t *testing.T) {
		runs := []Run{{Text: "天地", Font: song, Size: 12}, {Text: "玄黄", Font: song, Size: 9}}
		p, err := Compose(runs, DefaultStyle(), Fixed(200))
		require.NoError(t, err)
		assert.InDelta(t, 24, p.Lines[0].Glyphs[0].X, 1e-9)
	})
}

// TestWidthPerLine: text wraps around a shape.
func TestWidthPerLine(t *testing.T) {
	widths := []float64{11, 5, 13}
	width := func(i int) float64 { return widths[min(i, 2)] * size }
	text := strings.Repeat("天", 11) + strings.Repeat("地", 5) + strings.Repeat("玄", 13) + strings.Repeat("黄", 3)
	for _, br := range []Breaking{TotalFit, Greedy} {
		p, err := Compose([]Run{{Text: text, Font: songFont(t), Size: size}}, with(indent0(), func(s *Style) { s.Breaking = br }), width)
		require.NoError(t, err)
		assert.Equal(t, []string{strings.Repeat("天", 11), strings.Repeat("地", 5), strings.Repeat("玄", 13), strings.Repeat("黄", 3)}, texts(p))
		for k, l := range p.Lines {
			assert.InDelta(t, width(k), l.Measure, 1e-9)
		}
	}
	// Widths that change after the first lines are honoured.
	narrowLate := func(i int) float64 {
		if i >= 3 {
			return 5 * size
		}
		return 11 * size
	}
	p, err := Compose([]Run{{Text: strings.Repeat("天", 60), Font: songFont(t), Size: size}}, indent0(), narrowLate)
	require.NoError(t, err)
	for k, l := range p.Lines[:len(p.Lines)-1] {
		assert.Len(t, l.Glyphs, map[bool]int{true: 11, false: 5}[k < 3], "line %d", k)
	}
}

func TestDefaults(t *testing.T) {
	st := DefaultStyle()
	assert.Equal(t, Justify, st.Align)
	assert.Equal(t, 2.0, st.Indent)
	assert.Equal(t, KinsokuGB, st.Kinsoku)
	assert.Equal(t, Quanjiao, st.Punctuation)
	assert.Equal(t, PairsOneAndHalf, st.Pairs)
	assert.Equal(t, PositionsGB, st.Positions)
	assert.False(t, st.FullWidthLineEnd, "行末半角")
	assert.False(t, st.HangPunct)
	assert.Equal(t, TotalFit, st.Breaking)
	// A zero Style is a headline style: GB rules apply.
	p := compose(t, "天地玄黄宇宙洪荒日月盈，昃辰", Style{Align: Center}, 11, false)
	assert.Equal(t, []string{"天地玄黄宇宙洪荒日月", "盈，昃辰"}, texts(p))
}

func TestErrors(t *testing.T) {
	song := songFont(t)
	_, err := Compose([]Run{{Text: "天地", Font: song, Size: 9}}, DefaultStyle(), Fixed(5))
	assert.True(t, errors.Is(err, ErrNoRoom), "%v", err)
	_, err = Compose([]Run{{Text: "天地", Font: song, Size: 9}}, DefaultStyle(), Fixed(10))
	assert.True(t, errors.Is(err, ErrNoRoom), "the indent leaves no room: %v", err)
	_, err = Compose([]Run{{Text: strings.Repeat("天", 11), Font: song, Size: 9}}, indent0(), func(i int) float64 { return []float64{90, 3}[min(i, 1)] })
	assert.True(t, errors.Is(err, ErrNoRoom), "second line too narrow: %v", err)
	_, err = Compose([]Run{{Text: "天", Font: song, Size: 0}}, DefaultStyle(), Fixed(100))
	assert.ErrorContains(t, err, "size")
	_, err = Compose([]Run{{Text: "天", Size: 9}}, DefaultStyle(), Fixed(100))
	assert.ErrorContains(t, err, "face")
	_, err = Compose([]Run{{Text: "天\xff", Font: song, Size: 9}}, DefaultStyle(), Fixed(100))
	assert.ErrorContains(t, err, "UTF-8")
	_, err = Compose([]Run{{Text: "天", Font: song, Size: 9}}, DefaultStyle(), nil)
	assert.Error(t, err)

	p, err := Compose(nil, DefaultStyle(), Fixed(100))
	require.NoError(t, err)
	assert.Empty(t, p.Lines)
	p, err = Compose([]Run{{Text: "", Font: fonts.Font{}, Size: 9}}, DefaultStyle(), Fixed(100))
	require.NoError(t, err)
	assert.Empty(t, p.Lines)
}

// TestLongWordEmergency: a word longer than the measure must break
// somewhere. Nothing is lost, no line is wider than the measure, and the
// word is split as few times as possible: once, since 40 × 0.5 em fits in
// two lines of 11 em.
func TestLongWordEmergency(t *testing.T) {
	text := "天地" + strings.Repeat("a", 40) + "玄黄"
	for _, br := range []Breaking{TotalFit, Greedy} {
		c := &Composer{advance: fixedMetrics}
		p, err := c.Compose([]Run{{Text: text, Size: size}}, with(indent0(), func(s *Style) { s.Breaking = br }), Fixed(11*size))
		require.NoError(t, err)
		assert.Equal(t, text, strings.Join(texts(p), ""))
		splits := 0
		for k, l := range p.Lines {
			assert.LessOrEqual(t, l.Width, l.Measure+1e-9)
			if !l.Last && strings.HasSuffix(l.Text(), "a") && strings.HasPrefix(p.Lines[k+1].Text(), "a") {
				splits++
			}
		}
		if br == TotalFit {
			assert.Equal(t, 1, splits, "%q", texts(p))
		}
	}
}

// TestComposerReuse: a Composer's buffers carry nothing from one paragraph
// to the next.
func TestComposerReuse(t *testing.T) {
	font := songFont(t)
	styles := propertyStyles()
	var reused Composer
	for _, name := range []string{"default", "hanging", "kaiming", "greedy", "taiwan", "strict"} {
		st := styles[name]
		for i, text := range seedParagraphs(t) {
			width := Fixed([]float64{11, 13, 20}[i%3] * size)
			runs := []Run{{Text: text, Font: font, Size: size}}
			got, err := reused.Compose(runs, st, width)
			require.NoError(t, err)
			fresh, err := (&Composer{}).Compose(runs, st, width)
			require.NoError(t, err)
			require.Equal(t, fresh, got, "%s: %q", name, text)
		}
	}
}

// TestHangable: only 、，。 hang, not after another mark, not by default.
func TestHangable(t *testing.T) {
	on := with(DefaultStyle(), func(s *Style) { s.HangPunct = true })
	off := DefaultStyle()
	tests := []struct {
		text string
		st   *Style
		want bool
	}{
		{"天，", &on, true}, {"天、", &on, true}, {"天。", &on, true},
		{"天；", &on, false}, {"天？", &on, false}, {"天）", &on, false},
		{"”，", &on, false}, {"。，", &on, false}, {"，", &on, false},
		{"天，", &off, false},
	}
	for _, tc := range tests {
		c := &Composer{advance: fixedMetrics}
		require.NoError(t, c.load([]Run{{Text: tc.text, Size: size}}))
		assert.Equal(t, tc.want, c.hangable(len(c.runes)-1, tc.st), "%q", tc.text)
	}
}

// TestComposeConcurrent: Compose may be called from many goroutines.
func TestComposeConcurrent(t *testing.T) {
	font := songFont(t)
	paras := seedParagraphs(t)
	want := make([][]string, len(paras))
	for i, text := range paras {
		p, err := Compose([]Run{{Text: text, Font: font, Size: size}}, DefaultStyle(), Fixed(13*size))
		require.NoError(t, err)
		want[i] = texts(p)
	}
	errs := make(chan error, 4)
	for g := range 4 {
		go func() {
			for i := range paras {
				text := paras[(i+g)%len(paras)]
				p, err := Compose([]Run{{Text: text, Font: font, Size: size}}, DefaultStyle(), Fixed(13*size))
				if err == nil && strings.Join(texts(p), "|") != strings.Join(want[(i+g)%len(paras)], "|") {
					err = errors.New("different lines for " + text)
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 4 {
		assert.NoError(t, <-errs)
	}
}
