package svc

import "time"

func f() {
	<-time.Tick(time.Second)
}
