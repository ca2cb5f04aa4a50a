package cases

import (
	"context"
	"time"
)

// The constructor keeps the cancel function; Close forgets to call it.
type session struct {
	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}
}

func newSession(parent context.Context) *session {
	ctx, cancel := context.WithTimeout(parent, time.Minute)
	return &session{ctx: ctx, cancel: cancel, done: make(chan struct{})} // want "cancel-not-called:warning"
}

func (s *session) Close() error {
	close(s.done)
	return nil
}

// Set by a start method straight from WithCancel, in a plain func() field.
type watcher struct {
	stop func()
}

func (w *watcher) start(parent context.Context) context.Context {
	var ctx context.Context
	ctx, w.stop = context.WithCancel(parent) // want "cancel-not-called"
	return ctx
}
