// Package layout places articles on newspaper pages and produces the
// display list ([]Page) that the renderers draw.
//
// It knows pages, the grid, articles, headlines, columns and continuation.
// It uses typeset for every line of text and fonts for faces. It must not
// know fpdf or image encoders.
package layout

import (
	"fmt"

	"github.com/banmian/banmian/fonts"
	"github.com/banmian/banmian/typeset"
)

// mm is one millimetre in points.
const mm = 72 / 25.4

// Format is a page format. TEMPORARY: the foundation's minimal one; the
// newspaper grid replaces it (issue 4).
type Format struct {
	Width, Height float64 // paper, points
	Margin        float64 // all four sides, points
	Columns       int
	Gutter        float64 // points
	BodySize      float64 // points
	Pitch         float64 // line pitch, points
}

// Tabloid is a 四开 page: 6 columns of 11 小五 characters, gutter 1
// character, 11.25 pt line pitch.
func Tabloid() Format {
	const size = 9
	cols, chars := 6, 11
	w := float64(cols*chars+cols-1) * size
	pw, ph := 273*mm, 390*mm
	return Format{Width: pw, Height: ph, Margin: (pw - w) / 2, Columns: cols, Gutter: size, BodySize: size, Pitch: size * 1.25}
}

// Flow sets articles one after another down the columns of as many pages
// as they need. TEMPORARY: no headline groups spanning columns, no grid
// balancing (issue 4).
func Flow(articles []*Article, set *fonts.Set, f Format) ([]Page, error) {
	area := Rect{X: f.Margin, Y: f.Margin, W: f.Width - 2*f.Margin, H: f.Height - 2*f.Margin}
	colW := (area.W - float64(f.Columns-1)*f.Gutter) / float64(f.Columns)
	linesPerCol := int(area.H / f.Pitch)
	fl := &flow{f: f, area: area, colW: colW, perCol: linesPerCol}
	fl.newPage()
	for _, a := range articles {
		type block struct {
			role  fonts.Role
			bold  bool
			size  float64
			text  string
			style typeset.Style
			lead  string // a dateline set in bold Hei before text
		}
		center := typeset.Style{Align: typeset.Center}
		var blocks []block
		if a.Kicker != "" {
			blocks = append(blocks, block{role: fonts.Kai, size: f.BodySize * 1.2, text: a.Kicker, style: center})
		}
		blocks = append(blocks, block{role: fonts.Hei, bold: true, size: f.BodySize * 1.6, text: a.Headline, style: center})
		if a.Subtitle != "" {
			blocks = append(blocks, block{role: fonts.Kai, size: f.BodySize * 1.2, text: "——" + a.Subtitle, style: center})
		}
		for i, p := range a.Body {
			b := block{role: fonts.Song, size: f.BodySize, text: p.Text, style: typeset.DefaultStyle()}
			if i == 0 && a.Dateline != "" {
				b.lead = a.Dateline + "　"
			}
			if p.Crosshead {
				b.role, b.bold, b.style = fonts.Hei, true, center
			}
			blocks = append(blocks, b)
		}
		if a.Byline != "" {
			blocks = append(blocks, block{role: fonts.Kai, size: f.BodySize, text: a.Byline, style: typeset.Style{Align: typeset.Right}})
		}
		for bi, b := range blocks {
			var runs []typeset.Run
			if b.lead != "" {
				spans, err := set.Split(fonts.Hei, true, b.lead)
				if err != nil {
					return nil, placeErr(err, a, bi)
				}
				runs = appendSpans(runs, spans, b.size)
			}
			spans, err := set.Split(b.role, b.bold, b.text)
			if err != nil {
				return nil, placeErr(err, a, bi)
			}
			runs = appendSpans(runs, spans, b.size)
			par, err := typeset.Compose(runs, b.style, typeset.Fixed(colW))
			if err != nil {
				return nil, fmt.Errorf("article %s: %w", a.ID, err)
			}
			pitchLines := 1
			if b.size > f.BodySize {
				pitchLines = 2
			}
			for _, l := range par.Lines {
				fl.line(par, l, b.style.Align, pitchLines)
			}
		}
		fl.skip(1)
	}
	return fl.pages, nil
}

func appendSpans(runs []typeset.Run, spans []fonts.Span, size float64) []typeset.Run {
	for _, s := range spans {
		runs = append(runs, typeset.Run{Text: s.Text, Font: s.Font, Size: size, Color: Black})
	}
	return runs
}

// placeErr names the article and paragraph in a missing-glyph error.
func placeErr(err error, a *Article, block int) error {
	if mg, ok := err.(*fonts.MissingGlyphError); ok {
		mg.Article = a.Headline
		mg.Paragraph = block + 1
		return mg
	}
	return fmt.Errorf("article %s: %w", a.ID, err)
}

type flow struct {
	f      Format
	area   Rect
	colW   float64
	perCol int
	pages  []Page
	col    int // current column
	row    int // next free grid line in the column
}

func (fl *flow) newPage() {
	fl.pages = append(fl.pages, Page{
		Number: len(fl.pages) + 1, Width: fl.f.Width, Height: fl.f.Height,
		Trim: Rect{W: fl.f.Width, H: fl.f.Height}, TypeArea: fl.area,
	})
	fl.col, fl.row = 0, 0
}

func (fl *flow) skip(n int) {
	fl.row += n
	if fl.row >= fl.perCol {
		fl.nextColumn()
	}
}

func (fl *flow) nextColumn() {
	fl.col++
	fl.row = 0
	if fl.col == fl.f.Columns {
		fl.newPage()
	}
}

// line places a composed line on the next grid lines of the current column.
func (fl *flow) line(par *typeset.Paragraph, l typeset.Line, align typeset.Align, lines int) {
	if fl.row+lines > fl.perCol {
		fl.nextColumn()
	}
	x := fl.area.X + float64(fl.col)*(fl.colW+fl.f.Gutter)
	switch align {
	case typeset.Center:
		x += (l.Measure - l.Width) / 2
	case typeset.Right:
		x += l.Measure - l.Width
	}
	size := par.Runs[l.Glyphs[0].Run].Size
	// The baseline sits so the em box is centred in the line's pitch.
	y := fl.area.Y + float64(fl.row+lines)*fl.f.Pitch - (float64(lines)*fl.f.Pitch-size)/2 - 0.12*size
	pg := &fl.pages[len(fl.pages)-1]
	pg.Glyphs = append(pg.Glyphs, GlyphRuns(par, l, x, y)...)
	fl.row += lines
}

// GlyphRuns turns a composed line into display-list runs, one per run of
// the paragraph that the line touches, with the line starting at x and its
// baseline at y.
func GlyphRuns(par *typeset.Paragraph, l typeset.Line, x, y float64) []GlyphRun {
	var out []GlyphRun
	for i := 0; i < len(l.Glyphs); {
		j := i
		for j < len(l.Glyphs) && l.Glyphs[j].Run == l.Glyphs[i].Run {
			j++
		}
		run := par.Runs[l.Glyphs[i].Run]
		g := GlyphRun{Font: run.Font, Size: run.Size, Color: run.Color, X: x + l.Glyphs[i].X, Y: y}
		text := make([]rune, 0, j-i)
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
