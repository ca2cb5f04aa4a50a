package peer

import "net/http"

type link struct {
	rt  http.RoundTripper
	url string
}

func newRequest(url string) (*http.Request, error) {
	return http.NewRequest("POST", url, nil)
}
