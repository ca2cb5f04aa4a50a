// watch-goroutines: the goroutine-leak shapes, one per -shape.  Each
// request starts a goroutine that can never finish:
//
//	recv      receives from a channel nobody sends on
//	send      sends on an unbuffered channel after the receiver gave up
//	sendfull  sends on a full buffered channel nobody drains
//	select    a generator whose quit channel is never closed
//	mutex     waits for a mutex that is never unlocked
//	wg        waits on a WaitGroup whose Done is never called
//	nilchan   receives from a nil channel
package main

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"strconv"
	"sync"
	"time"
)

var shape = flag.String("shape", "recv", "which leak")

func main() {
	pprofServe()
	for {
		for i := 0; i < 10; i++ {
			request()
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func request() {
	switch *shape {
	case "recv":
		leakRecv()
	case "send":
		_ = leakSend()
	case "sendfull":
		leakSendFull()
	case "select":
		leakSelect()
	case "mutex":
		leakMutex()
	case "wg":
		leakWaitGroup()
	case "nilchan":
		leakNilChan()
	default:
		fmt.Fprintln(os.Stderr, "unknown shape", *shape)
		os.Exit(2)
	}
}

func leakRecv() {
	ch := make(chan int)
	go func() {
		v := <-ch // want(recv): growing-goroutine-group goroutine-leak-suspect
		fmt.Println(v)
	}()
}

// leakSend returns at the first error; the other senders block forever.
func leakSend() error {
	errc := make(chan error)
	for i := 0; i < 3; i++ {
		go func() {
			errc <- errors.New("failed") // want(send): growing-goroutine-group goroutine-leak-suspect
		}()
	}
	return <-errc
}

func leakSendFull() {
	ch := make(chan int, 1)
	go func() {
		for i := 0; ; i++ {
			ch <- i // want(sendfull): growing-goroutine-group goroutine-leak-suspect
		}
	}()
}

func fibonacci(c, quit chan int) {
	x, y := 0, 1
	for {
		select { // want(select): growing-goroutine-group goroutine-leak-suspect
		case c <- x:
			x, y = y, x+y
		case <-quit:
			return
		}
	}
}

func leakSelect() {
	c := make(chan int)
	quit := make(chan int)
	go fibonacci(c, quit)
	for i := 0; i < 3; i++ {
		<-c
	}
}

func leakMutex() {
	var mu sync.Mutex
	mu.Lock()
	go func() {
		mu.Lock() // want(mutex): growing-goroutine-group goroutine-leak-suspect
		defer mu.Unlock()
	}()
}

func leakWaitGroup() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		wg.Wait() // want(wg): growing-goroutine-group goroutine-leak-suspect
	}()
}

func leakNilChan() {
	var ch chan int
	go func() {
		<-ch // want(nilchan): growing-goroutine-group goroutine-leak-suspect
	}()
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
