// pprof-leaky leaks memory, timers and goroutines from distinct sites, burns
// CPU, and writes its own profiles with runtime/pprof, so that leakhound's
// tests have real profiles of every kind to compare with `go tool pprof`:
//
//	pprof-leaky -out DIR
//
// writes DIR/heap.pb.gz, heap.txt (debug=1), heap2.pb.gz (a later snapshot,
// after more leaking), allocs.pb.gz, goroutine.pb.gz, goroutine.txt,
// block.pb.gz, mutex.pb.gz and cpu.pb.gz.  It runs for about two seconds.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"time"
)

// The global the leaks end up in: nothing ever removes from it.
var cache = map[string][]byte{}
var sessions [][]byte
var mu sync.Mutex

type record struct {
	id   int
	name string
	data []byte
}

var records []*record

// small enough to be inlined into its callers
func newBuf(n int) []byte { return make([]byte, n) }

func leakCache(n int) {
	for i := 0; i < n; i++ {
		cache[fmt.Sprintf("key-%d", i)] = newBuf(2048)
	}
}

func leakSessions(n int) {
	for i := 0; i < n; i++ {
		sessions = append(sessions, make([]byte, 8192))
	}
}

func leakRecords(n int) {
	for i := 0; i < n; i++ {
		records = append(records, &record{id: i, name: strings.Repeat("x", 64), data: newBuf(512)})
	}
}

// garbage: allocated and dropped, visible only in alloc_* values
func churn(n int) int {
	total := 0
	for i := 0; i < n; i++ {
		b := make([]byte, 1024+i%512)
		total += len(b)
	}
	return total
}

// The articles' timer leak: every iteration creates a timer that lives until
// it fires, long after the loop moved on.
func timerLoop(events <-chan int, done <-chan struct{}) {
	for {
		select {
		case <-events:
		case <-time.After(time.Hour):
		case <-done:
			return
		}
	}
}

func blockedReceiver(ch chan int) { <-ch }

func blockedSender(ch chan int) { ch <- 1 }

func lockHolder(l *sync.Mutex, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < 200; i++ {
		l.Lock()
		time.Sleep(10 * time.Microsecond)
		l.Unlock()
	}
}

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func hashLoop(n int) uint64 {
	var h uint64 = 14695981039346656037
	for i := 0; i < n; i++ {
		h ^= uint64(i)
		h *= 1099511628211
	}
	return h
}

func burn(d time.Duration) (int, uint64) {
	end := time.Now().Add(d)
	var a int
	var b uint64
	for time.Now().Before(end) {
		a += fib(22)
		b ^= hashLoop(200000)
		a += churn(50)
	}
	return a, b
}

func write(dir, name string, f func(*os.File) error) {
	out, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := f(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out.Close()
}

func lookup(name string, debug int) func(*os.File) error {
	return func(f *os.File) error { return pprof.Lookup(name).WriteTo(f, debug) }
}

func main() {
	out := flag.String("out", "", "directory to write the profiles to")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: pprof-leaky -out DIR")
		os.Exit(2)
	}
	runtime.MemProfileRate = 4096
	runtime.SetBlockProfileRate(1)
	runtime.SetMutexProfileFraction(1)

	write(*out, "cpu.pb.gz", func(f *os.File) error {
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		burn(1200 * time.Millisecond)
		pprof.StopCPUProfile()
		return nil
	})

	leakCache(300)
	leakSessions(100)
	leakRecords(500)
	churn(3000)

	done := make(chan struct{})
	events := make(chan int)
	for i := 0; i < 20; i++ {
		go timerLoop(events, done)
	}
	for i := 0; i < 100; i++ {
		events <- i
	}
	recv := make(chan int)
	send := make(chan int)
	for i := 0; i < 30; i++ {
		go blockedReceiver(recv)
	}
	for i := 0; i < 12; i++ {
		go blockedSender(send)
	}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go lockHolder(&mu, &wg)
	}
	wg.Wait()
	time.Sleep(50 * time.Millisecond)
	runtime.GC()

	write(*out, "heap.pb.gz", lookup("heap", 0))
	write(*out, "heap.txt", lookup("heap", 1))
	write(*out, "allocs.pb.gz", lookup("allocs", 0))
	write(*out, "goroutine.pb.gz", lookup("goroutine", 0))
	write(*out, "goroutine.txt", lookup("goroutine", 1))
	write(*out, "block.pb.gz", lookup("block", 0))
	write(*out, "mutex.pb.gz", lookup("mutex", 0))

	// a later snapshot: the same sites grew
	leakCache(900)
	leakSessions(250)
	leakRecords(300)
	for i := 0; i < 100; i++ {
		events <- i
	}
	runtime.GC()
	write(*out, "heap2.pb.gz", lookup("heap", 0))
	close(done)
}
