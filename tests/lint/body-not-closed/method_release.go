package cases

import (
	"errors"
	"net/http"
)

type client struct{ base string }

// a method of the package that closes the response it is given: the
// call releases it (from the method's facts), the analysis goes on
func (c *client) discard(r *http.Response) {
	if r != nil {
		r.Body.Close()
	}
}

var errStatus = errors.New("bad status")

// leaky: the success path never closes the body
func (c *client) ping() (int, error) {
	resp, err := http.Get(c.base + "/ping") // want "body-not-closed"
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		c.discard(resp)
		return 0, errStatus
	}
	return resp.StatusCode, nil
}

// fixed twin: every path closes it, one through the method
func (c *client) pingFixed() (int, error) {
	resp, err := http.Get(c.base + "/ping")
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		c.discard(resp)
		return 0, errStatus
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
