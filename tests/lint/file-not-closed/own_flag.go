package cases

import (
	"io"
	"os"
)

// The close is guarded by a flag set exactly when this function opened
// the file.  Silent.
func readConfig(path string) ([]byte, error) {
	var f *os.File
	didOpen := false
	if path != "" {
		var err error
		f, err = os.Open(path)
		if err != nil {
			return nil, err
		}
		didOpen = true
	}
	if didOpen {
		defer f.Close()
	}
	return io.ReadAll(f)
}

// The same with `var opened bool` and an explicit close.  Silent.
func readMaybe(path string, useStdin bool) error {
	opened := false
	var f *os.File
	var err error
	if !useStdin {
		f, err = os.Open(path)
		if err != nil {
			return err
		}
		opened = true
	}
	buf := make([]byte, 8)
	if f != nil {
		f.Read(buf)
	}
	if !opened {
		return nil
	}
	return f.Close()
}

// The leaky twin: the flag is also set where no file was opened here, so
// it says nothing about this one.
func readConfigLeak(path string, force bool) ([]byte, error) {
	var f *os.File
	didOpen := force
	if path != "" {
		var err error
		f, err = os.Open(path) // want "file-not-closed"
		if err != nil {
			return nil, err
		}
		didOpen = true
	}
	if didOpen {
		defer f.Close()
	}
	return io.ReadAll(f)
}

// A continue between the open and the flag could skip it: the flag is not
// followed, and the file of a skipped iteration is open.
func openAll(paths []string) error {
	for _, p := range paths {
		opened := false
		f, err := os.Open(p) // want "file-not-closed"
		if err != nil {
			return err
		}
		if p == "" {
			continue
		}
		opened = true
		if opened {
			f.Close()
		}
	}
	return nil
}
