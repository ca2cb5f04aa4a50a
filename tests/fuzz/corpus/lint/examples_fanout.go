package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"time"
)

// probeAll checks every mirror at once and fails on the first error.  The
// goroutines still sending when it returns early block for ever on the
// unbuffered errc (goroutine-blocked-send).
func probeAll(ctx context.Context, mirrors []string) error {
	errc := make(chan error)
	for _, m := range mirrors {
		go func(m string) {
			errc <- probe(ctx, m)
		}(m)
	}
	for range mirrors {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func probe(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode >= 400 {
		return fmt.Errorf("%s: %s", url, resp.Status)
	}
	return nil
}

// auditLog hands each line to a writer goroutine but never closes the
// channel: the writer's range never ends (goroutine-blocked-recv).
func auditLog(lines []string) {
	out := make(chan string)
	go func() {
		for l := range out {
			log.Print("audit: ", l)
		}
	}()
	for _, l := range lines {
		out <- l
	}
}

// watchMirrors logs mirror health until stop is closed -- which nobody does
// (goroutine-no-exit).
func watchMirrors(mirrors []string, every time.Duration) {
	stop := make(chan struct{})
	t := time.NewTicker(every)
	defer t.Stop()
	go func() {
		for {
			select {
			case <-stop:
				return
			case now := <-t.C:
				log.Printf("%s: %d mirrors", now.Format(time.Kitchen), len(mirrors))
			}
		}
	}()
}

// registerMirrors adds GET /mirrors, which probes a fixed mirror list.
func registerMirrors(mux *http.ServeMux, mirrors []string) {
	watchMirrors(mirrors, time.Minute)
	mux.HandleFunc("/mirrors", func(w http.ResponseWriter, r *http.Request) {
		if err := probeAll(r.Context(), mirrors); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		auditLog([]string{"mirrors ok: " + r.RemoteAddr})
	})
}
