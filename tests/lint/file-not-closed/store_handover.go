package cases

import (
	"errors"
	"os"
)

type segment struct {
	index *os.File
	data  *os.File
}

func (s *segment) Close() error {
	s.index.Close()
	return s.data.Close()
}

// Both files end up in the returned struct, but an error between the
// two opens returns with the first one open.
func openSegment(dir string) (*segment, error) {
	index, err := os.Open(dir + "/index") // want "file-not-closed:warning"
	if err != nil {
		return nil, err
	}
	data, err := os.Open(dir + "/data")
	if err != nil {
		return nil, err
	}
	seg := &segment{
		index: index,
		data:  data,
	}
	return seg, nil
}

// Fixed twin: the first file is closed when the second cannot be opened.
func openSegmentFixed(dir string) (*segment, error) {
	index, err := os.Open(dir + "/index")
	if err != nil {
		return nil, err
	}
	data, err := os.Open(dir + "/data")
	if err != nil {
		index.Close()
		return nil, err
	}
	return &segment{index: index, data: data}, nil
}

type registry struct {
	open map[string]*os.File
	last *os.File
}

// Kept in a map and a field: handed over on the paths that store it, left
// open on the one that returns before.
func (r *registry) add(name string, check bool) error {
	f, err := os.Open(name) // want "file-not-closed:warning"
	if err != nil {
		return err
	}
	if check && name == "" {
		return errors.New("empty name")
	}
	r.open[name] = f
	r.last = f
	return nil
}

// Stored on every path: silent.
func (r *registry) addFixed(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	r.open[name] = f
	return nil
}

// A map literal's key is a value, not a field name: the file goes into
// the returned map.
func openSet(name string) (map[*os.File]bool, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return map[*os.File]bool{f: true}, nil
}
