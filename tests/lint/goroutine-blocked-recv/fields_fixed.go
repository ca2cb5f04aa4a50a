package cases

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// The fixed twin: warm-up closes ready.
type cache struct {
	ready chan struct{}
	items map[string]string
}

func newCache() *cache {
	c := &cache{ready: make(chan struct{}), items: map[string]string{}}
	go func() {
		<-c.ready
		fmt.Println("warm", len(c.items))
	}()
	return c
}

func (c *cache) warm() {
	c.items["a"] = "b"
	close(c.ready)
}

// Send and Flush signal the fields.
type relay struct {
	in    chan string
	flush chan bool
}

func (r *relay) start() {
	r.in = make(chan string)
	r.flush = make(chan bool, 1)
	go r.loop()
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

func (r *relay) Send(s string) { r.in <- s }

func (r *relay) Flush() { r.flush <- true }

// A loop left only by a quit case nothing closes: goroutine-no-exit
// reports that shape, not this rule.
type pump struct {
	in   chan string
	quit chan struct{}
}

func (p *pump) start() {
	p.in = make(chan string)
	p.quit = make(chan struct{})
	go func() {
		for {
			select {
			case s := <-p.in:
				fmt.Println(s)
			case <-p.quit:
				return
			}
		}
	}()
}

// A context field with a cancel in reach.
type agent struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func newAgent() *agent {
	ctx, cancel := context.WithCancel(context.Background())
	a := &agent{ctx: ctx, cancel: cancel}
	go func() {
		<-a.ctx.Done()
		fmt.Println("agent stopped")
	}()
	return a
}

func (a *agent) Stop() { a.cancel() }

// The field is handed to code the model does not follow.
type hub struct {
	events chan int
}

func newHub(register func(chan int)) *hub {
	h := &hub{events: make(chan int)}
	register(h.events)
	go func() {
		for {
			<-h.events
		}
	}()
	return h
}

// The request's context is closed when the handler returns.
func handle(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	go func() {
		<-ctx.Done()
		fmt.Println("request done")
	}()
	fmt.Fprintln(w, "ok")
}

// A NewTimer's C gets its one value.
type debouncer struct {
	t *time.Timer
}

func newDebouncer() *debouncer {
	d := &debouncer{t: time.NewTimer(time.Second)}
	go func() {
		<-d.t.C
		fmt.Println("fired")
	}()
	return d
}

// The fixed twin: a cancel in reach, called when the job ends.
func serveOne(job func(context.Context)) {
	ctx, cancel := context.WithCancel(context.WithValue(context.Background(), jobKey{}, 1))
	defer cancel()
	go func() {
		<-ctx.Done()
		fmt.Println("job cancelled")
	}()
	job(ctx)
}

type jobKey struct{}

// Reassigned later: the model cannot say which context it waits on.
func serveTwo(parent context.Context, job func(context.Context)) {
	ctx := context.Background()
	if parent != nil {
		ctx = parent
	}
	go func() {
		<-ctx.Done()
	}()
	job(ctx)
}
