ok
%<if name>
no end
