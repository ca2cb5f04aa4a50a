package cases

import (
	"fmt"
	"net/http"
)

// A non-2xx status returns an error without closing the body; the 2xx
// path hands the response to the caller.
func fetch(url string) (*http.Response, error) {
	resp, err := http.Get(url) // want "body-not-closed"
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	return resp, nil
}

// The fixed twin.  Silent.
func fetchFixed(url string) (*http.Response, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	return resp, nil
}
