module leakhound/bench/fleet

go 1.19
