package cases

import (
	"context"
	"errors"
	"net/http"

	"golang.org/x/net/context/ctxhttp"
)

// ctxhttp.Do, Get, Post and PostForm are net/http's calls with a context:
// the response is the caller's to close.
func statusOf(ctx context.Context, c *http.Client, url string) (int, error) {
	resp, err := ctxhttp.Get(ctx, c, url) 
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// fixed twin
func statusOfClosed(ctx context.Context, c *http.Client, url string) (int, error) {
	resp, err := ctxhttp.Get(ctx, c, url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

type registry struct{ client *http.Client }

// a package wrapper around ctxhttp.Do returns the response to its caller
func (r *registry) do(ctx context.Context, req *http.Request) (*http.Response, error) {
	resp, err := ctxhttp.Do(ctx, r.client, req)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// the caller tries the next URL on a 404 without closing the body
func (r *registry) fetch(ctx context.Context, urls []string) (*http.Response, error) {
	for _, u := range urls {
		req, err := http.NewRequest(http.MethodGet, u, nil)
		if err != nil {
			return nil, err
		}
		resp, err := r.do(ctx, req) 
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusNotFound {
			continue
		}
		return resp, nil
	}
	return nil, errors.New("not found")
}

// fixed twin
func (r *registry) fetchClosed(ctx context.Context, urls []string) (*http.Response, error) {
	for _, u := range urls {
		req, err := http.NewRequest(http.MethodGet, u, nil)
		if err != nil {
			return nil, err
		}
		resp, err := r.do(ctx, req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusNotFound {
			resp.Body.Close()
			continue
		}
		return resp, nil
	}
	return nil, errors.New("not found")
}
