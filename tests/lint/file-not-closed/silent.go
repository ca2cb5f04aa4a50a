package cases

import (
	"io"
	"os"
)

func read(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// Ownership moves: returned.
func open(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Stored in a struct.
type logger struct{ out *os.File }

func (l *logger) open(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	l.out = f
	return nil
}

// (the field model follows the field: a method closes it)
func (l *logger) Close() error { return l.out.Close() }

// Closed by a function of this package.
func closeIt(f *os.File) { f.Close() }

func delegated(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer closeIt(f)
	return nil
}

// Closed on every path by hand, checking Close's error.
func write(name string, b []byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Sent on a channel.
func send(name string, out chan *os.File) {
	f, err := os.Open(name)
	if err != nil {
		return
	}
	out <- f
}

// Per-iteration close in a loop.
func each(names []string) {
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			continue
		}
		io.Copy(io.Discard, f)
		f.Close()
	}
}

// The loop body is a function literal: the defer runs per iteration.
func each2(names []string) {
	for _, n := range names {
		func() {
			f, err := os.Open(n)
			if err != nil {
				return
			}
			defer f.Close()
		}()
	}
}

// Passed to a function we cannot see.
func unknown(name string, keep func(*os.File)) {
	f, err := os.Open(name)
	if err == nil {
		keep(f)
	}
}

// A local named os.
type fakeOS struct{}

func (fakeOS) Open(string) (*os.File, error) { return nil, nil }

func shadow() {
	os := fakeOS{}
	f, _ := os.Open("x")
	_ = f.Name()
}

// A closure that opens into a variable of the enclosing function: the
// enclosing function owns it.
func outerOwns(dir string) error {
	var d *os.File
	open := func() error {
		var err error
		d, err = os.Open(dir)
		return err
	}
	if err := open(); err != nil {
		return err
	}
	return d.Close()
}
