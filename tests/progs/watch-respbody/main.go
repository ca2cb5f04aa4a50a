// watch-respbody: responses whose body is never closed.  The client
// cannot reuse or release a connection it does not know is finished, so
// each request keeps a connection, its buffers and two goroutines alive.
// A second request site closes its bodies: it must not be blamed (-shape
// one leaves it out).
package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"runtime"
	"strconv"
	"time"
)

var (
	shape   = flag.String("shape", "mixed", "mixed: a closing request site too; one: only the leak")
	memrate = flag.Int("memrate", 0, "runtime.MemProfileRate when > 0 (sample every request)")
)

func main() {
	pprofServe()
	if *memrate > 0 {
		runtime.MemProfileRate = *memrate
	}
	srv := backend()
	// 20 requests a second, stopping at 450 so the leaked descriptors
	// stay under the usual limit of 1024.
	for n := 0; n < 450; n++ {
		fetch(srv)
		if *shape == "mixed" {
			fetchClosed(srv)
		}
		time.Sleep(50 * time.Millisecond)
	}
	select {}
}

func fetch(url string) {
	resp, err := http.Get(url) // want(mixed): http-connection-growth
	if err != nil {
		return
	}
	_, _ = io.ReadAll(io.LimitReader(resp.Body, 2))
}

func fetchClosed(url string) {
	resp, err := http.Get(url) // never: http-connection-growth
	if err != nil {
		return
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
}

// backend is the local HTTP server the client talks to (127.0.0.1 only).
func backend() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, "listen:", err)
		os.Exit(1)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "hello from the backend")
	})
	go http.Serve(ln, mux)
	return "http://" + ln.Addr().String() + "/"
}

// pprofServe listens on 127.0.0.1 at -port (or $PPROF_PORT; 0 picks a free
// port), prints "pprof http://ADDR" on stdout and serves net/http/pprof.
// The program exits by itself after -life so that no test leaves it behind.
func pprofServe() {
	port := flag.Int("port", envPort(), "pprof port on 127.0.0.1 (0: any)")
	life := flag.Duration("life", 120*time.Second, "exit after this long")
	flag.Parse()
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", *port))
	if err != nil {
		fmt.Fprintln(os.Stderr, "listen:", err)
		os.Exit(1)
	}
	fmt.Printf("pprof http://%s\n", ln.Addr())
	go http.Serve(ln, nil)
	time.AfterFunc(*life, func() { os.Exit(0) })
}

func envPort() int {
	p, _ := strconv.Atoi(os.Getenv("PPROF_PORT"))
	return p
}
