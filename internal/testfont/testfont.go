// Package testfont builds font files for tests.
package testfont

import (
	"bytes"
	"encoding/binary"
)

// Collection builds a TrueType collection of standalone faces, with table
// offsets counted from the start of the collection as the format requires.
func Collection(faces ...[]byte) []byte {
	var out bytes.Buffer
	out.WriteString("ttcf")
	binary.Write(&out, binary.BigEndian, uint32(0x00010000))
	binary.Write(&out, binary.BigEndian, uint32(len(faces)))
	pos := 12 + 4*len(faces)
	for _, f := range faces {
		binary.Write(&out, binary.BigEndian, uint32(pos))
		pos += len(f)
	}
	for _, f := range faces {
		base := uint32(out.Len())
		g := append([]byte(nil), f...)
		n := int(binary.BigEndian.Uint16(g[4:]))
		for k := 0; k < n; k++ {
			p := g[12+16*k+8:]
			binary.BigEndian.PutUint32(p, binary.BigEndian.Uint32(p)+base)
		}
		out.Write(g)
	}
	return out.Bytes()
}
