package cases

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// A goroutine of the type waits on a field nothing ever signals: Close
// forgets it.
type cache struct {
	ready chan struct{}
	items map[string]string
}

func newCache() *cache {
	c := &cache{ready: make(chan struct{}), items: map[string]string{}}
	go func() { // want "goroutine-blocked-recv:warning"
		<-c.ready
		fmt.Println("warm", len(c.items))
	}()
	return c
}

func (c *cache) Close() error { return nil }

// Its endless loop selects on two fields, neither ever signalled.
type relay struct {
	in    chan string
	flush chan bool
}

func (r *relay) start() {
	r.in = make(chan string)
	r.flush = make(chan bool, 1)
	go r.loop() // want "goroutine-blocked-recv"
}

func (r *relay) loop() {
	for {
		select {
		case s := <-r.in:
			fmt.Println(s)
		case <-r.flush:
			fmt.Println("flush")
		}
	}
}

// A context field set only from Background(): its Done() is nil.
type agent struct {
	ctx context.Context
}

func newAgent() *agent {
	a := &agent{ctx: context.Background()}
	go func() { // want "goroutine-blocked-recv"
		<-a.ctx.Done()
		fmt.Println("agent stopped")
	}()
	return a
}

// CloseNotify: on a kept-alive connection it never fires once the
// handler has returned, so every request leaves one goroutine behind.
func handle(w http.ResponseWriter, r *http.Request) {
	notify := w.(http.CloseNotifier).CloseNotify()
	go func() { // want "goroutine-blocked-recv"
		<-notify
		fmt.Println("client went away")
	}()
	fmt.Fprintln(w, "ok")
}

// The Timer of AfterFunc has a nil C: waiting on it blocks for ever.
type debouncer struct {
	t *time.Timer
}

func newDebouncer(f func()) *debouncer {
	d := &debouncer{t: time.AfterFunc(time.Second, f)}
	go func() { // want "goroutine-blocked-recv"
		<-d.t.C
		fmt.Println("fired")
	}()
	return d
}

// A local context derived from Background() with no cancel in reach:
// WithValue's Done is its parent's, and Background's is nil.
func serveOne(job func(context.Context)) {
	ctx := context.WithValue(context.Background(), jobKey{}, 1)
	go func() { // want "goroutine-blocked-recv"
		<-ctx.Done()
		fmt.Println("job cancelled")
	}()
	job(ctx)
}

type jobKey struct{}
