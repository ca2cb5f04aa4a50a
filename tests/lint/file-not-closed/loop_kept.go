package cases

import (
	"bufio"
	"io"
	"os"
)

// Every file must stay open until the readers built on them are drained
// after the loop: the defer in the loop is deliberate, not a leak.
func concatAll(names []string, w io.Writer) error {
	var readers []io.Reader
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			return err
		}
		defer f.Close()
		readers = append(readers, bufio.NewReader(f))
	}
	_, err := io.Copy(w, io.MultiReader(readers...))
	return err
}

// Kept in a map that outlives the iteration.
func openAll(names []string) (map[string]int64, error) {
	files := map[string]*os.File{}
	sizes := map[string]int64{}
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		files[n] = f
	}
	for n, f := range files {
		st, err := f.Stat()
		if err != nil {
			return nil, err
		}
		sizes[n] = st.Size()
	}
	return sizes, nil
}

// Only used inside the iteration (a plain `=` that calls a method on it
// is not keeping it): every file stays open until the function returns.
func countBytes(names []string) (int64, error) {
	var total, n int64
	var err error
	for _, name := range names {
		f, err2 := os.Open(name)
		if err2 != nil {
			return 0, err2
		}
		defer f.Close() // want "file-not-closed"
		n, err = f.Seek(0, io.SeekEnd)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}
