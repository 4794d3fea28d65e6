a = "$$<not> %%<not> ${HOME} %{x} $5 100%"
b = "tab\there \"q\" \\ \u00e9"
