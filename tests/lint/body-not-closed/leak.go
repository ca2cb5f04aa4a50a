package cases

import (
	"errors"
	"io"
	"io/ioutil"
	"net/http"
	"strings"
)

// The seed article: the body is read but never closed.  Read to EOF, the
// connection goes back to the pool (the article counts 3 goroutines after
// 6 requests), so it is a warning, not an error.
func seed() {
	for i := 0; i < 6; i++ {
		resp, _ := http.Get("https://www.example.com") // want "body-not-closed:warning"
		_, _ = ioutil.ReadAll(resp.Body)
	}
}

func fetch(url string) ([]byte, error) {
	resp, err := http.Get(url) // want "body-not-closed"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// Closed on the happy path only.
func status(url string) (int, error) {
	resp, err := http.Get(url) // want "body-not-closed"
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != 200 {
		return resp.StatusCode, nil
	}
	resp.Body.Close()
	return 200, nil
}

// A client we can see is an *http.Client.
func post(body string) error {
	c := &http.Client{}
	resp, err := c.Post("http://x", "text/plain", strings.NewReader(body)) // want "body-not-closed"
	if err != nil {
		return err
	}
	_ = resp.StatusCode
	return nil
}

func do(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want "body-not-closed"
	if err != nil {
		return err
	}
	io.Copy(io.Discard, resp.Body)
	return nil
}

// Discarded.
func ping(url string) error {
	_, err := http.Get(url) // want "body-not-closed"
	return err
}

func rt(req *http.Request) {
	http.DefaultTransport.RoundTrip(req) // want "body-not-closed"
}

// A client kept in a struct field declared *http.Client.
type api struct {
	client *http.Client
	base   string
}

func (a *api) ping() error {
	resp, err := a.client.Get(a.base + "/ping") // want "body-not-closed"
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return nil
	}
	return resp.Body.Close()
}

// A status test is not a nil test: a non-200 response is left open.
func onlyOK(url string) error {
	resp, err := http.Get(url) // want "body-not-closed"
	if err != nil {
		return err
	}
	if resp != nil && resp.StatusCode == 200 {
		resp.Body.Close()
	}
	return nil
}

// Read to EOF on one path, returned early on the other: the early path
// leaks the connection, an error.
func readUnlessBad(url string) ([]byte, error) {
	resp, err := http.Get(url) // want "body-not-closed:error"
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(resp.Status)
	}
	return ioutil.ReadAll(resp.Body)
}

// Drained into io.Discard, never closed: read to EOF, a warning.
func drain(url string) error {
	resp, err := http.Get(url) // want "body-not-closed:warning"
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}
