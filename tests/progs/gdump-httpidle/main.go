// gdump-httpidle: an HTTP server with idle keep-alive connections, and a
// client that never closes response bodies (the seed article's leak: each
// response pins a persistent connection with its read and write loops).
// Serves net/http/pprof on 127.0.0.1; prints "ADDR host:port", then "READY".
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"time"
)

func main() {
	n := flag.Int("n", 20, "requests whose bodies are never closed")
	idle := flag.Int("idle", 5, "clients that keep one idle connection each")
	life := flag.Duration("life", 60*time.Second, "exit after this long")
	flag.Parse()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("ADDR %s\n", ln.Addr())
	http.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "hello")
	})
	go http.Serve(ln, nil)
	url := "http://" + ln.Addr().String() + "/hello"

	// bodies never closed nor read: every request takes a new connection
	leaky := &http.Client{Transport: &http.Transport{}}
	for i := 0; i < *n; i++ {
		resp, err := leaky.Get(url)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		_ = resp
	}
	// well-behaved clients: body read and closed, connection kept idle
	for i := 0; i < *idle; i++ {
		c := &http.Client{Transport: &http.Transport{}}
		resp, err := c.Get(url)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		buf := make([]byte, 64)
		for {
			if _, err := resp.Body.Read(buf); err != nil {
				break
			}
		}
		resp.Body.Close()
	}
	time.Sleep(100 * time.Millisecond)
	fmt.Println("READY")
	time.Sleep(*life)
}
