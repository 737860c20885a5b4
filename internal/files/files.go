// Package files expands command-line paths into the files they name.
package files

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Expand returns paths with each directory replaced by the files under it
// whose base name match accepts, sorted per directory; testdata and hidden
// directories are skipped. Files named directly are kept as given.
func Expand(paths []string, match func(name string) bool) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
					return filepath.SkipDir
				}
				return nil
			}
			if match(d.Name()) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}
