module example.test/inner

go 1.21
