package svc

import (
	"context"
	"os"
	"time"
)

func wait(ctx context.Context) {
	ctx, _ = context.WithTimeout(ctx, time.Second)
	<-ctx.Done()
}

func first(p string) byte {
	f, err := os.Open(p)
	if err != nil {
		return 0
	}
	b := make([]byte, 1)
	f.Read(b)
	return b[0]
}
