package cases

import (
	"log"
	"net"
	"net/http"
	"time"
)

var hits = make(chan string, 16)

// Every request starts a poller that never stops.
func handlePoll(w http.ResponseWriter, r *http.Request) {
	go func() { // want "goroutine-no-exit:warning"
		for {
			time.Sleep(time.Second)
			log.Print("still polling ", r.URL.Path)
		}
	}()
	w.WriteHeader(http.StatusAccepted)
}

// A break inside a switch or select leaves only that statement, not the loop.
func serveConn(c net.Conn) {
	go func() { // want "goroutine-no-exit"
		for {
			select {
			case h := <-hits:
				if h == "" {
					break
				}
				log.Print(h)
			}
		}
	}()
	c.Close()
}

// A handler written as a function literal.
func register(mux *http.ServeMux) {
	mux.HandleFunc("/tick", func(w http.ResponseWriter, r *http.Request) {
		go func() { // want "goroutine-no-exit"
			for {
				hits <- r.URL.Path
			}
		}()
	})
}

// ---- silent twins ----

// The loop ends with the request.
func handleWatch(w http.ResponseWriter, r *http.Request) {
	go func() {
		for {
			select {
			case <-r.Context().Done():
				return
			case h := <-hits:
				log.Print(h)
			}
		}
	}()
}

// A labelled break leaves the loop.
func handleLabel(w http.ResponseWriter, r *http.Request) {
	go func() {
	loop:
		for {
			switch h := <-hits; h {
			case "":
				break loop
			default:
				log.Print(h)
			}
		}
	}()
}

// An unlabelled break at the loop's own level leaves it.
func handleBreak(w http.ResponseWriter, r *http.Request) {
	go func() {
		for {
			if <-hits == "" {
				break
			}
		}
	}()
}

// panic ends the goroutine.
func handlePanic(w http.ResponseWriter, r *http.Request) {
	go func() {
		for {
			if <-hits == "" {
				panic("empty hit")
			}
		}
	}()
}

// Started once, not per request: a daemon by design.
func startPoller() {
	go func() {
		for {
			time.Sleep(time.Minute)
			log.Print("poll")
		}
	}()
}

func init() {
	go func() {
		for {
			log.Print(<-hits)
		}
	}()
}
