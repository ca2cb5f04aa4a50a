package main

import (
	"context"
	"log"
	"net/http"
	"runtime"
	"time"
)

// reportStats logs the goroutine count every minute until ctx ends.
func reportStats(ctx context.Context) {
	tick := time.Tick(time.Minute)
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
			log.Printf("goroutines: %d", runtime.NumGoroutine())
		}
	}
}

// pollUpstream checks that the upstream answers, every 10 seconds.
func pollUpstream(ctx context.Context, url string) {
	t := time.NewTicker(10 * time.Second)
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
			if err != nil {
				continue
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				log.Printf("upstream: %v", err)
				continue
			}
			resp.Body.Close()
		}
	}
}
