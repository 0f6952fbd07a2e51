package check

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/banmian/banmian/layout"
)

// The GB-level line-start and line-end prohibitions (避头尾) of the
// reference §1.3, written out here rather than taken from typeset, so the
// check does not share the composer's mistakes. ASCII marks are included:
// extracted copy keeps half-width commas, and they must not start a line
// either.
const (
	notAtStart = "。．，、：；！？‼⁇⁈⁉）〕】〗］｝》〉」』”’～·・‧／％‰℃" + ",.;:!?)]}%/"
	notAtEnd   = "（〔【〖［｛《〈「『“‘￥＄£€／" + "([{/"
)

// Kinsoku checks every line of body text (body, dateline and crosshead
// runs that share a baseline in one column) for a character that may not
// start or end a line.
func Kinsoku(pages []layout.Page) error {
	var errs []error
	for _, pg := range pages {
		type key struct {
			col int
			y   float64
		}
		lines := map[key][]layout.GlyphRun{}
		var keys []key
		for _, g := range pg.Glyphs {
			switch g.Kind {
			case layout.KindBody, layout.KindDateline, layout.KindCrosshead:
			default:
				continue
			}
			col := column(pg.Grid, g.X)
			k := key{col, g.Y}
			if _, ok := lines[k]; !ok {
				keys = append(keys, k)
			}
			lines[k] = append(lines[k], g)
		}
		for _, k := range keys {
			runs := lines[k]
			sort.SliceStable(runs, func(i, j int) bool { return runs[i].X < runs[j].X })
			var b strings.Builder
			for _, r := range runs {
				b.WriteString(r.Text)
			}
			text := []rune(b.String())
			if len(text) == 0 {
				continue
			}
			if first := text[0]; strings.ContainsRune(notAtStart, first) {
				errs = append(errs, fmt.Errorf("page %d, column %d: line %q starts with %q", pg.Number, k.col+1, string(text), first))
			}
			if last := text[len(text)-1]; strings.ContainsRune(notAtEnd, last) {
				errs = append(errs, fmt.Errorf("page %d, column %d: line %q ends with %q", pg.Number, k.col+1, string(text), last))
			}
		}
	}
	return errors.Join(errs...)
}

// column is the grid column whose left edge is the last one at or before x
// (a run's origin may sit a little left of its column when an opening
// bracket's blank is trimmed).
func column(g layout.Grid, x float64) int {
	c := 0
	for i := 0; i < g.Columns; i++ {
		if g.ColumnX(i) <= x+g.Size {
			c = i
		}
	}
	return c
}
