// Package pdf writes a display list ([]layout.Page) as PDF through fpdf:
// fonts embedded and subset, every glyph at the x the composer chose, one
// text object per glyph run, text in DeviceGray black, compressed streams
// and deterministic bytes.
//
// It turns pages into bytes and nothing else: it must not know manuscripts,
// line breaking or page layout.
package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/banmian/banmian/fonts"
	"github.com/banmian/banmian/internal/atomicfile"
	"github.com/banmian/banmian/layout"
)

// Options are document-level settings.
type Options struct {
	Title   string
	Author  string
	Created time.Time // the creation date written; zero means 2000-01-01 UTC so output is reproducible
}

// fakeBoldStroke is the stroke width, in em, that synthesises a bold face.
const fakeBoldStroke = 0.03

// Write renders pages to w.
func Write(w io.Writer, pages []layout.Page, opt Options) error {
	if len(pages) == 0 {
		return errors.New("pdf: no pages to write")
	}
	created := opt.Created
	if created.IsZero() {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	doc := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: pages[0].Width, Ht: pages[0].Height}})
	doc.SetCompression(true)
	doc.SetCreationDate(created)
	doc.SetModificationDate(created)
	doc.SetCatalogSort(true)
	doc.SetProducer("banmian", true)
	doc.SetCreator("banmian", true)
	if opt.Title != "" {
		doc.SetTitle(opt.Title, true)
	}
	if opt.Author != "" {
		doc.SetAuthor(opt.Author, true)
	}
	doc.SetAutoPageBreak(false, 0)
	doc.SetMargins(0, 0, 0)

	wr := &writer{doc: doc, fams: map[*fonts.Face]string{}, used: map[*fonts.Face]map[rune]bool{}}
	for i := range pages {
		if err := wr.page(&pages[i]); err != nil {
			return fmt.Errorf("pdf: page %d: %w", pages[i].Number, err)
		}
	}
	wr.markUsed()
	if err := doc.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	out, err := wr.tagSubsets(buf.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// WriteFile renders pages to path atomically: a temporary file in the same
// folder is written and renamed over path, so a failed run leaves any
// earlier file untouched.
func WriteFile(path string, pages []layout.Page, opt Options) error {
	var buf bytes.Buffer
	if err := Write(&buf, pages, opt); err != nil {
		return err
	}
	return atomicfile.Write(path, buf.Bytes())
}

type writer struct {
	doc   *fpdf.Fpdf
	fams  map[*fonts.Face]string // face -> fpdf family name, in order of first use
	order []*fonts.Face
	used  map[*fonts.Face]map[rune]bool
}

func (w *writer) page(p *layout.Page) error {
	orient := "P"
	if p.Width > p.Height {
		orient = "L"
	}
	w.doc.AddPageFormat(orient, fpdf.SizeType{Wd: p.Width, Ht: p.Height})
	if p.Trim.W > 0 {
		w.doc.SetPageBox("trim", p.Trim.X, p.Trim.Y, p.Trim.W, p.Trim.H)
	}
	for _, b := range p.Boxes {
		w.doc.RawWriteStr(boxOps(b, p.Height))
	}
	for i, im := range p.Images {
		if err := w.image(p.Number, i, im); err != nil {
			return err
		}
	}
	for _, r := range p.Rules {
		w.doc.RawWriteStr(ruleOps(r, p.Height))
	}
	for _, g := range p.Glyphs {
		if err := w.glyphs(g, p.Height); err != nil {
			return err
		}
	}
	return nil
}

func num(v float64) string {
	v = math.Round(v*1000) / 1000
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// colour returns the fill ("g"/"k") or stroke ("G"/"K") operator for c.
func colour(c layout.Color, stroke bool) string {
	if c.IsGray() {
		op := "g"
		if stroke {
			op = "G"
		}
		return num(1-c.K) + " " + op
	}
	op := "k"
	if stroke {
		op = "K"
	}
	return num(c.C) + " " + num(c.M) + " " + num(c.Y) + " " + num(c.K) + " " + op
}

// boxOps draws a filled and/or stroked rectangle.
func boxOps(b layout.Box, pageH float64) string {
	if b.Fill == nil && b.Stroke == nil {
		return ""
	}
	var s strings.Builder
	s.WriteString("q ")
	op := "f"
	if b.Fill != nil {
		s.WriteString(colour(*b.Fill, false) + " ")
	}
	if b.Stroke != nil {
		s.WriteString(colour(*b.Stroke, true) + " " + num(b.StrokeWidth) + " w ")
		op = "S"
		if b.Fill != nil {
			op = "B"
		}
	}
	fmt.Fprintf(&s, "%s %s %s %s re %s Q\n", num(b.X), num(pageH-b.Bottom()), num(b.W), num(b.H), op)
	return s.String()
}

// ruleOps draws a straight, possibly dashed, line.
func ruleOps(r layout.Rule, pageH float64) string {
	var s strings.Builder
	s.WriteString("q " + colour(r.Color, true) + " " + num(r.Width) + " w 0 J [")
	for i, d := range r.Dash {
		if i > 0 {
			s.WriteByte(' ')
		}
		s.WriteString(num(d))
	}
	fmt.Fprintf(&s, "] 0 d %s %s m %s %s l S Q\n", num(r.X1), num(pageH-r.Y1), num(r.X2), num(pageH-r.Y2))
	return s.String()
}

func (w *writer) image(page, i int, im layout.Image) error {
	name := fmt.Sprintf("p%d-%d-%s", page, i, im.Name)
	tp := ""
	switch {
	case bytes.HasPrefix(im.Data, []byte("\x89PNG")):
		tp = "PNG"
	case bytes.HasPrefix(im.Data, []byte("\xff\xd8")):
		tp = "JPG"
	default:
		return fmt.Errorf("image %s: only PNG and JPEG are supported", im.Name)
	}
	opt := fpdf.ImageOptions{ImageType: tp}
	w.doc.RegisterImageOptionsReader(name, opt, bytes.NewReader(im.Data))
	w.doc.ImageOptions(name, im.X, im.Y, im.W, im.H, false, opt, 0, "")
	return w.doc.Error()
}

// family registers face with fpdf on first use.
func (w *writer) family(f *fonts.Face) string {
	if n, ok := w.fams[f]; ok {
		return n
	}
	// fpdf names an embedded font "utf8"+family. The family is padded to the
	// length of the name the PDF should carry (a subset tag, "+" and the
	// PostScript name), so tagSubsets can swap one for the other in place.
	n := fmt.Sprintf("bm%d", len(w.order)+1)
	if pad := 7 + len(f.PostScriptName()) - 4 - len(n); pad > 0 {
		n += strings.Repeat("x", pad)
	}
	w.doc.AddUTF8FontFromBytes(n, "", f.TrueType())
	w.fams[f] = n
	w.order = append(w.order, f)
	w.used[f] = map[rune]bool{}
	return n
}

// glyphs selects the run's font and writes its text object.
func (w *writer) glyphs(g layout.GlyphRun, pageH float64) error {
	if len(g.Offsets) == 0 {
		return nil
	}
	runes := []rune(g.Text)
	if len(runes) != len(g.Offsets) {
		return fmt.Errorf("glyph run %q has %d runes and %d offsets", g.Text, len(runes), len(g.Offsets))
	}
	face := g.Font.Face
	for _, r := range runes {
		if !face.Has(r) {
			return &fonts.MissingGlyphError{Rune: r, Chain: face.Name()}
		}
	}
	fam := w.family(face)
	used := w.used[face]
	for _, r := range runes {
		used[r] = true
	}
	w.doc.SetFont(fam, "", g.Size) // fpdf emits Tf outside our q…Q, so it persists
	w.doc.RawWriteStr(textOps(g, runes, pageH))
	return nil
}

// textOps writes one run as a single text object: a TJ array whose numbers
// move each glyph from where the font's advance would put it to the x the
// composer chose. Adjustments are computed from the widths fpdf writes
// (advances rounded to thousandths of an em), and each glyph is placed
// relative to its own target, so no error accumulates along a line.
func textOps(g layout.GlyphRun, runes []rune, pageH float64) string {
	var s strings.Builder
	s.WriteString("q ")
	s.WriteString(colour(g.Color, false))
	if g.Font.FakeBold {
		s.WriteString(" " + colour(g.Color, true) + " " + num(fakeBoldStroke*g.Size) + " w 1 j 2 Tr")
	}
	fmt.Fprintf(&s, " BT 1 0 0 1 %s %s Tm [", num(g.X+g.Offsets[0]), num(pageH-g.Y))
	pos := g.Offsets[0] // where the pen is, in points from g.X
	open := false
	for i, r := range runes {
		if i > 0 {
			adj := math.Round((pos-g.Offsets[i])*1000/g.Size*10) / 10
			if adj != 0 {
				if open {
					s.WriteString("> ")
					open = false
				}
				s.WriteString(num(adj) + " ")
				pos -= adj * g.Size / 1000
			}
		}
		if !open {
			s.WriteByte('<')
			open = true
		}
		fmt.Fprintf(&s, "%04X", r)
		pos += math.Round(g.Font.Face.Advance(r)*1000) * g.Size / 1000
	}
	if open {
		s.WriteByte('>')
	}
	s.WriteString("] TJ ET Q\n")
	return s.String()
}

// tagSubsets renames each embedded font from fpdf's "utf8<family>" to
// "ABCDEF+PostScriptName", the subset form PDF 32000 §9.6.4 asks for. The
// tag is derived from the characters used, so it is stable for equal
// input. Both names have the same length, so byte offsets (the xref) stay
// valid; the font dictionaries fpdf writes are not compressed.
func (w *writer) tagSubsets(pdf []byte) ([]byte, error) {
	for _, f := range w.order {
		old := "/utf8" + w.fams[f]
		h := fnv.New32a()
		for r := rune(0); r <= 0xFFFF; r++ {
			if w.used[f][r] {
				binary.Write(h, binary.BigEndian, uint16(r))
			}
		}
		sum := h.Sum32()
		var tag [6]byte
		for i := range tag {
			tag[i] = byte('A' + sum%26)
			sum /= 26
		}
		name := "/" + string(tag[:]) + "+" + f.PostScriptName()
		if len(name) != len(old) {
			return nil, fmt.Errorf("pdf: internal error: font name %s does not fit %s", name, old)
		}
		if bytes.Count(pdf, []byte(old+"\n"))+bytes.Count(pdf, []byte(old+" ")) == 0 {
			return nil, fmt.Errorf("pdf: internal error: font %s not found in output", old)
		}
		pdf = bytes.ReplaceAll(pdf, []byte(old+"\n"), []byte(name+"\n"))
		pdf = bytes.ReplaceAll(pdf, []byte(old+" "), []byte(name+" "))
	}
	return pdf, nil
}

// markUsed tells fpdf which characters each font must keep in its subset.
// fpdf records them only when its own text functions draw them; a template
// that is never placed shares the document's fonts, so drawing the used
// characters into one records them without adding anything to a page.
func (w *writer) markUsed() {
	for _, f := range w.order {
		used := w.used[f]
		var sb strings.Builder
		for r := rune(0); r <= 0xFFFF; r++ {
			if used[r] {
				sb.WriteRune(r)
			}
		}
		fam := w.fams[f]
		text := sb.String()
		w.doc.CreateTemplate(func(t *fpdf.Tpl) {
			t.SetFont(fam, "", 10)
			t.Text(0, 10, text)
		})
	}
}
