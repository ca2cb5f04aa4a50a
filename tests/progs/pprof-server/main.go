// pprof-server serves net/http/pprof on 127.0.0.1 while it leaks: a global
// slice grows every 20 ms and a goroutine is left blocked every 50 ms.  It
// prints "listening on http://ADDR" once it accepts connections and exits by
// itself after -timeout, so a test that forgets it cannot leave it running.
//
//	pprof-server -addr 127.0.0.1:0 -timeout 30s
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"runtime"
	"time"
)

var retained [][]byte

func grow() { retained = append(retained, make([]byte, 64<<10)) }

func stuck(ch chan struct{}) { <-ch }

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "listen address (loopback only)")
	timeout := flag.Duration("timeout", 30*time.Second, "exit after this long")
	flag.Parse()
	runtime.MemProfileRate = 4096
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("listening on http://%s\n", ln.Addr())
	go func() {
		never := make(chan struct{})
		grows := time.NewTicker(20 * time.Millisecond)
		stucks := time.NewTicker(50 * time.Millisecond)
		for {
			select {
			case <-grows.C:
				grow()
			case <-stucks.C:
				go stuck(never)
			}
		}
	}()
	go func() {
		time.Sleep(*timeout)
		os.Exit(0)
	}()
	http.Serve(ln, nil)
}
