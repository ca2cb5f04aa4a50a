package cases

import (
	"bufio"
	"os"
)

// Closed by the deferred closure only when an error is returned; the
// successful return hands nothing back: the file stays open.
func firstLine(path string) (line string, err error) {
	f, err := os.Open(path) // want "file-not-closed:warning"
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
		}
	}()
	sc := bufio.NewScanner(f)
	if !sc.Scan() {
		return "", sc.Err()
	}
	return sc.Text(), nil
}

// Closed on error, returned on success: the caller owns it.
func openChecked(path string) (_ *os.File, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			f.Close()
		}
	}()
	if _, err = f.Stat(); err != nil {
		return nil, err
	}
	return f, nil
}
