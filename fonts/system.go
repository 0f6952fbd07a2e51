package fonts

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"golang.org/x/image/font/sfnt"
)

// SystemFontDirs lists the usual font folders of this operating system.
func SystemFontDirs() []string {
	home, _ := os.UserHomeDir()
	switch runtime.GOOS {
	case "darwin":
		return []string{"/System/Library/Fonts", "/Library/Fonts", filepath.Join(home, "Library/Fonts")}
	case "windows":
		win := os.Getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		return []string{filepath.Join(win, "Fonts"), filepath.Join(os.Getenv("LOCALAPPDATA"), `Microsoft\Windows\Fonts`)}
	}
	return []string{"/usr/share/fonts", "/usr/local/share/fonts", filepath.Join(home, ".local/share/fonts"), filepath.Join(home, ".fonts")}
}

// FindSystem looks for a face whose family or full name is name
// (case-insensitive) in dirs (SystemFontDirs if none) and returns the path
// to give OpenFace ("file.ttc#index" for a collection face). Files are
// visited in lexical order, so the answer is stable.
func FindSystem(name string, dirs ...string) (string, error) {
	if len(dirs) == 0 {
		dirs = SystemFontDirs()
	}
	var files []string
	for _, d := range dirs {
		_ = filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			switch strings.ToLower(filepath.Ext(p)) {
			case ".ttf", ".ttc", ".otf", ".otc":
				files = append(files, p)
			}
			return nil
		})
	}
	sort.Strings(files)
	var b sfnt.Buffer
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		c, err := sfnt.ParseCollection(data)
		if err != nil {
			continue
		}
		for i := 0; i < c.NumFonts(); i++ {
			f, err := c.Font(i)
			if err != nil {
				continue
			}
			for _, id := range []sfnt.NameID{sfnt.NameIDFamily, sfnt.NameIDFull, sfnt.NameIDTypographicFamily} {
				if n, err := f.Name(&b, id); err == nil && strings.EqualFold(n, name) {
					if c.NumFonts() > 1 {
						return fmt.Sprintf("%s#%d", p, i), nil
					}
					return p, nil
				}
			}
		}
	}
	return "", fmt.Errorf("no installed font named %q in %s", name, strings.Join(dirs, ", "))
}

// Open opens a face named by path (see OpenFace) or by family name among
// the system fonts. A name with a folder in it or a font file's extension
// (.ttf, .ttc, .otf, .otc) is always a path; any other name is a path if
// such a file exists, else a family name.
func Open(nameOrPath string) (*Face, error) {
	file, _, _ := strings.Cut(nameOrPath, "#")
	switch strings.ToLower(filepath.Ext(file)) {
	case ".ttf", ".ttc", ".otf", ".otc":
		return OpenFace(nameOrPath)
	}
	if strings.ContainsAny(file, `/\`) {
		return OpenFace(nameOrPath)
	}
	if _, err := os.Stat(file); err == nil {
		return OpenFace(nameOrPath)
	}
	p, err := FindSystem(nameOrPath)
	if err != nil {
		return nil, err
	}
	return OpenFace(p)
}
