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
	r := &refresher{every: time.Hour}
	r.Start(func() { log.Print("mirror list reloaded") })
	mux.HandleFunc("/mirrors/fastest", func(w http.ResponseWriter, req *http.Request) {
		fmt.Fprintln(w, fastestMirror(req.Context(), mirrors))
	})
	mux.HandleFunc("/mirrors", func(w http.ResponseWriter, r *http.Request) {
		if err := probeAll(r.Context(), mirrors); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		auditLog([]string{"mirrors ok: " + r.RemoteAddr})
	})
}

// fastestMirror asks every mirror and keeps the first answer; the slower
// ones block for ever on the unbuffered channel (goroutine-blocked-send:
// first response wins).
func fastestMirror(ctx context.Context, mirrors []string) string {
	won := make(chan string)
	for _, m := range mirrors {
		go func(m string) {
			if probe(ctx, m) == nil {
				won <- m
			}
		}(m)
	}
	return <-won
}

// refresher re-reads the mirror list until stop is closed; nothing in the
// package ever closes it (goroutine-no-exit: Start with no Stop).
type refresher struct {
	stop  chan struct{}
	every time.Duration
}

func (r *refresher) Start(load func()) {
	r.stop = make(chan struct{})
	go func() {
		t := time.NewTicker(r.every)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				load()
			case <-r.stop:
				return
			}
		}
	}()
}
