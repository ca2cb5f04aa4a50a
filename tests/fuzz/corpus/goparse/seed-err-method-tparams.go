package p

type T struct{}

func (T) m[P any]() {}
