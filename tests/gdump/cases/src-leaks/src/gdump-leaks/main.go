// gdump-leaks reproduces the goroutine leaks of the seed articles, each many
// times, and serves net/http/pprof on 127.0.0.1 so a test can take dumps.
//
// Scenarios (one function each, so each leaks at its own line):
//   earlyReturn      results sent on an unbuffered channel; the caller returns
//                    at the first error and the other senders block forever
//   firstWins        ask several replicas, keep the first answer; the others
//                    block sending theirs
//   timeout          the caller gives up after a timeout; the worker blocks
//                    sending its late result
//   noSender         a goroutine receives from a channel nobody sends on
//                    (started under the pprof label scenario=no-sender)
//   generator        a consumer stops reading an endless generator
//   nilChan          a receive from a nil channel (never wakes)
//   mutexWait        waiters on a mutex that is never unlocked
//
// Prints "ADDR host:port" and then "READY" on stdout.  GET /more runs the
// earlyReturn scenario once more (for growth between two dumps).  Exits by
// itself after -life.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"runtime/pprof"
	"sync"
	"time"
)

var errBad = errors.New("bad item")

func work(i int) error {
	if i%5 == 0 {
		return errBad
	}
	return nil
}

func earlyReturn(items []int) error {
	ch := make(chan error)
	for _, it := range items {
		go func(it int) {
			ch <- work(it)
		}(it)
	}
	for range items {
		if err := <-ch; err != nil {
			return err
		}
	}
	return nil
}

func firstWins(replicas int) int {
	ch := make(chan int)
	for r := 0; r < replicas; r++ {
		go func(r int) {
			ch <- r
		}(r)
	}
	return <-ch
}

func timeout() bool {
	ch := make(chan int)
	go func() {
		time.Sleep(20 * time.Millisecond)
		ch <- 1
	}()
	select {
	case <-ch:
		return true
	case <-time.After(time.Millisecond):
		return false
	}
}

func noSender() {
	ch := make(chan int)
	go func() {
		<-ch
	}()
}

func generator() <-chan int {
	ch := make(chan int)
	go func() {
		for i := 0; ; i++ {
			ch <- i
		}
	}()
	return ch
}

func nilChan() {
	var ch chan int
	go func() {
		<-ch
	}()
}

var mu sync.Mutex

func mutexWait() {
	go func() {
		mu.Lock()
	}()
}

func main() {
	n := flag.Int("n", 100, "iterations of each scenario")
	life := flag.Duration("life", 60*time.Second, "exit after this long")
	flag.Parse()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("ADDR %s\n", ln.Addr())
	http.HandleFunc("/more", func(w http.ResponseWriter, r *http.Request) {
		_ = earlyReturn([]int{1, 2, 5, 3, 4})
		time.Sleep(50 * time.Millisecond)
		fmt.Fprintln(w, "ok")
	})
	go http.Serve(ln, nil)

	mu.Lock()
	for i := 0; i < *n; i++ {
		_ = earlyReturn([]int{1, 2, 5, 3, 4})
		_ = firstWins(3)
		_ = timeout()
		// labelled, so debug=1 and protobuf profiles carry labels
		pprof.Do(context.Background(), pprof.Labels("scenario", "no-sender"),
			func(context.Context) { noSender() })
		g := generator()
		<-g
		<-g
		nilChan()
		if i < 10 {
			mutexWait()
		}
	}
	// let the late timeout workers reach their send
	time.Sleep(100 * time.Millisecond)
	fmt.Println("READY")
	time.Sleep(*life)
}
