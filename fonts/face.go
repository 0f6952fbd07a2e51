// Package fonts opens TrueType faces, answers metric questions about them,
// groups them into families by typographic role (Song, Hei, Kai, Fangsong)
// with fallback chains, and hands the PDF writer standalone TrueType bytes.
// The default families are embedded, so a machine without Chinese fonts
// still works.
//
// It knows font files and glyph metrics only: it must not know about
// paragraphs, pages or PDF (typeset, layout and fpdf are its users, never
// its imports).
package fonts

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Face is one TrueType face. Metrics are in em (1 = the font size). A Face
// is safe for concurrent use.
type Face struct {
	name    string
	psName  string
	path    string // where it came from, for messages ("" for embedded)
	ttf     []byte // standalone TrueType bytes, what the PDF embeds
	sf      *sfnt.Font
	upem    float64
	ascent  float64
	descent float64 // positive, below the baseline

	once sync.Once
	gids []uint16  // BMP rune -> glyph index (0 = none)
	advs []float32 // BMP rune -> advance in em
}

// Parse opens a standalone TrueType file. A collection is refused with a
// pointer to ParseCollection; CFF outlines are refused with ErrCFF.
func Parse(data []byte) (*Face, error) {
	kind, err := sfntKind(data)
	if err != nil {
		return nil, err
	}
	switch kind {
	case "ttc":
		return nil, errors.New("font is a collection (TTC): open one face with ParseCollection or OpenFace(path#index)")
	case "otf":
		return nil, ErrCFF
	}
	recs, err := readDirectory(data, 0)
	if err != nil {
		return nil, err
	}
	if hasTable(recs, "CFF ") || hasTable(recs, "CFF2") {
		return nil, ErrCFF
	}
	return newFace(data)
}

// ParseCollection opens the face with the given index of a TrueType
// collection and cuts it out as a standalone TrueType file.
func ParseCollection(data []byte, index int) (*Face, error) {
	kind, err := sfntKind(data)
	if err != nil {
		return nil, err
	}
	if kind != "ttc" {
		if index == 0 {
			return Parse(data)
		}
		return nil, fmt.Errorf("font is not a collection, face index %d does not exist", index)
	}
	offs, err := collectionOffsets(data)
	if err != nil {
		return nil, err
	}
	if index < 0 || index >= len(offs) {
		return nil, fmt.Errorf("collection has %d faces, no face index %d", len(offs), index)
	}
	recs, err := readDirectory(data, offs[index])
	if err != nil {
		return nil, err
	}
	if hasTable(recs, "CFF ") || hasTable(recs, "CFF2") {
		return nil, ErrCFF
	}
	ttf, err := standalone(data, offs[index])
	if err != nil {
		return nil, err
	}
	return newFace(ttf)
}

// ParseCollectionByName opens the face of a collection whose full or family
// name equals name (case-insensitive).
func ParseCollectionByName(data []byte, name string) (*Face, error) {
	c, err := sfnt.ParseCollection(data)
	if err != nil {
		return nil, err
	}
	var b sfnt.Buffer
	var names []string
	for i := 0; i < c.NumFonts(); i++ {
		f, err := c.Font(i)
		if err != nil {
			return nil, err
		}
		for _, id := range []sfnt.NameID{sfnt.NameIDFull, sfnt.NameIDFamily, sfnt.NameIDPostScript} {
			n, err := f.Name(&b, id)
			if err == nil && strings.EqualFold(n, name) {
				return ParseCollection(data, i)
			}
		}
		if n, err := f.Name(&b, sfnt.NameIDFull); err == nil {
			names = append(names, n)
		}
	}
	return nil, fmt.Errorf("collection has no face named %q (it has: %s)", name, strings.Join(names, ", "))
}

// OpenFace opens a face from a file. A collection face is chosen with a
// suffix: "file.ttc#2" by index or "file.ttc#Noto Serif CJK SC" by name;
// without one, the first face is used.
func OpenFace(path string) (*Face, error) {
	file, sel, _ := strings.Cut(path, "#")
	data, err := os.ReadFile(file)
	if errors.Is(err, os.ErrNotExist) {
		return nil, missingFile(file)
	}
	if err != nil {
		return nil, err
	}
	var f *Face
	kind, _ := sfntKind(data)
	switch {
	case kind != "ttc" && sel != "":
		return nil, fmt.Errorf("font %s: %q selects a face of a collection, but the file is a single face", path, "#"+sel)
	case kind != "ttc":
		f, err = Parse(data)
	case sel == "":
		f, err = ParseCollection(data, 0)
	default:
		var idx int
		if _, scanErr := fmt.Sscanf(sel, "%d", &idx); scanErr == nil && fmt.Sprint(idx) == sel {
			f, err = ParseCollection(data, idx)
		} else {
			f, err = ParseCollectionByName(data, sel)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", path, err)
	}
	f.path = path
	return f, nil
}

// missingFile says a font file does not exist; errors.Is finds
// os.ErrNotExist in it.
type missingFile string

func (m missingFile) Error() string { return "font file " + string(m) + " does not exist" }
func (m missingFile) Unwrap() error { return os.ErrNotExist }

func newFace(ttf []byte) (*Face, error) {
	sf, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, err
	}
	upem := float64(sf.UnitsPerEm())
	if upem < 16 || upem > 16384 {
		return nil, fmt.Errorf("implausible unitsPerEm %v", upem)
	}
	var b sfnt.Buffer
	ppem := fixed.Int26_6(sf.UnitsPerEm()) << 6
	m, err := sf.Metrics(&b, ppem, font.HintingNone)
	if err != nil {
		return nil, err
	}
	name, _ := sf.Name(&b, sfnt.NameIDFull)
	if name == "" {
		name, _ = sf.Name(&b, sfnt.NameIDFamily)
	}
	ps, _ := sf.Name(&b, sfnt.NameIDPostScript)
	return &Face{
		name:    name,
		psName:  sanitizePS(ps),
		ttf:     ttf,
		sf:      sf,
		upem:    upem,
		ascent:  float64(m.Ascent) / 64 / upem,
		descent: float64(m.Descent) / 64 / upem,
	}, nil
}

