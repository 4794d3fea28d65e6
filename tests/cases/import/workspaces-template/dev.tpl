[{"name":"web","image":"${image}","memory":${mem}}]
