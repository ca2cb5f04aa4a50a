package peer

import "io"

// post reads the answer but returns on a read error without closing the
// body.
func (l *link) post() ([]byte, error) {
	req, err := newRequest(l.url)
	if err != nil {
		return nil, err
	}
	resp, err := l.rt.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return b, nil
}

// fixed twin
func (l *link) postClosed() ([]byte, error) {
	req, err := newRequest(l.url)
	if err != nil {
		return nil, err
	}
	resp, err := l.rt.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
