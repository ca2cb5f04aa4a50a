package p

// mutual recursion: the facts of ping and pong are settled together
func ping(c chan int, n int) {
	if n == 0 {
		close(c)
		return
	}
	pong(c, n-1)
}

func pong(c chan int, n int) {
	c <- n
	ping(c, n)
}

// self recursion
func drain(c chan int, n int) {
	if n > 0 {
		<-c
		drain(c, n-1)
	}
}
