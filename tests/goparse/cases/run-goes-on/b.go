package bad

func (
