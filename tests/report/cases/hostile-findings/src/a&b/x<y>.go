package main

import "time"

func main() {
	for {
		select {
		case <-time.After(time.Second): // "</pre><script>alert('src')</script>" & more
		}
	}
}
