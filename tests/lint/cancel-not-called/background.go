package cases

import (
	"context"
	"net/http"
	"time"
)

// A timer context on Background is released by its own timer at the
// deadline (nothing else cancels it): still reported, as a note, since
// every call holds a timer until then.
func expiry(d time.Duration) <-chan struct{} {
	ctx, _ := context.WithTimeout(context.Background(), d) // want "cancel-not-called:note"
	return ctx.Done()
}

func expiryAt(t time.Time) context.Context {
	ctx, _ := context.WithDeadline(context.TODO(), t) // want "cancel-not-called:note"
	return ctx
}

// Not called on one path: the same note.
func fetch(get func(context.Context) error, quick bool) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour) // want "cancel-not-called:note"
	if quick {
		return get(ctx)
	}
	defer cancel()
	return get(ctx)
}

// WithCancel on Background has no deadline: the context is never
// cancelled, and whatever waits on it waits for ever.
func forever(work func(context.Context)) {
	ctx, _ := context.WithCancel(context.Background()) // want "cancel-not-called:warning"
	go work(ctx)
}

// A timer context on a parent that can be cancelled stays registered with
// it: a warning.
func child(parent context.Context, work func(context.Context)) {
	ctx, _ := context.WithTimeout(parent, time.Minute) // want "cancel-not-called:warning"
	work(ctx)
}

// The parent is a local holding Background: the same note.
func expiryLocal(d time.Duration) <-chan struct{} {
	ctx := context.Background()
	ctx, _ = context.WithTimeout(ctx, d) // want "cancel-not-called:note"
	return ctx.Done()
}

func expiryNamed(d time.Duration) context.Context {
	root := context.TODO()
	ctx, _ := context.WithTimeout(root, d) // want "cancel-not-called:note"
	return ctx
}

// From the second iteration on the parent is the previous timer context,
// which keeps the new one registered: a warning.
func nested(n int, d time.Duration) context.Context {
	ctx := context.Background()
	for i := 0; i < n; i++ {
		ctx, _ = context.WithTimeout(ctx, d) // want "cancel-not-called:warning"
	}
	return ctx
}

// The parent may have been replaced by a cancellable context: a warning.
func maybeChild(parent context.Context, d time.Duration, inherit bool) context.Context {
	ctx := context.Background()
	if inherit {
		ctx = parent
	}
	ctx, _ = context.WithTimeout(ctx, d) // want "cancel-not-called:warning"
	return ctx
}

// Once per request: every request holds a timer for the whole hour, so
// the timers pile up with the request rate (a warning).
func handle(w http.ResponseWriter, r *http.Request) {
	ctx, _ := context.WithTimeout(context.Background(), time.Hour) // want "cancel-not-called:warning"
	<-ctx.Done()
}

// Once per iteration: the same.
func poll(n int, try func(context.Context) bool) {
	for i := 0; i < n; i++ {
		ctx, _ := context.WithTimeout(context.Background(), time.Minute) // want "cancel-not-called:warning"
		if try(ctx) {
			return
		}
	}
}
