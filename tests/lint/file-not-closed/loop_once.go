package cases

import (
	"bufio"
	"errors"
	"io"
	"os"
)

// Returns the first line of the first readable candidate: once a file is
// open, every path returns, so the loop never gets to open a second one
// and the deferred Close does not pile up.
func firstReadable(candidates []string) (string, error) {
	for _, c := range candidates {
		if c == "" {
			continue
		}
		f, err := os.Open(c)
		if err != nil {
			continue
		}
		defer f.Close()
		s := bufio.NewScanner(f)
		if !s.Scan() {
			return "", s.Err()
		}
		return s.Text(), nil
	}
	return "", errors.New("no candidate")
}

// Each output is closed explicitly at the end of its iteration (the
// error of that Close is checked); the defer only covers the early
// returns.
func splitTo(names []string, src io.Reader, n int64) error {
	for _, name := range names {
		out, err := os.Create(name)
		if err != nil {
			return err
		}
		defer out.Close()
		if _, err := io.CopyN(out, src, n); err != nil {
			return err
		}
		if err := out.Close(); err != nil {
			return err
		}
	}
	return nil
}

// The same with a counted loop and a plain Close.
func fill(names []string, b []byte) error {
	for i := 0; i < len(names); i++ {
		f, err := os.Create(names[i])
		if err != nil {
			return err
		}
		defer f.Close()
		if _, err := f.Write(b); err != nil {
			return err
		}
		f.Close()
	}
	return nil
}

// An empty file is skipped with continue before the explicit Close: that
// file stays open until the function returns.
func splitSkipping(names []string, src io.Reader, n int64) error {
	for _, name := range names {
		out, err := os.Create(name)
		if err != nil {
			return err
		}
		defer out.Close() // want "file-not-closed"
		m, err := io.CopyN(out, src, n)
		if m == 0 {
			continue
		}
		if err != nil {
			return err
		}
		if err := out.Close(); err != nil {
			return err
		}
	}
	return nil
}

// Only a file that fails to parse makes the function return: the others
// stay open while the loop goes on.
func firstBad(names []string, parse func(io.Reader) error) error {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close() // want "file-not-closed"
		if err := parse(f); err != nil {
			return err
		}
	}
	return nil
}

// A continue of the outer loop skips the Close: the inner loop's next
// round opens another file while this one is open.
func grid(dirs, names []string, b []byte) error {
outer:
	for _, d := range dirs {
		for _, name := range names {
			f, err := os.Create(d + "/" + name)
			if err != nil {
				return err
			}
			defer f.Close() // want "file-not-closed"
			if len(b) == 0 {
				continue outer
			}
			if _, err := f.Write(b); err != nil {
				return err
			}
			f.Close()
		}
	}
	return nil
}

// A break of the inner loop with the file open: the outer loop goes round
// and opens another one, and the defers keep them all.
func breakInner(dirs, names []string, ok func(*os.File) bool) error {
	for _, d := range dirs {
		for _, name := range names {
			f, err := os.Open(d + "/" + name)
			if err != nil {
				return err
			}
			defer f.Close() // want "file-not-closed"
			if ok(f) {
				break
			}
			f.Close()
		}
	}
	return nil
}
