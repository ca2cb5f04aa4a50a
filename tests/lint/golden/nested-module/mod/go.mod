module example.test/outer

go 1.21
