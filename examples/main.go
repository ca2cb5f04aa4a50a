// linkcheck is a small HTTP service that checks links: POST a URL to
// /check, GET /status?url=... for the last result.  It is leakhound's
// bundled example: it builds and runs, and it contains one instance of
// every leak that `leakhound lint` knows (see README.md beside it).
package main

import (
	"context"
	"flag"
	"log"
	"net/http"
	"net/http/pprof"
	"os"
	"os/signal"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	seeds := flag.String("seeds", "", "file with one URL per line to check at start")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	c := newChecker(5 * time.Second)
	jobs := make(chan string, 64)
	go c.worker(ctx, jobs)
	go reportStats(ctx)
	go pollUpstream(ctx, "http://127.0.0.1:9/health")

	if *seeds != "" {
		urls, err := loadSeeds(*seeds)
		if err != nil {
			log.Fatal(err)
		}
		for _, u := range urls {
			jobs <- u
		}
	}

	mux := http.NewServeMux()
	a := &api{jobs: jobs}
	mux.HandleFunc("/check", a.handleCheck)
	mux.HandleFunc("/status", handleStatus)
	registerMirrors(mux, []string{"http://127.0.0.1:9/a", "http://127.0.0.1:9/b"})
	// The pprof endpoints, so that `leakhound watch` and `run --pprof` can
	// sample the heap and goroutine profiles of this service.
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	srv := &http.Server{Addr: *addr, Handler: mux}
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		log.Fatal(err)
	}
}
