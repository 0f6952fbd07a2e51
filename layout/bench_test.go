package layout_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/banmian/banmian/internal/check"
	"github.com/banmian/banmian/layout"
)

// BenchmarkLayout lays out a 100,000-character corpus (the seed articles
// over and over, about 30 tabloid pages) to the display list, typesetting
// included.
func BenchmarkLayout(b *testing.B) {
	set := defaultFonts(b)
	arts := corpus(b)
	n := 0
	for _, a := range arts {
		n += a.Chars()
	}
	ed := &layout.Edition{Format: layout.Tabloid(), Style: layout.DefaultStyle(), Articles: arts}
	pages, err := layout.Layout(ed, set, layout.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := layout.Layout(ed, set, layout.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(pages)), "pages")
	b.ReportMetric(float64(n), "chars")
}

// corpus is about 100,000 characters of articles: the seed over and over.
func corpus(t testing.TB) []*layout.Article {
	var arts []*layout.Article
	n := 0
	for i := 0; n < 100000; i++ {
		for _, a := range repeated(t, 1) {
			a.ID = fmt.Sprintf("%s.%d", a.ID, i)
			a.Priority = 0
			arts = append(arts, a)
			n += a.Chars()
		}
	}
	return arts
}

// TestAutoFlowCorpus checks the invariants on every page of the corpus in
// automatic flow, full width and in narrower groups, where articles break
// across pages with 转版 stamps.
func TestAutoFlowCorpus(t *testing.T) {
	for _, span := range []int{0, 2, 3} {
		ed := &layout.Edition{Format: layout.Tabloid(), Style: layout.DefaultStyle(), Articles: corpus(t), AutoSpan: span}
		pages, err := layout.Layout(ed, defaultFonts(t), layout.Options{})
		require.NoError(t, err)
		require.Greater(t, len(pages), 25)
		check.Pages(t, pages, ed.Articles)
		jumps := 0
		for i, p := range pages {
			require.Equal(t, i+1, p.Number)
			for _, g := range p.Glyphs {
				if g.Kind == layout.KindStamp {
					jumps++
				}
			}
		}
		if span > 0 {
			assert.Positive(t, jumps, "span %d", span)
		}
		t.Logf("span %d: %d pages, %d stamps", span, len(pages), jumps)
	}
}
