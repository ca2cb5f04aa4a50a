package svc

import (
	"context"
	"fmt"
	"os"
	"time"
)

// Everything kept in fields, and Close releases none of it.
type worker struct {
	tick   *time.Ticker
	cancel context.CancelFunc
	log    *os.File
	wake   chan struct{}
}

func newWorker(parent context.Context) (*worker, error) {
	f, err := os.Create("worker.log")
	if err != nil {
		return nil, err
	}
	_, cancel := context.WithCancel(parent)
	w := &worker{
		tick:   time.NewTicker(time.Second),
		cancel: cancel,
		log:    f,
		wake:   make(chan struct{}),
	}
	go w.run()
	go func() {
		<-w.wake
		fmt.Fprintln(w.log, "woken")
	}()
	return w, nil
}

func (w *worker) run() {
	for range w.tick.C {
		fmt.Fprintln(w.log, "tick")
	}
}

func (w *worker) Close() error { return nil }
