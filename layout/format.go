package layout

import (
	"fmt"
	"math"
)

// emAscent is how far the top of the ideographic em box lies above the
// baseline, in em. The embedded CJK faces (and most others) put the em box
// from 0.88 above to 0.12 below the baseline.
const emAscent = 0.88

// Format is a page format: the paper, the type area (版心) and the grid of
// columns and lines inside it. Start from Broadsheet, Tabloid, A3 or
// NewFormat; set the fields directly for anything else (e.g. a type area
// from margins). The type area's height is used in whole lines: the grid
// has as many lines of Pitch as fit, the last one ending at its em box.
type Format struct {
	Name           string  // 对开, 四开, A3; for messages
	PaperW, PaperH float64 // the trimmed page
	TypeArea       Rect    // 版心
	Columns        int     // basic columns (基本栏)
	Gutter         float64 // 栏空, between columns
	BodySize       float64 // body type size (小五 = 9 pt)
	Pitch          float64 // line pitch: BodySize plus leading (9 pt with ¼ leading = 11.25 pt)
}

// NewFormat centres on a page of paperW × paperH points a type area of
// cols columns, each chars characters of body size wide with gutter
// characters between them, and lines lines of pitch.
func NewFormat(name string, paperW, paperH float64, cols int, chars, gutter float64, body, pitch float64, lines int) Format {
	w := (float64(cols)*chars + float64(cols-1)*gutter) * body
	h := float64(lines)*pitch - (pitch - body)
	return Format{
		Name: name, PaperW: paperW, PaperH: paperH,
		TypeArea: Rect{X: (paperW - w) / 2, Y: (paperH - h) / 2, W: w, H: h},
		Columns:  cols, Gutter: gutter * body, BodySize: body, Pitch: pitch,
	}
}

// Broadsheet is a 对开 page, 390 × 546 mm: 8 columns of 13 小五 characters
// with 1-character gutters (a type area 111 characters, about 352 mm, wide)
// and 123 lines of 11.25 pt (about 487 mm).
func Broadsheet() Format { return NewFormat("对开", 390*mm, 546*mm, 8, 13, 1, 9, 11.25, 123) }

// Tabloid is a 四开 page, 273 × 390 mm: 6 columns of 11 小五 characters with
// 1-character gutters (71 characters, about 225 mm) and 88 lines of
// 11.25 pt (about 348 mm).
func Tabloid() Format { return NewFormat("四开", 273*mm, 390*mm, 6, 11, 1, 9, 11.25, 88) }

// A3 is a 297 × 420 mm page: 6 columns of 12 小五 characters with
// 1-character gutters (77 characters, about 245 mm) and 93 lines of
// 11.25 pt (about 368 mm).
func A3() Format { return NewFormat("A3", 297*mm, 420*mm, 6, 12, 1, 9, 11.25, 93) }

// Validate reports a format that cannot hold a grid.
func (f Format) Validate() error {
	name := f.Name
	if name == "" {
		name = "custom"
	}
	bad := func(msg string, a ...any) error {
		return fmt.Errorf("format %s: %s", name, fmt.Sprintf(msg, a...))
	}
	switch {
	case f.PaperW <= 0 || f.PaperH <= 0:
		return bad("paper size %.1f × %.1f pt is not positive", f.PaperW, f.PaperH)
	case f.Columns < 1:
		return bad("%d columns; want at least 1", f.Columns)
	case f.BodySize <= 0:
		return bad("body size %.2f pt is not positive", f.BodySize)
	case f.Pitch < f.BodySize:
		return bad("line pitch %.2f pt is smaller than the body size %.2f pt", f.Pitch, f.BodySize)
	case f.Gutter < 0:
		return bad("negative gutter")
	case f.TypeArea.W <= 0 || f.TypeArea.H <= 0:
		return bad("empty type area")
	case !(Rect{W: f.PaperW, H: f.PaperH}).Contains(f.TypeArea, 0.01):
		return bad("type area %.1f × %.1f pt at (%.1f, %.1f) is not on the %.1f × %.1f pt paper",
			f.TypeArea.W, f.TypeArea.H, f.TypeArea.X, f.TypeArea.Y, f.PaperW, f.PaperH)
	}
	g := f.Grid()
	if g.ColumnW < f.BodySize {
		return bad("columns %.2f pt wide cannot hold one %.2f pt character", g.ColumnW, f.BodySize)
	}
	if g.Lines < 1 {
		return bad("type area %.2f pt high holds no line of %.2f pt", f.TypeArea.H, f.Pitch)
	}
	return nil
}

// Grid is the format's grid.
func (f Format) Grid() Grid {
	lead := f.Pitch - f.BodySize
	lines := 0
	if f.Pitch > 0 {
		lines = int(math.Floor((f.TypeArea.H+lead)/f.Pitch + 1e-6))
	}
	area := f.TypeArea
	if lines > 0 {
		area.H = float64(lines)*f.Pitch - lead
	}
	cw := 0.0
	if f.Columns > 0 {
		cw = (area.W - float64(f.Columns-1)*f.Gutter) / float64(f.Columns)
	}
	return Grid{Area: area, Columns: f.Columns, ColumnW: cw, Gutter: f.Gutter, Size: f.BodySize, Pitch: f.Pitch, Lines: lines}
}

// Grid is the baseline grid every column of a page shares (版心网格): the
// type area cut into columns and lines. Line n's em box runs from LineTop(n)
// for Size points; lines are Pitch apart.
type Grid struct {
	Area    Rect // the type area, its height whole lines
	Columns int
	ColumnW float64
	Gutter  float64
	Size    float64 // body size
	Pitch   float64
	Lines   int
}

// ColumnX is the left edge of column c.
func (g Grid) ColumnX(c int) float64 { return g.Area.X + float64(c)*(g.ColumnW+g.Gutter) }

// Width is the width of span columns with their gutters.
func (g Grid) Width(span int) float64 { return float64(span)*g.ColumnW + float64(span-1)*g.Gutter }

// LineTop is the top of line n's em box.
func (g Grid) LineTop(n int) float64 { return g.Area.Y + float64(n)*g.Pitch }

// Baseline is the baseline of body text on line n.
func (g Grid) Baseline(n int) float64 { return g.LineTop(n) + emAscent*g.Size }

// LineOf is the line whose body baseline is y, if y is on the grid
// (within eps points).
func (g Grid) LineOf(y, eps float64) (int, bool) {
	f := (y - g.Baseline(0)) / g.Pitch
	n := int(math.Round(f))
	return n, abs(f-float64(n))*g.Pitch <= eps
}

// Rect is the area of span columns from col and lines lines from line: from
// the top of the first line's em box to the bottom of the last one's.
func (g Grid) Rect(col, span, line, lines int) Rect {
	return Rect{X: g.ColumnX(col), Y: g.LineTop(line), W: g.Width(span), H: float64(lines)*g.Pitch - (g.Pitch - g.Size)}
}
