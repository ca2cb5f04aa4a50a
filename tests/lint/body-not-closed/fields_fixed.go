package cases

import (
	"fmt"
	"io"
	"net/http"
)

// The fixed twin: Close closes the body of the last response.
type probe struct {
	last *http.Response
	url  string
}

func (p *probe) check() error {
	var err error
	p.last, err = http.Get(p.url)
	if err != nil {
		return err
	}
	fmt.Println(p.last.StatusCode)
	return nil
}

func (p *probe) Close() error { return p.last.Body.Close() }

// The body is handed on: whoever reads it owns it.
type fetcher struct {
	resp *http.Response
}

func (f *fetcher) fetch(u string) (err error) {
	f.resp, err = http.Get(u)
	return err
}

func (f *fetcher) Body() io.ReadCloser { return f.resp.Body }
