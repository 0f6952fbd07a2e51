package typeset

import (
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A number keeps its unit where it can: set at 11, 13 and 20 characters,
// the seed copy parts no number from the Han character after it (without
// the price of a soft break, one of its 60 pairs parts).
func TestNumberKeepsItsUnit(t *testing.T) {
	font := songFont(t)
	parted, chances := 0, 0
	for _, chars := range []int{11, 13, 20} {
		for _, text := range seedParagraphs(t) {
			p, err := Compose([]Run{{Text: text, Font: font, Size: 9}}, DefaultStyle(), Fixed(float64(chars)*9))
			require.NoError(t, err)
			rs := []rune(text)
			for i := 0; i+1 < len(rs); i++ {
				if unicode.IsDigit(rs[i]) && unicode.Is(unicode.Han, rs[i+1]) {
					chances++
				}
			}
			for _, l := range p.Lines[:len(p.Lines)-1] {
				if last := l.Glyphs[len(l.Glyphs)-1].Rune; unicode.IsDigit(last) {
					parted++
				}
			}
		}
	}
	require.Greater(t, chances, 40)
	assert.Zero(t, parted, "%d of %d number–unit pairs parted (1 without the price)", parted, chances)
	t.Logf("%d of %d number–unit pairs parted", parted, chances)
}

// Parting 12.3 from 亿元 costs little next to a loose line: at 13
// characters the number stays with its unit, at 11 the only other choice is
// a line three ems loose, and the number parts.
func TestTwelvePointThreeBillion(t *testing.T) {
	text := "全年计划投资12.3亿元，围绕“四河两库一渠”沿岸和南部路网，重点实施潮湖整片区绿化工程。"
	p, err := Compose([]Run{{Text: text, Font: songFont(t), Size: 9}}, DefaultStyle(), Fixed(13*9))
	require.NoError(t, err)
	assert.Equal(t, "全年计划投资12.3亿元，", texts(p)[0])
	p, err = Compose([]Run{{Text: text, Font: songFont(t), Size: 9}}, DefaultStyle(), Fixed(11*9))
	require.NoError(t, err)
	assert.Equal(t, "全年计划投资12.3", texts(p)[0])
}
