// watch-steady: a control that must not alarm.  A fixed pool of workers
// handles requests that allocate short-lived garbage; nothing is retained.
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"strconv"
	"strings"
	"time"
)

var sink int

func main() {
	pprofServe()
	work := make(chan int)
	for i := 0; i < 8; i++ {
		go worker(work)
	}
	for n := 0; ; n++ {
		for i := 0; i < 50; i++ {
			work <- n
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func worker(work chan int) {
	for n := range work {
		s := strings.Repeat(strconv.Itoa(n), 64)
		b := make([]byte, 4096)
		sink += len(s) + len(b)
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
