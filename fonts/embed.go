package fonts

import (
	"fmt"
	"sync"

	_ "embed" // the default faces
)

// The embedded faces' bytes; embedded []byte variables are not copied at
// run time.
var (
	//go:embed embedded/NotoSerifSC-Regular.ttf
	serifRegular []byte
	//go:embed embedded/NotoSerifSC-Bold.ttf
	serifBold []byte
	//go:embed embedded/NotoSansSC-Regular.ttf
	sansRegular []byte
	//go:embed embedded/NotoSansSC-Bold.ttf
	sansBold []byte
	//go:embed embedded/LXGWWenKai-Regular.ttf
	kaiRegular []byte

	embeddedData = map[string][]byte{
		SerifRegular: serifRegular, SerifBold: serifBold,
		SansRegular: sansRegular, SansBold: sansBold, KaiRegular: kaiRegular,
	}
)

// The embedded faces, all SIL Open Font License 1.1 (see embedded/).
const (
	SerifRegular = "NotoSerifSC-Regular.ttf"
	SerifBold    = "NotoSerifSC-Bold.ttf"
	SansRegular  = "NotoSansSC-Regular.ttf"
	SansBold     = "NotoSansSC-Bold.ttf"
	KaiRegular   = "LXGWWenKai-Regular.ttf"
)

var (
	embeddedOnce  sync.Once
	embeddedFaces map[string]*Face
	embeddedErr   error
)

// Embedded opens one of the embedded faces by file name. Faces are parsed
// once per process and shared.
func Embedded(name string) (*Face, error) {
	embeddedOnce.Do(func() {
		embeddedFaces = map[string]*Face{}
		for _, n := range []string{SerifRegular, SerifBold, SansRegular, SansBold, KaiRegular} {
			f, err := Parse(embeddedData[n])
			if err != nil {
				embeddedErr = fmt.Errorf("embedded font %s: %w", n, err)
				return
			}
			embeddedFaces[n] = f
		}
	})
	if embeddedErr != nil {
		return nil, embeddedErr
	}
	f, ok := embeddedFaces[name]
	if !ok {
		return nil, fmt.Errorf("no embedded font %q", name)
	}
	return f, nil
}

// Default returns a Set of the embedded families: Noto Serif CJK SC for
// Song, Noto Sans CJK SC for Hei, LXGW WenKai for Kai and, lacking a free
// Fangsong, for Fangsong too. Each chain falls back to the other faces.
func Default() (*Set, error) {
	var fam [5]*Face
	for i, n := range []string{SerifRegular, SerifBold, SansRegular, SansBold, KaiRegular} {
		f, err := Embedded(n)
		if err != nil {
			return nil, err
		}
		fam[i] = f
	}
	song := Family{Regular: fam[0], Bold: fam[1]}
	hei := Family{Regular: fam[2], Bold: fam[3]}
	kai := Family{Regular: fam[4]}
	s := &Set{}
	s.SetChain(Song, song, hei, kai)
	s.SetChain(Hei, hei, song, kai)
	s.SetChain(Kai, kai, song, hei)
	s.SetChain(Fangsong, kai, song, hei)
	return s, nil
}
