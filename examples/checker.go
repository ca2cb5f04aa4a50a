package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"time"
)

type result struct {
	Status  int
	Checked time.Time
	Err     string
}

type checker struct {
	client  *http.Client
	timeout time.Duration
}

func newChecker(timeout time.Duration) *checker {
	return &checker{client: &http.Client{}, timeout: timeout}
}

// check fetches url and records its status.
func (c *checker) check(ctx context.Context, url string) result {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return result{Checked: time.Now(), Err: err.Error()}
	}
	defer cancel()
	client := &http.Client{Timeout: c.timeout}
	resp, err := client.Do(req)
	if err != nil {
		return result{Checked: time.Now(), Err: err.Error()}
	}
	return result{Status: resp.StatusCode, Checked: time.Now()}
}

// worker checks the queued URLs one by one and logs when idle.
func (c *checker) worker(ctx context.Context, jobs <-chan string) {
	for {
		select {
		case <-ctx.Done():
			return
		case url := <-jobs:
			res := c.check(ctx, url)
			store(ctx, url, res)
		case <-time.After(30 * time.Second):
			log.Println("worker idle")
		}
	}
}

// debounce calls flush once no event arrived for d.
func debounce(events <-chan struct{}, d time.Duration, flush func()) {
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		select {
		case _, ok := <-events:
			if !ok {
				return
			}
			t.Reset(d)
		case <-t.C:
			flush()
		}
	}
}

func describe(r result) string {
	if r.Err != "" {
		return "error: " + r.Err
	}
	return fmt.Sprintf("%d at %s", r.Status, r.Checked.Format(time.RFC3339))
}
