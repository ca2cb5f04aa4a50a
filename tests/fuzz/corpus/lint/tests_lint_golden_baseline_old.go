package svc

import (
	"context"
	"time"
)

func a(ctx context.Context) {
	ctx, _ = context.WithTimeout(ctx, time.Second)
	<-ctx.Done()
}
