package layout

import (
	"strconv"

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
	Grid     Grid // the baseline grid the page was set on

	// Blocks are the article blocks placed on the page, for checks and
	// reports; renderers ignore them.
	Blocks []Placed

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

	Kind    Kind   // what the text is, for checks; renderers ignore it
	Article string // the ID of the article it belongs to, if any
}

// Kind says what a glyph run's text is: which part of an article it comes
// from, or what layout added. Checks use it to find every input character
// and to know which runs sit on the baseline grid.
type Kind uint8

const (
	KindOther     Kind = iota // not from an article
	KindKicker                // 引题
	KindHeadline              // 主题
	KindSubtitle              // 副题 (without its ——)
	KindDateline              // 电头
	KindBody                  // body text
	KindCrosshead             // 小标题
	KindByline                // 记者 … 通讯员 …
	KindJumpHead              // the headline repeated over a continued part
	KindStamp                 // （下转第X版） and （上接第X版）
	KindAdded                 // what layout adds to an article: the subtitle's ——, brackets, spaces
	KindFurniture             // page furniture outside the type area: 报眉, folio
	KindOverset               // the overset mark
)

var kindNames = [...]string{"other", "kicker", "headline", "subtitle", "dateline", "body", "crosshead",
	"byline", "jump headline", "stamp", "added", "furniture", "overset"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// FromInput reports whether text of this kind is the article's own text,
// which must appear exactly once across the pages.
func (k Kind) FromInput() bool { return k >= KindKicker && k <= KindByline }

// OnGrid reports whether text of this kind is set on the body baseline grid.
func (k Kind) OnGrid() bool {
	return k == KindDateline || k == KindBody || k == KindCrosshead || k == KindByline || k == KindStamp
}

// Placed is an article block as placed on a page.
type Placed struct {
	Article                   string // the article's ID
	Part                      int    // 0 the article's start, 1, 2, … its continuations
	Column, Span, Line, Lines int    // grid position
	Rect                      Rect
	Frame                     Frame
	Overset                   int // lines that did not fit, shown by the overset mark
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
	Furniture      bool      // page furniture, outside the type area (the 眉线)
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
