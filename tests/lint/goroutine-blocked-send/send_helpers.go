package cases

import (
	"context"
	"errors"
	"sync"
)

type outcome struct {
	n   int
	err error
}

type job struct {
	mu    sync.Mutex
	steps []int
}

// deliver's only use of out is one plain send: a call of it is one send.
func (j *job) deliver(out chan<- outcome, n int, err error) {
	j.mu.Lock()
	out <- outcome{n, err}
	j.mu.Unlock()
}

// deliverIf sends only when there is an error: some paths send nothing.
func deliverIf(out chan<- outcome, err error) {
	if err == nil {
		return
	}
	out <- outcome{0, err}
}

// deliverAll sends in a loop: not a one-send helper, nothing is claimed.
func deliverAll(out chan<- outcome, ns []int) {
	for _, n := range ns {
		out <- outcome{n, nil}
	}
}

// keep stores the channel: not a send helper either.
var kept chan<- outcome

func keep(out chan<- outcome) { kept = out }

func (j *job) work(out chan<- outcome) {
	for _, s := range j.steps {
		if s < 0 {
			j.deliver(out, 0, errors.New("negative step")) // want "goroutine-blocked-send:error"
			return
		}
	}
	j.deliver(out, len(j.steps), nil)
}

func (j *job) watch(ctx context.Context, out chan<- outcome, done <-chan struct{}) {
	select {
	case <-ctx.Done():
		j.deliver(out, 0, ctx.Err())
	case <-done:
	}
}

// Both goroutines can send through deliver; the starter takes one value
// from the unbuffered channel and returns, so the other sender blocks.
func (j *job) run(ctx context.Context) (int, error) {
	out := make(chan outcome)
	done := make(chan struct{})
	defer close(done)
	go j.work(out)
	go j.watch(ctx, out, done)
	r := <-out
	return r.n, r.err
}

// fixed twin: room for both senders.
func (j *job) runBuffered(ctx context.Context) (int, error) {
	out := make(chan outcome, 2)
	done := make(chan struct{})
	defer close(done)
	go j.work(out)
	go j.watch(ctx, out, done)
	r := <-out
	return r.n, r.err
}

// A literal goroutine that sends through a package function on one path;
// the starter may return before receiving.
func early(fail bool, err error) error {
	out := make(chan outcome)
	go func() {
		deliverIf(out, err) // want "goroutine-blocked-send"
	}()
	if fail {
		return errors.New("gave up")
	}
	r := <-out
	return r.err
}

// fixed twin: every exit receives.
func earlyFixed(fail bool, err error) error {
	out := make(chan outcome)
	go func() {
		deliverIf(out, err)
		close(out)
	}()
	r := <-out
	if fail {
		return errors.New("gave up")
	}
	return r.err
}

// silent: the helper loops, so its count is unknown to the starter.
func looping(ns []int) int {
	out := make(chan outcome)
	go func() {
		deliverAll(out, ns)
	}()
	return (<-out).n
}

// silent: the helper keeps the channel, which escapes.
func escaping() int {
	out := make(chan outcome)
	go func() {
		keep(out)
	}()
	return (<-out).n
}

// silent: the helper call is deferred in the goroutine.
func deferred(j *job) int {
	out := make(chan outcome)
	go func() {
		defer j.deliver(out, 1, nil)
	}()
	return (<-out).n
}
