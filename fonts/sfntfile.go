package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// tableRecord is one entry of an sfnt table directory.
type tableRecord struct {
	tag    string
	offset uint32
	length uint32
}

// ErrCFF is returned for OpenType fonts with PostScript (CFF) outlines, which
// the PDF writer cannot embed.
var ErrCFF = errors.New("font has OpenType/CFF outlines (e.g. Noto CJK .otf/.ttc, Source Han); " +
	"banmian embeds TrueType (glyf) fonts only: convert it to TrueType (fonts/gen does this for the defaults) or use a .ttf face")

const (
	tagTTC   = "ttcf"
	ttfMagic = 0x00010000
	otfMagic = "OTTO"
	appleTT  = "true"
)

// readDirectory reads the table directory that starts at off in data. Every
// table must lie inside data.
func readDirectory(data []byte, off uint32) ([]tableRecord, error) {
	if uint64(off)+12 > uint64(len(data)) {
		return nil, errors.New("truncated sfnt header")
	}
	n := int(binary.BigEndian.Uint16(data[off+4:]))
	if n == 0 || n > 1000 {
		return nil, fmt.Errorf("implausible table count %d", n)
	}
	end := uint64(off) + 12 + uint64(n)*16
	if end > uint64(len(data)) {
		return nil, errors.New("truncated table directory")
	}
	recs := make([]tableRecord, n)
	for i := range recs {
		p := data[off+12+uint32(i)*16:]
		r := tableRecord{
			tag:    string(p[0:4]),
			offset: binary.BigEndian.Uint32(p[8:]),
			length: binary.BigEndian.Uint32(p[12:]),
		}
		if uint64(r.offset)+uint64(r.length) > uint64(len(data)) {
			return nil, fmt.Errorf("table %q lies outside the file", r.tag)
		}
		recs[i] = r
	}
	return recs, nil
}

// sfntKind classifies the file: "ttc", "ttf" or "otf".
func sfntKind(data []byte) (string, error) {
	if len(data) < 12 {
		return "", errors.New("not a font file: too short")
	}
	switch {
	case string(data[:4]) == tagTTC:
		return "ttc", nil
	case binary.BigEndian.Uint32(data) == ttfMagic || string(data[:4]) == appleTT:
		return "ttf", nil
	case string(data[:4]) == otfMagic:
		return "otf", nil
	}
	return "", errors.New("not a TrueType/OpenType font (unknown signature)")
}

// collectionOffsets returns the offsets of the faces of a TTC.
func collectionOffsets(data []byte) ([]uint32, error) {
	if len(data) < 12 {
		return nil, errors.New("truncated collection header")
	}
	n := binary.BigEndian.Uint32(data[8:])
	if n == 0 || n > 1000 || 12+uint64(n)*4 > uint64(len(data)) {
		return nil, fmt.Errorf("implausible collection size %d", n)
	}
	offs := make([]uint32, n)
	for i := range offs {
		offs[i] = binary.BigEndian.Uint32(data[12+4*i:])
	}
	return offs, nil
}

func hasTable(recs []tableRecord, tag string) bool {
	for _, r := range recs {
		if r.tag == tag {
			return true
		}
	}
	return false
}

// standalone writes the face whose directory starts at off as a standalone
// TrueType file: its tables copied in tag order, each 4-byte aligned, with
// fresh checksums and head.checkSumAdjustment.
func standalone(data []byte, off uint32) ([]byte, error) {
	recs, err := readDirectory(data, off)
	if err != nil {
		return nil, err
	}
	sort.Slice(recs, func(i, j int) bool { return recs[i].tag < recs[j].tag })
	n := len(recs)
	size := 12 + 16*n
	for _, r := range recs {
		size += int(r.length+3) &^ 3
	}
	out := make([]byte, size)
	binary.BigEndian.PutUint32(out, binary.BigEndian.Uint32(data[off:]))
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	sr := (1 << es) * 16
	binary.BigEndian.PutUint16(out[6:], uint16(sr))
	binary.BigEndian.PutUint16(out[8:], uint16(es))
	binary.BigEndian.PutUint16(out[10:], uint16(n*16-sr))
	pos := uint32(12 + 16*n)
	headAt := -1
	for i, r := range recs {
		copy(out[pos:], data[r.offset:r.offset+r.length])
		if r.tag == "head" {
			if r.length < 12 {
				return nil, errors.New("head table too short")
			}
			headAt = int(pos)
			binary.BigEndian.PutUint32(out[pos+8:], 0) // checkSumAdjustment is summed as 0
		}
		padded := (r.length + 3) &^ 3
		d := out[12+16*i:]
		copy(d[0:4], r.tag)
		binary.BigEndian.PutUint32(d[4:], checksum(out[pos:pos+padded]))
		binary.BigEndian.PutUint32(d[8:], pos)
		binary.BigEndian.PutUint32(d[12:], r.length)
		pos += padded
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out, nil
}

func checksum(b []byte) uint32 {
	var s uint32
	for len(b) >= 4 {
		s += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var tail [4]byte
		copy(tail[:], b)
		s += binary.BigEndian.Uint32(tail[:])
	}
	return s
}

// cmap4 walks the format-4 (BMP) subtable of a standalone font's cmap and
// calls fn for every mapped rune. It reports false if there is none, so
// the caller can fall back to asking sfnt rune by rune.
func cmap4(ttf []byte, fn func(r rune, gid uint16)) bool {
	recs, err := readDirectory(ttf, 0)
	if err != nil {
		return false
	}
	var cm []byte
	for _, r := range recs {
		if r.tag == "cmap" {
			cm = ttf[r.offset : r.offset+r.length]
		}
	}
	if len(cm) < 4 {
		return false
	}
	n := int(binary.BigEndian.Uint16(cm[2:]))
	var sub []byte
	for i := 0; i < n && 4+8*i+8 <= len(cm); i++ {
		e := cm[4+8*i:]
		pid, eid := binary.BigEndian.Uint16(e), binary.BigEndian.Uint16(e[2:])
		off := binary.BigEndian.Uint32(e[4:])
		if !(pid == 3 && eid == 1 || pid == 0 && eid <= 3) || uint64(off)+14 > uint64(len(cm)) {
			continue
		}
		if binary.BigEndian.Uint16(cm[off:]) == 4 {
			sub = cm[off:]
			break
		}
	}
	if sub == nil {
		return false
	}
	length := int(binary.BigEndian.Uint16(sub[2:]))
	if length > len(sub) {
		return false
	}
	sub = sub[:length]
	segX2 := int(binary.BigEndian.Uint16(sub[6:]))
	if 16+4*segX2 > len(sub) {
		return false
	}
	ends, starts := sub[14:], sub[16+segX2:]
	deltas, ranges := sub[16+2*segX2:], sub[16+3*segX2:]
	for s := 0; s < segX2/2; s++ {
		end := int(binary.BigEndian.Uint16(ends[2*s:]))
		start := int(binary.BigEndian.Uint16(starts[2*s:]))
		delta := binary.BigEndian.Uint16(deltas[2*s:])
		ro := int(binary.BigEndian.Uint16(ranges[2*s:]))
		for c := start; c <= end && c < 0xFFFF; c++ {
			var g uint16
			if ro == 0 {
				g = uint16(c) + delta
			} else {
				p := 16 + 3*segX2 + 2*s + ro + 2*(c-start)
				if p+2 > len(sub) {
					continue
				}
				if g = binary.BigEndian.Uint16(sub[p:]); g != 0 {
					g += delta
				}
			}
			if g != 0 {
				fn(rune(c), g)
			}
		}
	}
	return true
}
