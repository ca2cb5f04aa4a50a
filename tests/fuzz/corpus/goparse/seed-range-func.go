// Range over functions (Go 1.23) and over integers (Go 1.22).
package p

import "iter"

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func Pairs[K comparable, V any](m map[K]V) iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		for k, v := range m {
			if !yield(k, v) {
				return
			}
		}
	}
}

func use() {
	for x := range Count(3) {
		_ = x
	}
	for range 10 {
	}
	for k, v := range Pairs(map[string]int{"a": 1}) {
		println(k, v)
	}
	for range Count(2) {
	}
}
