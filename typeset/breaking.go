package typeset

import (
	"math"
	"slices"
)

// Line breaking. A line from character a to b (exclusive) is as wide as
// its characters and the gaps between them, less the trims at its two
// ends: an opening bracket's leading blank at the start, the gap after the
// last character and its blank (行末半角) or a space at the end. Its
// compression is what its marks, spaces and Han–Latin gaps may still give;
// its stretch is nominal (see widths.go). Prefix sums make each of these
// O(1) per candidate line.
//
// A 避头尾 violation is resolved inside the optimisation, not after it:
// breaking after a mark that may not start the next line is push-in, a
// line wider than its measure that compression brings back (a cost that
// grows with the share of the available compression used); breaking
// earlier is push-out, a loose line (a cost that grows with its looseness).
// Compression is weighted below stretch, so push-in wins where it can.

// Costs.
const (
	eps              = 1e-6 // points
	linePenalty      = 10   // per line, as in TeX
	badnessCap       = 1e4  // beyond it lines are "awful"; the linear term below still orders them
	shrinkWeight     = 0.25 // compression costs a quarter of the same ratio of stretch
	looseRatio       = 1    // stretch ratio above which a line counts as loose
	tolerance        = 3    // first pass: no line looser than this ratio
	adjLooseDemerits = 3000 // two loose lines in a row
	orphanDemerits   = 1e6  // a last line of fewer than two characters (孤字)
	emergencyPenalty = 1e5  // a break 避头尾 or UAX #14 forbids, when nothing else fits
	softPenalty      = 50   // a number parted from its unit: worth a line about 0.75 loose (GB/T 15835 practice)

	// maxCands bounds the ways of ending a line at one position that stay
	// alive when line widths differ from line to line: the cheapest are
	// kept. With widths that change on every line and very narrow lines,
	// the number of line counts reaching a position would otherwise grow
	// with the paragraph (quadratic nodes). Ordinary wraps never reach it.
	maxCands = 8
)

type fitStatus uint8

const (
	fitOK fitStatus = iota
	fitTooLoose
	fitOverfull
)

// badness of a line with diff points to spare (negative: to compress),
// shr points of available compression and st of nominal stretch.
func (c *Composer) badness(diff, shr, st float64, last bool, tol float64) (float64, bool, fitStatus) {
	if diff < -eps {
		need := -diff
		if need > shr+eps {
			return 0, false, fitOverfull
		}
		r := min(need/max(shr, eps), 1)
		return shrinkWeight * 100 * r * r * r, false, fitOK
	}
	if last || diff <= eps {
		return 0, false, fitOK
	}
	r := math.Inf(1)
	if st > 0 {
		r = diff / st
	}
	if r > tol {
		return 0, false, fitTooLoose
	}
	bad := badnessCap
	if r < 1e3 {
		bad = min(100*r*r*r, badnessCap)
	}
	return bad + diff/c.emPar, r > looseRatio, fitOK
}

// breakPenalty is the price of breaking at a break opportunity.
func breakPenalty(b uint8) float64 {
	switch b {
	case brkAllow:
		return 0
	case brkSoft:
		return softPenalty
	}
	return emergencyPenalty
}

func lineDemerits(bad, pen float64) float64 {
	d := linePenalty + bad
	return d*d + pen*pen
}

// orphan reports whether a last line starting at a would hold fewer than
// two characters, a character with its trailing punctuation counting as
// one, in a paragraph that has two.
func (c *Composer) orphan(a int) bool {
	n := len(c.runes)
	return c.chars[n]-c.chars[a] < 2 && c.chars[n] >= 2
}

// A node is a feasible break: the line before it ends there.
type node struct {
	w, s, t float64 // prefix sums at the next line's start, with its start trim
	avail   float64 // room on the next line
	dem     float64 // total demerits up to here
	pos     int32   // index of the next line's first character
	line    int32   // index of the next line
	prev    int32   // node the line before it started from
	loose   bool    // the line ending here is loose
	hang    bool    // the line ending here hangs its last mark
}

// cand is the best way found so far to end a line at the current position.
type cand struct {
	dem   float64
	prev  int32
	line  int32
	loose bool
	hang  bool
}

