<!doctype html>
<title>$<app></title>
<h1>Hello from $<app></h1>
<ul>
%<for name in team~>
  <li>$<name></li>
%<endfor~>
</ul>
