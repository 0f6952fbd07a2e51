package layout

import (
	"github.com/banmian/banmian/fonts"
	"github.com/banmian/banmian/typeset"
)

// Color is a process colour; see typeset.Color.
type Color = typeset.Color

// Black is 100 % K, written by the PDF as DeviceGray.
var Black = typeset.Black

// Rect is a rectangle in points, origin at the top left of the page, y down.
type Rect struct {
	X, Y, W, H float64
}

// Right and Bottom are the far edges.
func (r Rect) Right() float64  { return r.X + r.W }
func (r Rect) Bottom() float64 { return r.Y + r.H }

// Contains reports whether o lies inside r, within eps points.
func (r Rect) Contains(o Rect, eps float64) bool {
	return o.X >= r.X-eps && o.Y >= r.Y-eps && o.Right() <= r.Right()+eps && o.Bottom() <= r.Bottom()+eps
}

// Overlaps reports whether r and o share more than eps points of area in
// both directions.
func (r Rect) Overlaps(o Rect, eps float64) bool {
	return r.X < o.Right()-eps && o.X < r.Right()-eps && r.Y < o.Bottom()-eps && o.Y < r.Bottom()-eps
}

// Page is one page of the display list: what both renderers draw. All
// lengths are points; the origin is the top left corner of the media box.
type Page struct {
	Number   int     // the folio (版次), 1-based
	Name     string  // 版名, e.g. 要闻
	Width    float64 // media box
	Height   float64
	Trim     Rect // the trim box
	TypeArea Rect // 版心: every item lies inside it, except page furniture

	Boxes  []Box      // drawn first
	Images []Image    // then images
	Rules  []Rule     // then rules
	Glyphs []GlyphRun // text last
}

// GlyphRun is text in one font on one baseline. Offsets[i] is the x of the
// i-th rune of Text relative to X; the renderers place each glyph there, so
// compression and justification are positioning, never glyph substitution.
type GlyphRun struct {
	Font    fonts.Font
	Size    float64
	Color   Color
	X, Y    float64 // the baseline origin
	Text    string
	Offsets []float64
}

// Bounds is the run's ink box estimated from the face's ascent and descent
// and the advance of its last glyph.
func (g GlyphRun) Bounds() Rect {
	w := 0.0
	if n := len(g.Offsets); n > 0 {
		last := []rune(g.Text)[n-1]
		w = g.Offsets[n-1] + g.Font.Face.Advance(last)*g.Size
	}
	a, d := g.Font.Face.Ascent()*g.Size, g.Font.Face.Descent()*g.Size
	return Rect{X: g.X, Y: g.Y - a, W: w, H: a + d}
}

// Rule is a straight line.
type Rule struct {
	X1, Y1, X2, Y2 float64
	Width          float64
	Color          Color
	Dash           []float64 // on/off lengths; nil is solid
}

// Bounds is the rule's box including its stroke width.
func (r Rule) Bounds() Rect {
	x, y := min(r.X1, r.X2), min(r.Y1, r.Y2)
	w, h := max(r.X1, r.X2)-x, max(r.Y1, r.Y2)-y
	hw := r.Width / 2
	if w < h {
		return Rect{X: x - hw, Y: y, W: w + r.Width, H: h}
	}
	return Rect{X: x, Y: y - hw, W: w, H: h + r.Width}
}

// Box is a filled and/or stroked rectangle (tints, frames).
type Box struct {
	Rect
	Fill        *Color
	Stroke      *Color
	StrokeWidth float64
}

// Image is a raster picture (PNG or JPEG bytes) scaled into its rectangle.
type Image struct {
	Rect
	Name string
	Data []byte
}
