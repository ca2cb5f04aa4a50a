package cases

import "fmt"

func feed(out chan<- string, lines []string) {
	for _, l := range lines {
		out <- l
	}
}

func finish(out chan<- string) { close(out) }

// the values are sent by a same-package function; nobody closes.
func printLines(lines []string) {
	out := make(chan string)
	go func() {
		for l := range out { // want "goroutine-blocked-recv"
			fmt.Println(l)
		}
	}()
	feed(out, lines)
}

// fixed twin: a same-package function closes it.
func printLinesClosed(lines []string) {
	out := make(chan string)
	go func() {
		for l := range out {
			fmt.Println(l)
		}
	}()
	feed(out, lines)
	finish(out)
}
