package fonts

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/banmian/banmian/internal/testfont"
)

func embeddedBytes(t testing.TB, name string) []byte {
	t.Helper()
	data, ok := embeddedData[name]
	require.True(t, ok, name)
	return data
}

func TestParseTrueType(t *testing.T) {
	f, err := Parse(embeddedBytes(t, KaiRegular))
	require.NoError(t, err)
	assert.Equal(t, "Banmian Kai Regular", f.Name())
	assert.Equal(t, "BanmianKai-Regular", f.PostScriptName())
	assert.True(t, f.Has('中'))
	assert.InDelta(t, 1.0, f.Advance('中'), 1e-9, "a Han character is one em wide")
	assert.Greater(t, f.Ascent(), 0.7)
	assert.Greater(t, f.Descent(), 0.1)
	assert.False(t, f.Has(0x20000), "runes outside the BMP are never offered")
	segs, err := f.Outline('中', 100)
	require.NoError(t, err)
	b := segs.Bounds()
	assert.Less(t, int(b.Min.Y), 0, "outlines rise above the baseline (y down)")
}

func TestCollectionRoundTrip(t *testing.T) {
	kai := embeddedBytes(t, KaiRegular)
	sans := embeddedBytes(t, SansRegular)
	ttc := testfont.Collection(kai, sans)

	_, err := Parse(ttc)
	require.Error(t, err, "a collection needs a face index")
	assert.Contains(t, err.Error(), "collection")

	f, err := ParseCollection(ttc, 1)
	require.NoError(t, err)
	assert.Equal(t, "NotoSansCJKsc-Regular", f.PostScriptName())

	// The cut-out face is a valid standalone file: sfnt parses it, its
	// checksums hold, and it answers like the original.
	sf, err := sfnt.Parse(f.TrueType())
	require.NoError(t, err)
	var b sfnt.Buffer
	gi, err := sf.GlyphIndex(&b, '国')
	require.NoError(t, err)
	assert.NotZero(t, gi)
	assert.Equal(t, uint32(0xB1B0AFBA), checksum(f.TrueType()), "whole-file checksum")
	orig, err := Parse(sans)
	require.NoError(t, err)
	for _, r := range "中国。，“”abc123" {
		assert.Equal(t, orig.Advance(r), f.Advance(r), "advance of %q", r)
		assert.Equal(t, orig.GlyphIndex(r), f.GlyphIndex(r), "glyph of %q", r)
	}

	byName, err := ParseCollectionByName(ttc, "Banmian Kai")
	require.NoError(t, err)
	assert.Equal(t, "BanmianKai-Regular", byName.PostScriptName())
	_, err = ParseCollectionByName(ttc, "Nope")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Noto Sans CJK SC", "the error lists the faces there are")

	_, err = ParseCollection(ttc, 2)
	require.Error(t, err)

	dir := t.TempDir()
	require.NoError(t, os.WriteFile(dir+"/two.ttc", ttc, 0o644))
	f2, err := OpenFace(dir + "/two.ttc#1")
	require.NoError(t, err)
	assert.Equal(t, f.TrueType(), f2.TrueType())
	require.NoError(t, os.WriteFile(dir+"/one.ttf", kai, 0o644))
	_, err = OpenFace(dir + "/one.ttf#1")
	assert.ErrorContains(t, err, "single face", "a face index on a single-face file is a mistake")
	f3, err := OpenFace(dir + "/two.ttc#Noto Sans CJK SC")
	require.NoError(t, err)
	assert.Equal(t, f.TrueType(), f3.TrueType())
}

func TestCFFRefused(t *testing.T) {
	otf := append([]byte("OTTO"), make([]byte, 60)...)
	_, err := Parse(otf)
	assert.ErrorIs(t, err, ErrCFF)

	// A collection whose face has a CFF table, as Noto CJK's .ttc have.
	kai := append([]byte(nil), embeddedBytes(t, KaiRegular)...)
	copy(kai[12:16], "CFF ") // rename the first table record
	ttc := testfont.Collection(kai)
	_, err = ParseCollection(ttc, 0)
	assert.ErrorIs(t, err, ErrCFF)
	assert.Contains(t, err.Error(), "TrueType")

	const noto = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
	if _, err := os.Stat(noto); err == nil {
		_, err := OpenFace(noto + "#2")
		assert.ErrorIs(t, err, ErrCFF)
	}
}

func TestMissingGlyph(t *testing.T) {
	set, err := Default()
	require.NoError(t, err)
	_, err = set.Split(Song, false, "中文\U0002A6A5字")
	var mg *MissingGlyphError
	require.ErrorAs(t, err, &mg)
	assert.Equal(t, rune(0x2A6A5), mg.Rune)
	assert.Contains(t, err.Error(), "U+2A6A5")
	assert.Contains(t, err.Error(), "outside the Basic Multilingual Plane")

	_, err = set.Split(Hei, false, "甲\uE000乙")
	require.ErrorAs(t, err, &mg)
	assert.Contains(t, err.Error(), "U+E000")
	assert.Contains(t, err.Error(), "hei")
	mg.Article, mg.Paragraph = "区领导调研", 3
	assert.Contains(t, mg.Error(), `article "区领导调研", paragraph 3`)
}

