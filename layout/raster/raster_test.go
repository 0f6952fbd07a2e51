package raster

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/banmian/banmian/fonts"
	"github.com/banmian/banmian/layout"
)

func ink(img *image.RGBA, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if c := img.RGBAAt(x, y); c.R < 128 || c.G < 128 || c.B < 128 {
				n++
			}
		}
	}
	return n
}

func TestRulesAndBoxes(t *testing.T) {
	red := layout.Color{M: 1, Y: 1}
	p := layout.Page{Width: 100, Height: 100,
		Rules: []layout.Rule{
			{X1: 10, Y1: 10, X2: 90, Y2: 10, Width: 2, Color: layout.Black},
			{X1: 10, Y1: 50, X2: 90, Y2: 50, Width: 2, Color: layout.Black, Dash: []float64{10, 10}},
		},
		Boxes: []layout.Box{{Rect: layout.Rect{X: 20, Y: 70, W: 20, H: 20}, Fill: &red}},
	}
	img, err := Render(&p, 72) // one pixel per point
	require.NoError(t, err)
	assert.Equal(t, image.Rect(0, 0, 100, 100), img.Bounds())
	assert.Equal(t, color.RGBA{0, 0, 0, 255}, img.RGBAAt(50, 10), "solid rule")
	assert.Equal(t, color.RGBA{255, 255, 255, 255}, img.RGBAAt(50, 20), "white elsewhere")
	assert.Equal(t, color.RGBA{0, 0, 0, 255}, img.RGBAAt(15, 50), "dash on")
	assert.Equal(t, color.RGBA{255, 255, 255, 255}, img.RGBAAt(25, 50), "dash off")
	assert.Equal(t, color.RGBA{255, 0, 0, 255}, img.RGBAAt(30, 80), "M+Y is red")
}

func TestGlyphsLandWhereTheOffsetsSay(t *testing.T) {
	song, err := fonts.Embedded(fonts.SerifRegular)
	require.NoError(t, err)
	run := layout.GlyphRun{Font: fonts.Font{Face: song}, Size: 20, Color: layout.Black, X: 10, Y: 40,
		Text: "中国", Offsets: []float64{0, 60}}
	p := layout.Page{Width: 120, Height: 60, Glyphs: []layout.GlyphRun{run}}
	img, err := Render(&p, 72)
	require.NoError(t, err)
	assert.Greater(t, ink(img, image.Rect(10, 20, 30, 45)), 40, "中 in its em box")
	assert.Zero(t, ink(img, image.Rect(32, 0, 68, 60)), "nothing between the two glyphs")
	assert.Greater(t, ink(img, image.Rect(70, 20, 90, 45)), 40, "国 60 pt further")

	bold := run
	bold.Font.FakeBold = true
	pb := layout.Page{Width: 120, Height: 60, Glyphs: []layout.GlyphRun{bold}}
	imgB, err := Render(&pb, 72)
	require.NoError(t, err)
	assert.Greater(t, ink(imgB, imgB.Bounds()), ink(img, img.Bounds()), "synthetic bold adds ink")
}

func TestErrors(t *testing.T) {
	_, err := Render(&layout.Page{Number: 3, Width: 0, Height: 10}, 72)
	assert.ErrorContains(t, err, "page 3")

	p := layout.Page{Width: 10, Height: 10, Images: []layout.Image{{Name: "x.png", Data: []byte("not an image")}}}
	_, err = Render(&p, 72)
	assert.ErrorContains(t, err, "x.png")

	song, _ := fonts.Embedded(fonts.SerifRegular)
	p = layout.Page{Width: 10, Height: 10, Glyphs: []layout.GlyphRun{{Font: fonts.Font{Face: song}, Size: 9, Text: "中国", Offsets: []float64{0}}}}
	_, err = Render(&p, 72)
	assert.ErrorContains(t, err, "2 runes and 1 offsets")
}

func TestImagesAndPNG(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 2, 2))
	for i := range src.Pix {
		src.Pix[i] = 0 // transparent black…
	}
	for y := 0; y < 2; y++ {
		for x := 0; x < 2; x++ {
			src.SetRGBA(x, y, color.RGBA{0, 0, 255, 255})
		}
	}
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, src))
	p := layout.Page{Width: 40, Height: 40, Images: []layout.Image{{Rect: layout.Rect{X: 10, Y: 10, W: 20, H: 20}, Name: "blue", Data: b.Bytes()}}}
	var out bytes.Buffer
	require.NoError(t, WritePNG(&out, &p, 72))
	img, err := png.Decode(&out)
	require.NoError(t, err)
	r, g, bl, _ := img.At(20, 20).RGBA()
	assert.Equal(t, []uint32{0, 0, 0xffff}, []uint32{r, g, bl}, "the picture is scaled into its box")
	r, _, _, _ = img.At(5, 5).RGBA()
	assert.Equal(t, uint32(0xffff), r, "and nowhere else")
}
