package typeset

import (
	"errors"
	"fmt"
	"math"
	"unicode/utf8"

	"github.com/banmian/banmian/fonts"
)

// Composer composes paragraphs, keeping its working buffers from one
// paragraph to the next. The zero value is ready to use; a Composer is not
// safe for concurrent use. Compose uses a pool of them.
type Composer struct {
	// advance is a character's advance in em; nil means the run's face.
	// Tests substitute fixed metrics.
	advance func(r Run, ch rune) float64

	// Per character.
	runes     []rune
	run       []int32
	cls       []class
	pair      []bool  // first half of —— or ……
	brk       []uint8 // break opportunity after the character
	em        []float64
	w         []float64 // slot width inside a line
	off       []float64 // glyph origin minus slot start
	bl, bt    []float64 // leading / trailing blank left after the scheme and pairs
	shr       []float64 // how much compression may take
	pri       []uint8   // compression priority of shr
	lf        []float64 // share of a compression taken from the leading side
	st        []float64 // stretch of a space, up to ½ em
	startTrim []float64 // taken off when the character starts a line
	endTrim   []float64 // taken off when it ends one
	gap       []float64 // gap after the character
	gapShr    []float64
	gapSt     []float64
	gapKind   []uint8

	// Prefix sums over characters [0, i): widths with gaps, compression,
	// nominal stretch, characters that count for 孤字.
	cw, cs, ct []float64
	chars      []int32

	utf8 []byte

	// Breaking.
	style   *Style
	width   Width
	indent  [2]float64 // first line, other lines
	emPar   float64
	widths  []float64
	uniform bool
	avail1  float64 // avail(1), when uniform
	nodes   []node
	active  []int32
	cands   []cand
	candAt  []candSlot
	lines   []brkLine

	// Per line, while justifying.
	lw, loff, lgap, lsh, llf []float64
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/4)
	}
	return s[:n]
}

// Compose sets runs into lines of the given widths.
func (c *Composer) Compose(runs []Run, st Style, width Width) (*Paragraph, error) {
	if width == nil {
		return nil, errors.New("typeset: no width")
	}
	if err := c.load(runs); err != nil {
		return nil, err
	}
	p := &Paragraph{Runs: runs}
	n := len(c.runes)
	if n == 0 {
		return p, nil
	}
	c.style, c.width = &st, width
	defer func() { c.style, c.width = nil, nil }()
	refine(c.runes, c.cls, c.pair)
	c.breaks(st.Kinsoku)
	c.setWidths(&st)
	c.sums()

	c.emPar = runs[0].Size
	c.indent = [2]float64{st.Indent * c.emPar, st.HangingIndent * c.emPar}
	c.widths = c.widths[:0]
	c.uniform = c.checkUniform()

	var ok bool
	for {
		if st.Breaking == Greedy {
			ok = c.greedy()
		} else {
			ok = c.totalFit(false) || c.totalFit(true)
		}
		if !ok || !c.uniform || len(c.lines) <= len(c.widths) {
			break
		}
		// More lines than the widths checked: set them line by line.
		c.uniform = false
	}
	if !ok {
		return nil, c.noRoom()
	}
	c.output(p)
	return p, nil
}

// load reads the runs' characters, classes and advances.
func (c *Composer) load(runs []Run) error {
	n := 0
	for ri, r := range runs {
		if !(r.Size > 0) || math.IsInf(r.Size, 0) {
			return fmt.Errorf("typeset: run %d has size %v", ri, r.Size)
		}
		if c.advance == nil && r.Font.Face == nil && r.Text != "" {
			return fmt.Errorf("typeset: run %d has no font face", ri)
		}
		if !utf8.ValidString(r.Text) {
			return fmt.Errorf("typeset: run %d is not valid UTF-8", ri)
		}
		n += utf8.RuneCountInString(r.Text)
	}
	c.runes = grow(c.runes, n)
	c.run = grow(c.run, n)
	c.cls = grow(c.cls, n)
	c.pair = grow(c.pair, n)
	c.brk = grow(c.brk, n)
	c.em = grow(c.em, n)
	c.w = grow(c.w, n)
	c.off = grow(c.off, n)
	c.bl = grow(c.bl, n)
	c.bt = grow(c.bt, n)
	c.shr = grow(c.shr, n)
	c.pri = grow(c.pri, n)
	c.lf = grow(c.lf, n)
	c.st = grow(c.st, n)
	c.startTrim = grow(c.startTrim, n)
	c.endTrim = grow(c.endTrim, n)
	c.gap = grow(c.gap, n)
	c.gapShr = grow(c.gapShr, n)
	c.gapSt = grow(c.gapSt, n)
	c.gapKind = grow(c.gapKind, n)
	c.cw = grow(c.cw, n+1)
	c.cs = grow(c.cs, n+1)
	c.ct = grow(c.ct, n+1)
	c.chars = grow(c.chars, n+1)
	c.lw = grow(c.lw, n)
	c.loff = grow(c.loff, n)
	c.lgap = grow(c.lgap, n)
	c.lsh = grow(c.lsh, n)
	c.llf = grow(c.llf, n)

	i := 0
	for ri, r := range runs {
		size := r.Size
		var face *fonts.Face
		if c.advance == nil {
			face = r.Font.Face
		}
		for _, ch := range r.Text {
			c.runes[i] = ch
			c.run[i] = int32(ri)
			c.cls[i] = classify(ch)
			c.em[i] = size
			var a float64
			if face != nil {
				a = face.Advance(ch)
			} else {
				a = c.advance(r, ch)
			}
			c.w[i] = a * size
			i++
		}
	}
	return nil
}

