a = "tab\there\nquote \" backslash \\ e-acute \u00e9 smile \U0001F600 cr\r"
b = ""
