// Package raster renders a display list page to an image, for proofs and
// visual tests. Glyphs are drawn from their outlines at exactly the
// positions the PDF uses, so a proof shows what the press gets.
//
// It turns pages into pixels and nothing else: it must not know
// manuscripts, line breaking or page layout.
package raster

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	_ "image/jpeg" // decode JPEG pictures
	"image/png"
	"io"
	"math"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/vector"

	"github.com/banmian/banmian/fonts"
	"github.com/banmian/banmian/layout"
)

// fakeBoldStroke matches the PDF writer's synthetic bold, in em.
const fakeBoldStroke = 0.03

// Render draws p at dpi dots per inch on white.
func Render(p *layout.Page, dpi float64) (*image.RGBA, error) {
	s := dpi / 72
	w, h := int(math.Ceil(p.Width*s)), int(math.Ceil(p.Height*s))
	if w <= 0 || h <= 0 || w > 20000 || h > 20000 {
		return nil, fmt.Errorf("raster: page %d: implausible size %dx%d px", p.Number, w, h)
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	r := &renderer{img: img, s: s, ras: vector.NewRasterizer(w, h), cache: map[glyphKey]sfnt.Segments{}}

	for _, b := range p.Boxes {
		if b.Fill != nil {
			r.rect(b.X, b.Y, b.W, b.H)
			r.flush(*b.Fill)
		}
		if b.Stroke != nil {
			sw := b.StrokeWidth
			r.rect(b.X-sw/2, b.Y-sw/2, b.W+sw, sw)
			r.rect(b.X-sw/2, b.Bottom()-sw/2, b.W+sw, sw)
			r.rect(b.X-sw/2, b.Y+sw/2, sw, b.H-sw)
			r.rect(b.Right()-sw/2, b.Y+sw/2, sw, b.H-sw)
			r.flush(*b.Stroke)
		}
	}
	for _, im := range p.Images {
		if err := r.image(im); err != nil {
			return nil, fmt.Errorf("raster: page %d: %w", p.Number, err)
		}
	}
	for _, l := range p.Rules {
		r.rule(l)
		r.flush(l.Color)
	}
	// Text: one rasteriser pass per colour, in order of first use.
	var colours []layout.Color
	byColour := map[layout.Color][]int{}
	for i, g := range p.Glyphs {
		if _, ok := byColour[g.Color]; !ok {
			colours = append(colours, g.Color)
		}
		byColour[g.Color] = append(byColour[g.Color], i)
	}
	for _, c := range colours {
		for _, i := range byColour[c] {
			if err := r.glyphs(p.Glyphs[i]); err != nil {
				return nil, fmt.Errorf("raster: page %d: %w", p.Number, err)
			}
		}
		r.flush(c)
	}
	return img, nil
}

// WritePNG renders p and encodes it as PNG.
func WritePNG(w io.Writer, p *layout.Page, dpi float64) error {
	img, err := Render(p, dpi)
	if err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	return enc.Encode(w, img)
}

type glyphKey struct {
	face *fonts.Face
	r    rune
	size float64
}

type renderer struct {
	img   *image.RGBA
	s     float64 // pixels per point
	ras   *vector.Rasterizer
	dirty bool
	cache map[glyphKey]sfnt.Segments
}

// RGBA converts a process colour for the screen, naively.
func RGBA(c layout.Color) color.RGBA {
	f := func(v float64) uint8 { return uint8(math.Round(255 * (1 - math.Min(1, v+c.K)))) }
	return color.RGBA{R: f(c.C), G: f(c.M), B: f(c.Y), A: 255}
}

func (r *renderer) flush(c layout.Color) {
	if !r.dirty {
		return
	}
	r.ras.Draw(r.img, r.img.Bounds(), image.NewUniform(RGBA(c)), image.Point{})
	r.ras.Reset(r.img.Bounds().Dx(), r.img.Bounds().Dy())
	r.dirty = false
}

// poly adds a closed polygon given in points.
func (r *renderer) poly(pts ...[2]float64) {
	r.ras.MoveTo(float32(pts[0][0]*r.s), float32(pts[0][1]*r.s))
	for _, p := range pts[1:] {
		r.ras.LineTo(float32(p[0]*r.s), float32(p[1]*r.s))
	}
	r.ras.ClosePath()
	r.dirty = true
}

func (r *renderer) rect(x, y, w, h float64) {
	r.poly([2]float64{x, y}, [2]float64{x + w, y}, [2]float64{x + w, y + h}, [2]float64{x, y + h})
}

func (r *renderer) rule(l layout.Rule) {
	dx, dy := l.X2-l.X1, l.Y2-l.Y1
	n := math.Hypot(dx, dy)
	if n == 0 || l.Width <= 0 {
		return
	}
	ux, uy := dx/n, dy/n
	nx, ny := -uy*l.Width/2, ux*l.Width/2
	seg := func(a, b float64) {
		x1, y1, x2, y2 := l.X1+ux*a, l.Y1+uy*a, l.X1+ux*b, l.Y1+uy*b
		r.poly([2]float64{x1 + nx, y1 + ny}, [2]float64{x2 + nx, y2 + ny}, [2]float64{x2 - nx, y2 - ny}, [2]float64{x1 - nx, y1 - ny})
	}
	if len(l.Dash) == 0 {
		seg(0, n)
		return
	}
	pos, on := 0.0, true
	for i := 0; pos < n; i++ {
		d := l.Dash[i%len(l.Dash)]
		if d <= 0 {
			d = l.Width
		}
		if on {
			seg(pos, math.Min(n, pos+d))
		}
		pos += d
		on = !on
	}
}

func (r *renderer) image(im layout.Image) error {
	src, _, err := image.Decode(bytes.NewReader(im.Data))
	if err != nil {
		return fmt.Errorf("image %s: %w", im.Name, err)
	}
	dst := image.Rect(int(im.X*r.s), int(im.Y*r.s), int(im.Right()*r.s), int(im.Bottom()*r.s))
	xdraw.ApproxBiLinear.Scale(r.img, dst, src, src.Bounds(), draw.Over, nil)
	return nil
}

func (r *renderer) glyphs(g layout.GlyphRun) error {
	runes := []rune(g.Text)
	if len(runes) != len(g.Offsets) {
		return fmt.Errorf("glyph run %q has %d runes and %d offsets", g.Text, len(runes), len(g.Offsets))
	}
	px := g.Size * r.s
	for i, ch := range runes {
		key := glyphKey{g.Font.Face, ch, px}
		segs, ok := r.cache[key]
		if !ok {
			var err error
			segs, err = g.Font.Face.Outline(ch, px)
			if err != nil {
				return err
			}
			r.cache[key] = segs
		}
		ox, oy := (g.X+g.Offsets[i])*r.s, g.Y*r.s
		r.outline(segs, ox, oy)
		if g.Font.FakeBold {
			d := fakeBoldStroke * px / 2
			for _, o := range [][2]float64{{-d, 0}, {d, 0}, {0, -d}, {0, d}} {
				r.outline(segs, ox+o[0], oy+o[1])
			}
		}
	}
	return nil
}

func (r *renderer) outline(segs sfnt.Segments, ox, oy float64) {
	x0, y0 := float32(ox), float32(oy)
	pt := func(i int, s sfnt.Segment) (float32, float32) {
		return x0 + float32(s.Args[i].X)/64, y0 + float32(s.Args[i].Y)/64
	}
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			r.ras.MoveTo(pt(0, s))
		case sfnt.SegmentOpLineTo:
			r.ras.LineTo(pt(0, s))
		case sfnt.SegmentOpQuadTo:
			ax, ay := pt(0, s)
			bx, by := pt(1, s)
			r.ras.QuadTo(ax, ay, bx, by)
		case sfnt.SegmentOpCubeTo:
			ax, ay := pt(0, s)
			bx, by := pt(1, s)
			cx, cy := pt(2, s)
			r.ras.CubeTo(ax, ay, bx, by, cx, cy)
		}
	}
	r.ras.ClosePath()
	r.dirty = true
}
