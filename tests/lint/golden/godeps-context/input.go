package cases

import (
	"time"

	"example.com/app/Godeps/_workspace/src/golang.org/x/net/context"
)

// godep rewrote the import of golang.org/x/net/context (itself the old
// home of context): the same package.  The WithTimeout branch overwrites
// the cancel of the WithCancel before anything called it.
func headerWait(ctx context.Context, d time.Duration) error {
	hctx, hcancel := context.WithCancel(ctx) 
	if d > 0 {
		hctx, hcancel = context.WithTimeout(ctx, d)
	}
	defer hcancel()
	<-hctx.Done()
	return hctx.Err()
}

// fixed twin: the first cancel is called before it is replaced.
func headerWaitFixed(ctx context.Context, d time.Duration) error {
	hctx, hcancel := context.WithCancel(ctx)
	if d > 0 {
		hcancel()
		hctx, hcancel = context.WithTimeout(ctx, d)
	}
	defer hcancel()
	<-hctx.Done()
	return hctx.Err()
}
