a = 'web'
