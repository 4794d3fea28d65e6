locals { name = "hello" }
