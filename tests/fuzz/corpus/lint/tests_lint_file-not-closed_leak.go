package cases

import (
	"bufio"
	"io"
	"os"
)

func firstLine(name string) (string, error) {
	f, err := os.Open(name) // want "file-not-closed:warning"
	if err != nil {
		return "", err
	}
	s := bufio.NewScanner(f)
	s.Scan()
	return s.Text(), nil
}

// An early return skips the Close.
func copyTo(dst io.Writer, name string) error {
	f, err := os.OpenFile(name, os.O_RDONLY, 0) // want "file-not-closed"
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, f); err != nil {
		return err
	}
	return f.Close()
}

// Discarded.
func touch(name string) {
	os.Create(name) // want "file-not-closed"
}

func temp() error {
	_, err := os.CreateTemp("", "x") // want "file-not-closed"
	return err
}

// defer in a loop: every file stays open until the function returns.
func all(names []string) error {
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			return err
		}
		defer f.Close() // want "file-not-closed"
		io.Copy(io.Discard, f)
	}
	return nil
}

// err is assigned again by Write: its check is not the Open's check.
func writeAll(name string, b []byte) error {
	f, err := os.Create(name) // want "file-not-closed"
	if err != nil {
		return err
	}
	n, err := f.Write(b)
	if err != nil {
		return err
	}
	_ = n
	return f.Close()
}
