// Package typeset composes one paragraph of Chinese text into lines: it
// classifies characters, applies punctuation compression and line-start /
// line-end prohibitions, breaks lines and justifies them, and returns each
// glyph's x position.
//
// It knows characters, runs of styled text and the width of one line at a
// time. It must not know about pages, columns, files or PDF.
package typeset

import (
	"errors"
	"strings"

	"github.com/banmian/banmian/fonts"
)

// Run is a piece of a paragraph in one font, size and colour.
type Run struct {
	Text  string
	Font  fonts.Font
	Size  float64 // points
	Color Color
}

// Align is how a line sits in its measure.
type Align int

const (
	Justify Align = iota // 两端对齐; the last line is set flush left
	Left
	Center
	Right
)

// Style is how a paragraph is set. Start from DefaultStyle.
type Style struct {
	Align  Align
	Indent float64 // first-line indent in em of the first run's size
}

// DefaultStyle is mainland newspaper body text: justified, 2 em indent.
func DefaultStyle() Style {
	return Style{Align: Justify, Indent: 2}
}

// Glyph is one character placed on a line.
type Glyph struct {
	Rune  rune
	X     float64 // from the line's start, points
	Run   int     // index of the run it came from
	Width float64 // the advance it was set at (after compression), points
}

// Line is one composed line.
type Line struct {
	Glyphs  []Glyph
	Measure float64 // the width it was set to
	Natural float64 // its width before justification
	Width   float64 // its width as set (== Measure for justified lines)
	Last    bool    // the paragraph's last line
}

// Text is the line's characters.
func (l Line) Text() string {
	var b strings.Builder
	for _, g := range l.Glyphs {
		b.WriteRune(g.Rune)
	}
	return b.String()
}

// Paragraph is a composed paragraph.
type Paragraph struct {
	Runs  []Run
	Lines []Line
}

// Width gives the measure of line i (0-based) in points, so text can wrap
// around shapes. Fixed returns a constant one.
type Width func(line int) float64

// Fixed is a Width of w points for every line.
func Fixed(w float64) Width { return func(int) float64 { return w } }

// ErrNoRoom is returned when a measure is too narrow for a single character.
var ErrNoRoom = errors.New("typeset: measure narrower than one character")

// Compose sets runs into lines. TEMPORARY: greedy breaking by character
// with no punctuation rules; the real composer replaces it (issue 3).
func Compose(runs []Run, st Style, width Width) (*Paragraph, error) {
	p := &Paragraph{Runs: runs}
	var cur Line
	x := 0.0
	if len(runs) > 0 {
		x = st.Indent * runs[0].Size
	}
	li := 0
	cur.Measure = width(0)
	for ri, r := range runs {
		for _, ch := range r.Text {
			adv := r.Font.Face.Advance(ch) * r.Size
			if x+adv > cur.Measure+1e-6 && len(cur.Glyphs) > 0 {
				cur.Natural, cur.Width = x, x
				p.Lines = append(p.Lines, cur)
				li++
				cur = Line{Measure: width(li)}
				x = 0
			}
			if adv > cur.Measure+1e-6 {
				return nil, ErrNoRoom
			}
			cur.Glyphs = append(cur.Glyphs, Glyph{Rune: ch, X: x, Run: ri, Width: adv})
			x += adv
		}
	}
	if len(cur.Glyphs) > 0 {
		cur.Natural, cur.Width, cur.Last = x, x, true
		p.Lines = append(p.Lines, cur)
	}
	return p, nil
}
