package cases

import (
	"context"
	"time"
)

type prober struct{ ok func() bool }

// The goroutine alone uses the ticker: it owns it.  Its quit case stops
// it, but the goroutine closes quit itself just before returning on the
// other paths, so that case never runs: the ticker keeps firing.
func (p *prober) watch(ctx context.Context) {
	ticker := time.NewTicker(250 * time.Millisecond) // want "ticker-not-stopped:warning"
	quit := make(chan struct{})
	go func() {
		for {
			select {
			case <-ctx.Done():
				close(quit)
				return
			case <-ticker.C:
				if !p.ok() {
					close(quit)
					return
				}
			case <-quit:
				ticker.Stop()
				return
			}
		}
	}()
}

// Fixed twin: the goroutine defers the Stop.
func (p *prober) watchFixed(ctx context.Context) {
	ticker := time.NewTicker(250 * time.Millisecond)
	go func() {
		defer ticker.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
				if !p.ok() {
					return
				}
			}
		}
	}()
}

// Handed on to a nested goroutine that the outer one may never start.
func progress(ctx context.Context, items <-chan int, report func(int)) {
	ticker := time.NewTicker(2 * time.Second) // want "ticker-not-stopped:warning"
	go func() {
		total := 0
		for n := range items {
			total += n
		}
		if total == 0 {
			return
		}
		go func() {
			for {
				select {
				case <-ticker.C:
					report(total)
				case <-ctx.Done():
					ticker.Stop()
					return
				}
			}
		}()
	}()
}

// The function stops it after the goroutine: not the goroutine's alone.
func shared(ctx context.Context, done <-chan struct{}, tick func()) {
	ticker := time.NewTicker(time.Second)
	go func() {
		for {
			select {
			case <-ticker.C:
				tick()
			case <-done:
				return
			}
		}
	}()
	<-ctx.Done()
	ticker.Stop()
}

// A goroutine per iteration sharing one ticker: no single owner.
func fanout(ctx context.Context, n int, tick func(int)) {
	ticker := time.NewTicker(time.Second)
	for i := 0; i < n; i++ {
		go func(i int) {
			for {
				select {
				case <-ticker.C:
					tick(i)
				case <-ctx.Done():
					return
				}
			}
		}(i)
	}
}