// Name is the face's full name from its name table.
func (f *Face) Name() string { return f.name }

// PostScriptName is the face's PostScript name, reduced to the characters
// a PDF name may carry; "Font" if it has none.
func (f *Face) PostScriptName() string { return f.psName }

func sanitizePS(s string) string {
	b := make([]byte, 0, len(s))
	for _, c := range []byte(s) {
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' {
			b = append(b, c)
		}
	}
	if len(b) == 0 {
		return "Font"
	}
	return string(b)
}

// Source is the file the face came from, or "embedded".
func (f *Face) Source() string {
	if f.path == "" {
		return "embedded"
	}
	return filepath.Clean(f.path)
}

// TrueType returns the standalone TrueType bytes to embed in a PDF. The
// caller must not modify them.
func (f *Face) TrueType() []byte { return f.ttf }

// UnitsPerEm is the face's design grid.
func (f *Face) UnitsPerEm() float64 { return f.upem }

// Ascent and Descent are the face's typographic extents in em; Descent is
// positive below the baseline.
func (f *Face) Ascent() float64  { return f.ascent }
func (f *Face) Descent() float64 { return f.descent }

// load builds the BMP lookup tables on first use: the composer asks for
// millions of advances, and an array beats a cmap walk.
func (f *Face) load() {
	f.once.Do(func() {
		f.gids = make([]uint16, 0x10000)
		f.advs = make([]float32, 0x10000)
		var b sfnt.Buffer
		ppem := fixed.Int26_6(f.sf.UnitsPerEm()) << 6
		set := func(r rune, g sfnt.GlyphIndex) {
			if r < 0x20 || r >= 0xD800 && r < 0xE000 || int(g) >= f.sf.NumGlyphs() {
				return
			}
			a, err := f.sf.GlyphAdvance(&b, g, ppem, font.HintingNone)
			if err != nil {
				return
			}
			f.gids[r] = uint16(g)
			f.advs[r] = float32(float64(a) / 64 / f.upem)
		}
		if cmap4(f.ttf, func(r rune, g uint16) { set(r, sfnt.GlyphIndex(g)) }) {
			return
		}
		for r := rune(0x20); r < 0x10000; r++ {
			if g, err := f.sf.GlyphIndex(&b, r); err == nil && g != 0 {
				set(r, g)
			}
		}
	})
}

// Has reports whether the face has a glyph for r. Runes outside the Basic
// Multilingual Plane are never reported: the PDF writer cannot map them.
func (f *Face) Has(r rune) bool {
	if r < 0 || r > 0xFFFF {
		return false
	}
	f.load()
	return f.gids[r] != 0
}

// Advance is the advance width of r in em, 0 if the face lacks it.
func (f *Face) Advance(r rune) float64 {
	if r < 0 || r > 0xFFFF {
		return 0
	}
	f.load()
	return float64(f.advs[r])
}

// GlyphIndex is r's glyph in the face, 0 if none.
func (f *Face) GlyphIndex(r rune) uint16 {
	if r < 0 || r > 0xFFFF {
		return 0
	}
	f.load()
	return f.gids[r]
}

// Outline returns the outline of r scaled to size (in the units of size,
// y pointing down, origin on the baseline), for rasterisers.
func (f *Face) Outline(r rune, size float64) (sfnt.Segments, error) {
	g := f.GlyphIndex(r)
	if g == 0 {
		return nil, &MissingGlyphError{Rune: r, Chain: f.name}
	}
	var b sfnt.Buffer
	segs, err := f.sf.LoadGlyph(&b, sfnt.GlyphIndex(g), fixed.Int26_6(size*64+0.5), nil)
	if err != nil {
		return nil, err
	}
	return append(sfnt.Segments(nil), segs...), nil
}