// brkLine is a chosen line: its end and whether its last mark hangs.
type brkLine struct {
	end  int
	hang bool
}

func (c *Composer) startNode(pos, line int, prev int32, d float64, loose, hang bool) node {
	nd := node{pos: int32(pos), line: int32(line), prev: prev, dem: d, loose: loose, hang: hang}
	if pos < len(c.runes) {
		nd.w = c.cw[pos] + c.startTrim[pos]
		nd.s = c.cs[pos] + c.startTrim[pos]
		nd.t = c.ct[pos]
		if c.uniform && line > 0 {
			nd.avail = c.avail1
		} else {
			nd.avail = c.avail(line)
		}
	}
	return nd
}

// lineEnd returns the prefix sums at position b as seen by a line ending
// there, and how much of its last character may hang.
func (c *Composer) lineEnd(b int) (w, s, t, hang float64) {
	e := b - 1
	endS, endT := c.gapShr[e], c.gapSt[e]
	if c.endTrim[e] > 0 {
		endS += c.shr[e]
		endT += c.st[e]
	}
	if c.hangable(e, c.style) {
		hang = c.w[e] - c.endTrim[e]
	}
	return c.cw[b] - c.gap[e] - c.endTrim[e], c.cs[b] - endS, c.ct[b] - endT, hang
}

// totalFit chooses the breaks minimising the paragraph's demerits. The
// first pass only breaks where allowed and refuses very loose lines; the
// emergency pass may break anywhere, at a high price, and takes any
// looseness. It reports false if no way was found.
func (c *Composer) totalFit(emergency bool) bool {
	n := len(c.runes)
	tol := float64(tolerance)
	if emergency {
		tol = math.Inf(1)
	}
	c.nodes = append(c.nodes[:0], c.startNode(0, 0, -1, 0, false, false))
	c.active = append(c.active[:0], 0)
	c.candAt = grow(c.candAt, 2*n+4)
	for i := range c.candAt {
		c.candAt[i] = candSlot{at: -1}
	}
	for b := 1; b <= n; b++ {
		pen := breakPenalty(c.brk[b-1])
		if pen == emergencyPenalty && !emergency {
			continue
		}
		last := b == n
		cwB, csB, ctB, hangW := c.lineEnd(b)
		c.cands = c.cands[:0]
		act := c.active
		keep := act[:0]
		for j := 0; j < len(act); j++ {
			ni := act[j]
			nd := &c.nodes[ni]
			diff := nd.avail - (cwB - nd.w)
			shr := csB - nd.s
			st := ctB - nd.t
			bad, loose, fit := c.badness(diff, shr, st, last, tol)
			if fit != fitOverfull {
				keep = append(keep, ni)
			}
			hang := false
			if hangW > 0 && diff < 0 && int(nd.pos) < b-1 {
				if bad2, loose2, fit2 := c.badness(diff+hangW, shr, st, last, tol); fit2 == fitOK && (fit != fitOK || bad2 < bad) {
					bad, loose, fit, hang = bad2, loose2, fitOK, true
				}
			}
			if fit == fitTooLoose {
				if c.uniform && nd.line > 0 {
					// Later nodes start later on lines as wide: looser still.
					keep = append(keep, act[j+1:]...)
					break
				}
				continue
			}
			if fit != fitOK {
				continue
			}
			d := nd.dem + lineDemerits(bad, pen)
			if loose && nd.loose {
				d += adjLooseDemerits
			}
			if last && c.orphan(int(nd.pos)) {
				d += orphanDemerits
			}
			c.offer(int32(b), nd.line+1, loose, hang, d, ni)
		}
		c.active = keep
		if last {
			break
		}
		if len(c.cands) > maxCands {
			slices.SortFunc(c.cands, func(x, y cand) int { return cmpFloat(x.dem, y.dem) })
			c.cands = c.cands[:maxCands]
		}
		for _, cd := range c.cands {
			c.nodes = append(c.nodes, c.startNode(b, int(cd.line), cd.prev, cd.dem, cd.loose, cd.hang))
			c.active = append(c.active, int32(len(c.nodes)-1))
		}
		if len(c.active) == 0 {
			return false
		}
	}
	best := -1
	for i, cd := range c.cands {
		if best < 0 || cd.dem < c.cands[best].dem {
			best = i
		}
	}
	if best < 0 {
		return false
	}
	cd := c.cands[best]
	c.lines = append(c.lines[:0], brkLine{end: n, hang: cd.hang})
	for ni := cd.prev; c.nodes[ni].prev >= 0; ni = c.nodes[ni].prev {
		nd := &c.nodes[ni]
		c.lines = append(c.lines, brkLine{end: int(nd.pos), hang: nd.hang})
	}
	for i, j := 0, len(c.lines)-1; i < j; i, j = i+1, j-1 {
		c.lines[i], c.lines[j] = c.lines[j], c.lines[i]
	}
	return true
}

