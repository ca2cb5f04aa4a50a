package svc

import (
	"context"
	"time"
)

// golangci-lint's directives are honoured: code annotated for it needs
// nothing new.

func a(ctx context.Context) {
	ctx, _ = context.WithTimeout(ctx, time.Second) //nolint:leakhound // the parent is cancelled right after
	<-ctx.Done()
}

func b(ctx context.Context) {
	//nolint:errcheck,cancel-not-called
	ctx, _ = context.WithTimeout(ctx, time.Second)
	<-ctx.Done()
}

func c(ctx context.Context) {
	ctx, _ = context.WithTimeout(ctx, time.Second) //nolint
	<-ctx.Done()
}

func d(ctx context.Context) {
	ctx, _ = context.WithTimeout(ctx, time.Second) //nolint:all
	<-ctx.Done()
}

func e(ctx context.Context) {
	ctx, _ = context.WithTimeout(ctx, time.Second) //nolint:errcheck,gosec wrong linters: still reported
	<-ctx.Done()
}

func f(ctx context.Context) {
	ctx, _ = context.WithTimeout(ctx, time.Second) //nolintx is not a directive: still reported
	<-ctx.Done()
}

func g(ctx context.Context) {
	ctx, _ = context.WithTimeout(ctx, time.Second) //nolint:cancel-not-called-x a longer name: still reported
	<-ctx.Done()
}
