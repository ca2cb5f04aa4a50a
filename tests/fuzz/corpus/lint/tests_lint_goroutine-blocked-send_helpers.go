package cases

import (
	"context"
	"sync"
	"time"
)

type fetcher struct{ base string }

func fetchOne(url string) error { return nil }

// a same-package helper with a directional parameter does the send.
func worker(url string, out chan<- error) {
	out <- fetchOne(url) // want "goroutine-blocked-send"
}

func fetchAll(urls []string) error {
	errc := make(chan error)
	for _, u := range urls {
		go worker(u, errc)
	}
	for range urls {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// a method as the goroutine, a method as the starter.
func (f *fetcher) get(path string, res chan<- string) {
	time.Sleep(time.Millisecond)
	res <- f.base + path // want "goroutine-blocked-send"
}

func (f *fetcher) getWithin(path string, d time.Duration) (string, bool) {
	res := make(chan string)
	go f.get(path, res)
	select {
	case s := <-res:
		return s, true
	case <-time.After(d):
		return "", false
	}
}

// the helper selects on ctx.Done(): silent.
func polite(ctx context.Context, url string, out chan<- error) {
	select {
	case out <- fetchOne(url):
	case <-ctx.Done():
	}
}

func fetchPolite(ctx context.Context, urls []string) error {
	errc := make(chan error)
	for _, u := range urls {
		go polite(ctx, u, errc)
	}
	for range urls {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// errgroup style (golang.org/x/sync/errgroup cannot be imported by these
// std-only fixtures; this group has its Go/Wait shape): no channel at all,
// nothing to report.
type group struct {
	wg   sync.WaitGroup
	once sync.Once
	err  error
}

func (g *group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() { g.err = err })
		}
	}()
}

func (g *group) Wait() error {
	g.wg.Wait()
	return g.err
}

func fetchGroup(urls []string) error {
	var g group
	for _, u := range urls {
		u := u
		g.Go(func() error { return fetchOne(u) })
	}
	return g.Wait()
}

// a helper that hands the channel on to unknown code: silent.
func forward(out chan<- error, sink func(chan<- error)) { sink(out) }

func fetchForward(urls []string, sink func(chan<- error)) error {
	errc := make(chan error)
	go forward(errc, sink)
	return <-errc
}