func TestSplitAndBold(t *testing.T) {
	set, err := Default()
	require.NoError(t, err)
	spans, err := set.Split(Song, false, "本报讯 3月14日")
	require.NoError(t, err)
	require.Len(t, spans, 1)
	assert.Equal(t, "NotoSerifCJKsc-Regular", spans[0].Font.Face.PostScriptName())

	f, err := set.Font(Song, true, '报')
	require.NoError(t, err)
	assert.Equal(t, "NotoSerifCJKsc-Bold", f.Face.PostScriptName())
	assert.False(t, f.FakeBold)

	f, err = set.Font(Kai, true, '报')
	require.NoError(t, err)
	assert.Equal(t, "BanmianKai-Regular", f.Face.PostScriptName())
	assert.True(t, f.FakeBold, "Kai has no bold face: bold is synthesised")
}

func TestDefaultCoverage(t *testing.T) {
	set, err := Default()
	require.NoError(t, err)
	var want []rune
	dec := simplifiedchinese.GBK.NewDecoder()
	for hi := 0xB0; hi <= 0xF7; hi++ {
		for lo := 0xA1; lo <= 0xFE; lo++ {
			s, err := dec.Bytes([]byte{byte(hi), byte(lo)})
			require.NoError(t, err)
			r := []rune(string(s))[0]
			if r == 0xFFFD || (hi == 0xD7 && lo >= 0xFA) {
				continue // D7FA–D7FE are unassigned in GB 2312
			}
			want = append(want, r)
		}
	}
	require.Len(t, want, 6763, "GB 2312 has 6,763 hanzi")

	f, err := os.Open("testdata/tongyong-guifan-8105.txt")
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	n8105, bmp := 0, 0
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		r := []rune(line)[0]
		n8105++
		if r <= 0xFFFF {
			bmp++
			want = append(want, r)
		}
	}
	require.Equal(t, 8105, n8105)
	for _, name := range []string{SerifRegular, SerifBold, SansRegular, SansBold, KaiRegular} {
		face, err := Embedded(name)
		require.NoError(t, err)
		var missing []string
		for _, r := range want {
			if !face.Has(r) {
				missing = append(missing, string(r))
			}
		}
		assert.Empty(t, missing, "%s lacks %d characters", name, len(missing))
	}
	for _, r := range "，。、；：？！“”‘’（）《》【】——……·％℃￥" {
		_, err := set.Font(Song, false, r)
		assert.NoError(t, err, "punctuation %q", r)
	}
	t.Logf("8105 list: %d in the BMP", bmp)
}

func TestParseRole(t *testing.T) {
	for in, want := range map[string]Role{"song": Song, "黑体": Hei, "Kai": Kai, "仿宋": Fangsong} {
		r, err := ParseRole(in)
		require.NoError(t, err)
		assert.Equal(t, want, r)
	}
	_, err := ParseRole("comic")
	assert.Error(t, err)
}

func TestFindSystem(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(dir+"/kai.ttf", embeddedBytes(t, KaiRegular), 0o644))
	require.NoError(t, os.WriteFile(dir+"/junk.ttf", []byte("not a font"), 0o644))
	p, err := FindSystem("banmian kai", dir)
	require.NoError(t, err)
	assert.Equal(t, dir+"/kai.ttf", p)
	_, err = FindSystem("Nope Sans", dir)
	assert.Error(t, err)
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10"))
	f.Add([]byte("\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00glyf\x00\x00\x00\x00\x00\x00\x00\x10\x00\x00\x00\x10"))
	f.Add([]byte("OTTO"))
	f.Add(kaiRegular[:4096])
	f.Fuzz(func(t *testing.T, data []byte) {
		face, err := Parse(data)
		if err == nil {
			face.Has('中')
			face.Advance('a')
			_, _ = face.Outline('中', 12)
		}
		face, err = ParseCollection(data, 0)
		if err == nil {
			face.Has('中')
		}
		if err != nil && errors.Is(err, ErrCFF) && !bytes.Contains(data, []byte("CFF")) && !bytes.Contains(data, []byte("OTTO")) {
			t.Fatalf("CFF error for data without CFF: %v", err)
		}
	})
}

func BenchmarkDefault(b *testing.B) {
	// Parsing the five embedded faces and building the lookup tables the
	// composer uses, as a fresh process does.
	for b.Loop() {
		for _, n := range []string{SerifRegular, SerifBold, SansRegular, SansBold, KaiRegular} {
			f, err := Parse(embeddedData[n])
			if err != nil {
				b.Fatal(err)
			}
			f.Has('中')
		}
	}
}

func TestCmap4AgreesWithSfnt(t *testing.T) {
	for _, n := range []string{SerifRegular, KaiRegular} {
		data := embeddedBytes(t, n)
		sf, err := sfnt.Parse(data)
		require.NoError(t, err)
		var b sfnt.Buffer
		got := map[rune]uint16{}
		require.True(t, cmap4(data, func(r rune, g uint16) { got[r] = g }))
		count := 0
		for r := rune(0); r < 0xFFFF; r++ {
			g, err := sf.GlyphIndex(&b, r)
			require.NoError(t, err)
			if g != 0 {
				count++
				require.Equal(t, uint16(g), got[r], "%s: U+%04X", n, r)
			}
		}
		assert.Equal(t, count, len(got))
	}
}

func TestOpenByPathOrName(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(dir + "/missing.ttf")
	assert.ErrorContains(t, err, "missing.ttf")
	_, err = Open("missing.ttf") // a font file name is never taken for a family
	assert.ErrorIs(t, err, os.ErrNotExist)
	require.NoError(t, os.WriteFile(dir+"/kai.ttf", embeddedBytes(t, KaiRegular), 0o644))
	f, err := Open(dir + "/kai.ttf")
	require.NoError(t, err)
	assert.Equal(t, "BanmianKai-Regular", f.PostScriptName())
}
