module leakhound.test/lint/go122

go 1.22
