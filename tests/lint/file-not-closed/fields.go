package cases

import (
	"fmt"
	"os"
)

// The log writer opens its file in the constructor; Close flushes but
// never closes the file.
type logWriter struct {
	f     *os.File
	lines int
}

func newLogWriter(path string) (*logWriter, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &logWriter{f: f}, nil // want "file-not-closed:warning"
}

func (w *logWriter) Write(s string) {
	fmt.Fprintln(w.f, s)
	w.lines++
}

func (w *logWriter) Close() error {
	return w.f.Sync()
}

// Opened by a start method into the field directly.
type spool struct {
	out *os.File
}

func (s *spool) open(path string) (err error) {
	s.out, err = os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0o644) // want "file-not-closed"
	return err
}
