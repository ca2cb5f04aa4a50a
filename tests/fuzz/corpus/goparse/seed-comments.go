//go:build linux && amd64
// +build linux,amd64

//go:debug asynctimerchan=1

// Package p has comments everywhere.
package p

import (
	"fmt" // line comment on an import
	/* block */ _ "embed"
)

// T is documented.
type T struct {
	// A is documented.
	A int // and has a line comment
	B, C string /* block line comment */
}

/*
Block doc comment.
*/
func F() {
	x := 1 /* trailing */
	//leakhound:ignore goroutine-leak
	go fmt.Println(x) // why
	// dangling
}

// a comment at the end
