package cases

import (
	"errors"
	"os"
)

// `defer cleanup()` of a closure kept in a variable: the closure's Close
// runs at every exit after the defer.
func statWithCleanup(p string) (int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	cleanup := func() { f.Close() }
	defer cleanup()
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}

// leaky twin: the cleanup is called only at the end, an early return
// skips it
func statCleanupLate(p string, strict bool) (int64, error) {
	f, err := os.Open(p) // want "file-not-closed"
	if err != nil {
		return 0, err
	}
	cleanup := func() { f.Close() }
	fi, err := f.Stat()
	if err != nil && strict {
		return 0, errors.New("stat failed")
	}
	cleanup()
	return fi.Size(), nil
}

// leaky twin: the deferred cleanup does not close the file
func statCleanupForgets(p string) (int64, error) {
	f, err := os.Open(p) // want "file-not-closed"
	if err != nil {
		return 0, err
	}
	cleanup := func() { println("done with", p) }
	defer cleanup()
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}

// the closure is handed on: the file may be closed by whoever holds it
var cleanups []func()

func statCleanupLater(p string) (int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	cleanup := func() { f.Close() }
	cleanups = append(cleanups, cleanup)
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}
