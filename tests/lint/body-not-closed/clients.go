package cases

import (
	"errors"
	"net/http"
)

// A client with a transport of its own: the body must be closed whatever
// answers.
func ownTransport(rt http.RoundTripper, url string) (int, error) {
	c := &http.Client{Transport: rt}
	resp, err := c.Get(url) // want "body-not-closed"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Its fixed twin.  Silent.
func ownTransportFixed(rt http.RoundTripper, url string) (int, error) {
	c := &http.Client{Transport: rt}
	resp, err := c.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// Any RoundTrip(req): the response is the caller's to close.
func roundTrip(rt http.RoundTripper, req *http.Request) (int, error) {
	resp, err := rt.RoundTrip(req) // want "body-not-closed"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Its fixed twin.  Silent.
func roundTripFixed(rt http.RoundTripper, req *http.Request) (int, error) {
	resp, err := rt.RoundTrip(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// A struct that embeds *http.Client: h.Do is promoted from it.
type apiClient struct {
	*http.Client
	base string
}

func (h *apiClient) ping(req *http.Request) error {
	resp, err := h.Do(req) // want "body-not-closed"
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New("not ok")
	}
	return nil
}

// Its fixed twin.  Silent.
func (h *apiClient) pingFixed(req *http.Request) error {
	resp, err := h.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New("not ok")
	}
	return nil
}

// A client returned by a package helper.
func newClient() *http.Client { return &http.Client{} }

func viaHelper(req *http.Request) (int, error) {
	resp, err := newClient().Do(req) // want "body-not-closed"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Its fixed twin.  Silent.
func viaHelperFixed(req *http.Request) (int, error) {
	c := newClient()
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// A package wrapper around Do that returns the response: its callers must
// close the body.
func (h *apiClient) send(req *http.Request) (*http.Response, error) {
	req.Header.Set("X-Base", h.base)
	return h.Client.Do(req)
}

func (h *apiClient) status(req *http.Request) (int, error) {
	resp, err := h.send(req) // want "body-not-closed"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Its fixed twin.  Silent.
func (h *apiClient) statusFixed(req *http.Request) (int, error) {
	resp, err := h.send(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// A wrapper that drains and closes the body itself, returning the response
// for its status: nothing left to close.  Silent.
func (h *apiClient) head(req *http.Request) (*http.Response, error) {
	resp, err := h.Client.Do(req)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return resp, nil
}

func (h *apiClient) exists(req *http.Request) bool {
	resp, err := h.head(req)
	return err == nil && resp.StatusCode == http.StatusOK
}
