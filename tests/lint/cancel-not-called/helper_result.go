package cases

import (
	"context"
	"time"
)

// A helper that returns a derived context and its cancel function: the
// caller must call it.
func withBudget(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, 5*time.Second)
}

func work(ctx context.Context) error {
	return ctx.Err()
}

func runBudgeted(ctx context.Context) error {
	ctx, cancel := withBudget(ctx) // want "cancel-not-called"
	if err := work(ctx); err != nil {
		return err
	}
	cancel()
	return nil
}

// fixed twin
func runBudgetedFixed(ctx context.Context) error {
	ctx, cancel := withBudget(ctx)
	defer cancel()
	return work(ctx)
}
