package cases

import (
	"fmt"
	"net/http"
)

// A poller keeps the last response; nothing ever closes its body.
type probe struct {
	last *http.Response
	url  string
}

func (p *probe) check() error {
	var err error
	p.last, err = http.Get(p.url) // want "body-not-closed:warning"
	if err != nil {
		return err
	}
	fmt.Println(p.last.StatusCode)
	return nil
}

func (p *probe) Close() error { return nil }
