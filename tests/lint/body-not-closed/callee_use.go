package cases

import "net/http"

// A package function that only reads fields of the response does not take
// it over: the caller must still close the body.
func logStatus(r *http.Response) { println(r.Status) }

// one that closes it on every non-nil path does
func closeQuietly(r *http.Response) {
	if r != nil {
		r.Body.Close()
	}
}

func statusLogged(url string) (int, error) {
	resp, err := http.Get(url) // want "body-not-closed"
	if err != nil {
		return 0, err
	}
	defer logStatus(resp)
	return resp.StatusCode, nil
}

// fixed twin: the deferred callee closes the body
func statusClosed(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	defer closeQuietly(resp)
	return resp.StatusCode, nil
}

// a callee that keeps the response takes it over: silent
var lastResponse *http.Response

func remember(r *http.Response) { lastResponse = r }

func statusRemembered(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	remember(resp)
	return resp.StatusCode, nil
}
