// fleet: one process serving N pprof endpoints on 127.0.0.1 for
// bench/fleet/run, each with a heap of its own so that one process stands
// for a fleet.  Every endpoint answers /debug/pprof/heap (the legacy text
// form Go serves with ?debug=1, which leakhound reads like pprof does) and
// /debug/pprof/goroutine?debug=1.  A healthy endpoint's live heap wavers
// around a level (a sawtooth of its "collections" plus noise); a leaking
// one's grows by -leakrate bytes a second.  Each endpoint "collects" once
// a second: its cumulative allocation totals move, as a real heap
// profile's do at each garbage collection.
//
//	go run . -n 100 -leakevery 10 -life 5m
//
// prints one line per endpoint: "pprof http://127.0.0.1:PORT leak|ok".
package main

import (
	"flag"
	"fmt"
	"math"
	"net"
	"net/http"
	"os"
	"time"
)

const objSize = 65536

type endpoint struct {
	id    int
	leaks bool
	start time.Time
	rate  float64 // bytes per second of growth when leaking
}

// noise: a deterministic pseudo-random value in [0,1) for (id, k).
func noise(id, k int) float64 {
	x := uint64(id)*0x9E3779B97F4A7C15 + uint64(k)*0xBF58476D1CE4E5B9
	x ^= x >> 31
	x *= 0x94D049BB133111EB
	x ^= x >> 29
	return float64(x%1000000) / 1e6
}

func (e *endpoint) heap(w http.ResponseWriter, r *http.Request) {
	t := time.Since(e.start).Seconds()
	k := int(t) // the latest "collection"
	objs := 200.0 + 20*math.Sin(float64(k)/2+float64(e.id)) + 10*noise(e.id, k)
	if e.leaks {
		objs += e.rate * float64(k) / objSize
	}
	io := int64(objs)
	allocObjs := int64(k+1)*50 + io
	w.Header().Set("Content-Type", "text/plain")
	fmt.Fprintf(w, "heap profile: %d: %d [%d: %d] @ heap/1048576\n", io,
		io*objSize, allocObjs, allocObjs*objSize)
	fmt.Fprintf(w, "%d: %d [%d: %d] @ 0x401000 0x402000\n", io, io*objSize,
		allocObjs, allocObjs*objSize)
	fmt.Fprintf(w, "#\t0x400fff\tmain.cache+0x1f\t/bench/fleet/main.go:%d\n", 60+e.id%5)
	fmt.Fprintf(w, "#\t0x401fff\tmain.serve+0x1f\t/bench/fleet/main.go:70\n")
}

func (e *endpoint) goroutine(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	fmt.Fprintf(w, "goroutine profile: total 8\n8 @ 0x403000 0x404000\n"+
		"#\t0x402fff\tmain.worker+0x1f\t/bench/fleet/main.go:80\n\n")
}

func main() {
	n := flag.Int("n", 10, "endpoints")
	every := flag.Int("leakevery", 10, "every k-th endpoint leaks (0: none)")
	rate := flag.Float64("leakrate", 200000, "bytes per second a leak grows")
	life := flag.Duration("life", 5*time.Minute, "exit after this long")
	flag.Parse()
	time.AfterFunc(*life, func() { os.Exit(0) })
	for i := 0; i < *n; i++ {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			fmt.Fprintln(os.Stderr, "listen:", err)
			os.Exit(1)
		}
		e := &endpoint{id: i, leaks: *every > 0 && i%*every == 0, start: time.Now(), rate: *rate}
		mux := http.NewServeMux()
		mux.HandleFunc("/debug/pprof/heap", e.heap)
		mux.HandleFunc("/debug/pprof/goroutine", e.goroutine)
		go http.Serve(ln, mux)
		state := "ok"
		if e.leaks {
			state = "leak"
		}
		fmt.Printf("pprof http://%s %s\n", ln.Addr(), state)
	}
	select {}
}
