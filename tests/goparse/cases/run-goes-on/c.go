package good

var x = 1
