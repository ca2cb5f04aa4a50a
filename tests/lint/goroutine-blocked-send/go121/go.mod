module leakhound.test/lint/go121

go 1.21
