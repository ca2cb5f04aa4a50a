module example.com/runcrash

go 1.19
