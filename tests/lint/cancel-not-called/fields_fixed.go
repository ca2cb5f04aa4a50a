package cases

import (
	"context"
	"time"
)

// The fixed twin: Close cancels the context.
type session struct {
	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}
}

func newSession(parent context.Context) *session {
	ctx, cancel := context.WithTimeout(parent, time.Minute)
	return &session{ctx: ctx, cancel: cancel, done: make(chan struct{})}
}

func (s *session) Close() error {
	s.cancel()
	close(s.done)
	return nil
}

// Called through a deferred call in a goroutine of the type.
type watcher struct {
	stop func()
}

func (w *watcher) start(parent context.Context) {
	var ctx context.Context
	ctx, w.stop = context.WithCancel(parent)
	go func() {
		defer w.stop()
		<-ctx.Done()
	}()
}

// Handed on to the caller: it owns the cancel now.
type job struct {
	cancel context.CancelFunc
}

func newJob(parent context.Context) (*job, context.CancelFunc) {
	_, cancel := context.WithCancel(parent)
	j := &job{cancel: cancel}
	return j, j.cancel
}

// Set from a parameter: somebody else's cancel function.
type borrowed struct {
	cancel context.CancelFunc
}

func newBorrowed(c context.CancelFunc) *borrowed { return &borrowed{cancel: c} }

// The field is a copy: the local it came from is called (etcd's
// grpcproxy chanStream shape).
type stream struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func newPipe(parent context.Context, run func(*stream) error) *stream {
	ctx, cancel := context.WithCancel(parent)
	s := &stream{ctx: ctx, cancel: cancel}
	go func() {
		_ = run(s)
		cancel()
	}()
	return s
}
