// Package ownmain leaks like send, but its tests have their own TestMain.
package ownmain

// Fetch never reads its worker's result.
func Fetch() {
	ch := make(chan int)
	go func() { ch <- 1 }()
}
