// bench-watch: the programs of bench/watch that tests/progs lacks, one per
// -kind, each serving net/http/pprof on 127.0.0.1 like tests/progs/watch-*:
//
//	bursty    healthy: idle traffic with random bursts that allocate
//	          request buffers and goroutines, all freed when the burst ends
//	pool      healthy: a worker pool that grows towards -cap workers (each
//	          with a 256 KiB buffer), ever more slowly, then stays there;
//	          a demand peak every -batch requests (25 ms each on average),
//	          so the fill's time constant is about cap * batch / 40 s
//	slowleak  leaking: a churning working set of -base MiB plus a slice
//	          that keeps -rate percent of that working set per minute
//
// -seed picks the random timings, so two runs are two different series.
package main

import (
	"flag"
	"fmt"
	"math/rand"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"runtime"
	"strconv"
	"sync"
	"time"
)

var (
	kind = flag.String("kind", "bursty", "bursty, pool or slowleak")
	seed = flag.Int64("seed", 1, "random seed")
	base = flag.Int("base", 16, "slowleak: working set, MiB")
	rate = flag.Float64("rate", 0.5, "slowleak: leak, percent of the working set per minute")
	capw = flag.Int("cap", 64, "pool: most workers")
	memr = flag.Int("memrate", 0, "runtime.MemProfileRate when > 0")
	batch = flag.Int("batch", 50, "pool: requests between two demand peaks")
)

var sink [][]byte

func main() {
	pprofServe()
	if *memr > 0 {
		runtime.MemProfileRate = *memr
	}
	rng := rand.New(rand.NewSource(*seed))
	switch *kind {
	case "bursty":
		bursty(rng)
	case "pool":
		pool(rng)
	case "slowleak":
		slowleak(rng)
	default:
		fmt.Fprintln(os.Stderr, "unknown -kind", *kind)
		os.Exit(2)
	}
}

func work(rng *rand.Rand, n int) {
	buf := make([]byte, n)
	for i := range buf {
		buf[i] = byte(i)
	}
	time.Sleep(time.Duration(rng.Intn(50)) * time.Millisecond)
}

func bursty(rng *rand.Rand) {
	var mu sync.Mutex
	for {
		// quiet: a trickle of small requests
		quiet := time.Now().Add(time.Duration(2000+rng.Intn(8000)) * time.Millisecond)
		for time.Now().Before(quiet) {
			work(rng, 4096)
		}
		// burst: many concurrent requests holding 64-512 KiB each
		n := 20 + rng.Intn(200)
		var wg sync.WaitGroup
		for i := 0; i < n; i++ {
			wg.Add(1)
			mu.Lock()
			size := (64 + rng.Intn(448)) << 10
			d := time.Duration(200+rng.Intn(2000)) * time.Millisecond
			mu.Unlock()
			go func() {
				defer wg.Done()
				b := make([]byte, size)
				for j := 0; j < len(b); j += 4096 {
					b[j] = 1
				}
				time.Sleep(d)
				_ = b[0]
			}()
		}
		wg.Wait()
	}
}

type worker struct {
	buf  []byte
	jobs chan int
}

func pool(rng *rand.Rand) {
	var ws []*worker
	for {
		// demand peaks add a worker with probability 1 - size/cap, so
		// the pool grows ever more slowly and stops at -cap
		if len(ws) < *capw && rng.Float64() < 1-float64(len(ws))/float64(*capw) {
			w := &worker{buf: make([]byte, 256<<10), jobs: make(chan int, 1)}
			go func() {
				for j := range w.jobs {
					w.buf[j%len(w.buf)]++
				}
			}()
			ws = append(ws, w)
		}
		for i := 0; i < *batch; i++ {
			if len(ws) > 0 {
				select {
				case ws[rng.Intn(len(ws))].jobs <- i:
				default:
				}
			}
			work(rng, 2048)
		}
	}
}

func slowleak(rng *rand.Rand) {
	const chunk = 4096
	set := make([][]byte, (*base<<20)/chunk)
	for i := range set {
		set[i] = make([]byte, chunk)
	}
	perMin := float64(*base<<20) * *rate / 100
	start := time.Now()
	leaked := 0.0
	for {
		// churn: replace part of the working set, garbage for the GC
		for i := 0; i < 200; i++ {
			set[rng.Intn(len(set))] = make([]byte, chunk)
		}
		want := perMin * time.Since(start).Minutes()
		for leaked < want {
			sink = append(sink, make([]byte, 512))
			leaked += 512
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// pprofServe: as in tests/progs/watch-*: 127.0.0.1, -port (0: any),
// "pprof http://ADDR" on stdout, exit after -life.
func pprofServe() {
	port := flag.Int("port", 0, "pprof port on 127.0.0.1 (0: any)")
	life := flag.Duration("life", 120*time.Second, "exit after this long")
	flag.Parse()
	ln, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(*port))
	if err != nil {
		fmt.Fprintln(os.Stderr, "listen:", err)
		os.Exit(1)
	}
	fmt.Printf("pprof http://%s\n", ln.Addr())
	go http.Serve(ln, nil)
	time.AfterFunc(*life, func() { os.Exit(0) })
}
