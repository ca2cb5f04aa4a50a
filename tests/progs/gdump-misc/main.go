// gdump-misc: goroutines locked to OS threads, goroutines blocked deep in a
// recursion (their tracebacks have elided frames), sync waits, and, with
// -panic, a panic in a goroutine after everything is set up (crash output).
// Serves net/http/pprof on 127.0.0.1; prints "ADDR host:port", then "READY".
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"runtime"
	"sync"
	"time"
)

var block = make(chan struct{})

func locked() {
	runtime.LockOSThread()
	<-block
}

func recurse(depth int) int {
	if depth == 0 {
		<-block
		return 0
	}
	return recurse(depth-1) + 1
}

func waitGroup(wg *sync.WaitGroup) {
	wg.Wait()
}

func crash() {
	panic("gdump-misc: deliberate panic")
}

func main() {
	nlocked := flag.Int("locked", 4, "goroutines locked to threads")
	ndeep := flag.Int("deep", 6, "goroutines blocked deep in a recursion")
	depth := flag.Int("depth", 300, "recursion depth")
	doPanic := flag.Bool("panic", false, "panic once set up")
	life := flag.Duration("life", 60*time.Second, "exit after this long")
	flag.Parse()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("ADDR %s\n", ln.Addr())
	go http.Serve(ln, nil)

	for i := 0; i < *nlocked; i++ {
		go locked()
	}
	for i := 0; i < *ndeep; i++ {
		go recurse(*depth)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	for i := 0; i < 3; i++ {
		go waitGroup(&wg)
	}
	time.Sleep(100 * time.Millisecond)
	fmt.Println("READY")
	if *doPanic {
		done := make(chan struct{})
		go func() {
			crash()
			close(done)
		}()
		<-done
	}
	time.Sleep(*life)
}
