package cases

import (
	"net/http"
	"net/http/httputil"
)

// DumpResponse with its body drains and closes the body.  Silent.
func dump(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return httputil.DumpResponse(resp, true)
}

// Without its body it leaves the body alone: still open.
func dumpHeaders(url string) ([]byte, error) {
	resp, err := http.Get(url) // want "body-not-closed"
	if err != nil {
		return nil, err
	}
	return httputil.DumpResponse(resp, false)
}
