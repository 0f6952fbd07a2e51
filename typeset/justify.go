package typeset

// Justification and glyph positions of one chosen line.
//
// A line wider than its measure is compressed in the reference's order
// (§3.2): word spaces to ¼ em, brackets to ½ em, ，、；： to ½ em, Han–Latin
// gaps to ⅛ em, 。？！ to ½ em; each step takes the same share of every
// place of its kind and stops when the line fits. A justified line
// narrower than its measure, other than the paragraph's last, is expanded
// (§3.3): word spaces to ½ em, Han–Latin gaps to ⅓ em, then every other
// gap between characters equally; gaps next to a 连接号 or 分隔号 only if
// there is no other, and word spaces and Han–Latin gaps beyond their
// limits only if there is nothing else. Nothing inside a Latin word, a
// number, —— or …… is ever stretched.

// setLine justifies the line of characters [a, b), the k-th of the
// paragraph, and writes its glyphs to out.
func (c *Composer) setLine(a, b, k int, hang, last bool, out []Glyph) Line {
	st := c.style
	m := b - a
	lw, loff, lgap, lsh, llf := c.lw[:m], c.loff[:m], c.lgap[:m], c.lsh[:m], c.llf[:m]
	copy(lw, c.w[a:b])
	copy(loff, c.off[a:b])
	copy(lgap, c.gap[a:b])
	copy(lsh, c.shr[a:b])
	copy(llf, c.lf[a:b])
	lgap[m-1] = 0

	// The line's ends: an opening bracket's leading blank, 行末半角, a
	// space that takes no room.
	if t := c.startTrim[a]; t > 0 {
		lw[0] -= t
		loff[0] -= t
		lsh[0] -= t
		llf[0] = 0
	}
	j := m - 1
	if c.endTrim[b-1] > 0 {
		if c.cls[b-1] == clSpace {
			lw[j], lsh[j] = 0, 0
		} else {
			x := lsh[j]
			lw[j] -= x
			loff[j] -= x * llf[j]
			lsh[j] = 0
		}
	}

	// cnt characters take room; a hanging mark is outside the measure.
	cnt := m
	if hang {
		cnt = m - 1
	}
	nat := 0.0
	for i := 0; i < cnt; i++ {
		nat += lw[i] + lgap[i]
	}
	indent := c.indent[min(k, 1)]
	measure := c.measure(k)
	diff := measure - indent - nat

	switch {
	case diff < -eps:
		c.compress(a, m, -diff)
	case diff > eps && st.Align == Justify && !last:
		c.expand(a, m, cnt, diff)
	}

	x := indent
	width := 0.0
	for i := 0; i < m; i++ {
		if i == cnt {
			width = x
		}
		ch := a + i
		out[i] = Glyph{Rune: c.runes[ch], X: x + loff[i], Run: int(c.run[ch]), Width: lw[i], Lead: -loff[i]}
		x += lw[i] + lgap[i]
	}
	if !hang {
		width = x
	}
	return Line{Glyphs: out, Measure: measure, Natural: indent + nat, Width: width, Last: last}
}

// compress takes need points out of the line [a, a+m) in priority order.
func (c *Composer) compress(a, m int, need float64) {
	lw, loff, lgap, lsh, llf := c.lw[:m], c.loff[:m], c.lgap[:m], c.lsh[:m], c.llf[:m]
	for _, p := range compressOrder {
		if need <= eps {
			return
		}
		total := 0.0
		for i := 0; i < m; i++ {
			if c.pri[a+i] == p {
				total += lsh[i]
			}
			if p == prLatinGap && i < m-1 && c.gapKind[a+i] == gapLatin {
				total += c.gapShr[a+i]
			}
		}
		if total <= 0 {
			continue
		}
		take := min(need, total)
		f := take / total
		for i := 0; i < m; i++ {
			if c.pri[a+i] == p && lsh[i] > 0 {
				x := f * lsh[i]
				lw[i] -= x
				loff[i] -= x * llf[i]
				lsh[i] -= x
			}
			if p == prLatinGap && i < m-1 && c.gapKind[a+i] == gapLatin {
				lgap[i] -= f * c.gapShr[a+i]
			}
		}
		need -= take
	}
}

// expand adds extra points to the line [a, a+m), of which the first cnt
// characters take room.
func (c *Composer) expand(a, m, cnt int, extra float64) {
	lw, lgap := c.lw[:m], c.lgap[:m]
	space := func(i int) bool { return c.cls[a+i] == clSpace && i < cnt && i < m-1 }
	// Gaps that may stretch: between two characters that take room.
	gap := func(i int, kind uint8) bool { return i < cnt-1 && c.gapKind[a+i] == kind }

	// Up to their limits: word spaces to ½ em, Han–Latin gaps to ⅓ em.
	capped := 0.0
	for i := 0; i < m; i++ {
		if space(i) {
			capped += c.st[a+i]
		}
		if gap(i, gapLatin) {
			capped += c.gapSt[a+i]
		}
	}
	if capped > 0 {
		f := min(1, extra/capped)
		for i := 0; i < m; i++ {
			if space(i) {
				lw[i] += f * c.st[a+i]
			}
			if gap(i, gapLatin) {
				lgap[i] += f * c.gapSt[a+i]
			}
		}
		extra -= f * capped
	}
	if extra <= eps {
		return
	}
	// The rest equally over the generic gaps; failing those, the avoided
	// ones; failing those, spaces and Han–Latin gaps past their limits.
	for _, try := range [...]func(i int) bool{
		func(i int) bool { return gap(i, gapGeneric) },
		func(i int) bool { return gap(i, gapAvoid) },
		func(i int) bool { return space(i) || gap(i, gapLatin) },
	} {
		count := 0
		for i := 0; i < m; i++ {
			if try(i) {
				count++
			}
		}
		if count == 0 {
			continue
		}
		each := extra / float64(count)
		for i := 0; i < m; i++ {
			if try(i) {
				if space(i) {
					lw[i] += each
				} else {
					lgap[i] += each
				}
			}
		}
		return
	}
}
