package cases

import (
	"fmt"
	"io"
	"os"
)

// The fixed twin: Close closes the file.
type logWriter struct {
	f     *os.File
	lines int
}

func newLogWriter(path string) (*logWriter, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &logWriter{f: f}, nil
}

func (w *logWriter) Write(s string) {
	fmt.Fprintln(w.f, s)
	w.lines++
}

func (w *logWriter) Close() error {
	if err := w.f.Sync(); err != nil {
		return err
	}
	return w.f.Close()
}

// Handed to a function of the package the model does not follow.
type spool struct {
	out *os.File
}

func (s *spool) open(path string) (err error) {
	s.out, err = os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0o644)
	if err == nil {
		register(s.out)
	}
	return err
}

var open []io.Closer

func register(c io.Closer) { open = append(open, c) }
