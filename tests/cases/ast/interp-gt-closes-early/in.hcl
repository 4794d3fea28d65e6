# inside $<...> the first > at bracket depth 0 closes the interpolation:
# this is $<a> followed by the text " b>"
x = "$<a > b>"
