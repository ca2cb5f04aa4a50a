package cases

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// The body is handed to the caller on success, but a non-2xx status
// returns an error and drops the response with its body open.
func openReport(c *http.Client, url string) (io.ReadCloser, error) {
	resp, err := c.Get(url) // want "body-not-closed"
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("report: %s", resp.Status)
	}
	return resp.Body, nil
}

// Closed on the error path, handed over on success: silent.
func openReportFixed(c *http.Client, url string) (io.ReadCloser, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 != 2 {
		resp.Body.Close()
		return nil, fmt.Errorf("report: %s", resp.Status)
	}
	return resp.Body, nil
}

type poller struct {
	hc  *http.Client
	url string
}

// The deferred Close comes after the status check: the early return
// leaks.  The body handed to the decoder later is only borrowed.
func (p *poller) poll(v interface{}) error {
	resp, err := p.hc.Get(p.url) // want "body-not-closed"
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("poll: %s", resp.Status)
	}
	defer resp.Body.Close()
	return decodeInto(resp.Body, v)
}

// The same with the Close deferred first: silent.
func (p *poller) pollFixed(v interface{}) error {
	resp, err := p.hc.Get(p.url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("poll: %s", resp.Status)
	}
	return decodeInto(resp.Body, v)
}

// Handed to another owner on a branch with no deferred Close of its own:
// the ownership moves, silent.
func (p *poller) stream(sink func(io.ReadCloser)) error {
	resp, err := p.hc.Get(p.url)
	if err != nil {
		return err
	}
	sink(resp.Body)
	return nil
}

func decodeInto(r io.Reader, v interface{}) error {
	return json.NewDecoder(r).Decode(v)
}
