a = <<EOT
%<for p in ports>
EXPOSE $<p>
%<endif>
EOT
