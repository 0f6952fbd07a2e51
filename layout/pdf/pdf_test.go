package pdf

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/banmian/banmian/fonts"
	"github.com/banmian/banmian/internal/snapshot"
	"github.com/banmian/banmian/internal/testfont"
	"github.com/banmian/banmian/layout"
	"github.com/banmian/banmian/layout/raster"
	"github.com/banmian/banmian/typeset"
)

// seedText is the seed page's text without blank lines, n runes at most.
func seedText(t testing.TB, n int) string {
	data, err := os.ReadFile("testdata/guancheng.txt")
	require.NoError(t, err)
	var b strings.Builder
	count := 0
	for _, r := range string(data) {
		if unicode.IsSpace(r) {
			continue
		}
		if count == n {
			break
		}
		b.WriteRune(r)
		count++
	}
	return b.String()
}

// testPage sets text in 6 columns of 11 characters on a tabloid page, with
// a heading, a rule, a frame and a tint, straight through typeset: the
// renderers' tests must not depend on the page layout.
func testPage(t testing.TB, text string) layout.Page {
	set, err := fonts.Default()
	require.NoError(t, err)
	const size, pitch = 9.0, 11.25
	pg := layout.Page{Number: 1, Width: 774, Height: 1105, Trim: layout.Rect{W: 774, H: 1105}}
	pg.TypeArea = layout.Rect{X: 67.5, Y: 60, W: 639, H: 990}
	head, err := set.Split(fonts.Hei, true, "管城区召开理论学习研讨会")
	require.NoError(t, err)
	var runs []typeset.Run
	for _, s := range head {
		runs = append(runs, typeset.Run{Text: s.Text, Font: s.Font, Size: 36, Color: layout.Black})
	}
	par, err := typeset.Compose(runs, typeset.Style{Align: typeset.Left}, typeset.Fixed(639))
	require.NoError(t, err)
	pg.Glyphs = append(pg.Glyphs, lineRuns(par, par.Lines[0], 67.5, 100)...)
	pg.Rules = append(pg.Rules, layout.Rule{X1: 67.5, Y1: 115, X2: 706.5, Y2: 115, Width: 1.5, Color: layout.Black},
		layout.Rule{X1: 67.5, Y1: 119, X2: 706.5, Y2: 119, Width: 0.5, Color: layout.Black, Dash: []float64{3, 2}})
	red := layout.Color{M: 1, Y: 1}
	tint := layout.Color{K: 0.1}
	pg.Boxes = append(pg.Boxes, layout.Box{Rect: layout.Rect{X: 67.5, Y: 1000, W: 200, H: 40}, Fill: &tint, Stroke: &red, StrokeWidth: 1})

	spans, err := set.Split(fonts.Song, false, text)
	require.NoError(t, err)
	runs = runs[:0]
	for _, s := range spans {
		runs = append(runs, typeset.Run{Text: s.Text, Font: s.Font, Size: size, Color: layout.Black})
	}
	par, err = typeset.Compose(runs, typeset.DefaultStyle(), typeset.Fixed(11*size))
	require.NoError(t, err)
	col, row := 0, 0
	for _, l := range par.Lines {
		x := 67.5 + float64(col)*12*size
		y := 140 + float64(row)*pitch
		pg.Glyphs = append(pg.Glyphs, lineRuns(par, l, x, y)...)
		row++
		if 140+float64(row)*pitch > 990 {
			row, col = 0, col+1
		}
	}
	return pg
}

// lineRuns turns a composed line into one glyph run per paragraph run.
func lineRuns(par *typeset.Paragraph, l typeset.Line, x, y float64) []layout.GlyphRun {
	var out []layout.GlyphRun
	for i := 0; i < len(l.Glyphs); {
		j := i
		for j < len(l.Glyphs) && l.Glyphs[j].Run == l.Glyphs[i].Run {
			j++
		}
		run := par.Runs[l.Glyphs[i].Run]
		g := layout.GlyphRun{Font: run.Font, Size: run.Size, Color: run.Color, X: x + l.Glyphs[i].X, Y: y}
		var text []rune
		for _, gl := range l.Glyphs[i:j] {
			text = append(text, gl.Rune)
			g.Offsets = append(g.Offsets, gl.X-l.Glyphs[i].X)
		}
		g.Text = string(text)
		out = append(out, g)
		i = j
	}
	return out
}

