package typeset

import (
	"os"
	"strings"
	"testing"

	"github.com/banmian/banmian/fonts"
	"github.com/stretchr/testify/require"
)

// songFont is the embedded Song (Noto Serif SC) face: its Han and
// full-width punctuation are exactly 1 em.
func songFont(tb testing.TB) fonts.Font {
	tb.Helper()
	f, err := fonts.Embedded(fonts.SerifRegular)
	require.NoError(tb, err)
	return fonts.Font{Face: f}
}

func boldFont(tb testing.TB) fonts.Font {
	tb.Helper()
	f, err := fonts.Embedded(fonts.SerifBold)
	require.NoError(tb, err)
	return fonts.Font{Face: f}
}

// fixedMetrics: ASCII 0.5 em (a space 0.25 em), everything else 1 em, so
// expected lines do not depend on a font's Latin widths.
func fixedMetrics(_ Run, ch rune) float64 {
	switch {
	case ch == ' ':
		return 0.25
	case ch < 0x80:
		return 0.5
	}
	return 1
}

// seedParagraphs are the seed articles' paragraphs (testdata/guancheng.txt).
func seedParagraphs(tb testing.TB) []string {
	tb.Helper()
	data, err := os.ReadFile("testdata/guancheng.txt")
	require.NoError(tb, err)
	return strings.Split(strings.TrimSpace(string(data)), "\n")
}

func texts(p *Paragraph) []string {
	var out []string
	for _, l := range p.Lines {
		out = append(out, l.Text())
	}
	return out
}
