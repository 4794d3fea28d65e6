[{"name":"web","image":"${image}","memory":${mem},"cpu":10}]
