a = "x   $<~ v ~>   y"
b = "x   $<v ~>   y"
c = <<EOT
%<for p in ports ~>
  EXPOSE $<p>
%<~ endfor>
EOT
