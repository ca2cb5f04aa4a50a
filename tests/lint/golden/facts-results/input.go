package p

import (
	"context"
	"net/http"
	"os"
	"time"
)

func openLog(name string) (*os.File, error) {
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func openDirect(name string) (*os.File, error) { return os.Open(name) }

// through another helper of the package
func openTwice(name string) (*os.File, error) {
	return openLog(name)
}

func fetch(url string) (*http.Response, error) { return http.Get(url) }

func heartbeat() *time.Ticker { return time.NewTicker(time.Second) }

func withDeadline(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, time.Second)
}

// a generator: a goroutine started here feeds the channel it returns
func counter() <-chan int {
	c := make(chan int)
	go func() {
		for i := 0; ; i++ {
			c <- i
		}
	}()
	return c
}

// a channel made here that nothing here feeds
func mailbox() chan string {
	return make(chan string, 1)
}

// sometimes a file, sometimes standard output: not the caller's to close
func outputFor(name string) (*os.File, error) {
	if name == "-" {
		return os.Stdout, nil
	}
	return os.Create(name)
}
