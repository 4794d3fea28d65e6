a = "$$<not> %%<not> $x %y ${HOME} 100%"
