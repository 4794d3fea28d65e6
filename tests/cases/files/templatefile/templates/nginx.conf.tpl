server {
  server_name $<server>;
%<for p in ports~>
listen $<p>;
%<endfor~>
  # ${nginx_var} stays as written
}
