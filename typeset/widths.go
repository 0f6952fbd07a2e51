package typeset

// The width model. Every character has a slot on the line. A full-width
// mark's slot is 1 em of which ½ em is blank (reference §2.1, §9.2): on the
// leading side for an opening bracket, the trailing side for a closing one
// and, in a GB font, for 。，、；：？！; both sides (¼ em each) in a centred
// (Taiwan) font. The punctuation scheme and adjacent-mark compression trim
// some blank before breaking; what is left is what justification may still
// compress, and what 行末半角 removes at a line end. Trimming leading blank
// moves the glyph's origin left of its slot.

// Compression priorities, in the order a line is compressed (§3.2). The
// first item of the reference's list, ½ em at the line end, is not a
// priority: it always happens. 间隔号 (item 3) keeps its ½ em.
const (
	prNone     uint8 = iota
	prSpace          // Western word spaces, down to ¼ em
	prBracket        // blank before opening / after closing brackets, down to ½ em
	prPause          // ，、；：, down to ½ em
	prLatinGap       // Han–Latin gaps, down to ⅛ em
	prStop           // 。？！, down to ½ em
)

var compressOrder = [...]uint8{prSpace, prBracket, prPause, prLatinGap, prStop}

// Kinds of gap between two characters, for expansion (§3.3).
const (
	gapRigid   uint8 = iota // inside a word, a number, —— or ……, next to a space: never stretched
	gapLatin                // Han–Latin: up to ⅓ em first, more only as a last resort
	gapGeneric              // between Chinese characters and the like: as much as needed
	gapAvoid                // next to a 连接号 or 分隔号: only if nothing else can stretch
)

// Nominal stretch of a generic gap and of an avoided one, in em. Only the
// line-breaking costs use them: a justified line stretches its gaps as far
// as it must.
const (
	stretchGeneric = 1.0 / 8
	stretchAvoid   = 1.0 / 32
)