// offer keeps the cheapest way of ending a line at position b for each
// kind of future: the line number (which decides the next widths) unless
// all lines after the first are alike, and whether the line was loose.
func (c *Composer) offer(b, line int32, loose, hang bool, d float64, prev int32) {
	key := 0
	if loose {
		key = 1
	}
	if !c.uniform {
		key += 2 * int(line)
	}
	slot := &c.candAt[key]
	if slot.at == b {
		cd := &c.cands[slot.i]
		if d < cd.dem {
			*cd = cand{dem: d, prev: prev, line: line, loose: loose, hang: hang}
		}
		return
	}
	*slot = candSlot{at: b, i: int32(len(c.cands))}
	c.cands = append(c.cands, cand{dem: d, prev: prev, line: line, loose: loose, hang: hang})
}

// candSlot finds a kind of future's candidate: c.cands[i], if set at
// position at.
type candSlot struct{ at, i int32 }

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// greedy fills each line in turn: the longest line that fits without
// compression if it may end there; else hanging its last mark; else the
// shortest push-in; else push-out to the last allowed break; else, in an
// emergency, a forbidden break.
func (c *Composer) greedy() bool {
	n := len(c.runes)
	c.lines = c.lines[:0]
	for a, k := 0, 0; a < n; k++ {
		av := c.avail(k)
		w0 := c.cw[a] + c.startTrim[a]
		s0 := c.cs[a] + c.startTrim[a]
		natFit, natAllowed, pushIn, hangAt, squeeze := -1, -1, -1, -1, -1
		for b := a + 1; b <= n; b++ {
			cwB, csB, _, hangW := c.lineEnd(b)
			nat := cwB - w0
			shr := csB - s0
			allowed := c.brk[b-1] <= brkSoft
			if nat <= av+eps {
				natFit, squeeze = b, b
				if allowed {
					natAllowed = b
				}
				continue
			}
			if hangW > 0 && allowed && hangAt < 0 && b-1 > a && nat-hangW <= av+eps {
				hangAt = b
			}
			if nat-shr > av+eps {
				break
			}
			squeeze = b
			if allowed && pushIn < 0 {
				pushIn = b
			}
		}
		end, hang := -1, false
		switch {
		case natFit > 0 && natFit == natAllowed:
			end = natFit
		case hangAt > 0:
			end, hang = hangAt, true
		case pushIn > 0:
			end = pushIn
		case natAllowed > 0:
			end = natAllowed
		case squeeze > 0:
			end = squeeze
		default:
			return false
		}
		c.lines = append(c.lines, brkLine{end: end, hang: hang})
		a = end
	}
	return true
}

// demerits is what the chosen lines cost, by the total-fit measure.
func (c *Composer) demerits() float64 {
	total := 0.0
	a, prevLoose := 0, false
	for k, l := range c.lines {
		cwB, csB, ctB, hangW := c.lineEnd(l.end)
		w0 := c.cw[a] + c.startTrim[a]
		s0 := c.cs[a] + c.startTrim[a]
		diff := c.avail(k) - (cwB - w0)
		if l.hang {
			diff += hangW
		}
		last := l.end == len(c.runes)
		bad, loose, fit := c.badness(diff, csB-s0, ctB-c.ct[a], last, math.Inf(1))
		if fit == fitOverfull {
			bad = badnessCap
		}
		total += lineDemerits(bad, breakPenalty(c.brk[l.end-1]))
		if loose && prevLoose {
			total += adjLooseDemerits
		}
		if last && c.orphan(a) {
			total += orphanDemerits
		}
		a, prevLoose = l.end, loose
	}
	return total
}
