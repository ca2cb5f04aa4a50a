module example.com/both

go 1.25.0
