package cases

import (
	"context"
	"net/http"
	"os"
	"time"
)

func never(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	b := make([]byte, 8)
	_, err = f.Read(b)
	return b, err
}

func somePaths(name string, quick bool) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	if quick {
		return nil
	}
	return f.Close()
}

func deferredLit(name string, quick bool) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	if quick {
		return nil
	}
	defer func() { f.Close() }()
	return nil
}

func bodyNever(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func cancelNever(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	_ = cancel
	_ = ctx.Value("k")
}

func cancelSome(ctx context.Context, quick bool) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	if quick {
		return
	}
	cancel()
	<-ctx.Done()
}