// setWidths sets every character's slot, blanks, trims and the gaps between
// characters for style st, from the font advances in c.w.
func (c *Composer) setWidths(st *Style) {
	n := len(c.runes)
	rs, cls, em := c.runes, c.cls, c.em
	w, off, bl, bt := c.w, c.off, c.bl, c.bt
	for i := 0; i < n; i++ {
		a := w[i] // the font's advance
		e := em[i]
		off[i], bl[i], bt[i] = 0, 0, 0
		c.st[i] = 0
		switch cls[i] {
		case clOpen, clClose, clStop, clPause:
			if a >= 0.9*e { // a full-width glyph; a proportional quote has no blank
				blank := a - e/2
				switch {
				case cls[i] == clOpen:
					bl[i] = blank
				case cls[i] == clClose || st.Positions != PositionsCentered:
					bt[i] = blank
				default:
					bl[i], bt[i] = blank/2, blank/2
				}
			}
		case clMiddot, clSolidus: // ½ em, centred, never adjusted
			w[i] = e / 2
			off[i] = (e/2 - a) / 2
		case clDash, clEllipsis, clConnector:
			slot := a
			switch {
			case rs[i] == '⸺':
				slot = max(a, 2*e)
			case rs[i] == '⸻':
				slot = max(a, 3*e)
			case cls[i] != clConnector || rs[i] == '—' || rs[i] == '―':
				slot = max(a, e) // 1 em each half; a lone — is a 一字线 of 1 em
			}
			w[i] = slot
			switch {
			case c.pair[i]: // first half: ink flush right, meeting the second
				off[i] = slot - a
			case i > 0 && c.pair[i-1]: // second half: flush left
			default:
				off[i] = (slot - a) / 2
			}
		case clSpace:
			c.st[i] = max(0, e/2-a) // expands to ½ em
		}
	}

	// The scheme: 开明 trims all but 。？！, 半角 trims every mark.
	if st.Punctuation == Kaiming || st.Punctuation == Banjiao {
		for i := 0; i < n; i++ {
			if cls[i].mark() && (st.Punctuation == Banjiao || cls[i] != clStop) {
				c.trimLead(i, bl[i])
				c.trimTrail(i, bt[i])
			}
		}
	}

	// Adjacent marks: remove the blank between them, up to ½ em (1.5 em
	// pairs) or 1 em (1 em pairs), then for 1 em pairs the outer blank.
	for i := 0; i+1 < n; i++ {
		if !cls[i].mark() || !cls[i+1].mark() {
			continue
		}
		between := bt[i] + bl[i+1]
		if between <= 0 {
			continue // （）: nothing between them to take
		}
		e := min(em[i], em[i+1])
		need := e / 2
		if st.Pairs == PairsOne {
			need = e
		}
		x := min(need, bt[i])
		c.trimTrail(i, x)
		need -= x
		x = min(need, bl[i+1])
		c.trimLead(i+1, x)
		need -= x
		if st.Pairs == PairsOne && need > 0 {
			if cls[i] == clOpen {
				x = min(need, bl[i])
				c.trimLead(i, x)
			} else {
				c.trimTrail(i+1, min(need, bt[i+1]))
			}
		}
		// GB/T 15834 §5.1.2: ？？ ？！ ！！ together take 1 em.
		if isQE(rs[i]) && isQE(rs[i+1]) && (i == 0 || !isQE(rs[i-1])) && (i+2 >= n || !isQE(rs[i+2])) {
			c.trimTrail(i+1, bt[i+1])
		}
	}

	// What is left: compression, and the line-start and line-end trims.
	for i := 0; i < n; i++ {
		c.shr[i], c.pri[i], c.lf[i] = 0, prNone, 0
		c.startTrim[i], c.endTrim[i] = 0, 0
		switch k := cls[i]; {
		case k.mark():
			blank := bl[i] + bt[i]
			c.shr[i] = blank
			if blank > 0 {
				c.lf[i] = bl[i] / blank
			}
			switch k {
			case clOpen, clClose:
				c.pri[i] = prBracket
			case clPause:
				c.pri[i] = prPause
			case clStop:
				c.pri[i] = prStop
			}
			if k == clOpen && !st.FullWidthLineStart {
				c.startTrim[i] = bl[i]
			}
			if !st.FullWidthLineEnd {
				c.endTrim[i] = blank
			}
		case k == clSpace:
			c.shr[i] = max(0, w[i]-em[i]/4)
			c.pri[i] = prSpace
			c.endTrim[i] = w[i] // a space ending a line takes no room
		}
	}

	// Gaps between characters.
	ls := st.LatinSpace
	switch {
	case ls == 0:
		ls = 0.25
	case ls < 0:
		ls = 0
	}
	for i := 0; i < n; i++ {
		c.gap[i], c.gapShr[i], c.gapSt[i], c.gapKind[i] = 0, 0, 0, gapRigid
		if i+1 == n {
			break
		}
		l, r := cls[i], cls[i+1]
		e := max(em[i], em[i+1])
		switch {
		case l == clSpace || r == clSpace || r == clCombining || c.pair[i]:
			// a space stretches itself; a combining mark stays on its
			// base; a —— or …… stays whole
		case !l.chinese() && !r.chinese():
			// inside a word or a number
		case r == clPostfix && (l == clDigit || l == clLatin), l == clPrefix && (r == clDigit || r == clLatin):
			// 63％, ￥100
		case l == clHan && (r == clLatin || r == clDigit) || r == clHan && (l == clLatin || l == clDigit):
			if ls > 0 {
				c.gap[i] = ls * e
				c.gapShr[i] = max(0, ls*e-e/8)
				c.gapSt[i] = max(0, e/3-ls*e)
				c.gapKind[i] = gapLatin
			} else {
				c.gapSt[i] = stretchGeneric * e
				c.gapKind[i] = gapGeneric
			}
		case l == clConnector || r == clConnector || l == clSolidus || r == clSolidus:
			c.gapSt[i] = stretchAvoid * e
			c.gapKind[i] = gapAvoid
		default:
			c.gapSt[i] = stretchGeneric * e
			c.gapKind[i] = gapGeneric
		}
	}
}

func isQE(r rune) bool { return r == '？' || r == '！' }

// trimLead removes x of character i's leading blank: the slot narrows and
// the glyph's origin moves left of it.
func (c *Composer) trimLead(i int, x float64) {
	if x <= 0 {
		return
	}
	c.bl[i] -= x
	c.w[i] -= x
	c.off[i] -= x
}

// trimTrail removes x of character i's trailing blank.
func (c *Composer) trimTrail(i int, x float64) {
	if x <= 0 {
		return
	}
	c.bt[i] -= x
	c.w[i] -= x
}

// hangable reports whether character i may hang past the end of its line:
// only 、，。 with their blank, and not after another mark (clreq).
func (c *Composer) hangable(i int, st *Style) bool {
	if !st.HangPunct || i == 0 {
		return false
	}
	switch c.runes[i] {
	case '、', '，', '。':
	default:
		return false
	}
	p := c.cls[i-1]
	return !p.mark() && p != clMiddot && p != clSolidus && p != clSpace
}
