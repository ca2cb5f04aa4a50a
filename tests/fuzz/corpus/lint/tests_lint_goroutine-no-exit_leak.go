package cases

import "fmt"

func fibonacci(c, quit chan int) {
	x, y := 0, 1
	for {
		select {
		case c <- x:
			x, y = y, x+y
		case <-quit:
			fmt.Println("quit")
			return
		}
	}
}

// the generator is abandoned: quit is never closed.
func firstFib() {
	c := make(chan int)
	quit := make(chan int)
	go fibonacci(c, quit) // want "goroutine-no-exit:warning"
	for i := 0; i < 10; i++ {
		fmt.Println(<-c)
	}
}

// a watcher that only stops when done is closed, which never happens.
func watch(events <-chan string) {
	done := make(chan struct{})
	go func() { // want "goroutine-no-exit"
		for {
			select {
			case e := <-events:
				fmt.Println(e)
			case <-done:
				return
			}
		}
	}()
	fmt.Println("watching")
}

// closed on one path only.
func maybe(events <-chan string, ok bool) error {
	stop := make(chan bool)
	go func() { // want "goroutine-no-exit"
		for {
			select {
			case e := <-events:
				fmt.Println(e)
			case <-stop:
				return
			}
		}
	}()
	if !ok {
		return fmt.Errorf("not ok")
	}
	close(stop)
	return nil
}
