package cases

import (
	"errors"
	"io/fs"
	"os"
)

// The first test implies err != nil: that branch holds no file either
// (kubernetes' pattern for an optional file).  Silent.
func optional(p string) ([]byte, error) {
	f, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := make([]byte, 8)
	_, err = f.Read(b)
	return b, err
}

// os.IsNotExist, os.IsPermission and errors.As imply it too.  Silent.
func optionalOS(p string) error {
	f, err := os.Open(p)
	if os.IsNotExist(err) || os.IsPermission(err) {
		return nil
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// A comparison with a sentinel error implies it as well.  Silent.
func sentinel(p string) error {
	f, err := os.Open(p)
	if err == fs.ErrNotExist {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// The leaky twin: the negation implies nothing; a file may be open on
// the branch that returns.
func negated(p string) error {
	f, err := os.Open(p) // want "file-not-closed"
	if !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// errors.Is(err, nil) is err == nil: the branch has the file.
func isNil(p string) error {
	f, err := os.Open(p) // want "file-not-closed"
	if errors.Is(err, nil) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}
