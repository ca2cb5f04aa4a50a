package cases

import (
	"errors"
	"io"
	"net/http"
)

type registry struct {
	client *http.Client
	token  string
}

// A retrying helper: it closes the bodies of the responses it gives up on
// (those paths return nil or try again) and returns the last one, which
// the caller then owns.
func (r *registry) doWithRetries(req *http.Request, seen []*http.Response) (*http.Response, error) {
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, err
	}
	logStatus(req, resp)
	seen = append(seen, resp)
	if len(seen) > 3 {
		resp.Body.Close()
		return nil, errors.New("too many retries")
	}
	if resp.StatusCode == http.StatusUnauthorized && r.token != "" {
		resp.Body.Close()
		r.token = ""
		return r.doWithRetries(req, seen)
	}
	return resp, nil
}

// Reads the response only: the helper above still returns its own.
func logStatus(req *http.Request, resp *http.Response) {
	if resp.StatusCode >= 400 {
		println(req.URL.String(), resp.Status)
	}
}

// A 404 skipped with continue keeps that response's connection.
func (r *registry) fetch(urls []string) (io.ReadCloser, error) {
	for _, u := range urls {
		req, err := http.NewRequest(http.MethodGet, u, nil)
		if err != nil {
			return nil, err
		}
		resp, err := r.doWithRetries(req, nil) // want "body-not-closed"
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusNotFound {
			continue
		}
		if resp.StatusCode > 299 {
			resp.Body.Close()
			return nil, errors.New(resp.Status)
		}
		return resp.Body, nil
	}
	return nil, errors.New("not found")
}

// Fixed twin: the 404's body is closed before trying the next URL.
func (r *registry) fetchFixed(urls []string) (io.ReadCloser, error) {
	for _, u := range urls {
		req, err := http.NewRequest(http.MethodGet, u, nil)
		if err != nil {
			return nil, err
		}
		resp, err := r.doWithRetries(req, nil)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusNotFound {
			resp.Body.Close()
			continue
		}
		if resp.StatusCode > 299 {
			resp.Body.Close()
			return nil, errors.New(resp.Status)
		}
		return resp.Body, nil
	}
	return nil, errors.New("not found")
}

// A helper that closes what it returns on a path that goes on using it is
// not followed: callers stay silent.
func (r *registry) probe(req *http.Request) (*http.Response, error) {
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
	}
	return resp, nil
}

func (r *registry) probeStatus(req *http.Request) int {
	resp, err := r.probe(req)
	if err != nil {
		return 0
	}
	return resp.StatusCode
}
