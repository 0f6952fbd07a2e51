package typeset

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The prohibited sets written out from the reference (§1.2, §1.3), not
// taken from the code under test. —— and …… are checked separately.
const (
	basicNotStart = "。．，、：；！？‼⁇⁈⁉）〕】〗］｝》〉」』”’～〜–·・‧／%％‰℃"
	basicNotEnd   = "（〔【〖［｛《〈「『“‘￥＄"
)

func notStart(lvl Kinsoku, line []Glyph) bool {
	if lvl == KinsokuNone {
		return false
	}
	r := line[0].Rune
	if r == '—' || r == '…' {
		paired := len(line) > 1 && line[1].Rune == r
		return lvl == KinsokuStrict || !paired // a lone — is a 连接号
	}
	return strings.ContainsRune(basicNotStart, r)
}

func notEnd(lvl Kinsoku, line []Glyph, next []Glyph) bool {
	if lvl == KinsokuNone {
		return false
	}
	r := line[len(line)-1].Rune
	if r == '／' || r == '/' && len(next) > 0 && isHan(next[0].Rune) {
		return lvl != KinsokuBasic
	}
	return strings.ContainsRune(basicNotEnd, r)
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// numberish characters may not be split from each other.
func numberish(r rune) bool { return r >= '0' && r <= '9' || r == '.' || r == '%' || r == '％' }

// checkInvariants asserts the properties every composed paragraph has.
func checkInvariants(t *testing.T, p *Paragraph, st Style, text string, width Width) {
	t.Helper()
	var all strings.Builder
	for k, l := range p.Lines {
		all.WriteString(l.Text())
		require.NotEmpty(t, l.Glyphs)
		assert.InDelta(t, width(k), l.Measure, 1e-9)
		assert.LessOrEqual(t, l.Width, l.Measure+0.01, "line %d %q is too wide", k, l.Text())
		if st.Align == Justify && !l.Last {
			assert.InDelta(t, l.Measure, l.Width, 0.01, "justified line %d %q does not fill its measure", k, l.Text())
		}
		end := -1e9
		for i, g := range l.Glyphs {
			start := g.X + g.Lead
			assert.GreaterOrEqual(t, start, end-1e-9, "line %d %q: glyph %d overlaps", k, l.Text(), i)
			end = start + g.Width
			if start > l.Measure-1e-6 && g.Width > 0 {
				assert.True(t, st.HangPunct && i == len(l.Glyphs)-1 && strings.ContainsRune("、，。", g.Rune),
					"line %d %q: %q is past the measure", k, l.Text(), g.Rune)
			}
		}
		if k > 0 {
			prev := p.Lines[k-1].Glyphs
			a, b := prev[len(prev)-1].Rune, l.Glyphs[0].Rune
			assert.False(t, notStart(st.Kinsoku, l.Glyphs), "line %d starts with %q: %q", k, b, l.Text())
			assert.False(t, notEnd(st.Kinsoku, prev, l.Glyphs), "line %d ends with %q: %q", k-1, a, p.Lines[k-1].Text())
			assert.False(t, a == b && (a == '—' || a == '…'), "line %d splits %c%c", k, a, b)
			assert.False(t, numberish(a) && numberish(b), "line %d splits a number: %q|%q", k, a, b)
			assert.False(t, unicode.IsLetter(a) && unicode.IsLetter(b) && a < 0x2E80 && b < 0x2E80, "line %d splits a word: %q|%q", k, a, b)
		}
	}
	assert.Equal(t, text, all.String(), "characters lost or reordered")
	if st.Breaking == TotalFit && len(p.Lines) > 1 {
		last := p.Lines[len(p.Lines)-1]
		chars := 0
		for _, g := range last.Glyphs {
			if !strings.ContainsRune("。．，、：；！？）〕】〗］｝》〉」』”’ ", g.Rune) {
				chars++
			}
		}
		assert.GreaterOrEqual(t, chars, 2, "孤字: last line %q", last.Text())
	}
}

func propertyStyles() map[string]Style {
	d := DefaultStyle()
	return map[string]Style{
		"default":    d,
		"greedy":     with(d, func(s *Style) { s.Breaking = Greedy }),
		"basic":      with(d, func(s *Style) { s.Kinsoku = KinsokuBasic }),
		"strict":     with(d, func(s *Style) { s.Kinsoku = KinsokuStrict }),
		"none":       with(d, func(s *Style) { s.Kinsoku = KinsokuNone }),
		"kaiming":    with(d, func(s *Style) { s.Punctuation = Kaiming }),
		"banjiao":    with(d, func(s *Style) { s.Punctuation = Banjiao; s.Pairs = PairsOne }),
		"hanging":    with(d, func(s *Style) { s.HangPunct = true }),
		"taiwan":     TaiwanStyle(),
		"left":       with(d, func(s *Style) { s.Align = Left; s.LatinSpace = NoLatinSpace }),
		"hangindent": with(d, func(s *Style) { s.Indent = 0; s.HangingIndent = 2 }),
	}
}

// TestPropertiesSeed sets every seed paragraph at 11, 13 and 20
// characters in every style.
func TestPropertiesSeed(t *testing.T) {
	font := songFont(t)
	paras := seedParagraphs(t)
	for name, st := range propertyStyles() {
		for _, chars := range []float64{11, 13, 20} {
			t.Run(fmt.Sprintf("%s/%v", name, chars), func(t *testing.T) {
				width := Fixed(chars * size)
				for _, text := range paras {
					p, err := Compose([]Run{{Text: text, Font: font, Size: size}}, st, width)
					require.NoError(t, err)
					checkInvariants(t, p, st, text, width)
				}
			})
		}
	}
}

// Generated news-like text.
const hanPool = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理"

func genParagraph(r *rand.Rand) string {
	han := []rune(hanPool)
	word := func(min, max int) string {
		n := min + r.IntN(max-min+1)
		var b strings.Builder
		for range n {
			b.WriteRune(han[r.IntN(len(han))])
		}
		return b.String()
	}
	latin := []string{"GDP", "CPU", "iPhone", "Windows", "app", "the", "and", "WTO", "5G", "NBA", "e-mail"}
	var b strings.Builder
	target := 8 + r.IntN(220)
	for b.Len()/3 < target {
		switch x := r.IntN(100); {
		case x < 55:
			b.WriteString(word(1, 4))
		case x < 63:
			b.WriteString("“" + word(2, 6) + "”")
		case x < 67:
			open := r.IntN(3)
			b.WriteString([]string{"（", "《", "【"}[open] + word(2, 8) + []string{"）", "》", "】"}[open])
		case x < 73:
			b.WriteString(word(1, 2))
			b.WriteString([]string{"2018年", "12.3亿元", "63%", "63％", "3.45", "1000", "15时40分", "￥100"}[r.IntN(8)])
		case x < 78:
			b.WriteString(word(1, 2))
			n := 1 + r.IntN(3)
			for i := range n {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(latin[r.IntN(len(latin))])
			}
		case x < 81:
			b.WriteString(word(2, 3) + []string{"——", "……"}[r.IntN(2)])
		case x < 83:
			b.WriteString(word(2, 3) + "·" + word(2, 3))
		case x < 84:
			b.WriteString(word(2, 2) + "/" + word(1, 1))
		case x < 85:
			b.WriteString(word(1, 2) + "5～9" + word(1, 1))
		default:
			b.WriteString(word(2, 4))
		}
		if r.IntN(4) == 0 {
			b.WriteString([]string{"，", "，", "，", "、", "。", "；", "：", "？", "！"}[r.IntN(9)])
		}
	}
	b.WriteString(word(2, 3) + "。")
	return b.String()
}

// TestPropertiesGenerated sets generated paragraphs, in the Song face and
// in fixed metrics, at 11, 13 and 20 characters and at widths that change
// from line to line.
func TestPropertiesGenerated(t *testing.T) {
	font := songFont(t)
	r := rand.New(rand.NewPCG(3, 14))
	n := 400
	if testing.Short() {
		n = 60
	}
	styles := propertyStyles()
	names := make([]string, 0, len(styles))
	for name := range styles {
		names = append(names, name)
	}
	for i := range n {
		text := genParagraph(r)
		name := names[r.IntN(len(names))]
		st := styles[name]
		var width Width
		switch i % 4 {
		case 0, 1, 2:
			width = Fixed([]float64{11, 13, 20}[i%3] * size)
		case 3:
			ws := make([]float64, 8)
			for j := range ws {
				ws[j] = float64(8+r.IntN(14)) * size
			}
			width = func(k int) float64 { return ws[k%len(ws)] }
		}
		c := &Composer{}
		runs := []Run{{Text: text, Font: font, Size: size}}
		if i%2 == 1 {
			c.advance = fixedMetrics
			runs[0].Font.Face = nil
		}
		p, err := c.Compose(runs, st, width)
		require.NoError(t, err, "%s: %q", name, text)
		if !t.Run(fmt.Sprintf("%d-%s", i, name), func(t *testing.T) { checkInvariants(t, p, st, text, width) }) {
			t.Logf("text: %q\nlines: %q", text, texts(p))
			break
		}
	}
}

// TestTotalFitBeatsGreedy: on the seed corpus, the total-fit breaks are
// never worse than greedy ones by the total-fit measure, and better
// somewhere.
func TestTotalFitBeatsGreedy(t *testing.T) {
	font := songFont(t)
	better := 0
	for _, chars := range []float64{11, 13, 20} {
		for _, text := range seedParagraphs(t) {
			runs := []Run{{Text: text, Font: font, Size: size}}
			tf, err := Compose(runs, DefaultStyle(), Fixed(chars*size))
			require.NoError(t, err)
			gr, err := Compose(runs, with(DefaultStyle(), func(s *Style) { s.Breaking = Greedy }), Fixed(chars*size))
			require.NoError(t, err)
			assert.LessOrEqual(t, tf.Demerits, gr.Demerits+1e-6, "%q", text)
			if tf.Demerits < gr.Demerits-1e-6 {
				better++
			}
		}
	}
	assert.Positive(t, better)
	t.Logf("total-fit better than greedy in %d of %d paragraph settings", better, 3*len(seedParagraphs(t)))
}
