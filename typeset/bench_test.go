package typeset

import (
	"runtime"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// benchCorpus is the seed articles' paragraphs repeated to at least n
// characters, as runs in the Song face at 9 pt.
func benchCorpus(b *testing.B, n int) ([][]Run, int) {
	font := songFont(b)
	paras := seedParagraphs(b)
	var runs [][]Run
	chars := 0
	for i := 0; chars < n; i++ {
		p := paras[i%len(paras)]
		runs = append(runs, []Run{{Text: p, Font: font, Size: 9, Color: Black}})
		chars += utf8.RuneCountInString(p)
	}
	return runs, chars
}

// BenchmarkCompose sets a 100,000-character corpus from the seed articles
// at a 13-character measure (13 × 9 pt), total-fit and greedy. It reports
// characters per second and allocations per line.
func BenchmarkCompose(b *testing.B) {
	for _, mode := range []struct {
		name string
		br   Breaking
	}{{"TotalFit", TotalFit}, {"Greedy", Greedy}} {
		b.Run(mode.name, func(b *testing.B) {
			corpus, chars := benchCorpus(b, 100_000)
			st := DefaultStyle()
			st.Breaking = mode.br
			width := Fixed(13 * 9)
			for _, r := range corpus { // warm the pool and the faces
				_, err := Compose(r, st, width)
				require.NoError(b, err)
			}
			var before, after runtime.MemStats
			lines := 0
			runtime.GC()
			runtime.ReadMemStats(&before)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for _, r := range corpus {
					p, err := Compose(r, st, width)
					if err != nil {
						b.Fatal(err)
					}
					lines += len(p.Lines)
				}
			}
			b.StopTimer()
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(chars)*float64(b.N)/b.Elapsed().Seconds(), "chars/s")
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(lines), "allocs/line")
		})
	}
}
