cpu=256
memory   =   512
tags={Team="core",Env="dev"}
