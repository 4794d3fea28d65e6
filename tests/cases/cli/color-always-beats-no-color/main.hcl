port = 80 @
