package x

func (
