// gdump-bench writes a large goroutine dump for bench/goroutines: it starts
// -n goroutines (100,000 by default) parked in a mix of states and call
// depths like a leaking server's, then writes the debug=2 dump (the text of
// /debug/pprof/goroutine?debug=2) to standard output and exits.
package main

import (
	"bufio"
	"flag"
	"os"
	"runtime/pprof"
	"sync"
	"time"
)

// one channel per role, so no two parked goroutines can ever pair up
var (
	sendOnly = make(chan int)
	recvOnly = make(chan int)
	selRecv  = make(chan int)
	selSend  = make(chan int)
	mu       sync.Mutex
	started  sync.WaitGroup
)

func sendResult(id int)    { started.Done(); sendOnly <- id }
func handleRequest(id int) { sendResult(id) }
func serveConn(id int)     { handleRequest(id) }

func waitEvent(id int) {
	started.Done()
	select {
	case <-selRecv:
	case selSend <- id:
	}
}
func eventLoop(id int) { waitEvent(id) }

func consume(id int) { started.Done(); <-recvOnly }

func lockShared(id int) {
	started.Done()
	mu.Lock()
	mu.Unlock()
}
func updateCache(id int) { lockShared(id) }

func deep(id, n int) {
	if n == 0 {
		consume(id)
		return
	}
	deep(id, n-1)
}

func main() {
	n := flag.Int("n", 100000, "goroutines")
	flag.Parse()
	mu.Lock()
	started.Add(*n)
	for i := 0; i < *n; i++ {
		switch i % 10 {
		case 0, 1, 2, 3:
			go serveConn(i)
		case 4, 5, 6:
			go eventLoop(i)
		case 7:
			go consume(i)
		case 8:
			go updateCache(i)
		default:
			go deep(i, 12)
		}
	}
	started.Wait()
	time.Sleep(100 * time.Millisecond)
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	pprof.Lookup("goroutine").WriteTo(w, 2)
	w.Flush()
}
