package fixnames

import (
	"context"
	"net/http"
	"os"
	"time"
)

func readRepl(path string) error {
	repl, err := os.Open(path)
	if err != nil {
		return err
	}
	_ = repl
	return nil
}

func fetch(url string) (int, error) {
	answer, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	return answer.StatusCode, nil
}

func tick(done chan struct{}) {
	heartbeat := time.NewTicker(time.Second)
	for {
		select {
		case <-heartbeat.C:
		case <-done:
			return
		}
	}
}

func deadline(parent context.Context) context.Context {
	ctx, stopCtx := context.WithTimeout(parent, time.Second)
	_ = stopCtx
	return ctx
}

func idle(in chan int, d time.Duration) {
	quiet := time.NewTimer(d)
	for {
		select {
		case <-in:
			quiet.Reset(d)
		case <-quiet.C:
			return
		}
	}
}
