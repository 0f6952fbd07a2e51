package snapshot

import (
	"image"
	"image/color"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func square(off int, c color.Gray) *image.Gray {
	img := image.NewGray(image.Rect(0, 0, 20, 20))
	for y := 0; y < 20; y++ {
		for x := 0; x < 20; x++ {
			img.SetGray(x, y, color.Gray{255})
		}
	}
	for y := 5; y < 10; y++ {
		for x := 5 + off; x < 10+off; x++ {
			img.SetGray(x, y, c)
		}
	}
	return img
}

func TestCompare(t *testing.T) {
	a := square(0, color.Gray{0})
	_, n, total := Compare(a, square(0, color.Gray{30}), 48)
	assert.Equal(t, 0, n, "a change below the threshold is no difference")
	assert.Equal(t, 400, total)
	diff, n, _ := Compare(a, square(1, color.Gray{0}), 48)
	assert.Equal(t, 10, n, "moving a 5x5 square by one pixel changes two columns of 5")
	require.NotNil(t, diff)
	assert.Equal(t, color.RGBA{R: 255, A: 255}, diff.At(5, 5))
	diff, _, _ = Compare(a, image.NewGray(image.Rect(0, 0, 3, 3)), 48)
	assert.Nil(t, diff, "images of different sizes do not compare")
}

type fakeT struct {
	testing.TB
	failed bool
	msg    string
}

func (f *fakeT) Helper() {}
func (f *fakeT) Fatalf(format string, args ...any) {
	f.failed = true
	f.msg = format
	panic(f)
}

func TestCheckWritesFailures(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, writePNG(dir+"/g.png", square(0, color.Gray{0})))
	CheckWith(t, dir, "g", square(0, color.Gray{0}), Default)

	ft := &fakeT{TB: t}
	func() {
		defer func() { recover() }()
		CheckWith(ft, dir, "g", square(3, color.Gray{0}), Default)
	}()
	assert.True(t, ft.failed)
	assert.FileExists(t, dir+"/failures/g.actual.png")
	assert.FileExists(t, dir+"/failures/g.diff.png")
}