// sums fills the prefix sums the breakers work from.
func (c *Composer) sums() {
	n := len(c.runes)
	var w, s, t float64
	var k int32
	for i := 0; i < n; i++ {
		c.cw[i], c.cs[i], c.ct[i], c.chars[i] = w, s, t, k
		w += c.w[i] + c.gap[i]
		s += c.shr[i] + c.gapShr[i]
		t += c.st[i] + c.gapSt[i]
		if !c.cls[i].trailing() {
			k++
		}
	}
	c.cw[n], c.cs[n], c.ct[n], c.chars[n] = w, s, t, k
}

// avail is the room on line k for its characters: its measure less its
// indent. Widths are asked for once per line and paragraph.
func (c *Composer) avail(k int) float64 {
	if c.uniform && k > 1 {
		k = 1
	}
	for len(c.widths) <= k {
		w := c.width(len(c.widths))
		if math.IsNaN(w) {
			w = 0
		}
		c.widths = append(c.widths, w)
	}
	if k == 0 {
		return c.widths[0] - c.indent[0]
	}
	return c.widths[k] - c.indent[1]
}

// measure is line k's full width.
func (c *Composer) measure(k int) float64 {
	if k < len(c.widths) && (!c.uniform || k <= 1) {
		return c.widths[k]
	}
	if c.uniform {
		return c.widths[1]
	}
	c.avail(k)
	return c.widths[k]
}

// checkUniform asks for the widths of about twice as many lines as the
// paragraph needs and reports whether all lines after the first have the
// same one. If so, the total-fit breaker need not tell apart ways of
// reaching a position in different numbers of lines; should the paragraph
// need more lines than were checked, Compose sets it again without the
// shortcut.
func (c *Composer) checkUniform() bool {
	c.uniform = false
	n := len(c.runes)
	w1 := c.avail(1)
	if !(w1 > 0) {
		return false
	}
	est := int(c.cw[n]/w1) + 1
	lines := min(2*est+4, n+1)
	for k := 2; k <= lines; k++ {
		if c.avail(k) != w1 {
			return false
		}
	}
	c.avail1 = w1
	return true
}

// noRoom explains a paragraph that could not be set.
func (c *Composer) noRoom() error {
	for k := 0; k < len(c.widths); k++ {
		if av := c.avail(k); av <= 0 {
			return fmt.Errorf("%w: line %d has %.2fpt of measure for %.2fpt of indent", ErrNoRoom, k, c.widths[k], c.widths[k]-av)
		}
	}
	widest, at := 0.0, 0
	for i := range c.runes {
		if w := c.w[i] - c.startTrim[i] - c.endTrim[i]; w > widest {
			widest, at = w, i
		}
	}
	return fmt.Errorf("%w: %q (U+%04X) is %.2fpt wide", ErrNoRoom, c.runes[at], c.runes[at], widest)
}

// output builds the paragraph's lines: one []Glyph for the whole paragraph,
// lines are slices of it.
func (c *Composer) output(p *Paragraph) {
	glyphs := make([]Glyph, len(c.runes))
	p.Lines = make([]Line, len(c.lines))
	a := 0
	for k, bl := range c.lines {
		last := k == len(c.lines)-1
		p.Lines[k] = c.setLine(a, bl.end, k, bl.hang, last, glyphs[a:bl.end:bl.end])
		a = bl.end
	}
	p.Demerits = c.demerits()
}
