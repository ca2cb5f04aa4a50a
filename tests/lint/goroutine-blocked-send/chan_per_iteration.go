package cases

import (
	"sync"
	"time"
)

// A channel made inside a loop is a new channel in every iteration: the
// senders started in one round are counted against that round's channel
// only.

// silent: each round's channel has room for each round's senders.
func stressRounds(op func() error) error {
	for r := 0; r < 20; r++ {
		var wg sync.WaitGroup
		wg.Add(30)
		fails := make(chan error, 30)
		for k := 0; k < 30; k++ {
			go func() {
				defer wg.Done()
				if err := op(); err != nil {
					fails <- err
				}
			}()
		}
		go func() {
			wg.Wait()
			close(fails)
		}()
		if err, ok := <-fails; ok {
			return err
		}
	}
	return nil
}

// silent: one sender and one receive per item, on that item's channel.
func sumEach(xs []int, f func(int) int) int {
	total := 0
	for _, x := range xs {
		out := make(chan int)
		go func(x int) { out <- f(x) }(x)
		total += <-out
	}
	return total
}

// leak: the same shape, but unbuffered: the round returns after the first
// failure and 29 senders of that round stay blocked.
func stressRoundsUnbuffered(op func() error) error {
	for r := 0; r < 20; r++ {
		fails := make(chan error)
		for k := 0; k < 30; k++ {
			go func() {
				fails <- op() // want "goroutine-blocked-send"
			}()
		}
		if err := <-fails; err != nil {
			return err
		}
	}
	return nil
}

// leak: the channel is made once, outside the rounds: 600 senders in all,
// room for 30.
func stressRoundsShared(op func() error) error {
	fails := make(chan error, 30)
	for r := 0; r < 20; r++ {
		for k := 0; k < 30; k++ {
			go func() {
				if err := op(); err != nil {
					fails <- err // want "goroutine-blocked-send"
				}
			}()
		}
	}
	for r := 0; r < 20; r++ {
		if err := <-fails; err != nil {
			return err
		}
	}
	return nil
}

// leak: the iteration gives up on a timeout and moves on; its channel, and
// the sender blocked on it, are left behind.
func fetchAll(keys []string, get func(string) int, d time.Duration) []int {
	var got []int
	for _, k := range keys {
		v := make(chan int)
		go func(k string) { v <- get(k) }(k) // want "goroutine-blocked-send"
		select {
		case x := <-v:
			got = append(got, x)
		case <-time.After(d):
			continue
		}
	}
	return got
}
