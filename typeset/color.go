package typeset

// Color is a CMYK process colour, each channel 0..1. Text in pure K is
// written to PDF as DeviceGray, as presses expect of body text.
type Color struct {
	C, M, Y, K float64
}

// Black is 100 % K.
var Black = Color{K: 1}

// IsGray reports whether the colour has only a K component.
func (c Color) IsGray() bool { return c.C == 0 && c.M == 0 && c.Y == 0 }
