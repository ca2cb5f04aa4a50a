// watch-warmup: a control that must not alarm.  For its first -warm
// period it loads a table and starts workers (memory and goroutines rise),
// then it serves with a flat footprint.
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

var warm = flag.Duration("warm", 1500*time.Millisecond, "warm-up length")

var table [][]byte

func main() {
	pprofServe()
	work := make(chan []byte)
	deadline := time.Now().Add(*warm)
	for time.Now().Before(deadline) {
		for i := 0; i < 20; i++ {
			table = append(table, make([]byte, 2048))
		}
		if len(table)%400 == 0 {
			go worker(work)
		}
		time.Sleep(5 * time.Millisecond)
	}
	for n := 0; ; n++ {
		work <- table[n%len(table)]
		time.Sleep(time.Millisecond)
	}
}

var sink int

func worker(work chan []byte) {
	for b := range work {
		c := make([]byte, len(b))
		copy(c, b)
		sink += len(c)
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
