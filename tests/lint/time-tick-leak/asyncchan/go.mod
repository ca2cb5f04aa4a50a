module leakhound.test/lint/async

go 1.23

godebug asynctimerchan=1