func render(t testing.TB, pages ...layout.Page) []byte {
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, pages, Options{Title: "test"}))
	return buf.Bytes()
}

func TestDeterministic(t *testing.T) {
	p := testPage(t, seedText(t, 800))
	a := render(t, p)
	b := render(t, testPage(t, seedText(t, 800)))
	assert.True(t, bytes.Equal(a, b), "same input, same bytes")
	assert.True(t, bytes.HasPrefix(a, []byte("%PDF-")))
}

func TestContentOperators(t *testing.T) {
	p := testPage(t, "团省委调研指导")
	var content strings.Builder
	for _, b := range p.Boxes {
		content.WriteString(boxOps(b, p.Height))
	}
	for _, r := range p.Rules {
		content.WriteString(ruleOps(r, p.Height))
	}
	for _, g := range p.Glyphs {
		content.WriteString(textOps(g, []rune(g.Text), p.Height))
	}
	c := content.String()
	assert.Contains(t, c, "q 0 g BT", "text is filled in DeviceGray black")
	assert.NotContains(t, c, "rg", "no RGB anywhere")
	assert.Equal(t, len(p.Glyphs), strings.Count(c, " BT "), "one text object per glyph run")
	assert.Contains(t, c, "0 1 1 0 K", "a CMYK stroke stays CMYK")
	assert.Contains(t, c, "0.9 g", "a 10 % K tint is gray")
	assert.Contains(t, c, "[3 2] 0 d", "dashes")
}

func TestTextOpsPlacesEachGlyph(t *testing.T) {
	song, err := fonts.Embedded(fonts.SerifRegular)
	require.NoError(t, err)
	g := layout.GlyphRun{Font: fonts.Font{Face: song}, Size: 10, Color: layout.Black, X: 100, Y: 50,
		Text: "中国，人", Offsets: []float64{0, 10, 20, 25}}
	ops := textOps(g, []rune(g.Text), 800)
	// 中 and 国 sit at their natural advance; the comma is set half width,
	// so 人 comes 5 pt (500 thousandths of 10 pt) early.
	assert.Equal(t, "q 0 g BT 1 0 0 1 100 750 Tm [<4E2D56FDFF0C> 500 <4EBA>] TJ ET Q\n", ops)

	g.Font.FakeBold = true
	assert.Contains(t, textOps(g, []rune(g.Text), 800), "0 G 0.3 w 1 j 2 Tr")
}

func TestPdffontsAndPdftotext(t *testing.T) {
	if _, err := exec.LookPath("pdffonts"); err != nil {
		t.Skip("poppler-utils not installed")
	}
	text := seedText(t, 3000)
	path := filepath.Join(t.TempDir(), "p.pdf")
	require.NoError(t, WriteFile(path, []layout.Page{testPage(t, text)}, Options{}))

	out, err := exec.Command("pdffonts", path).CombinedOutput()
	require.NoError(t, err, string(out))
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
	require.Len(t, lines, 2, "Song for the body, bold Hei for the heading:\n%s", out)
	for _, l := range lines {
		f := strings.Fields(l)
		assert.Regexp(t, `^[A-Z]{6}\+`, f[0], "subset tag")
		assert.Equal(t, []string{"yes", "yes", "yes"}, f[len(f)-5:len(f)-2], "embedded, subset, unicode: %s", l)
	}

	out, err = exec.Command("pdftotext", path, "-").CombinedOutput()
	require.NoError(t, err)
	got := map[rune]int{}
	for _, r := range string(out) {
		got[r]++
	}
	want := map[rune]int{}
	for _, r := range text {
		if unicode.Is(unicode.Han, r) {
			want[r]++
		}
	}
	for r, n := range want {
		assert.GreaterOrEqual(t, got[r], n, "pdftotext lost %q", r)
	}
}

