package svc

import (
	"context"
	"time"
)

func a(ctx context.Context) {
	//leakhound:ignore cancel-not-called the parent is cancelled right after
	ctx, _ = context.WithTimeout(ctx, time.Second)
	<-ctx.Done()
}

func b(ctx context.Context) {
	ctx, _ = context.WithTimeout(ctx, time.Second) //leakhound:ignore time-tick-leak,cancel-not-called short-lived
	<-ctx.Done()
}

func c(ctx context.Context) {
	//leakhound:ignore time-tick-leak wrong rule: still reported
	ctx, _ = context.WithTimeout(ctx, time.Second)
	<-ctx.Done()
}
