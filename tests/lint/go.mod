module leakhound.test/lint

go 1.19
