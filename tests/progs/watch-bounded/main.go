// watch-bounded: a control that must not alarm.  A cache capped at
// -entries fills up and then evicts the oldest entry for each new one.
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

var entries = flag.Int("entries", 8000, "cache capacity")

type cache struct {
	max   int
	order []string
	data  map[string][]byte
}

func (c *cache) put(k string, v []byte) {
	if _, ok := c.data[k]; !ok {
		c.order = append(c.order, k)
	}
	c.data[k] = v
	for len(c.order) > c.max {
		delete(c.data, c.order[0])
		c.order = c.order[1:]
	}
}

func main() {
	pprofServe()
	c := &cache{max: *entries, data: map[string][]byte{}}
	for n := 0; ; n++ {
		for i := 0; i < 40; i++ {
			c.put(strconv.Itoa(n*40+i), make([]byte, 1024))
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
