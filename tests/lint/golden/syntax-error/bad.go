package svc

func broken( {
}
