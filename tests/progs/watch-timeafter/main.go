// watch-timeafter: the articles' leak.  A consumer selects on a busy
// channel and on time.After(3 minutes) created afresh in every iteration;
// each call leaves a live timer behind until it fires, so the heap grows.
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"strconv"
	"time"
)

func main() {
	pprofServe()
	ch := make(chan string, 100)
	go produce(ch)
	consume(ch)
}

func consume(ch chan string) {
	for {
		select {
		case <-ch:
		case <-time.After(3 * time.Minute): // want: growing-allocation-site
		}
	}
}

// produce sends about 20,000 values a second, in bursts, so the leak is
// fast enough to see in seconds without using a whole core.
func produce(ch chan string) {
	for {
		for i := 0; i < 200; i++ {
			ch <- "data"
		}
		time.Sleep(10 * time.Millisecond)
	}
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
