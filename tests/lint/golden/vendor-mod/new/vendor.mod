module example.com/new

// kept as vendor.mod, as repositories that vendor but are not modules do
go 1.25.0
