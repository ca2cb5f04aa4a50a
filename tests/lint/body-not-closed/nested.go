package cases

import (
	"io"
	"net/http"
)

// Reading the first bytes through a wrapper is not closing: the wrapper goes
// straight into io.ReadAll, which keeps nothing.
func peek(url string) ([]byte, error) {
	resp, err := http.Get(url) // want "body-not-closed"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(resp.Body, 512))
}

// The same with the body closed: silent.
func peekClosed(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(io.LimitReader(resp.Body, 512))
}

// A wrapper of a wrapper handed to unknown code keeps the body: silent.
func keep(url string, sink func(io.Reader)) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	sink(io.TeeReader(io.LimitReader(resp.Body, 512), io.Discard))
	return nil
}
