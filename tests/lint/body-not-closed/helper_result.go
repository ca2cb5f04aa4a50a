package cases

import (
	"errors"
	"io"
	"net/http"
)

// A package wrapper around http.Get that returns the response: the
// caller owns the body.
func getJSON(url string) (*http.Response, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

func status(url string) (int, error) {
	resp, err := getJSON(url) // want "body-not-closed"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// fixed twin
func statusFixed(url string) (int, error) {
	resp, err := getJSON(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// the body is closed on the success path only
func fetchBody(url string) ([]byte, error) {
	resp, err := getJSON(url) // want "body-not-closed"
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(resp.Status)
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// fixed twin
func fetchBodyFixed(url string) ([]byte, error) {
	resp, err := getJSON(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(resp.Status)
	}
	return io.ReadAll(resp.Body)
}
