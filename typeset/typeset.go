// Package typeset composes one paragraph of Chinese text into lines: it
// classifies characters, applies punctuation compression and line-start /
// line-end prohibitions, breaks lines and justifies them, and returns each
// glyph's x position.
//
// It knows characters, runs of styled text and the width of one line at a
// time. It must not know about pages, columns, files or PDF.
//
// The pieces, in the order a paragraph goes through them:
//
//   - classes.go: each character's class (brackets, 点号, Han, Latin, …) and
//     the break opportunities between characters: 避头尾 at the chosen level
//     for Chinese text, UAX #14 (through github.com/rivo/uniseg) for
//     everything else;
//   - widths.go: each character's width in the middle of a line under the
//     punctuation scheme (全角, 开明, 半角) after adjacent marks are
//     compressed, what it loses at a line start or end, how far it may be
//     compressed, and the gaps between characters (¼ em between Han and
//     Latin);
//   - breaking.go: total-fit (Knuth–Plass) line breaking, in which push-in
//     (compression) and push-out are costs, plus a greedy first-fit mode;
//   - justify.go: compression then expansion of each line in the order of
//     the reference, and glyph positions.
package typeset

import (
	"errors"
	"strings"
	"sync"

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

// Punctuation is a punctuation width scheme (标点宽度方案). Whatever the
// scheme, a full-width mark ending a line is set ½ em (行末半角) unless
// Style.FullWidthLineEnd is set, and 间隔号, 分隔号, ——, …… keep their
// widths.
type Punctuation int

const (
	// Quanjiao (全角, 全身): every mark 1 em inside the line; two adjacent
	// marks are compressed as Style.Pairs says.
	Quanjiao Punctuation = iota
	// Kaiming (开明): 。？！ keep 1 em, every other mark is ½ em; of two
	// adjacent marks the first is ½ em.
	Kaiming
	// Banjiao (半角, 半身): every mark ½ em.
	Banjiao
)

// Pairs is how much two adjacent full-width marks occupy (clreq 2 em →
// 1.5 em or 1 em).
type Pairs int

const (
	PairsOneAndHalf Pairs = iota // 2 em → 1.5 em: the blank between them goes
	PairsOne                     // 2 em → 1 em: both blanks go
)

// Kinsoku is a level of line-start / line-end prohibition (避头尾, clreq).
// The zero value is GB, the mainland newspaper default.
type Kinsoku int

const (
	// KinsokuGB (GB法): Basic, and 分隔号 not at a line end either.
	KinsokuGB Kinsoku = iota
	// KinsokuBasic (基本处理): 点号, closing brackets and quotes, 连接号,
	// 间隔号, 分隔号 and postfix units never start a line; opening
	// brackets and quotes and prefix units never end one.
	KinsokuBasic
	// KinsokuStrict (严格处理): GB, and —— and …… not at a line start.
	KinsokuStrict
	// KinsokuNone (不处理): no rules for Chinese punctuation (Taiwan and
	// Hong Kong newspapers). Latin words, numbers and the inseparables
	// —— and …… are still kept whole.
	KinsokuNone
)

// Positions is where a font puts 。，、；：？！ in their em box.
type Positions int

const (
	// PositionsGB: mainland fonts set 点号 at the start of the box, so
	// their ½ em blank is on the trailing side.
	PositionsGB Positions = iota
	// PositionsCentered: Taiwan / Hong Kong fonts centre them, with ¼ em
	// blank each side.
	PositionsCentered
)

// Breaking chooses the line breaker.
type Breaking int

const (
	// TotalFit chooses all of a paragraph's breaks together, minimising
	// Knuth–Plass demerits.
	TotalFit Breaking = iota
	// Greedy fills one line at a time (push-in first, push-out second),
	// ignoring the lines after it. Faster and worse; kept for comparison.
	Greedy
)

// NoLatinSpace is the Style.LatinSpace that sets no gap between Han and
// Latin letters or digits.
const NoLatinSpace = -1.0

// Style is how a paragraph is set. Start from DefaultStyle. The zero value
// of every field but Indent is the mainland newspaper default, so
// Style{Align: Center} is a headline style without indent.
type Style struct {
	Align Align
	// Indent is the first line's indent in em of the first run's size.
	Indent float64
	// HangingIndent (凸排) indents every line after the first, in em of the
	// first run's size: dialogue, Q&A, clauses.
	HangingIndent float64

	Punctuation Punctuation
	Pairs       Pairs
	Positions   Positions
	Kinsoku     Kinsoku
	// LatinSpace is the gap between Han and Latin letters or digits, in
	// em: 0 means the default ¼ em, NoLatinSpace none. There is never a
	// gap at a line's edges or next to Chinese punctuation.
	LatinSpace float64
	// FullWidthLineEnd keeps a full-width mark that ends a line at full
	// width; by default it is set ½ em (行末半角, GB/T 15834 §5.1.10).
	FullWidthLineEnd bool
	// FullWidthLineStart keeps the leading ½ em blank of an opening
	// bracket that starts a line; by default it is trimmed.
	FullWidthLineStart bool
	// HangPunct lets one 、，or 。 hang past the end of a line (标点悬挂)
	// instead of being pushed in or pushing a character out. Off in
	// mainland newspapers.
	HangPunct bool
	Breaking  Breaking
}

// DefaultStyle is mainland newspaper body text: justified, 2 em indent,
// 全角 punctuation with 行末半角 and 1.5 em pairs, GB 避头尾, ¼ em between
// Han and Latin, no hanging punctuation, total-fit breaking.
func DefaultStyle() Style {
	return Style{Align: Justify, Indent: 2}
}

// TaiwanStyle is a zh-Hant starting point: centred punctuation that keeps
// its full width at line ends and starts, and basic 避头尾. (Full
// traditional-Chinese support is not there yet.)
func TaiwanStyle() Style {
	return Style{
		Align: Justify, Indent: 2,
		Positions: PositionsCentered, Kinsoku: KinsokuBasic,
		FullWidthLineEnd: true, FullWidthLineStart: true,
	}
}

// Glyph is one character placed on a line.
//
// Each glyph occupies a slot on the line Width points wide. X is where the
// glyph's own advance box starts (its origin): renderers draw the font's
// glyph at X. When part of a mark's blank is trimmed from its leading side
// (an opening bracket at a line start, compression), X lies left of the
// slot by the trimmed amount, so the ink lands where it should and the
// trimmed blank overlaps the previous slot; when a glyph is centred in a
// slot wider than its advance (a ½ em 间隔号 from a narrower font glyph), X
// lies right of the slot start. The slot starts at X+Lead.
type Glyph struct {
	Rune  rune
	X     float64 // origin of the glyph's advance box, from the line's start, points
	Run   int     // index of the run it came from
	Width float64 // width of its slot on the line after compression, points
	Lead  float64 // slot start minus X: the trimmed leading blank (negative when centred in a wider slot)
}

// Line is one composed line. Glyph positions are from the line's start as
// set; a Center or Right line is not moved: the caller adds
// (Measure−Width)/2 or Measure−Width.
type Line struct {
	Glyphs  []Glyph
	Measure float64 // the width it was set to, indent included
	Natural float64 // its width before justification (after line-start/end trims), indent included
	Width   float64 // its width as set, indent included (== Measure for justified lines); a hanging mark is not counted
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
	// Demerits is the Knuth–Plass cost of the chosen breaks (lower is
	// better), computed the same way for both breakers.
	Demerits float64
}

// Width gives the measure of line i (0-based) in points, so text can wrap
// around shapes. Fixed returns a constant one.
type Width func(line int) float64

// Fixed is a Width of w points for every line.
func Fixed(w float64) Width { return func(int) float64 { return w } }

// ErrNoRoom is returned when a line's measure is narrower than a character
// that must go on it.
var ErrNoRoom = errors.New("typeset: measure narrower than one character")

var composers = sync.Pool{New: func() any { return new(Composer) }}

// Compose sets runs into lines of the given widths.
func Compose(runs []Run, st Style, width Width) (*Paragraph, error) {
	c := composers.Get().(*Composer)
	p, err := c.Compose(runs, st, width)
	composers.Put(c)
	return p, err
}
