package sub

func small() {}