func TestPDFAgreesWithProof(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("poppler-utils not installed")
	}
	p := testPage(t, seedText(t, 1500))
	dir := t.TempDir()
	path := filepath.Join(dir, "p.pdf")
	require.NoError(t, WriteFile(path, []layout.Page{p}, Options{}))
	out, err := exec.Command("pdftoppm", "-r", "100", "-png", "-singlefile", path, filepath.Join(dir, "pdf")).CombinedOutput()
	require.NoError(t, err, string(out))
	f, err := os.Open(filepath.Join(dir, "pdf.png"))
	require.NoError(t, err)
	defer f.Close()
	fromPDF, err := png.Decode(f)
	require.NoError(t, err)

	proof, err := raster.Render(&p, 100)
	require.NoError(t, err)
	tol := snapshot.Tolerance{Threshold: 128, MaxShare: 0.01} // poppler hints thin strokes darker; a 1 pt shift differs in ~3 %
	if os.Getenv("BANMIAN_DEBUG_DIR") != "" {
		d, _, _ := snapshot.Compare(proof, fromPDF, tol.Threshold)
		for name, img := range map[string]image.Image{"proof": proof, "pdf": fromPDF, "diff": d} {
			f, _ := os.Create(filepath.Join(os.Getenv("BANMIAN_DEBUG_DIR"), name+".png"))
			png.Encode(f, img)
			f.Close()
		}
	}
	n, total := differing(t, proof, fromPDF, tol)
	t.Logf("PDF vs proof: %d of %d pixels differ", n, total)
	assert.LessOrEqual(t, float64(n), tol.MaxShare*float64(total), "%d of %d pixels differ between PDF and proof", n, total)

	// The comparison can fail: the same page with its text one point to
	// the right does not match.
	moved := p
	moved.Glyphs = append([]layout.GlyphRun(nil), p.Glyphs...)
	for i := range moved.Glyphs {
		moved.Glyphs[i].X++
	}
	shifted, err := raster.Render(&moved, 100)
	require.NoError(t, err)
	n, total = differing(t, shifted, fromPDF, tol)
	assert.Greater(t, float64(n), tol.MaxShare*float64(total), "a 1 pt shift must be seen")
	t.Logf("shifted: %d of %d pixels differ", n, total)
}

func differing(t testing.TB, a, b image.Image, tol snapshot.Tolerance) (int, int) {
	require.Equal(t, a.Bounds().Size(), b.Bounds().Size())
	_, n, total := snapshot.Compare(a, b, tol.Threshold)
	return n, total
}

func TestEmbedsFaceCutFromCollection(t *testing.T) {
	// A face cut out of a TTC must embed: fpdf rejects collections.
	kai, err := fonts.Embedded(fonts.KaiRegular)
	require.NoError(t, err)
	ttc := testfont.Collection(kai.TrueType())
	face, err := fonts.ParseCollection(ttc, 0)
	require.NoError(t, err)
	p := layout.Page{Number: 1, Width: 200, Height: 100}
	p.Glyphs = []layout.GlyphRun{{Font: fonts.Font{Face: face}, Size: 12, Color: layout.Black, X: 10, Y: 50, Text: "楷体字", Offsets: []float64{0, 12, 24}}}
	doc := render(t, p)
	assert.Contains(t, string(doc), "+BanmianKai-Regular")
}

func TestMissingGlyphRefused(t *testing.T) {
	kai, err := fonts.Embedded(fonts.KaiRegular)
	require.NoError(t, err)
	p := layout.Page{Number: 1, Width: 200, Height: 100}
	p.Glyphs = []layout.GlyphRun{{Font: fonts.Font{Face: kai}, Size: 12, X: 10, Y: 50, Text: "a\U00020000", Offsets: []float64{0, 6}}}
	err = Write(&bytes.Buffer{}, []layout.Page{p}, Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "U+20000")
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.pdf")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o644))
	bad := layout.Page{Number: 1, Width: 100, Height: 100, Images: []layout.Image{{Name: "x", Data: []byte("nope")}}}
	require.Error(t, WriteFile(path, []layout.Page{bad}, Options{}))
	old, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "old", string(old), "a failed run leaves the earlier file untouched")
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 1, "no temporary file left behind")

	require.NoError(t, WriteFile(path, []layout.Page{testPage(t, "团省委")}, Options{}))
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm())
}

func BenchmarkOnePage3000(b *testing.B) {
	p := testPage(b, seedText(b, 3000))
	var size int
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := Write(&buf, []layout.Page{p}, Options{}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/1024, "KB/pdf")
}

func TestImageEmbedded(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 4, 4))
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, img))
	p := layout.Page{Number: 1, Width: 100, Height: 100,
		Images: []layout.Image{{Rect: layout.Rect{X: 10, Y: 10, W: 40, H: 40}, Name: "photo", Data: b.Bytes()}}}
	doc := render(t, p)
	assert.Contains(t, string(doc), "/Subtype /Image")
	assert.Contains(t, string(doc), "/Width 4")
}
