module leakhound.test/progs

go 1.19
