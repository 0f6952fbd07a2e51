package typeset

import (
	"errors"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzCompose: any text, any line widths, any style never panics and never
// loses a character; the only error for valid text is ErrNoRoom.
func FuzzCompose(f *testing.F) {
	f.Add("天地，玄黄。宇宙洪荒", uint64(0x2c2c2c2c2c2c2c2c), uint16(0))
	f.Add("（“天地”）——玄黄……2018年12.3亿元63%ABC def", uint64(0x0b0d14), uint16(0xffff))
	f.Add("本报讯 3月14日下午，团省委书记王艺一行调研", uint64(0x0102030405060708), uint16(0x1234))
	f.Add("\u0301\u200d天\n\t a", uint64(1), uint16(7))
	f.Add("。。。。。。。。。。。。。。。。。。。。", uint64(0x0303030303030303), uint16(0x0400))
	f.Add("", uint64(0), uint16(0))
	song := songFont(f)
	f.Fuzz(func(t *testing.T, text string, widths uint64, opts uint16) {
		bit := func(i uint) bool { return opts&(1<<i) != 0 }
		st := Style{
			Align:              Align(opts & 3),
			Indent:             float64(opts>>2&3) * 0.5,
			HangingIndent:      float64(opts>>4&1) * 2,
			Punctuation:        Punctuation(opts >> 5 & 3 % 3),
			Pairs:              Pairs(opts >> 7 & 1),
			Positions:          Positions(opts >> 8 & 1),
			Kinsoku:            Kinsoku(opts >> 9 & 3),
			FullWidthLineEnd:   bit(11),
			FullWidthLineStart: bit(12),
			HangPunct:          bit(13),
			Breaking:           Breaking(opts >> 14 & 1),
		}
		if bit(15) {
			st.LatinSpace = NoLatinSpace
		}
		// Widths of 0 to 63.75 em, eight lines repeating.
		width := func(k int) float64 { return float64(widths>>(8*(k%8))&0xff) / 4 * size }
		// Up to three runs of different sizes, cut at rune boundaries.
		var runs []Run
		rest := text
		for i := 0; rest != ""; i++ {
			cut := len(rest)
			if i < 2 {
				cut = min(len(rest), 1+int(widths>>(i*5)&63))
				for cut < len(rest) && !utf8.RuneStart(rest[cut]) {
					cut++
				}
			}
			runs = append(runs, Run{Text: rest[:cut], Font: song, Size: []float64{9, 12, 6}[i%3]})
			rest = rest[cut:]
		}
		c := &Composer{}
		if widths&1 == 1 {
			c.advance = fixedMetrics
		}
		p, err := c.Compose(runs, st, width)
		if !utf8.ValidString(text) {
			require.Error(t, err)
			return
		}
		if err != nil {
			require.True(t, errors.Is(err, ErrNoRoom), "%v", err)
			return
		}
		var all strings.Builder
		n := 0
		for _, l := range p.Lines {
			require.NotEmpty(t, l.Glyphs)
			for _, g := range l.Glyphs {
				all.WriteRune(g.Rune)
				n++
				require.False(t, math.IsNaN(g.X) || math.IsInf(g.X, 0) || math.IsNaN(g.Width), "%+v", g)
			}
		}
		assert.Equal(t, text, all.String())
		assert.Equal(t, utf8.RuneCountInString(text), n)
	})
}
