package cases

import (
	ctxpkg "context"
	"time"
)

func aliased(parent ctxpkg.Context) {
	ctx, _ := ctxpkg.WithTimeout(parent, time.Second) // want "cancel-not-called"
	<-ctx.Done()
}

type fakeContext struct{}

func (fakeContext) WithCancel(p ctxpkg.Context) (ctxpkg.Context, func()) { return p, func() {} }

func shadowed(parent ctxpkg.Context) {
	context := fakeContext{}
	ctx, _ := context.WithCancel(parent)
	<-ctx.Done()
}
