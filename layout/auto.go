package layout

import (
	"errors"
	"slices"
)

// auto flows the articles with no plan: highest priority first, otherwise
// in order, each in a block AutoSpan columns wide (the full width by
// default) as tall as its text, stacked down the page. With narrower
// blocks, the columns are filled group by group, left to right; an article
// that does not fit the rest of a group starts at the top of the next.
// An article is split only at the foot of a group it starts at the top of,
// or of the page's last group. It continues at the top of the next group
// of the same page, as a newspaper runs a story on into the next columns:
// no stamp, no jump headline. From the last group it continues on the next
// page, with 转版 stamps. A page is named after the Section of its first
// article.
func (e *engine) auto() error {
	arts := slices.Clone(e.ed.Articles)
	slices.SortStableFunc(arts, func(a, b *Article) int { return b.Priority - a.Priority })

	cols := e.grid.Columns
	span := e.ed.AutoSpan
	if span <= 0 || span > cols {
		span = cols
	}
	type group struct{ col, span int }
	var groups []group
	for c := 0; c < cols; c += span {
		groups = append(groups, group{c, min(span, cols-c)})
	}
	pi := e.newPage(1, "")
	gi, line := 0, 0
	nextPage := func() {
		pi = e.newPage(len(e.pages)+1, "")
		gi, line = 0, 0
	}
	advance := func() {
		if gi+1 < len(groups) {
			gi, line = gi+1, 0
		} else {
			nextPage()
		}
	}
	for ai, a := range arts {
		s, err := e.newSetter(a)
		if err != nil {
			return err
		}
		from := -1
		for partNo := 0; ; {
			if line >= e.grid.Lines {
				advance()
			}
			lastGroup := gi+1 == len(groups)
			to := pi // what does not fit goes on in the next group
			if lastGroup {
				to = pi + 1 // or on the next page
			}
			p := &part{
				Block: Block{Article: a.ID, Part: partNo, Column: groups[gi].col, Span: groups[gi].span, Line: line, Lines: e.grid.Lines - line},
				page:  pi, from: from, to: to, auto: true, ref: noRef,
				// Split only at the foot of a page's last group, or of a
				// group that holds nothing else.
				whole: !lastGroup && line > 0,
			}
			if ai > 0 {
				p.HeadSize = e.st.AutoHead
			}
			used, err := e.placePart(s, p)
			if errors.Is(err, errNoRoom) {
				advance()
				continue
			}
			if err != nil {
				return err
			}
			if pg := &e.pages[pi]; pg.Name == "" {
				pg.Name = a.Section
			}
			if !s.left() {
				line = used
				break
			}
			from = pi
			partNo++
			advance()
		}
	}
	return nil
}

// number is the number of the page at index i; automatic flow may name a
// page it has not made yet.
func (e *engine) number(i int) int {
	if i < len(e.pages) {
		return e.pages[i].Number
	}
	return i + 1
}
