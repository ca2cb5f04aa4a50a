package cases

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
)

func fetch(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Ownership moves: the response goes to the caller.
func open(url string) (*http.Response, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// The body goes to the caller.
func body(url string) (io.ReadCloser, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// Closed in a deferred closure.
func closure(url string, v interface{}) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer func() {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}()
	return json.NewDecoder(resp.Body).Decode(v)
}

// Closed by a function of this package.
func drain(r *http.Response) {
	io.Copy(io.Discard, r.Body)
	r.Body.Close()
}

func delegated(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	drain(resp)
	return nil
}

// Sent on a channel.
func async(url string, out chan *http.Response) {
	resp, err := http.Get(url)
	if err == nil {
		out <- resp
	}
}

// Nil checks: the error branch has no response.
func nilcheck(url string) error {
	resp, err := http.Get(url)
	if resp != nil {
		defer resp.Body.Close()
	}
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return errors.New("bad status")
	}
	return nil
}

// Do on something that is not provably an *http.Client: unknown, silent.
type doer interface {
	Do(*http.Request) (*http.Response, error)
}

func maybe(d doer, req *http.Request) error {
	resp, err := d.Do(req)
	if err != nil {
		return err
	}
	_ = resp.StatusCode
	return nil
}

// A local called http is not the package.
type fakeHTTP struct{}

func (fakeHTTP) Get(string) (*http.Response, error) { return nil, nil }

func shadow() {
	http := fakeHTTP{}
	resp, _ := http.Get("x")
	_ = resp.StatusCode
}

// Tests that assert the call fails: no response on the paths that go on.
type tb interface {
	Fatal(...interface{})
	Errorf(string, ...interface{})
}

var errWanted = errors.New("wanted")

func expectFailure(t tb, c *http.Client, req *http.Request) {
	_, err := c.Do(req)
	if err == nil {
		t.Fatal("want an error")
	}
	_, err = http.Get("http://invalid")
	if err == nil || err.Error() == "" {
		t.Errorf("got %v", err)
	}
	if _, err := http.Get("http://invalid"); err != errWanted {
		t.Errorf("got %v", err)
	}
}

// A field named like an http.Client field but of another type somewhere
// in the package: unknown, silent.
type svcA struct{ client *http.Client }
type svcB struct{ client doer }

func (s *svcB) call(req *http.Request) {
	resp, _ := s.client.Do(req)
	_ = resp.StatusCode
}

// A HEAD response has no body (http.NoBody): the connection is reused at
// once, nothing to close.
func exists(url string) bool {
	resp, err := http.Head(url)
	if err != nil {
		return false
	}
	return resp.StatusCode == 200
}

func existsDo(c *http.Client, url string) bool {
	req, err := http.NewRequest(http.MethodHead, url, nil)
	if err != nil {
		return false
	}
	resp, err := c.Do(req)
	if err != nil {
		return false
	}
	return resp.StatusCode == 200
}

// The defensive idiom: both nil tests.
func defensive(url string) error {
	resp, err := http.Get(url)
	if resp != nil && resp.Body != nil {
		defer resp.Body.Close()
	}
	return err
}
