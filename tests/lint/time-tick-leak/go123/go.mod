module leakhound.test/lint/go123

go 1.23
