package cases

import "time"

// Go 1.23: the unreferenced timers are collected; silent like time.After.
func recheck(kick <-chan struct{}, d time.Duration, scan func()) {
	for {
		select {
		case <-time.NewTimer(d).C:
		case <-kick:
		}
		scan()
	}
}
