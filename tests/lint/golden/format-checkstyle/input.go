package svc

import (
	"context"
	"io"
	"net/http"
	"time"
)

func fetch(ctx context.Context, url string) ([]byte, error) {
	ctx, _ = context.WithTimeout(ctx, time.Second)
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

func loop(in chan []byte) {
	for {
		select {
		case b := <-in:
			_ = b
		case <-time.After(time.Minute):
		}
	}
}
