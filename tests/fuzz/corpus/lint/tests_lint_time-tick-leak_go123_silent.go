package cases

import "time"

// Go 1.23 collects unreferenced tickers: time.Tick is fine.
func countdown(abort <-chan struct{}) {
	tick := time.Tick(time.Second)
	for i := 10; i > 0; i-- {
		select {
		case <-tick:
		case <-abort:
			return
		}
	}
}
