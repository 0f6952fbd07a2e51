// Package snapshot compares rendered pages with golden PNG images, for
// visual regression tests. A golden proves a page did not change, not that
// it is right: only accept one (go test -update) after looking at it.
package snapshot

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden images with what the tests render")

// Tolerance says how different two images may be and still match.
type Tolerance struct {
	Threshold uint8   // a pixel differs when any channel differs by more than this
	MaxShare  float64 // the largest share of differing pixels that still matches
}

// Default tolerates antialiasing noise: channels within 48 levels, and at
// most 0.1 % of the pixels beyond that.
var Default = Tolerance{Threshold: 48, MaxShare: 0.001}

// Check compares img with the golden dir/name.png using Default.
func Check(t testing.TB, dir, name string, img image.Image) {
	t.Helper()
	CheckWith(t, dir, name, img, Default)
}

// CheckWith compares img with the golden dir/name.png. On a mismatch it
// writes dir/failures/name.actual.png and name.diff.png and fails with
// their paths. With -update it rewrites the golden instead.
func CheckWith(t testing.TB, dir, name string, img image.Image, tol Tolerance) {
	t.Helper()
	golden := filepath.Join(dir, name+".png")
	if *update || os.Getenv("BANMIAN_UPDATE") == "1" {
		if err := writePNG(golden, img); err != nil {
			t.Fatalf("snapshot: %v", err)
		}
		t.Logf("snapshot: wrote %s; look at it before you commit it", golden)
		return
	}
	want, err := readPNG(golden)
	if err != nil {
		t.Fatalf("snapshot: %v (run go test -update to create it, then look at it)", err)
	}
	diff, n, total := Compare(want, img, tol.Threshold)
	if diff != nil && float64(n) <= tol.MaxShare*float64(total) {
		return
	}
	fdir := filepath.Join(dir, "failures")
	actual := filepath.Join(fdir, name+".actual.png")
	diffPath := filepath.Join(fdir, name+".diff.png")
	if err := writePNG(actual, img); err != nil {
		t.Errorf("snapshot: %v", err)
	}
	if diff != nil {
		if err := writePNG(diffPath, diff); err != nil {
			t.Errorf("snapshot: %v", err)
		}
		t.Fatalf("snapshot %s: %d of %d pixels differ (%.3f%%, allowed %.3f%%)\n  golden: %s\n  actual: %s\n  diff:   %s",
			name, n, total, 100*float64(n)/float64(total), 100*tol.MaxShare, golden, actual, diffPath)
	}
	t.Fatalf("snapshot %s: size %v, golden %v\n  golden: %s\n  actual: %s", name, img.Bounds().Size(), want.Bounds().Size(), golden, actual)
}

// Compare counts the pixels of a and b whose channels differ by more than
// threshold, and returns an image of them (red on a faded copy of a). It
// returns a nil image if the sizes differ.
func Compare(a, b image.Image, threshold uint8) (diff *image.RGBA, n, total int) {
	ab, bb := a.Bounds(), b.Bounds()
	if ab.Size() != bb.Size() {
		return nil, 0, 0
	}
	diff = image.NewRGBA(image.Rect(0, 0, ab.Dx(), ab.Dy()))
	th := uint32(threshold) * 0x101
	for y := 0; y < ab.Dy(); y++ {
		for x := 0; x < ab.Dx(); x++ {
			r1, g1, b1, _ := a.At(ab.Min.X+x, ab.Min.Y+y).RGBA()
			r2, g2, b2, _ := b.At(bb.Min.X+x, bb.Min.Y+y).RGBA()
			if absDiff(r1, r2) > th || absDiff(g1, g2) > th || absDiff(b1, b2) > th {
				n++
				diff.Set(x, y, color.RGBA{R: 255, A: 255})
				continue
			}
			l := uint8(0xC0 + (r1>>8+g1>>8+b1>>8)/3/4)
			diff.Set(x, y, color.RGBA{R: l, G: l, B: l, A: 255})
		}
	}
	return diff, n, ab.Dx() * ab.Dy()
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

func readPNG(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return img, nil
}

func writePNG(path string, img image.Image) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
