package cases

import "context"

// WithCancelCause (Go 1.20+): the cause form leaks the same way.
func cause(parent context.Context) error {
	ctx, cancel := context.WithCancelCause(parent) // want "cancel-not-called"
	if ctx.Value("skip") != nil {
		return context.Cause(ctx)
	}
	cancel(nil)
	return nil
}
