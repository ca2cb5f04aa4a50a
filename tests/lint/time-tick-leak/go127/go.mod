module leakhound.test/lint/go127

go 1.22

toolchain go1.27.0

godebug asynctimerchan=1
