// Package helperfile sends pings nobody may read.
package helperfile

// Ping sends one ping on ch.
func Ping(ch chan<- int) {
	ch <- 1
}
